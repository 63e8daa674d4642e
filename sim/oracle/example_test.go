package oracle_test

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/oracle"
	"dsaviz/sim/workload"
)

// The token LRU's reserved hits at any size come from one pass, and
// equal a run at that size; MIN at the same size has at least as many.
func ExampleRun() {
	cfg, _ := config.Preset("small-demo")
	r, err := oracle.NewRun(cfg, nil) // nil: the config's synthetic trace
	if err != nil {
		panic(err)
	}
	slots := r.Slots(int64(cfg.Reserve))
	lru, _ := r.LRU(slots, config.ScopeGlobal)
	perStep, _ := r.MIN(slots, config.ScopeGlobal)
	var min int64
	for _, h := range perStep {
		min += h
	}

	e, _ := engine.New(cfg, nil)
	e.Run()
	fmt.Println("curve equals the run:", lru == e.Totals()[workload.KV].ReservedHits)
	fmt.Println("MIN beats LRU:", min >= lru)
	// Output:
	// curve equals the run: true
	// MIN beats LRU: true
}
