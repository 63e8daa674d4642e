package engine

import (
	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// gatherTokens is the proposal: a token-granularity LRU reservation. A
// resident token hits on all its lines; any other token is read through
// the shared part, then inserted whole, evicting the least recently used
// token.
func (e *Engine) gatherTokens(ls *LayerStats, r, l int, sel []int32) {
	c := &ls.Class[workload.KV]
	base, kv := e.keys.Key(r, l, 0), e.layout.KV(r, l)
	for _, tok := range sel {
		first, n := kv.TokenLines(int(tok))
		if e.tokens.Get(base + tok) {
			c.Accesses += int64(n)
			c.ReservedHits += int64(n)
			e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: ReservedHit})
			continue
		}
		heldFirst, heldLast := e.neighboursHold(r, l, int(tok), first, n, e.tokenResident)
		before := c.Misses
		e.fetchExclusive(c, first, n, tok, heldFirst, heldLast)
		e.missedSince(c, before, tok)
		if _, victim := mustAdd(e.tokens, base+tok); victim >= 0 {
			vr, vl, vt := e.keys.Split(victim)
			vfirst, vn := e.layout.KV(vr, vl).TokenLines(vt)
			c.Evictions += int64(vn)
			e.ev.add(Event{Line: vfirst, N: uint64(vn), Token: int32(vt), Class: workload.KV, Outcome: Evicted})
		}
	}
}

// tokenResident reports whether a token of a request's layer is in the
// reservation.
func (e *Engine) tokenResident(r, l, tok int) bool {
	return e.tokens.Contains(e.keys.Key(r, l, tok))
}

// neighboursHold reports, for the packed layout, whether the first and the
// last line of a token are already held in the reservation by a resident
// neighbour that shares them. Other layouts share no lines.
func (e *Engine) neighboursHold(r, l, tok int, first uint64, n int, resident func(r, l, tok int) bool) (heldFirst, heldLast bool) {
	if e.cfg.Layout != config.LayoutPacked {
		return false, false
	}
	lo, _ := e.layout.TokensOfLine(l, first)
	for t := lo; t < tok && !heldFirst; t++ {
		heldFirst = resident(r, l, t)
	}
	_, hi := e.layout.TokensOfLine(l, first+uint64(n)-1)
	for t := tok + 1; t <= hi && !heldLast; t++ {
		heldLast = resident(r, l, t)
	}
	return heldFirst, heldLast
}

// mustAdd is TokenLRU.Add of a key the engine built: checked keeps every
// selected token inside the context, so the key is always in range and an
// error here is a bug in the engine, not something an input can cause.
func mustAdd(t *cache.TokenLRU, key int32) (slot int, evicted int32) {
	slot, evicted, err := t.Add(key)
	if err != nil {
		panic("engine: " + err.Error())
	}
	return slot, evicted
}
