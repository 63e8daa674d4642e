package engine

import "dsaviz/sim/workload"

// prevK is the "keep the last selection" baseline: the reservation holds,
// for each layer, the previous step's top-k (the first quota tokens of it,
// in index order, when it does not all fit).
type prevK struct {
	quota  int
	maxCtx int
	member []bool    // layer*maxCtx + token
	held   [][]int32 // per layer, the resident tokens, sorted
}

func newPrevK(slots, layers, maxCtx int) *prevK {
	p := &prevK{quota: slots / layers, maxCtx: maxCtx, member: make([]bool, layers*maxCtx), held: make([][]int32, layers)}
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

func (p *prevK) resident(l, tok int) bool { return p.member[l*p.maxCtx+tok] }

// gatherPrevK reads the selection: resident tokens hit; tokens that will
// be kept move into the reservation; the rest go through the shared part
// as in mode none. Then the layer's reservation becomes the kept tokens.
func (e *Engine) gatherPrevK(ls *LayerStats, l int, sel []int32) {
	p := e.prevk
	c := &ls.Class[workload.KV]
	keep := sel[:min(p.quota, len(sel))]
	base := l * p.maxCtx
	for i, tok := range sel {
		first, n := e.layout.TokenLines(l, int(tok))
		if p.member[base+int(tok)] {
			c.Accesses += int64(n)
			c.ReservedHits += int64(n)
			e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: ReservedHit})
			continue
		}
		heldFirst, heldLast := e.neighboursHold(l, int(tok), first, n, p.resident)
		if i < len(keep) {
			e.fetchExclusive(c, first, n, tok, heldFirst, heldLast)
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
	}
	// Tokens held before and not kept leave the reservation.
	old := p.held[l]
	j := 0
	for _, tok := range old {
		for j < len(keep) && keep[j] < tok {
			j++
		}
		if j < len(keep) && keep[j] == tok {
			continue
		}
		first, n := e.layout.TokenLines(l, int(tok))
		c.Evictions += int64(n)
		e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: Evicted})
	}
	for _, tok := range old {
		p.member[base+int(tok)] = false
	}
	for _, tok := range keep {
		p.member[base+int(tok)] = true
	}
	p.held[l] = append(old[:0], keep...)
}
