package engine_test

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// The token reservation against no reservation on the small demo: the
// weight stream flushes the cache between steps, so without a reservation
// every KV line is a blocking miss.
func Example() {
	for _, mode := range []string{config.ModeNone, config.ModeTokens} {
		cfg, _ := config.Preset("small-demo")
		cfg.Mode = mode
		if mode == config.ModeNone {
			cfg.Reserve = 0
		}
		e, err := engine.New(cfg, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		e.Run()
		kv := e.Totals()[workload.KV]
		fmt.Printf("%s: %d KV line reads, %d blocking misses\n", mode, kv.Accesses, e.Totals().BlockingMisses())
	}
	// Output:
	// none: 10240 KV line reads, 10240 blocking misses
	// tokens: 10240 KV line reads, 3196 blocking misses
}
