package cache

import "fmt"

// A run is a short range of consecutive lines read one after the other:
// the lines of one KV token in a gather. Consecutive lines fall into
// consecutive sets (modulo index), so the set is found once per run, and
// after a flush every line lands in a lazily flushed set, where it goes
// on the set's overlay (overlay.go): AccessRun does that for the whole
// run without a function call per line in the common case (a miss, the
// set's overlay not full), which matters most as WebAssembly, where calls
// are expensive.

// MaxRun is the most lines AccessRun reads at once (one bit each).
const MaxRun = 64

// AccessRun reads the n consecutive lines from first (1 <= n <= MaxRun)
// in order, with exactly the outcomes and state changes of Access on
// each in turn: bit i of hits (evicted) is set when line first+i hit
// (evicted a line), and when victims is not nil (len >= n) victims[i] is
// the line that line first+i evicted. With victims nil the victims are
// not computed, as with Touch.
func (p *Partition) AccessRun(first uint64, n int, victims []uint64) (hits, evicted uint64) {
	if n < 1 || n > MaxRun {
		panic(fmt.Sprintf("cache: AccessRun of %d lines (1..%d)", n, MaxRun))
	}
	if !p.policy.ordered() || !p.runOverlayable(first, n) || len(p.pend.ents)+n > maxPending {
		return p.accessEach(first, n, victims)
	}
	var sets [MaxRun]int32
	var depth [MaxRun]uint8
	p.ix.runSets(first, n, &sets)
	if cap(p.pend.ents)-len(p.pend.ents) < n {
		p.pend.ents = append(p.pend.ents, make([]pendEntry, n)...)[:len(p.pend.ents)]
	}
	var pushed uint64
	missed := false
	for i := 0; i < n; i++ {
		j := p.pushRun(first, i, n, &sets, &depth)
		pushed |= (uint64(1)<<(j-i) - 1) << i
		if j == n {
			break
		}
		// Line j is a hit, fills its set's overlay or lands in an
		// explicit set: the general way.
		hit, v, ev := p.accessAt(int(sets[j]), first+uint64(j), victims != nil)
		hits, evicted = p.note(hits, evicted, uint64(1)<<j, hit, ev, victims, j, v)
		missed = missed || !hit
		i = j
	}
	if pushed != 0 && victims != nil {
		p.runVictims(n, &sets, &depth, pushed, victims)
	}
	if missed || pushed != 0 {
		p.lazy.noteInsert(first)
	}
	return hits, evicted | pushed
}

// pushRun pushes lines first+i, first+i+1... of a run onto the overlays
// of their sets while each is a miss that can go on one (its set lazily
// flushed, the line not on the overlay, room for it) and returns the
// index of the first line that cannot (n when all could), having written
// each pushed line's overlay depth before the push (its victim is the
// lazy line at Ways-1-depth). The caller has checked that the run's
// region can go on overlays and reserved n entries: the loop calls
// nothing, so its variables stay in registers.
func (p *Partition) pushRun(first uint64, i, n int, sets *[MaxRun]int32, depth *[MaxRun]uint8) int {
	ents, meta := p.pend.ents, p.meta
	fseq := p.lazy.flush.seq
	full := p.ways - 1 // an overlay of Ways-1 lines leaves one lazy line
	for ; i < n; i++ {
		s := sets[i]
		m := meta[s]
		if uint32(m) >= fseq {
			break // explicit since the last flush
		}
		tag := first + uint64(i) + 1
		head := int32(m>>40) - 1
		d := 0
		for e := head; e >= 0; e = ents[e].next {
			if ents[e].tag == tag {
				d = full // a hit: the general way promotes it
				break
			}
			d++
		}
		if d >= full {
			break
		}
		depth[i] = uint8(d)
		k := len(ents)
		ents = ents[:k+1]
		ents[k] = pendEntry{tag: tag, next: head, set: s}
		meta[s] = m&(1<<40-1) | uint64(k+1)<<40
	}
	p.pend.ents = ents
	return i
}

// runVictims writes into victims the victim of every line of a run that
// pushRun pushed (bit i of pushed): the lazy line at Ways-1-depth of its
// set, computed as lazyLineAt does, without a call per line for the
// modulo index.
func (p *Partition) runVictims(n int, sets *[MaxRun]int32, depth *[MaxRun]uint8, pushed uint64, victims []uint64) {
	z := &p.lazy
	for i := range n {
		if pushed>>i&1 == 0 {
			continue
		}
		s, j := int(sets[i]), p.ways-1-int(depth[i])
		if p.ix.xor {
			victims[i] = p.lazyLineAt(s, j)
			continue
		}
		found := false
		for t := len(z.tail) - 1; t >= 0 && !found; t-- {
			if x, ok := p.ix.lastOf(s, &z.tail[t].span); ok {
				victims[i], found = p.ix.stepBack(x, z.tail[t].first, &j, p.ways)
			}
		}
		if !found { // the flush left at least Ways lines in every set
			x, _ := p.ix.lastOf(s, &z.flush.span)
			victims[i], _ = p.ix.stepBack(x, z.flush.first, &j, p.ways)
		}
	}
}

// runOverlayable reports whether the lines [first, first+n) are of one
// region that can go on overlays: tracked, not the last flush's, in no
// tail entry (the set-level condition, a set lazily flushed, is checked
// per line).
func (p *Partition) runOverlayable(first uint64, n int) bool {
	z := &p.lazy
	r := z.region(first)
	if r < 0 || r == z.flushRegion || z.region(first+uint64(n)-1) != r || z.flush.seq == 0 {
		return false
	}
	for _, b := range z.tail {
		if b.region == r {
			return false
		}
	}
	return true
}

// accessEach is AccessRun line by line, the set found incrementally.
func (p *Partition) accessEach(first uint64, n int, victims []uint64) (hits, evicted uint64) {
	s := p.ix.set(first)
	for i := range n {
		line := first + uint64(i)
		if i > 0 {
			s = p.ix.next(s, line)
		}
		hit, v, ev := p.accessAt(s, line, victims != nil)
		if !hit {
			p.lazy.noteInsert(line)
		}
		hits, evicted = p.note(hits, evicted, uint64(1)<<i, hit, ev, victims, i, v)
	}
	return hits, evicted
}

// note records one line's outcome in AccessRun's results.
func (p *Partition) note(hits, evicted, bit uint64, hit, ev bool, victims []uint64, i int, v uint64) (uint64, uint64) {
	if hit {
		hits |= bit
	}
	if ev {
		evicted |= bit
		if victims != nil {
			victims[i] = v
		}
	}
	return hits, evicted
}

// runSets writes the sets of the n lines from first into sets.
func (ix *setIndex) runSets(first uint64, n int, sets *[MaxRun]int32) {
	s := ix.set(first)
	sets[0] = int32(s)
	for i := 1; i < n; i++ {
		s = ix.next(s, first+uint64(i))
		sets[i] = int32(s)
	}
}

// next returns the set of line, given that line-1 maps to set s: the next
// set for the modulo index (no division), computed for the hashed one.
func (ix *setIndex) next(s int, line uint64) int {
	if ix.xor {
		return ix.set(line)
	}
	if s++; uint64(s) == ix.sets {
		return 0
	}
	return s
}
