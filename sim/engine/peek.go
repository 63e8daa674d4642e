package engine

import "math/bits"

// Read-only views of the engine's state for pictures (render/): none of
// these changes replacement state, counters or anything a later layer
// reads.

// Ran returns the decode step and layer of the most recently simulated
// layer, and ok false before the first.
func (e *Engine) Ran() (step, layer int, ok bool) {
	switch {
	case e.layer > 0:
		return e.step, e.layer - 1, true
	case e.step > 0:
		return e.step - 1, e.cfg.Layers - 1, true
	}
	return 0, 0, false
}

// PrevKQuota is the number of token slots each layer has in mode prevk,
// 0 in every other mode.
func (e *Engine) PrevKQuota() int {
	if e.prevk == nil {
		return 0
	}
	return e.prevk.quota
}

// PrevKResidents returns the tokens of a layer of request 0 the prevk
// reservation holds, sorted; nil outside mode prevk or for a layer out of range. The slice is
// the engine's own: read it before the next AdvanceLayer, never write it.
func (e *Engine) PrevKResidents(layer int) []int32 {
	return e.PrevKResidentsOf(0, layer)
}

// PrevKResidentsOf is PrevKResidents for a request of the batch; nil for
// a request out of range.
func (e *Engine) PrevKResidentsOf(request, layer int) []int32 {
	if e.prevk == nil || request < 0 || request >= e.prevk.keys.Requests || layer < 0 || layer >= e.prevk.keys.Layers {
		return nil
	}
	return e.prevk.held[request*e.prevk.keys.Layers+layer]
}

// PageTokensUsed returns how many tokens of the page in a slot of the
// pages reservation have been gathered since the page was brought in; 0
// outside mode pages or for a slot out of range.
func (e *Engine) PageTokensUsed(slot int) int {
	p := e.pages
	if p == nil || slot < 0 || (slot+1)*p.words > len(p.used) {
		return 0
	}
	n := 0
	for _, w := range p.used[slot*p.words : (slot+1)*p.words] {
		n += bits.OnesCount64(w)
	}
	return n
}
