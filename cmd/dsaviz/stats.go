package main

// Stats is what window.dsaviz.stats() returns (issue 3, section 6). The
// simulation's counts are cumulative since the last reset (a new config
// or R), over the layers completed so far.
type Stats struct {
	// Step counts the completed decode steps; Layer is the next layer to
	// run in the step in progress.
	Step  int64
	Layer int
	// Accesses counts line accesses; each is a reserved hit, a shared hit
	// or a miss. Hits = ReservedHits + SharedHits.
	Accesses, Hits, ReservedHits, SharedHits, Misses int64
	// BlockingMisses are the misses of the KV gather, which stall decoding.
	BlockingMisses int64
	// HitRate is Hits / Accesses (0 before any access).
	HitRate float64
	// TokensPerSecond is the completed steps over their estimated time (0
	// before the first step completes).
	TokensPerSecond float64
	// Done reports that every step of the run has been simulated.
	Done bool

	// FPS and TPS are Ebiten's measured frames (Draw) and ticks (Update)
	// per second.
	FPS, TPS float64
	// Frames counts completed Draw calls since start.
	Frames int64
	// Playing reports whether playback runs; Speed is the speed asked for,
	// in decode steps per second.
	Playing bool
	Speed   float64
	// Help reports whether the help overlay is shown.
	Help bool
	// UpdateMillis and DrawMillis are the CPU time spent in Update and
	// Draw, in milliseconds, averaged over the last complete window of 30
	// frames (0 before the first window completes). GPU work that Draw
	// queues is not included: it runs later, in the browser.
	UpdateMillis, DrawMillis float64
}

// fields returns s as a flat map with the JavaScript names, ready for
// syscall/js.ValueOf.
func (s Stats) fields() map[string]any {
	return map[string]any{
		"step":            s.Step,
		"layer":           s.Layer,
		"accesses":        s.Accesses,
		"hits":            s.Hits,
		"reservedHits":    s.ReservedHits,
		"sharedHits":      s.SharedHits,
		"misses":          s.Misses,
		"blockingMisses":  s.BlockingMisses,
		"hitRate":         s.HitRate,
		"tokensPerSecond": s.TokensPerSecond,
		"done":            s.Done,
		"fps":             s.FPS,
		"tps":             s.TPS,
		"frames":          s.Frames,
		"playing":         s.Playing,
		"speed":           s.Speed,
		"help":            s.Help,
		"updateMs":        s.UpdateMillis,
		"drawMs":          s.DrawMillis,
	}
}
