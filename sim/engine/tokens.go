package engine

import (
	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// tokenStore is mode tokens' reservation. e.tokens always holds every
// resident key (KeySpace), for the pictures and the packed layout's
// neighbour test. In the global scope it is also the policy: one LRU over
// all layers and requests. In the layer scope each layer has an LRU of
// its own share of the slots (LayerSlots), over every request's tokens of
// that layer, that decides its evictions, and e.tokens only mirrors them:
// its slots are the sum of the shares, so adding to it never evicts, and
// its recency order is not used.
type tokenStore struct {
	mirror *cache.TokenLRU // e.tokens
	keys   *TokenKeys
	keyBuf []int32           // one request's keys at a layer
	layer  []*cache.TokenLRU // layer scope: per layer, keys request*PerLayer+token; nil in the global scope
}

// LayerSlots is the share of a reservation of slots that layer l of
// layers gets in tokenScope layer: slots/layers, and one more for the
// first slots%layers layers, so that the shares add up to slots.
func LayerSlots(slots, layers, l int) int {
	n := slots / layers
	if l < slots%layers {
		n++
	}
	return n
}

// newTokenStore builds mode tokens' reservation of slots for a config;
// e.keys must be set.
func (e *Engine) newTokenStore(slots int) error {
	c := e.cfg
	var err error
	if e.tokens, err = cache.NewTokenLRU(slots, e.keys.Size()); err != nil {
		return err
	}
	e.store = &tokenStore{mirror: e.tokens, keys: newTokenKeys(c, e.batch, e.keys), keyBuf: make([]int32, 0, c.TopK)}
	if c.TokenScope != config.ScopeLayer {
		return nil
	}
	e.store.layer = make([]*cache.TokenLRU, c.Layers)
	for l := range e.store.layer {
		if e.store.layer[l], err = cache.NewTokenLRU(LayerSlots(slots, c.Layers, l), e.keys.Requests*e.keys.PerLayer); err != nil {
			return err
		}
	}
	return nil
}

// clone returns a deep copy whose mirror is the clone's own e.tokens.
func (s *tokenStore) clone(mirror *cache.TokenLRU) *tokenStore {
	c := *s
	c.mirror = mirror
	c.keyBuf = make([]int32, 0, cap(s.keyBuf))
	if s.layer != nil {
		c.layer = make([]*cache.TokenLRU, len(s.layer))
		for l, t := range s.layer {
			c.layer[l] = t.Clone()
		}
	}
	return &c
}

// local is a key's key in its layer's store: request*PerLayer + token.
func (s *tokenStore) local(key int32) int32 {
	r, _, tok := s.keys.space.Split(key)
	return int32(r*s.keys.space.PerLayer + tok)
}

// hit reports whether a key of layer l is resident and, if so, makes it
// the most recently used of its LRU.
func (s *tokenStore) hit(l int, key int32) bool {
	if s.layer == nil {
		return s.mirror.Get(key)
	}
	return s.layer[l].Get(s.local(key))
}

// gatherTokens is the proposal: a token-granularity LRU reservation. A
// resident token hits on all its lines; any other token is read through
// the shared part, then inserted whole, evicting the least recently used
// token (of its layer, in the layer scope).
func (e *Engine) gatherTokens(ls *LayerStats, r, l int, sel []int32) {
	c := &ls.Class[workload.KV]
	s := e.store
	s.keyBuf = s.keys.appendKeys(s.keyBuf[:0], r, l, sel)
	base, kv := e.keys.Key(r, l, 0), e.layout.KV(r, l)
	for _, key := range s.keyBuf {
		tok := key - base
		first, n := kv.TokenLines(int(tok))
		if s.hit(l, key) {
			c.Accesses += int64(n)
			c.ReservedHits += int64(n)
			e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: ReservedHit})
			continue
		}
		heldFirst, heldLast := e.neighboursHold(r, l, int(tok), first, n, e.tokenResident)
		before := c.Misses
		e.fetchExclusive(c, first, n, tok, heldFirst, heldLast)
		e.missedSince(c, before, tok)
		var victim int32
		if s.layer == nil {
			_, victim = mustAdd(e.tokens, key)
		} else {
			victim = e.insertScoped(l, key)
		}
		if victim >= 0 {
			vr, vl, vt := e.keys.Split(victim)
			vfirst, vn := e.layout.KV(vr, vl).TokenLines(vt)
			c.Evictions += int64(vn)
			e.ev.add(Event{Line: vfirst, N: uint64(vn), Token: int32(vt), Class: workload.KV, Outcome: Evicted})
		}
	}
}

// insertScoped inserts, in the layer scope, a key of layer l that is not
// resident and returns the key it evicted, or -1.
func (e *Engine) insertScoped(l int, key int32) (victim int32) {
	s := e.store
	_, v := mustAdd(s.layer[l], s.local(key))
	victim = -1
	if v >= 0 {
		per := int32(e.keys.PerLayer)
		victim = e.keys.Key(int(v/per), l, int(v%per))
		e.tokens.Remove(victim)
	}
	mustAdd(e.tokens, key) // the shares add up to its slots: never evicts
	return victim
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
