package cache

// The overlay spares a lazy set its materialization when a scattered
// access inserts a line that provably is not in it. The typical case is a
// KV gather between two weight streams: every set holds the last weight
// stream's lines (lazily), and each gathered line only pushes one of them
// out. Writing the set's Ways tags for that would cost two host cache
// misses per line; instead the line goes on a short per-set chain of
// pending insertions, kept in small arrays that stay in the host's cache.
//
// A set has an overlay only while it is purely lazy (its content comes
// from the last flush and the tail entries after it), and only lines of a
// region absent from the whole log join it; so its content is exactly
// [its pending lines, most recent first] + [the first Ways-p lines of its
// lazy content]. A tail entry would push lines above the pending ones, so
// overlays are resolved (materialized) before one is appended; a flush
// erases them.

// pending holds the overlays' lines, oldest first: each entry is a line
// (tag encoding), the next older entry of the same set (-1 at the end) and
// its set. One entry is one 16-byte record, so pushing a line is one
// append and walking a chain reads one record per line.
type pending struct {
	ents []pendEntry
}

type pendEntry struct {
	tag  uint64
	next int32
	set  int32
}

// maxPending bounds the entries before every overlay is resolved; it fits
// the 24 bits of a set's chain head.
const maxPending = 1<<24 - 2

func (q pending) clone() pending {
	return pending{ents: append([]pendEntry(nil), q.ents...)}
}

func (q *pending) reset() { q.ents = q.ents[:0] }

// pendHead is the newest pending entry of set s, or -1.
func (p *Partition) pendHead(s int) int32 { return int32(p.meta[s]>>40) - 1 }

func (p *Partition) setPendHead(s int, i int32) {
	p.meta[s] = p.meta[s]&(1<<40-1) | uint64(i+1)<<40
}

// overlayable reports whether an access of line to set s can go on an
// overlay: the set is purely lazy and line's region is in none of the
// log's streams, so it is not in the set's lazy content.
func (p *Partition) overlayable(s int, line uint64) bool {
	z := &p.lazy
	if z.flush.seq <= p.stamp(s) {
		return false
	}
	r := z.region(line)
	if r < 0 || r == z.flushRegion {
		return false
	}
	for _, b := range z.tail {
		if b.region == r {
			return false
		}
	}
	return true
}

// accessOverlay reads a line of an overlayable set. A pending line hits;
// any other is pushed on the overlay, evicting the oldest lazy line (the
// set is full: a flush left Ways lines in it). With wantVictim false the
// victim is not computed (it returns 0).
func (p *Partition) accessOverlay(s int, line uint64, wantVictim bool) (hit bool, victim uint64, evicted bool) {
	ents := p.pend.ents
	tag := line + 1
	head := p.pendHead(s)
	depth := 0
	for i, prev := head, int32(-1); i >= 0; prev, i = i, ents[i].next {
		if ents[i].tag == tag {
			if p.policy == LRU && prev >= 0 {
				ents[prev].next = ents[i].next
				ents[i].next = head
				p.setPendHead(s, i)
			}
			return true, 0, false
		}
		depth++
	}
	if !p.canPush(depth) {
		// No lazy line would be left: make the set explicit instead.
		p.materialize(s)
		return p.accessOrdered(s, line)
	}
	if wantVictim {
		victim = p.lazyLineAt(s, p.ways-1-depth)
	}
	p.push(s, tag, head)
	return false, victim, true
}

// canPush reports whether a line can join an overlay that has depth
// lines: at least one lazy line stays, and the entries have room.
func (p *Partition) canPush(depth int) bool {
	return depth+1 < p.ways && len(p.pend.ents) < maxPending
}

// push puts tag on top of the overlay of set s, whose newest entry is
// head.
func (p *Partition) push(s int, tag uint64, head int32) {
	p.pend.ents = append(p.pend.ents, pendEntry{tag: tag, next: head, set: int32(s)})
	p.setPendHead(s, int32(len(p.pend.ents)-1))
}

// overlayContent writes the content of a set with an overlay into dst
// (tag encoding, most recent first) and returns its length, Ways.
func (p *Partition) overlayContent(s int, dst []uint64) int {
	p.lazyContent(s, p.base)
	k := 0
	for i := p.pendHead(s); i >= 0; i = p.pend.ents[i].next {
		dst[k] = p.pend.ents[i].tag
		k++
	}
	copy(dst[k:p.ways], p.base[:p.ways-k])
	return p.ways
}

// resolveOverlays materializes every set with an overlay.
func (p *Partition) resolveOverlays() {
	for _, e := range p.pend.ents {
		if p.pendHead(int(e.set)) >= 0 {
			p.materialize(int(e.set))
		}
	}
	p.pend.reset()
}

// dropOverlays forgets every overlay: a flush replaces their sets' content.
func (p *Partition) dropOverlays() {
	for _, e := range p.pend.ents {
		p.setPendHead(int(e.set), -1)
	}
	p.pend.reset()
}

// lazyLineAt returns line j (0 = most recent) of the lazy content of a
// purely lazy set s, without computing the rest: each log entry, newest
// first, puts its last min(m, Ways) lines of set s on top of the older
// ones. Cost: O(1) per tail entry.
func (p *Partition) lazyLineAt(s, j int) uint64 {
	z := &p.lazy
	for i := len(z.tail) - 1; i >= 0; i-- {
		if x, ok := p.ix.recentIn(s, z.tail[i].span, &j, p.ways); ok {
			return x
		}
	}
	x, _ := p.ix.recentIn(s, z.flush.span, &j, p.ways)
	return x
}
