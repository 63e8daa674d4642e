package trace

// abovePool holds the tokens of S(t,l-1) that layer l may still take at step
// t, grouped so that a draw is exact: fresh ones (not selected by l in the
// last dmax steps) and returning ones bucketed by their distance d = t -
// (last step l selected them). Built by a counting sort in O(k + dmax); each take is O(1).
type abovePool struct {
	fresh []int32 // not selected by l in the last dmax steps, taken by swap-remove: a bucket of ret
	ret   []int32 // every token of S(t,l-1), sorted by bucket (see build)
	dist  []int32 // scratch: the bucket of above[i]
	start []int32 // bucket d is ret[start[d]:end[d]]
	end   []int32
	// nearest is the first returning bucket takeNearest may find
	// non-empty.
	nearest int
}

// build fills the pool from above = S(t,l-1), with last the layer's
// last-selected table, keeping returning tokens with d <= dmax only (the
// returning draw never goes further). It returns |S(t,l) ∩ S(t,l-1)| so far.
//
// Every token of above goes to one bucket of a counting sort, which keeps
// above's order within a bucket: bucket 0 holds those already in S(t,l)
// (d = 0), bucket d in [2, dmax] the returning ones, bucket dmax+1 the
// fresh ones (never selected, or more than dmax steps ago), bucket 1 those
// of S(t-1,l) this step dropped, which no draw asks for: taking one would
// undo its drop.
func (p *abovePool) build(above, last []int32, t, dmax int) (in int) {
	// The loops work on local slice headers: a store through p's slices
	// might, for all the compiler knows, change p's fields, which it
	// would then reload at every token.
	start := resize(p.start, dmax+2)
	end := resize(p.end, dmax+2)
	clear(end)
	dist := resize(p.dist, len(above))[:len(above)]
	for i, tok := range above {
		v := int(last[tok])
		d := t + 2 - v // v = stamp(t - d)
		// The bucket is d, or dmax+1 (fresh) past dmax or for a token
		// never selected, found by arithmetic on sign bits: a token's
		// kind is a coin toss the branch predictor would miss, and the
		// compiler keeps a branch (no conditional move) for a value
		// that indexes memory.
		past := int(uint64(dmax-d) >> 63) // 1 if d > dmax
		past |= int(uint64(v-1) >> 63)    // or v == 0 (never), as v >= 0
		b := d*(1-past) + past*(dmax+1)
		dist[i] = int32(b)
		end[b]++ // count first
	}
	in = int(end[0])
	n := int32(0)
	for d, c := range end {
		start[d] = n
		end[d] = n
		n += c
	}
	ret := resize(p.ret, int(n))
	for i, tok := range above {
		b := dist[i]
		ret[end[b]] = tok
		end[b]++
	}
	p.ret, p.dist, p.start, p.end, p.nearest = ret, dist, start, end, 2
	p.fresh = ret[start[dmax+1]:end[dmax+1]]
	return in
}

// takeReturning removes and returns a random token of bucket d whose stamp
// in last is still want, or -1 when the bucket runs out.
func (p *abovePool) takeReturning(rng *randomBits, d int, last []int32, want int32) int32 {
	if d < 2 || d > len(p.end)-2 { // only buckets 2..dmax are returning
		return -1
	}
	for p.end[d] > p.start[d] {
		bucket := p.ret[p.start[d]:p.end[d]]
		u := rng.uint32()
		i, ok := lemire(u, len(bucket)) // rng.intN(len(bucket))
		if !ok {
			i = rng.intNFrom(u, len(bucket))
		}
		tok := swapToEnd(bucket, i)
		p.end[d]--
		if last[tok] == want {
			return tok
		}
	}
	return -1
}

// takeNearest removes and returns a token of the nearest non-empty
// returning bucket (d from 2 up to dmax) whose stamp is still the bucket's,
// or -1 when none is left: the last resort of a slot that must come from
// S(t,l-1). Buckets only empty, so it starts where the last call found
// one: all its calls of one (t,l) cost O(dmax) bucket looks together.
func (p *abovePool) takeNearest(rng *randomBits, last []int32, t int) int32 {
	for ; p.nearest <= len(p.end)-2; p.nearest++ {
		if tok := p.takeReturning(rng, p.nearest, last, stamp(t-p.nearest)); tok >= 0 {
			return tok
		}
	}
	return -1
}

// takeFresh removes and returns a random fresh token still in neither
// S(t,l) nor S(t-1,l) (its stamp in last is below cur-1; a distance draw
// may have taken it since the build), or -1 when none is left.
func (p *abovePool) takeFresh(rng *randomBits, last []int32, cur int32) int32 {
	for len(p.fresh) > 0 {
		u := rng.uint32()
		i, ok := lemire(u, len(p.fresh)) // rng.intN(len(p.fresh))
		if !ok {
			i = rng.intNFrom(u, len(p.fresh))
		}
		tok := swapToEnd(p.fresh, i)
		p.fresh = p.fresh[:len(p.fresh)-1]
		if last[tok] < cur-1 {
			return tok
		}
	}
	return -1
}

// swapToEnd swaps s[i] with the last element of s and returns it: with i
// drawn uniformly, a random take by swap-remove. The draw is left to the
// caller so that this inlines (a call to intN cannot).
func swapToEnd(s []int32, i int) int32 {
	tok := s[i]
	s[i] = s[len(s)-1]
	s[len(s)-1] = tok
	return tok
}

// resize returns s with length n, reusing its storage when it can.
func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
