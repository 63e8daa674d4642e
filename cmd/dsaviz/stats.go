package main

import "dsaviz/sim/engine"

// runStats are one run's figures for window.dsaviz.stats(): counts
// cumulative since the last reset (a new config or R), over the layers
// completed so far. The rates are the engine's own definitions
// (engine.RunStats), the ones the HUD and dsasim show.
type runStats struct {
	// Step counts the completed decode steps; Layer is the next layer to
	// run in the step in progress.
	Step  int64
	Layer int
	// Accesses counts line accesses; each is a reserved hit, a shared hit
	// or a miss. Hits = ReservedHits + SharedHits.
	Accesses, Hits, ReservedHits, SharedHits, Misses int64
	// BlockingMisses are the misses of the KV gather, which stall decoding.
	BlockingMisses int64
	// HitRate is Hits / Accesses, KVHitRate the KV gather's alone (0
	// before any access).
	HitRate, KVHitRate float64
	// TokensPerSecond is the completed steps over their estimated time (0
	// before the first step completes).
	TokensPerSecond float64
}

// readRunStats reads a run's figures.
func readRunStats(v engine.View) runStats {
	run := v.RunStats()
	sum := run.Class.Sum()
	return runStats{
		Step: int64(run.Steps), Layer: v.Layer(),
		Accesses: sum.Accesses, Hits: sum.Hits(), ReservedHits: sum.ReservedHits, SharedHits: sum.SharedHits,
		Misses: sum.Misses, BlockingMisses: run.BlockingMisses(),
		HitRate: run.HitRate(), KVHitRate: run.KVHitRate(), TokensPerSecond: run.TokensPerSecond(),
	}
}

// fields returns r as a flat map with the JavaScript names.
func (r runStats) fields() map[string]any {
	return map[string]any{
		"step":            r.Step,
		"layer":           r.Layer,
		"accesses":        r.Accesses,
		"hits":            r.Hits,
		"reservedHits":    r.ReservedHits,
		"sharedHits":      r.SharedHits,
		"misses":          r.Misses,
		"blockingMisses":  r.BlockingMisses,
		"hitRate":         r.HitRate,
		"kvHitRate":       r.KVHitRate,
		"tokensPerSecond": r.TokensPerSecond,
	}
}

// Stats is what window.dsaviz.stats() returns: run A's figures at the top
// level, B's under "b" when comparing, and the app's own state.
type Stats struct {
	runStats
	// B is run B's figures, nil when not comparing.
	B *runStats
	// Seeking reports that a jump (Left, the step field, at=N) is being
	// re-simulated: the figures are on their way to the target step.
	Seeking bool
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
	// Help reports whether the help overlay is shown; Charts whether the
	// charts are, instead of the caches.
	Help, Charts bool
	// HelpPage is the help's page shown, 1-based (0: closed), of
	// HelpPages.
	HelpPage, HelpPages int
	// Lecture reports whether the lecture theme is shown.
	Lecture bool
	// Tour is the guided tour's scene on screen (1-based), 0 for none.
	Tour int
	// Request is the request of the batch shown (1-based, like req=K);
	// Requests and RequestsB are the figures of every request of A's and
	// B's batch (requeststats.go).
	Request             int
	Requests, RequestsB []requestStats
	// UpdateMillis and DrawMillis are the CPU time spent in Update and
	// Draw, in milliseconds, averaged over the last complete window of 30
	// frames (0 before the first window completes). GPU work that Draw
	// queues is not included: it runs later, in the browser.
	UpdateMillis, DrawMillis float64
	// Curve is the curve chart's figures at A's size, nil until the
	// charts have been shown.
	Curve *CurveStats
}

// fields returns s as a flat map with the JavaScript names, ready for
// syscall/js.ValueOf.
func (s Stats) fields() map[string]any {
	f := s.runStats.fields()
	f["requests"] = requestFields(s.Requests)
	if s.B != nil {
		b := s.B.fields()
		b["requests"] = requestFields(s.RequestsB)
		f["b"] = b
	}
	f["seeking"] = s.Seeking
	f["done"] = s.Done
	f["fps"] = s.FPS
	f["tps"] = s.TPS
	f["frames"] = s.Frames
	f["playing"] = s.Playing
	f["speed"] = s.Speed
	f["help"] = s.Help
	f["charts"] = s.Charts
	f["helpPage"] = s.HelpPage
	f["helpPages"] = s.HelpPages
	f["lecture"] = s.Lecture
	f["tour"] = s.Tour
	f["request"] = s.Request
	f["updateMs"] = s.UpdateMillis
	f["drawMs"] = s.DrawMillis
	f["curve"] = nil
	if s.Curve != nil {
		f["curve"] = s.Curve.fields()
	}
	return f
}
