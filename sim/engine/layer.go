package engine

import (
	"math/bits"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// runLayer issues one layer's accesses in order: indexer stream, KV
// gather, weight stream.
func (e *Engine) runLayer(ls *LayerStats) {
	l, ctx := e.layer, e.cur.Context
	first, n := e.layout.IndexerStream(l, ctx)
	e.stream(ls, workload.Indexer, first, n)
	sel := e.checked(e.src.Selection(e.step, l))
	switch e.cfg.Mode {
	case config.ModeNone:
		e.gatherShared(ls, l, sel, e.shared, SharedHit)
	case config.ModeWays:
		e.gatherShared(ls, l, sel, e.kvWays, ReservedHit)
	case config.ModeTokens:
		e.gatherTokens(ls, l, sel)
	case config.ModePrevK:
		e.gatherPrevK(ls, l, sel)
	case config.ModePages:
		e.gatherPages(ls, l, sel)
	}
	first, n = e.layout.WeightStream(l)
	e.stream(ls, workload.Weights, first, n)
}

// stream reads a sequential stream through the shared part.
func (e *Engine) stream(ls *LayerStats, class workload.Class, first, n uint64) {
	if n == 0 {
		return
	}
	ls.StreamBytes += int64(n) * int64(e.cfg.Line)
	r := e.shared.Stream(first, n, e.cfg.Bypass)
	c := &ls.Class[class]
	c.Accesses += int64(n)
	c.SharedHits += int64(r.Hits)
	c.Misses += int64(r.Misses)
	c.Evictions += int64(r.Evictions)
	outcome := Miss
	if r.Hits == n {
		outcome = SharedHit
	}
	e.ev.add(Event{Line: first, N: n, Token: -1, Class: class, Outcome: outcome})
}

// access reads one line through partition p, counting a hit as hitKind.
func (e *Engine) access(c *Counts, p *cache.Partition, line uint64, token int32, hitKind Outcome) {
	var victim [1]uint64
	e.accessRun(c, p, line, 1, token, hitKind, victim[:])
}

// accessRun reads the n consecutive lines of a token from first through
// partition p, counting a hit as hitKind, at most cache.MaxRun at a time.
// victims is scratch space for cache.MaxRun victims (or fewer, when n
// is); it is only used when events are recorded.
func (e *Engine) accessRun(c *Counts, p *cache.Partition, first uint64, n int, token int32, hitKind Outcome, victims []uint64) {
	if e.ev.buf == nil {
		victims = nil // nobody looks at the victims: Partition skips them
	}
	for n > 0 {
		k := min(n, cache.MaxRun)
		hits, evicted := p.AccessRun(first, k, victims)
		nh := int64(bits.OnesCount64(hits))
		c.Accesses += int64(k)
		if hitKind == ReservedHit {
			c.ReservedHits += nh
		} else {
			c.SharedHits += nh
		}
		c.Misses += int64(k) - nh
		c.Evictions += int64(bits.OnesCount64(evicted))
		if e.ev.buf != nil {
			e.runEvents(first, k, token, hitKind, hits, evicted, victims)
		}
		first += uint64(k)
		n -= k
	}
}

// runEvents records the events of AccessRun's outcomes, line by line: a
// hit, or a miss followed by its eviction.
func (e *Engine) runEvents(first uint64, n int, token int32, hitKind Outcome, hits, evicted uint64, victims []uint64) {
	for i := range n {
		ev := Event{Line: first + uint64(i), N: 1, Token: token, Class: workload.KV, Outcome: hitKind}
		if hits>>i&1 == 0 {
			ev.Outcome = Miss
		}
		e.ev.add(ev)
		if evicted>>i&1 != 0 {
			e.evicted(victims[i], 1)
		}
	}
}

// evicted records an eviction event for n lines from victim.
func (e *Engine) evicted(victim uint64, n int) {
	class, _, ok := e.layout.Owner(victim)
	if !ok {
		class = workload.KV
	}
	e.ev.add(Event{Line: victim, N: uint64(n), Token: -1, Class: class, Outcome: Evicted})
}

// gatherShared reads every line of the selected tokens through one
// partition: the whole LLC (mode none) or the KV ways (mode ways).
func (e *Engine) gatherShared(ls *LayerStats, l int, sel []int32, p *cache.Partition, hitKind Outcome) {
	c := &ls.Class[workload.KV]
	var victims [cache.MaxRun]uint64
	for _, tok := range sel {
		first, n := e.layout.TokenLines(l, int(tok))
		e.accessRun(c, p, first, n, tok, hitKind, victims[:])
	}
}

// fetchExclusive reads the lines of a token that is moving into the
// reservation: a line still in the shared part is taken out of it (a
// shared hit), any other is a blocking miss filled into the reservation.
// In the packed layout the first or last line may already be in the
// reservation, held by a resident neighbouring token (heldFirst,
// heldLast): those are reserved hits.
func (e *Engine) fetchExclusive(c *Counts, first uint64, n int, token int32, heldFirst, heldLast bool) {
	if !heldFirst && !heldLast && e.shared.Absent(first) {
		// The usual case once the weights have flushed the shared part:
		// every line is a blocking miss, counted and reported at once.
		c.Accesses += int64(n)
		c.Misses += int64(n)
		e.ev.add(Event{Line: first, N: uint64(n), Token: token, Class: workload.KV, Outcome: Miss})
		return
	}
	last := first + uint64(n) - 1
	for x := first; x <= last; x++ {
		c.Accesses++
		outcome := Miss
		switch {
		case (x == first && heldFirst) || (x == last && heldLast):
			outcome = ReservedHit
			c.ReservedHits++
		case e.shared.Remove(x):
			outcome = SharedHit
			c.SharedHits++
		default:
			c.Misses++
		}
		e.ev.add(Event{Line: x, N: 1, Token: token, Class: workload.KV, Outcome: outcome})
	}
}

// checked drops, from a selection of a source that could not be checked
// up front, what the run cannot gather: tokens beyond the context (the
// selection is sorted, so they are its tail) and entries beyond topk.
func (e *Engine) checked(sel []int32) []int32 { return e.clip(sel, e.cur.Context) }

// clip keeps the part of a sorted selection inside a context of ctx tokens,
// at most topk of it.
func (e *Engine) clip(sel []int32, ctx int) []int32 {
	for len(sel) > 0 && int(sel[len(sel)-1]) >= ctx {
		sel = sel[:len(sel)-1]
	}
	for len(sel) > 0 && sel[0] < 0 {
		sel = sel[1:]
	}
	return sel[:min(len(sel), e.cfg.TopK)]
}
