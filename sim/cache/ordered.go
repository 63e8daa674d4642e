package cache

// Operations on the ordered policies (LRU, FIFO): a set is a stack of its
// valid lines, most recent first, count[s] of them.

// rankOf returns the position of line in explicit set s, or -1.
func (p *Partition) rankOf(s int, line uint64) int {
	base := s * p.ways
	tag := line + 1
	for r, t := range p.tags[base : base+int(p.count[s])] {
		if t == tag {
			return r
		}
	}
	return -1
}

// promote moves the line at rank r to the top of set s.
func (p *Partition) promote(s, r int) {
	if r == 0 {
		return
	}
	base := s * p.ways
	t := p.tags[base+r]
	copy(p.tags[base+1:base+r+1], p.tags[base:base+r])
	p.tags[base] = t
}

func (p *Partition) accessOrdered(s int, line uint64) (hit bool, victim uint64, evicted bool) {
	if r := p.rankOf(s, line); r >= 0 {
		if p.policy == LRU {
			p.promote(s, r)
		}
		return true, 0, false
	}
	base := s * p.ways
	n := int(p.count[s])
	if n == p.ways {
		victim, evicted = p.tags[base+n-1]-1, true
		n--
	} else {
		p.count[s]++
		if int(p.count[s]) == p.ways {
			p.free.remove(s)
		}
	}
	copy(p.tags[base+1:base+n+1], p.tags[base:base+n])
	p.tags[base] = line + 1
	return false, victim, evicted
}

// pushRange inserts, into the stack set[:n] of capacity len(set), the
// lines of span r that map to set s, all known to be absent, as if one by
// one in address order, and returns the new length.
func (p *Partition) pushRange(s int, set []uint64, n int, r span) int {
	if n == 0 {
		k := p.ix.lastInRange(s, r, set)
		for i := range k {
			set[i]++
		}
		return k
	}
	k := p.ix.lastInRange(s, r, p.scan)
	if k == 0 {
		return n
	}
	keep := min(n, len(set)-k)
	copy(set[k:k+keep], set[:keep])
	for i := 0; i < k; i++ {
		set[i] = p.scan[i] + 1
	}
	return keep + k
}

// materialize brings explicit set s up to date with the lazy log.
func (p *Partition) materialize(s int) {
	if p.lazy.stamp[s] == p.lazy.seq {
		return
	}
	base := s * p.ways
	p.count[s] = uint8(p.lazyContent(s, p.tags[base:base+p.ways]))
	p.lazy.stamp[s] = p.lazy.seq
}

// lazyContent computes set s as the lazy log says it is now, into dst
// (tag encoding, most recent first), and returns the number of lines. It
// changes no state of the partition; dst may be the set's own storage.
func (p *Partition) lazyContent(s int, dst []uint64) int {
	base := s * p.ways
	stamp := p.lazy.stamp[s]
	tail := p.lazy.tail
	var n int
	if f := p.lazy.flush; f.seq > stamp {
		n = p.pushRange(s, dst[:p.ways], 0, f.span)
	} else {
		n = int(p.count[s])
		copy(dst[:n], p.tags[base:base+n])
		for len(tail) > 0 && tail[0].seq <= stamp {
			tail = tail[1:]
		}
	}
	for _, b := range tail {
		n = p.pushRange(s, dst[:p.ways], n, b.span)
	}
	return n
}
