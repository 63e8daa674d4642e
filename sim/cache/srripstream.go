package cache

// A stream of provably absent lines through an SRRIP partition, a set at
// a time. Every access of such a stream misses, so a set's future depends
// only on its re-reference values: once each way has been refilled by the
// stream and the values read [2 ... 2 3 ... 3] (a cycle pointer c: ways
// below c inserted since the last aging), SRRIP replaces ways 0, 1, ...,
// Ways-1 in turn, aging everything between rounds. The set is simulated
// miss by miss until it reaches that cycle (a few Ways misses at most) and
// the rest is computed: way w holds the last line the cycle put there.
// Cost: O(Ways) per set instead of O(lines).

// nthIn returns the i-th line (from 0) of [first, ...) that maps to set s.
func (ix *setIndex) nthIn(s int, first uint64, i uint64) uint64 {
	r0, _ := ix.split(first)
	if ix.lineAt(r0, s) < first {
		r0++
	}
	return ix.lineAt(r0+i, s)
}

// srripSet applies m absent lines (the set's lines of the stream from
// first) to set s. It returns the evictions and whether every way was
// refilled by the stream.
func (p *Partition) srripSet(s int, first, m uint64) (evictions uint64, refilled bool) {
	set := p.set(s)
	rr := p.rrpv[s*p.ways : (s+1)*p.ways]
	var fresh [256]bool // way refilled by this stream
	left := p.ways
	i := uint64(0)
	for ; i < m; i++ {
		if left == 0 && srripCycle(rr) >= 0 {
			break
		}
		w := p.emptyWay(s)
		if w < 0 {
			w = p.victimWay(s)
			evictions++
		}
		set[w] = p.ix.nthIn(s, first, i) + 1
		rr[w] = srripMax - 1
		if !fresh[w] {
			fresh[w] = true
			left--
		}
	}
	if i == m {
		return evictions, left == 0
	}
	// In the cycle from pointer c: the k-th remaining miss replaces way
	// (c + k) mod Ways (c == Ways behaves as 0: everything is aged first).
	W := uint64(p.ways)
	c := uint64(srripCycle(rr)) % W
	rest := m - i
	for w := range W {
		k := (w + W - c) % W // first remaining miss to land on way w
		if k >= rest {
			continue
		}
		k += (rest - 1 - k) / W * W // the last one
		set[w] = p.ix.nthIn(s, first, i+k) + 1
	}
	end := (c + rest) % W
	for w := range W {
		rr[w] = srripMax
		if w < end || end == 0 {
			rr[w] = srripMax - 1
		}
	}
	return evictions + rest, true
}

// srripCycle returns the cycle pointer c if the values read c ways at
// srripMax-1 followed by ways at srripMax, or -1.
func srripCycle(rr []uint8) int {
	c := 0
	for c < len(rr) && rr[c] == srripMax-1 {
		c++
	}
	for _, v := range rr[c:] {
		if v != srripMax {
			return -1
		}
	}
	return c
}
