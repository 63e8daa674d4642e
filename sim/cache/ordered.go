package cache

// Operations on the ordered policies (LRU, FIFO): a set is a stack of its
// valid lines, most recent first, count(s) of them.

// rankOf returns the position of line in explicit set s, or -1.
func (p *Partition) rankOf(s int, line uint64) int {
	tag := line + 1
	for r, t := range p.set(s)[:p.count(s)] {
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
	set := p.set(s)
	t := set[r]
	copy(set[1:r+1], set[:r])
	set[0] = t
}

func (p *Partition) accessOrdered(s int, line uint64) (hit bool, victim uint64, evicted bool) {
	if r := p.rankOf(s, line); r >= 0 {
		if p.policy == LRU {
			p.promote(s, r)
		}
		return true, 0, false
	}
	set := p.set(s)
	n := p.count(s)
	if n == p.ways {
		victim, evicted = set[n-1]-1, true
		n--
	} else {
		p.setCount(s, n+1)
		if n+1 == p.ways {
			p.free.remove(s)
		}
	}
	copy(set[1:n+1], set[:n])
	set[0] = line + 1
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
	if p.stamp(s) == p.lazy.seq {
		return
	}
	if p.pendHead(s) >= 0 {
		p.setCount(s, p.overlayContent(s, p.set(s)))
		p.setPendHead(s, -1)
	} else {
		p.setCount(s, p.lazyContent(s, p.set(s)))
	}
	p.setStamp(s, p.lazy.seq)
}

// content computes set s as it is now, overlay included, into dst (tag
// encoding, most recent first) and returns the number of lines. It changes
// no state of the partition.
func (p *Partition) content(s int, dst []uint64) int {
	if p.pendHead(s) >= 0 {
		return p.overlayContent(s, dst)
	}
	return p.lazyContent(s, dst)
}

// lazyContent computes set s as the lazy log says it is now, into dst
// (tag encoding, most recent first), and returns the number of lines. It
// changes no state of the partition; dst may be the set's own storage.
func (p *Partition) lazyContent(s int, dst []uint64) int {
	stamp := p.stamp(s)
	tail := p.lazy.tail
	var n int
	if f := p.lazy.flush; f.seq > stamp {
		n = p.pushRange(s, dst[:p.ways], 0, f.span)
	} else {
		n = p.count(s)
		copy(dst[:n], p.set(s)[:n])
		for len(tail) > 0 && tail[0].seq <= stamp {
			tail = tail[1:]
		}
	}
	for _, b := range tail {
		n = p.pushRange(s, dst[:p.ways], n, b.span)
	}
	return n
}
