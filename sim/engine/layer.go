package engine

import (
	"math/bits"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// runLayer issues one layer's accesses in order, as serving a batch does:
// each request's indexer stream and KV gather, request after request,
// then the layer's weight stream, once for the whole batch.
func (e *Engine) runLayer(ls *LayerStats) {
	l := e.layer
	for r := range e.cur.Requests {
		var rs LayerStats
		e.runRequest(&rs, r, l)
		ls.add(&rs)
		req := &e.cur.Requests[r]
		req.Class.Add(&rs.Class)
		req.Roofline.Add(rs.Roofline)
	}
	e.ev.request = 0
	first, n := e.layout.WeightStream(l)
	e.stream(ls, workload.Weights, first, n)
}

// runRequest issues one request's part of a layer into ls: its indexer
// stream and its KV gather, with the gather's roofline.
func (e *Engine) runRequest(ls *LayerStats, r, l int) {
	e.ev.request = uint16(r)
	ctx := e.batch.Prompt(r) + e.step
	first, n := e.layout.IndexerStream(r, l, ctx)
	e.stream(ls, workload.Indexer, first, n)
	sel := checked(e.batch.Request(r).Selection(e.step, l), ctx, e.cfg.TopK)
	e.missPageEnd, e.missPages = 0, 0
	switch e.cfg.Mode {
	case config.ModeNone:
		e.gatherShared(ls, r, l, sel, e.shared, SharedHit)
	case config.ModeWays:
		e.gatherShared(ls, r, l, sel, e.kvWays, ReservedHit)
	case config.ModeTokens:
		e.gatherTokens(ls, r, l, sel)
	case config.ModePrevK:
		e.gatherPrevK(ls, r, l, sel)
	case config.ModePages:
		e.gatherPages(ls, r, l, sel)
	}
	ls.Roofline = e.timing.Gather(int64(len(sel)), e.missPages)
}

// missedSince notes, for the roofline, that token had a blocking miss if
// the gather's misses grew past before: the paper counts one miss per
// distinct KV page among the missed tokens of a gather. Selections are
// sorted, so a token at or past the end of the last page counted starts
// a new one (and a division is paid once per page, not per token).
func (e *Engine) missedSince(c *Counts, before int64, token int32) {
	if c.Misses == before || token < e.missPageEnd {
		return
	}
	if m := e.pageMask; m >= 0 {
		e.missPageEnd = token | m + 1 // pages of a power of two: no division
	} else {
		pt := int32(e.cfg.PageTokens)
		e.missPageEnd = (token/pt + 1) * pt
	}
	e.missPages++
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

// runEvents records the events of AccessRun's outcomes: each run of
// consecutive lines with the same outcome (hit or miss) as one event,
// followed by the evictions its misses caused (victimEvents).
func (e *Engine) runEvents(first uint64, n int, token int32, hitKind Outcome, hits, evicted uint64, victims []uint64) {
	for i := 0; i < n; {
		hit := hits >> i & 1
		j := i + 1
		for j < n && hits>>j&1 == hit {
			j++
		}
		o := hitKind
		if hit == 0 {
			o = Miss
		}
		e.ev.add(Event{Line: first + uint64(i), N: uint64(j - i), Token: token, Class: workload.KV, Outcome: o})
		e.victimEvents(i, j, evicted, victims)
		i = j
	}
}

// victimEvents records the evictions of lines i..j-1 of a run, in order:
// consecutive victims of one region (one class of one request's layer)
// as one event. A run's lines fall in consecutive sets, whose victims in
// lazily flushed sets are consecutive lines of the flushing stream, so a
// token's evictions are mostly one event.
func (e *Engine) victimEvents(i, j int, evicted uint64, victims []uint64) {
	shift := e.layout.RegionShift()
	run, have := Event{}, false
	for k := i; k < j; k++ {
		if evicted>>k&1 == 0 {
			continue
		}
		v := victims[k]
		if have && v == run.Line+run.N && v>>shift == run.Line>>shift {
			run.N++
			continue
		}
		if have {
			e.ev.add(run)
		}
		class, _, ok := e.layout.Owner(v)
		if !ok {
			class = workload.KV
		}
		run, have = Event{Line: v, N: 1, Token: -1, Class: class, Outcome: Evicted}, true
	}
	if have {
		e.ev.add(run)
	}
}

// gatherShared reads every line of the selected tokens through one
// partition: the whole LLC (mode none) or the KV ways (mode ways).
func (e *Engine) gatherShared(ls *LayerStats, r, l int, sel []int32, p *cache.Partition, hitKind Outcome) {
	c := &ls.Class[workload.KV]
	kv := e.layout.KV(r, l)
	var victims [cache.MaxRun]uint64
	for _, tok := range sel {
		first, n := kv.TokenLines(int(tok))
		before := c.Misses
		e.accessRun(c, p, first, n, tok, hitKind, victims[:])
		e.missedSince(c, before, tok)
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
func checked(sel []int32, context, topk int) []int32 {
	for len(sel) > 0 && int(sel[len(sel)-1]) >= context {
		sel = sel[:len(sel)-1]
	}
	for len(sel) > 0 && sel[0] < 0 {
		sel = sel[1:]
	}
	return sel[:min(len(sel), topk)]
}
