package engine

import (
	"unsafe"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/internal/state"
	"dsaviz/sim/workload"
)

// View is a read-only window on a run: everything a picture, a HUD or a
// tooltip reads, and nothing that changes replacement state, counters or
// anything a later layer reads (Peek-style accessors only). render/ draws
// Views and never sees the Engine. A View reads the engine as it is now:
// it is not a copy. The zero View views nothing (Valid is false); two Views
// are == when they view the same engine.
type View struct{ e *Engine }

// View returns a read-only view of the engine.
func (e *Engine) View() View { return View{e} }

// Valid reports whether the view has a run behind it.
func (v View) Valid() bool { return v.e != nil }

// Config is the run's config.
func (v View) Config() config.Config { return v.e.cfg }

// Layout is the run's memory layout (read-only).
func (v View) Layout() *workload.Layout { return v.e.layout }

// Ran is Engine.Ran: the step and layer simulated last.
func (v View) Ran() (step, layer int, ok bool) { return v.e.Ran() }

// Step is the decode step the next layer belongs to.
func (v View) Step() int { return v.e.step }

// Layer is the next layer to run.
func (v View) Layer() int { return v.e.layer }

// Done reports whether every step has been simulated.
func (v View) Done() bool { return v.e.Done() }

// Current is the step in progress (Layers is the engine's: read-only).
func (v View) Current() StepStats { return v.e.cur }

// LastStep is the last completed step (Layers is the engine's: read-only).
func (v View) LastStep() StepStats { return v.e.last }

// History is one summary per completed step (the engine's: read-only).
func (v View) History() []StepSummary { return v.e.history }

// Totals are the counts of every completed layer.
func (v View) Totals() ByClass { return v.e.total }

// RunStats are the run's figures so far.
func (v View) RunStats() RunStats { return v.e.RunStats() }

// Shared views the shared part of the LLC.
func (v View) Shared() cache.PartitionView { return v.e.shared.View() }

// ReservedWays views mode ways' KV ways (not Valid in other modes).
func (v View) ReservedWays() cache.PartitionView {
	if v.e.kvWays == nil {
		return cache.PartitionView{}
	}
	return v.e.kvWays.View()
}

// TokenStore views the token (mode tokens) or page (mode pages) store (not
// Valid in other modes).
func (v View) TokenStore() cache.TokenView {
	if v.e.tokens == nil {
		return cache.TokenView{}
	}
	return v.e.tokens.View()
}

// PrevKQuota is Engine.PrevKQuota.
func (v View) PrevKQuota() int { return v.e.PrevKQuota() }

// PrevKResidents is Engine.PrevKResidents (read-only).
func (v View) PrevKResidents(layer int) []int32 { return v.e.PrevKResidents(layer) }

// PageTokensUsed is Engine.PageTokensUsed.
func (v View) PageTokensUsed(slot int) int { return v.e.PageTokensUsed(slot) }

// MaxEventsPerLayer is Engine.MaxEventsPerLayer.
func (v View) MaxEventsPerLayer() int { return v.e.MaxEventsPerLayer() }

// Selection is S(step, layer) of request 0 as the engine gathered it
// (clipped to the context and topk), for a layer already run; nil for a later one or a
// position out of range, so that a view never makes the source generate.
func (v View) Selection(step, layer int) []int32 {
	e := v.e
	if layer < 0 || layer >= e.cfg.Layers || step < 0 || step > e.step || (step == e.step && layer >= e.layer) {
		return nil
	}
	return checked(e.batch.Request(0).Selection(step, layer), e.layout.Prompt(0)+step, e.cfg.TopK)
}

// SameState reports whether a and b are in the same state: the same
// position, counters, history and cache contents with the same replacement
// state, so that every later layer would give both the same results.
// Scratch space and the trace source (shared between clones) are not
// compared. Tests use it to prove that drawing, hovering and stepping back
// change nothing.
func SameState(a, b *Engine) bool {
	if a.step != b.step || a.layer != b.layer || a.dropped != b.dropped || a.seconds != b.seconds ||
		a.total != b.total || a.cfg != b.cfg {
		return false
	}
	if !state.Equal(a.cur, b.cur) || !state.Equal(a.last, b.last) || !state.Equal(a.history, b.history) {
		return false
	}
	if !a.shared.SameState(b.shared) || (a.kvWays == nil) != (b.kvWays == nil) || (a.kvWays != nil && !a.kvWays.SameState(b.kvWays)) {
		return false
	}
	return state.Equal(a.tokens, b.tokens) && state.Equal(a.pages, b.pages) && state.Equal(a.prevk, b.prevk)
}

// StateBytes is about the memory a Clone of the engine takes, in bytes:
// what a checkpoint costs.
func (e *Engine) StateBytes() int64 {
	n := e.shared.StateBytes() + int64(cap(e.history))*int64(unsafe.Sizeof(StepSummary{})) +
		2*int64(len(e.cur.Layers))*int64(unsafe.Sizeof(LayerStats{}))
	if e.kvWays != nil {
		n += e.kvWays.StateBytes()
	}
	if e.tokens != nil {
		n += e.tokens.StateBytes()
	}
	if e.pages != nil {
		n += 8 * int64(len(e.pages.used))
	}
	if e.prevk != nil {
		n += int64(len(e.prevk.member)) + 4*int64(e.prevk.quota*len(e.prevk.held))
	}
	return n
}
