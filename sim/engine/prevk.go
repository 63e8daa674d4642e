package engine

import "dsaviz/sim/workload"

// prevK is the "keep the last selection" baseline: the reservation holds,
// for each layer of each request, the previous step's top-k (the first
// quota tokens of it, in index order, when it does not all fit).
type prevK struct {
	quota  int
	keys   KeySpace
	member []bool    // by key (request, layer, token)
	held   [][]int32 // per request*layers + layer, the resident tokens, sorted
}

func newPrevK(slots int, keys KeySpace) *prevK {
	rl := keys.Requests * keys.Layers
	p := &prevK{quota: slots / rl, keys: keys, member: make([]bool, keys.Size()), held: make([][]int32, rl)}
	for l := range p.held {
		p.held[l] = make([]int32, 0, p.quota)
	}
	return p
}

func (p *prevK) clone() *prevK {
	c := *p
	c.member = append([]bool(nil), p.member...)
	c.held = make([][]int32, len(p.held))
	for l, h := range p.held {
		c.held[l] = append(make([]int32, 0, p.quota), h...)
	}
	return &c
}

func (p *prevK) resident(r, l, tok int) bool { return p.member[p.keys.Key(r, l, tok)] }

// gatherPrevK reads the selection: resident tokens hit; tokens that will
// be kept move into the reservation; the rest go through the shared part
// as in mode none. Then the layer's reservation becomes the kept tokens.
func (e *Engine) gatherPrevK(ls *LayerStats, r, l int, sel []int32) {
	p := e.prevk
	c := &ls.Class[workload.KV]
	keep := sel[:min(p.quota, len(sel))]
	base, kv := int(p.keys.Key(r, l, 0)), e.layout.KV(r, l)
	for i, tok := range sel {
		first, n := kv.TokenLines(int(tok))
		if p.member[base+int(tok)] {
			c.Accesses += int64(n)
			c.ReservedHits += int64(n)
			e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: ReservedHit})
			continue
		}
		heldFirst, heldLast := e.neighboursHold(r, l, int(tok), first, n, p.resident)
		before := c.Misses
		if i < len(keep) {
			e.fetchExclusive(c, first, n, tok, heldFirst, heldLast)
			e.missedSince(c, before, tok)
			// Resident from now on: a packed neighbour gathered later
			// finds the line they share in the reservation.
			p.member[base+int(tok)] = true
			continue
		}
		last := first + uint64(n) - 1
		for x := first; x <= last; x++ {
			if (x == first && heldFirst) || (x == last && heldLast) {
				c.Accesses++
				c.ReservedHits++
				e.ev.add(Event{Line: x, N: 1, Token: tok, Class: workload.KV, Outcome: ReservedHit})
				continue
			}
			e.access(c, e.shared, x, tok, SharedHit)
		}
		e.missedSince(c, before, tok)
	}
	// Tokens held before and not kept leave the reservation.
	rl := r*p.keys.Layers + l
	old := p.held[rl]
	j := 0
	for _, tok := range old {
		for j < len(keep) && keep[j] < tok {
			j++
		}
		if j < len(keep) && keep[j] == tok {
			continue
		}
		first, n := kv.TokenLines(int(tok))
		c.Evictions += int64(n)
		e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: Evicted})
	}
	for _, tok := range old {
		p.member[base+int(tok)] = false
	}
	for _, tok := range keep {
		p.member[base+int(tok)] = true
	}
	p.held[rl] = append(old[:0], keep...)
}
