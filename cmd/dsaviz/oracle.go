package main

import (
	"fmt"
	"time"

	"dsaviz/render"
	"dsaviz/sim/config"
	"dsaviz/sim/oracle"
)

// measureMIN compares A's token LRU with Belady's MIN at the same
// reservation, over the steps run so far, for the help (issue 11): both
// reserved-hit counts and the gap. MIN sees the config's horizon ahead
// (future selections come from the shared source without disturbing the
// runs). Nil outside mode tokens, in the packed layout, or before a step.
func (g *Game) measureMIN() *render.MINGap {
	r := &g.run
	cfg := r.spec.cfg
	steps := r.cmp.Step()
	if cfg.Mode != config.ModeTokens || steps == 0 {
		return nil
	}
	// MIN over the steps run decides as it would over the whole run: it
	// sees no further than the horizon.
	cfg.Steps = min(cfg.Steps, steps+cfg.Horizon)
	var run *oracle.Run
	var err error
	if b := r.cmp.Batch(); b != nil {
		run, err = oracle.NewRunWithBatch(cfg, b)
	} else {
		run, err = oracle.NewRun(cfg, r.cmp.Source())
	}
	if err != nil {
		return &render.MINGap{Problem: err.Error()}
	}
	slots := run.Slots(int64(cfg.Reserve))
	perStep, ok := run.MIN(slots, cfg.TokenScope)
	if !ok {
		return &render.MINGap{Problem: fmt.Sprintf("MIN has no answer for %d slots in scope %s", slots, cfg.TokenScope)}
	}
	gap := &render.MINGap{Steps: steps, Slots: slots, Scope: cfg.TokenScope, Horizon: cfg.Horizon}
	for _, h := range perStep[:min(steps, len(perStep))] {
		gap.MIN += h
	}
	// The engine's own LRU over the completed steps (the step in progress
	// has no MIN figure yet).
	for _, st := range r.cmp.View(0).History() {
		gap.LRU += st.ReservedHits
		gap.Gathered += st.KVAccesses
	}
	return gap
}

// chartMIN is the MIN the curve chart marks at A's size: the help's, if
// it measured these runs at this step, or else one the chart measures
// itself while paused, for runs small enough (chartMINAccesses) that it
// takes about a second at most; nil otherwise.
func (g *Game) chartMIN() *render.MINGap {
	r, sc := &g.run, &g.screen
	steps := r.cmp.Step()
	if m := sc.measured; m != nil && m.MIN != nil && sc.measuredOf == r.runs && m.MIN.Steps == steps {
		return m.MIN
	}
	if r.minGap != nil && r.minOf == r.runs && r.minGap.Steps == steps {
		return r.minGap
	}
	cfg := r.spec.cfg
	accesses := int64(min(cfg.Steps, steps+cfg.Horizon)) * int64(cfg.Layers) * int64(cfg.TopK) * int64(cfg.Batch)
	if r.play.playing || r.seeking() || steps == 0 || cfg.Mode != config.ModeTokens || accesses > chartMINAccesses {
		return nil
	}
	r.minGap, r.minOf = g.measureMIN(), r.runs
	return r.minGap
}

// followCurve brings the charts' curve up to date while they are shown,
// within the simulation's CPU budget (counting a step costs about what
// simulating it does).
func (g *Game) followCurve() {
	if !g.link.launched.charts {
		return
	}
	start := time.Now()
	g.screen.curve = g.run.curve.follow(g.run.runs, g.chartMIN())
	g.run.budget.spend(time.Since(start))
}
