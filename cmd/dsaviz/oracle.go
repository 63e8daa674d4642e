package main

import (
	"fmt"

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
