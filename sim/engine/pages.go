package engine

import (
	"math/bits"

	"dsaviz/sim/workload"
)

// pageUse remembers which tokens of each resident page were gathered, to
// measure how much of a fetched page is ever used (the paper: 35%).
type pageUse struct {
	pageTokens int
	words      int      // 64-bit words per page
	used       []uint64 // slot*words + token/64
	evicted    int64    // pages evicted so far
	usedTokens int64    // tokens used in those pages
}

func newPageUse(slots, pageTokens int) *pageUse {
	w := (pageTokens + 63) / 64
	return &pageUse{pageTokens: pageTokens, words: w, used: make([]uint64, slots*w)}
}

func (p *pageUse) clone() *pageUse {
	c := *p
	c.used = append([]uint64(nil), p.used...)
	return &c
}

func (p *pageUse) mark(slot, tokenInPage int) {
	p.used[slot*p.words+tokenInPage/64] |= 1 << (tokenInPage % 64)
}

// retire accounts for the page leaving slot and clears the slot.
func (p *pageUse) retire(slot int) {
	w := p.used[slot*p.words : (slot+1)*p.words]
	for i, x := range w {
		p.usedTokens += int64(bits.OnesCount64(x))
		w[i] = 0
	}
	p.evicted++
}

// PageUtilization is the mean fraction of an evicted page's tokens that
// were gathered while it was resident, with the number of pages evicted;
// (0, 0) outside mode pages.
func (e *Engine) PageUtilization() (fraction float64, pages int64) {
	if e.pages == nil || e.pages.evicted == 0 {
		return 0, 0
	}
	return float64(e.pages.usedTokens) / float64(e.pages.evicted*int64(e.pages.pageTokens)), e.pages.evicted
}

// gatherPages is the page-granular baseline: pages of pageTokens tokens
// are kept or evicted whole with LRU. A token of a resident page hits; any
// other token is read through the shared part and its whole page is
// brought in (the other lines moved from the shared part or read from
// memory as page fills).
func (e *Engine) gatherPages(ls *LayerStats, r, l int, sel []int32) {
	c := &ls.Class[workload.KV]
	pt := e.layout.PageTokens()
	base, kv := e.keys.Key(r, l, 0), e.layout.KV(r, l)
	for _, tok := range sel {
		page := int(tok) / pt
		first, n := kv.TokenLines(int(tok))
		if e.tokens.Get(base + int32(page)) {
			c.Accesses += int64(n)
			c.ReservedHits += int64(n)
			e.pages.mark(e.tokens.SlotOf(base+int32(page)), int(tok)%pt)
			e.ev.add(Event{Line: first, N: uint64(n), Token: tok, Class: workload.KV, Outcome: ReservedHit})
			continue
		}
		before := c.Misses
		e.fetchExclusive(c, first, n, tok, false, false)
		e.missedSince(c, before, tok)
		slot, victim := mustAdd(e.tokens, base+int32(page))
		if victim >= 0 {
			vr, vl, vp := e.keys.Split(victim)
			vf, vn := e.layout.PageLines(vr, vl, vp)
			c.Evictions += int64(vn)
			e.pages.retire(slot)
			e.ev.add(Event{Line: vf, N: uint64(vn), Token: -1, Class: workload.KV, Outcome: Evicted})
		}
		e.pages.mark(slot, int(tok)%pt)
		pf, pn := e.layout.PageLines(r, l, page)
		e.fillPage(ls, pf, first)
		e.fillPage(ls, first+uint64(n), pf+uint64(pn))
	}
}

// fillPage brings lines [from, to) of a page into the reservation.
func (e *Engine) fillPage(ls *LayerStats, from, to uint64) {
	for x := from; x < to; x++ {
		if !e.shared.Remove(x) {
			ls.PageFillLines++
			ls.StreamBytes += int64(e.cfg.Line)
		}
	}
}
