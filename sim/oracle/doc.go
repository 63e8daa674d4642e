// Package oracle measures what the token reservation could do, replaying
// a run's reservation accesses (engine.TokenKeys, the engine's own order)
// without running the cache:
//
//   - MIN: Belady's MIN for the token store at a capacity, in either
//     scope, seeing a horizon of steps ahead, and for a fully associative
//     line cache of the KV gather's lines (LineMIN);
//   - LRU's stack distances: one pass gives the token LRU's hits at every
//     reservation size (Histogram.Hits), exactly the engine's reserved
//     hits at each size.
//
// Usage (Run answers for one config; Sequence is the layer below it):
//
//	r, err := oracle.NewRun(cfg, src) // src nil: the synthetic trace of cfg
//	if err != nil {
//		return err // an invalid config, or the packed layout (ErrPacked)
//	}
//	slots := r.Slots(int64(cfg.Reserve))
//	lru, _ := r.LRU(slots, cfg.TokenScope) // reserved hits, exactly the engine's
//	min, _ := r.MIN(slots, cfg.TokenScope) // MIN's reserved hits, step by step
//	for s := r.MinSlots(cfg.TokenScope); s <= r.MaxSlots(); s += 100 {
//		hits, _ := r.LRU(s, cfg.TokenScope) // the whole curve, O(1) a size
//		...
//	}
//
// A Sequence holds 8 bytes per access (the keys and their next uses), as
// much as the generator's memory for the same selections; the stack
// distances need 4 more per access while they are counted.
package oracle
