package engine

import (
	"dsaviz/sim/config"
)

// Read-only views of one request of the batch, for a picture that shows
// one request at a time (the app's token strip). Like the rest of View,
// none of these changes replacement state, counters or anything a later
// layer reads, and none makes the trace source generate a selection the
// engine has not gathered yet.

// Requests is the number of requests of the batch.
func (v View) Requests() int { return v.e.Requests() }

// Prompt is the prompt length of a request: its context at step t holds
// Prompt(request) + t tokens.
func (v View) Prompt(request int) int { return v.e.layout.Prompt(request) }

// ReservationKeys is Engine.ReservationKeys: how the reservation numbers
// (request, layer, token or page); the zero KeySpace in modes none and
// ways.
func (v View) ReservationKeys() KeySpace { return v.e.keys }

// RequestTotals is Engine.RequestTotals: per request, the counts of every
// completed step (the engine's: read-only).
func (v View) RequestTotals() []RequestStats { return v.e.requests }

// SelectionOf is Selection for a request of the batch: S(step, layer) of
// the request as the engine gathered it, for a layer already run; nil for
// a later layer, a request or position out of range.
func (v View) SelectionOf(request, step, layer int) []int32 {
	e := v.e
	if request < 0 || request >= e.Requests() || layer < 0 || layer >= e.cfg.Layers ||
		step < 0 || step > e.step || (step == e.step && layer >= e.layer) {
		return nil
	}
	return checked(e.batch.Request(request).Selection(step, layer), e.layout.Prompt(request)+step, e.cfg.TopK)
}

// PrevKResidentsOf is Engine.PrevKResidentsOf (read-only).
func (v View) PrevKResidentsOf(request, layer int) []int32 {
	return v.e.PrevKResidentsOf(request, layer)
}

// Holds reports whether the reservation holds a token of a request's
// layer: its own key (modes tokens and prevk) or its page's (mode pages).
// In modes none and ways, which hold lines rather than tokens, and for a
// position out of range, it is false.
func (v View) Holds(request, layer, token int) bool {
	e := v.e
	k := e.keys
	if token < 0 || token >= e.layout.MaxContext() || request < 0 || request >= k.Requests || layer < 0 || layer >= k.Layers {
		return false
	}
	switch e.cfg.Mode {
	case config.ModeTokens:
		return e.tokens.Contains(k.Key(request, layer, token))
	case config.ModePages:
		return e.tokens.Contains(k.Key(request, layer, token/e.cfg.PageTokens))
	case config.ModePrevK:
		return e.prevk.member[k.Key(request, layer, token)]
	}
	return false
}
