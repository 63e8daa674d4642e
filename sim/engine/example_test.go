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
	// tokens: 10240 KV line reads, 3440 blocking misses
}

// Two reservation modes on one batch of two requests: both engines read
// the same Batch, so each selection is generated once, and the paper's
// roofline gives each run's slowdown over one efficient read of the top-k.
// (With four requests a step's selections outgrow the 384 token slots and
// the token LRU never hits.)
func ExampleNewWithBatch() {
	cfg, _ := config.Preset("small-demo")
	cfg.Batch, cfg.Reserve, cfg.TimeModel = 2, 48<<10, config.TimePaper
	batch, err := engine.NewBatch(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, mode := range []string{config.ModeNone, config.ModeTokens} {
		c := cfg
		c.Mode = mode
		e, err := engine.NewWithBatch(c, batch)
		if err != nil {
			fmt.Println(err)
			return
		}
		e.Run()
		r := e.Roofline()
		fmt.Printf("%s: %d requests, %d blocking KV pages, slowdown %.0f\n", mode, e.Requests(), r.MissPages, r.Slowdown())
	}
	// Output:
	// none: 2 requests, 6164 blocking KV pages, slowdown 9454
	// tokens: 2 requests, 3325 blocking KV pages, slowdown 5100
}
