package main

import (
	"fmt"

	"dsaviz/render"
	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

// maxEvents bounds each run's event buffer. MaxEventsPerLayer fits every
// preset many times over; a config built to gather millions of lines per
// layer loses the flashes beyond this (the engine counts them as dropped),
// not the counts.
const maxEvents = 1 << 20

// maxTokenTable bounds layers*(prompt+steps) in the app, below config's
// MaxTokenTable: the engine keeps several tables of that many entries
// (about 8 bytes each in all), and a WebAssembly program that runs out of
// memory dies with a dead canvas instead of an error. 2^25 entries is about
// 260 MB; dsasim runs larger configs.
const maxTokenTable = 1 << 25

// maxSelectionBytes bounds the selections a synthetic run keeps in the
// app. The trace source keeps every step's (a step back re-simulates from
// them), 4 bytes a selected token, so a long run at DeepSeek-V3.2 scale
// (500 KB a step) would outgrow the tab, and a lecture left playing would
// end in a dead canvas: 1 GiB is 2,148 steps of dsv32-h100.
const maxSelectionBytes = 1 << 30

// stepSelectionBytes is what one decode step of cfg's synthetic trace
// keeps: every layer's and request's top-k.
func stepSelectionBytes(cfg config.Config) int64 {
	return 4 * int64(cfg.Layers) * int64(cfg.TopK) * int64(max(cfg.Batch, 1))
}

// maxAppSteps is the most decode steps of cfg whose selections the app
// keeps (0 when one step is already too much).
func maxAppSteps(cfg config.Config) int {
	return int(maxSelectionBytes / stepSelectionBytes(cfg))
}

// stepsError says why cfg's synthetic run has too many steps for the
// app, nil when it has not.
func stepsError(cfg config.Config) error {
	n := maxAppSteps(cfg)
	if cfg.Steps <= n {
		return nil
	}
	return fmt.Errorf("steps=%d would keep %.1f GiB of selections in the browser, more than the app's %d GiB: "+
		"at most %d steps of this config (the command-line tool dsasim runs more)",
		cfg.Steps, float64(cfg.Steps)*float64(stepSelectionBytes(cfg))/(1<<30), maxSelectionBytes>>30, n)
}

// runSpec is everything that defines the runs on screen: A's config and
// the preset it started from, whether B runs beside it, and B's config.
// B always shares A's trace (compare.ShareTrace); its config is kept while
// the comparison is off, so that turning it on again brings the same B.
type runSpec struct {
	cfg     config.Config // A
	preset  string        // the preset A started from, "" for the defaults
	compare bool
	b       config.Config // B
	log     *trace.Log    // the real index log both replay, nil for the generator
}

// withA returns the spec with A's config replaced, B keeping its own keys
// (the ones that differ from compare.DefaultB of the old A) over the new
// A's default B.
func (s runSpec) withA(cfg config.Config, preset string) runSpec {
	own := s.b.Query(compare.DefaultB(s.cfg))
	b := compare.DefaultB(cfg)
	if err := b.ApplyQuery(own); err != nil || b.Validate() != nil {
		b = compare.DefaultB(cfg) // B's keys do not fit the new A
	}
	s.cfg, s.preset, s.b = cfg, preset, compare.ShareTrace(b, cfg)
	return s
}

// runs is the comparison on screen and the spec it runs.
type runs struct {
	spec runSpec
	cmp  *compare.Comparison
	// seek is the step a jump re-simulates to, -1 when none is under way.
	seek int
	// recorded reports that the last layer run kept its events.
	recorded bool
}

// newRuns validates spec and builds its runs at step 0. An engine that
// panics while being built is reported as an error: the caller keeps its
// old runs.
func newRuns(spec runSpec) (r *runs, err error) {
	cfgs := []config.Config{spec.cfg}
	if spec.compare {
		cfgs = append(cfgs, spec.b)
	}
	for i, c := range cfgs {
		if err := c.Validate(); err != nil {
			if i == 1 {
				return nil, fmt.Errorf("run B: %w", err)
			}
			return nil, err
		}
	}
	if n := int64(spec.cfg.Layers) * int64(spec.cfg.Prompt+spec.cfg.Steps); n > maxTokenTable {
		return nil, fmt.Errorf("layers*(prompt+steps) = %d is more than the app's %d: it would need over %d MB "+
			"(the command-line tool dsasim runs it)", n, maxTokenTable, n*8>>20)
	}
	if spec.log == nil {
		if err := stepsError(spec.cfg); err != nil {
			return nil, err
		}
	}
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("building the simulation failed: %v", p)
		}
	}()
	var b *config.Config
	if spec.compare {
		b = &spec.b
	}
	opts := compare.Options{MaxEvents: maxEvents}
	if spec.log != nil {
		opts.Source = spec.log
	}
	c, err := compare.New(spec.cfg, b, opts)
	if err != nil {
		return nil, err
	}
	return &runs{spec: spec, cmp: c, seek: -1}, nil
}

// views are the runs as the scene reads them.
func (r *runs) views() render.Runs {
	v := render.Runs{A: r.cmp.View(0)}
	if r.cmp.Runs() == 2 {
		v.B = r.cmp.View(1)
	}
	return v
}

// seeking reports whether a jump is being re-simulated.
func (r *runs) seeking() bool { return r.seek >= 0 }

// seekShown is the step a jump under way goes to as the HUD counts steps
// (it ends after the last layer of step seek, 1-based), 0 when none.
func (r *runs) seekShown() int {
	if !r.seeking() {
		return 0
	}
	return r.seek
}

// jump starts going to the start of decode step target (clamped to the
// run): it restores the nearest checkpoint; the layers left to re-simulate
// run through advance, which shows none of them until the target.
func (r *runs) jump(target int) {
	target = min(max(target, 0), r.cmp.Steps())
	r.cmp.Seek(target)
	r.seek = target
	r.settle()
}

// settle ends a jump that has reached its target.
func (r *runs) settle() {
	if r.seek >= 0 && (r.cmp.Done() || (r.cmp.Step() >= r.seek && r.cmp.Layer() == 0)) {
		r.seek = -1
	}
}

// advance runs the next layer of every run, keeping its events if shown
// (the caller's choice; during a jump, only for the jump's last layer,
// whose flashes the picture at the target shows).
func (r *runs) advance(shown bool) {
	if r.seeking() {
		shown = r.cmp.Step() == r.seek-1 && r.cmp.Layer() == r.spec.cfg.Layers-1
	}
	r.cmp.Advance(shown)
	r.recorded = shown
	r.settle()
}

// stats fills the simulation's part of st: cumulative since step 0, for A
// and, when comparing, B.
func (r *runs) stats(st *Stats) {
	st.runStats = readRunStats(r.cmp.View(0))
	st.B = nil
	if r.cmp.Runs() == 2 {
		b := readRunStats(r.cmp.View(1))
		st.B = &b
	}
	st.Seeking = r.seeking()
	st.Done = r.cmp.Done()
}
