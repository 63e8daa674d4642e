package main

import (
	"dsaviz/render"
	"dsaviz/sim/engine"
)

// requestStats are one request's figures for window.dsaviz.stats()
// (requests[k-1] is request k): its indexer streams and KV gathers over
// the layers run so far (render.RequestCounts, what the HUD shows), so
// that the requests' blocking misses sum to the run's. The weight stream
// is the batch's and counts in no request.
type requestStats struct {
	// Prompt is the request's prompt length: its context at step t holds
	// Prompt + t tokens.
	Prompt int
	// Accesses counts the request's line accesses; each is a reserved hit,
	// a shared hit or a miss.
	Accesses, ReservedHits, SharedHits, Misses int64
	// BlockingMisses are the misses of its KV gathers; KVHitRate their
	// hit rate (0 before any access).
	BlockingMisses int64
	KVHitRate      float64
	// MissPages and Slowdown are the paper's time model of its gathers
	// (engine.Roofline).
	MissPages int64
	Slowdown  float64
}

// fillRequests fills the requests' figures of st: A's and, when
// comparing, B's.
func (r *runs) fillRequests(st *Stats) {
	st.Requests, st.RequestsB = readRequestStats(r.cmp.View(0)), nil
	if r.cmp.Runs() == 2 {
		st.RequestsB = readRequestStats(r.cmp.View(1))
	}
}

// readRequestStats reads the figures of every request of a run.
func readRequestStats(v engine.View) []requestStats {
	rs := make([]requestStats, v.Requests())
	for r := range rs {
		c := render.RequestCounts(v, r)
		sum := c.Class.Sum()
		rs[r] = requestStats{
			Prompt: v.Prompt(r), Accesses: sum.Accesses, ReservedHits: sum.ReservedHits, SharedHits: sum.SharedHits,
			Misses: sum.Misses, BlockingMisses: c.Class.BlockingMisses(), KVHitRate: c.Class.KVHitRate(),
			MissPages: c.Roofline.MissPages, Slowdown: c.Roofline.Slowdown(),
		}
	}
	return rs
}

// requestFields returns the requests' figures with their JavaScript names,
// as syscall/js.ValueOf takes them.
func requestFields(rs []requestStats) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		out[i] = map[string]any{
			"prompt":         r.Prompt,
			"accesses":       r.Accesses,
			"reservedHits":   r.ReservedHits,
			"sharedHits":     r.SharedHits,
			"misses":         r.Misses,
			"blockingMisses": r.BlockingMisses,
			"kvHitRate":      r.KVHitRate,
			"missPages":      r.MissPages,
			"slowdown":       r.Slowdown,
		}
	}
	return out
}
