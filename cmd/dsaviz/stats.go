package main

// Stats is what window.dsaviz.stats() returns (issue 3, section 6).
//
// TODO(engine): the simulation fields (Step through TokensPerSecond) stay
// zero until the engine is wired in; they are then cumulative since the
// last reset, and Step counts completed decode steps. Frames, DemoTicks and
// Playing describe the placeholder scene.
type Stats struct {
	Step            int64
	Layer           int
	Accesses        int64
	Hits            int64
	ReservedHits    int64
	SharedHits      int64
	Misses          int64
	BlockingMisses  int64
	HitRate         float64
	TokensPerSecond float64

	// FPS and TPS are Ebiten's measured frames (Draw) and ticks (Update)
	// per second.
	FPS, TPS float64
	// Frames counts completed Draw calls since start.
	Frames int64
	// DemoTicks counts the placeholder animation's steps; it stops while
	// paused. It goes away with the placeholder.
	DemoTicks int64
	// Playing reports whether playback runs.
	Playing bool
	// UpdateMillis and DrawMillis are the CPU time spent in Update and
	// Draw, in milliseconds, averaged over the last complete window of 30
	// frames (0 before the first window completes). GPU work that
	// Draw queues is not included: it runs later, in the browser.
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
		"fps":             s.FPS,
		"tps":             s.TPS,
		"frames":          s.Frames,
		"demoTicks":       s.DemoTicks,
		"playing":         s.Playing,
		"updateMs":        s.UpdateMillis,
		"drawMs":          s.DrawMillis,
	}
}
