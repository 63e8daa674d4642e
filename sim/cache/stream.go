package cache

// StreamResult counts what a stream did.
type StreamResult struct {
	Hits, Misses, Evictions uint64
	// Lazy is true when the stream was applied in bulk (every line a
	// miss, provably) rather than line by line.
	Lazy bool
}

// count adds one access: a hit, or a miss that may have evicted a line.
func (r *StreamResult) count(hit, evicted bool) {
	switch {
	case hit:
		r.Hits++
	case evicted:
		r.Misses++
		r.Evictions++
	default:
		r.Misses++
	}
}

// bulkMinLines is the shortest stream worth a lazy log entry (or the number
// of sets, if smaller): shorter streams cost less line by line than the
// materializations they cause.
const bulkMinLines = 64

// Stream reads the lines [first, first+n) in order, allocating them on a
// miss unless bypass is set (a non-temporal stream). The result is exactly
// what Access (or Lookup) on every line in turn would give; when the
// partition can prove that none of the lines is resident, an LRU or FIFO
// partition applies the stream lazily, at a cost independent of n.
func (p *Partition) Stream(first, n uint64, bypass bool) StreamResult {
	if n == 0 {
		return StreamResult{}
	}
	z := &p.lazy
	r := z.region(first)
	provablyAbsent := r >= 0 && z.absent(first) && z.region(first+n-1) == r
	switch {
	case provablyAbsent && bypass:
		return StreamResult{Misses: n, Lazy: true}
	case provablyAbsent && p.policy.ordered() && n >= min(bulkMinLines, p.ix.sets):
		return p.streamLazy(r, first, n)
	case provablyAbsent && p.policy == SRRIP && n >= 4*uint64(p.geo.Lines()):
		return p.streamSetwise(r, first, n, p.srripSet)
	case provablyAbsent && p.policy == Random && n >= 4*uint64(p.geo.Lines()):
		return p.streamSetwise(r, first, n, p.randomSet)
	case !bypass && r >= 0 && z.region(first+n-1) == r && p.policy == LRU && n/p.ix.sets >= uint64(p.ways)+1:
		return p.streamLRUFlush(r, first, n)
	}
	var res StreamResult
	for x := first; x < first+n; x++ {
		if bypass {
			if p.Lookup(x) {
				res.Hits++
			} else {
				res.Misses++
			}
			continue
		}
		hit, _, evicted := p.Access(x)
		res.count(hit, evicted)
	}
	return res
}

// streamLazy applies a stream of absent lines of region r as one log
// entry. Sets with empty ways are filled now, explicitly, which gives the
// exact eviction count: every other line evicts one.
func (p *Partition) streamLazy(r int, first, n uint64) StreamResult {
	z := &p.lazy
	flush := n/p.ix.sets >= uint64(p.ways)+1 // every set receives at least Ways lines
	switch {
	case flush:
		p.dropOverlays()
	case len(z.tail) == maxTail:
		p.materializeAll()
	default:
		p.resolveOverlays()
	}
	z.seq++
	res := StreamResult{Misses: n, Evictions: n, Lazy: true}
	sp := p.ix.span(first, n)
	// Sets leave the list while we walk it: walk a snapshot from the end.
	for i := len(p.free.list) - 1; i >= 0; i-- {
		if i >= len(p.free.list) {
			continue
		}
		s := int(p.free.list[i])
		m := p.ix.countIn(s, first, n)
		if m == 0 {
			continue
		}
		before := p.count(s)
		after := p.pushRange(s, p.set(s), before, sp)
		p.setCount(s, after)
		res.Evictions -= uint64(min(int(m), p.ways-before))
		p.setStamp(s, z.seq)
		if after == p.ways {
			p.free.remove(s)
		}
	}
	// Sets stamped seq-1 were up to date before this entry; they now lag
	// by it, as every other lazy set does.
	entry := bulk{seq: z.seq, region: r, span: sp}
	if flush {
		z.flush = entry
		z.tail = z.tail[:0]
		z.flushSeq = z.seq
		z.flushRegion = r
	} else {
		z.tail = append(z.tail, entry)
	}
	z.lastInsert[r] = z.seq
	return res
}

// materializeAll brings every set up to date and empties the lazy log.
func (p *Partition) materializeAll() {
	p.resolveOverlays()
	for s := range p.geo.Sets {
		p.materialize(s)
	}
	p.lazy.flush = bulk{}
	p.lazy.tail = p.lazy.tail[:0]
}

// streamSetwise applies a stream of n absent lines from first, of region
// r, to every set of a physical-way partition, one set at a time with
// perSet, which gets the set's m lines of the stream and returns its
// evictions and whether every way now holds a line of the stream. If
// every set does, the stream is a flush: other regions are then provably
// absent, as after an ordered partition's flush.
func (p *Partition) streamSetwise(r int, first, n uint64, perSet func(s int, first, m uint64) (uint64, bool)) StreamResult {
	res := StreamResult{Misses: n, Lazy: true}
	everyWayRefilled := true
	for s := range p.geo.Sets {
		ev, refilled := perSet(s, first, p.ix.countIn(s, first, n))
		res.Evictions += ev
		everyWayRefilled = everyWayRefilled && refilled
	}
	z := &p.lazy
	z.seq++
	z.lastInsert[r] = z.seq
	if everyWayRefilled {
		z.flushSeq = z.seq
		z.flushRegion = r
	}
	return res
}

// streamLRUFlush applies to an LRU partition a stream that puts at least
// Ways lines in every set when some of its lines may be resident (the
// same layer's weights streamed again with nothing in between, say). In a
// set, only the stream's first Ways lines can hit: once Ways distinct
// lines have been used, the set holds exactly them, and every later line
// of the stream is new. So each set runs its first Ways lines explicitly,
// counts the rest as misses that evict, and ends with the stream's last
// Ways lines: one pass over the sets instead of one step per line. The
// stream is then a flush, as the lazy one is.
func (p *Partition) streamLRUFlush(r int, first, n uint64) StreamResult {
	z := &p.lazy
	sp := p.ix.span(first, n)
	res := StreamResult{Lazy: true}
	for s := range p.geo.Sets {
		p.materialize(s)
		m := p.ix.countIn(s, first, n)
		k := min(m, uint64(p.ways))
		for i := range k {
			hit, _, evicted := p.accessOrdered(s, p.ix.nthIn(s, first, i))
			res.count(hit, evicted)
		}
		if rest := m - k; rest > 0 {
			res.Misses += rest
			res.Evictions += rest
			p.setCount(s, p.pushRange(s, p.set(s), 0, sp))
		}
	}
	// Every set is explicit and holds only the stream's lines: empty the
	// log and start a new sequence in which this stream is the flush.
	p.pend.reset()
	z.flush, z.tail = bulk{}, z.tail[:0]
	z.seq++
	for s := range p.geo.Sets {
		p.setStamp(s, z.seq)
		p.setPendHead(s, -1)
		p.free.remove(s)
	}
	z.flushSeq, z.flushRegion = z.seq, r
	z.lastInsert[r] = z.seq
	return res
}
