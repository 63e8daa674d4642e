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
// Usage:
//
//	keys, err := engine.NewTokenKeys(cfg, nil) // nil: the synthetic trace of cfg
//	if err != nil {
//		return err
//	}
//	seq, err := oracle.NewSequence(keys)
//	if err != nil {
//		return err
//	}
//	slots := int(int64(cfg.Reserve) / cfg.TokenStride())
//	min := seq.MIN(slots, cfg.TokenScope == config.ScopeLayer, cfg.Horizon) // token hits per step
//	hist := seq.StackDistances(cfg.TokenScope == config.ScopeLayer, slots)
//	lru := hist.Hits(slots) // the engine's reserved tokens hits at slots, for every slots
//
// A Sequence holds 8 bytes per access (the keys and their next uses), as
// much as the generator's memory for the same selections; the stack
// distances need 4 more per access while they are counted.
package oracle
