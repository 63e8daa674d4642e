// Package engine runs DSA decode steps against a simulated LLC, one layer
// at a time: per layer, for each request of the batch its indexer stream
// and its top-k KV gather through the configured reservation, then the
// layer's weight stream, once for the batch. It counts every line access
// as a reserved hit, a shared hit or a miss (a KV miss is a blocking
// miss), in total and per request, estimates the step time (Timing), keeps
// the paper's roofline of the gathers (Roofline, whose Slowdown is Table
// 4's figure), and can hand each layer's events to a caller's buffer
// without allocating.
//
// Usage:
//
//	cfg, _ := config.Preset("small-demo")
//	e, err := engine.New(cfg, nil) // nil: the synthetic trace of cfg
//	if err != nil {
//		return err // cfg did not validate
//	}
//	buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
//	for !e.Done() {
//		buf = e.AdvanceLayer(buf) // or e.AdvanceStep(), e.Run()
//	}
//	fmt.Println(e.Totals().BlockingMisses(), e.Seconds())
//
// The engine's state is plain data: Clone is a checkpoint, and running a
// clone gives exactly what running the original gives. Two engines can
// read one Batch of selections (NewWithBatch(cfg, e.Batch())), which then
// generates each selection once.
package engine
