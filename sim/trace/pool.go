package trace

import "slices"

// abovePool holds the tokens of S(t,l-1) that layer l may still take at step
// t, grouped so that a draw is exact: fresh ones (never selected by l) and
// returning ones bucketed by their lookback d = t - (last step l selected
// them). Built by a counting sort in O(k + dmax); each take is O(1).
type abovePool struct {
	fresh []int32 // never selected by l; taken by swap-remove
	ret   []int32 // every token of S(t,l-1), sorted by d (0: not returning)
	dist  []int32 // scratch: d of above[i], 0 if not a returning candidate
	start []int32 // bucket d is ret[start[d]:end[d]]
	end   []int32
}

// build fills the pool from above = S(t,l-1), with last the layer's
// last-selected table, keeping returning tokens with d <= dmax only (the
// lookback draw never goes further). It returns |S(t,l) ∩ S(t,l-1)| so far.
func (p *abovePool) build(above, last []int32, t, dmax int) (in int) {
	fresh := slices.Grow(p.fresh[:0], len(above))[:len(above)]
	nf := 0
	p.start = resize(p.start, dmax+2)
	p.end = resize(p.end, dmax+2)
	clear(p.end)
	dist := resize(p.dist, len(above))
	// A token's kind (in S(t,l), fresh, returning) is a coin toss for the
	// branch predictor, so the loop has no branch on it: counts grow by
	// 0 or 1, fresh gets every token and keeps it only if fresh, and a
	// token that is not a returning candidate counts in bucket 0.
	for i, tok := range above {
		v := last[tok]
		d := t + 2 - int(v) // 0 in S(t,l), 1 in S(t-1,l), t+2 never selected
		if d == 0 {
			in++
		}
		fresh[nf] = tok
		if v == never {
			nf++
		}
		// 1 if 2 <= d <= dmax, else 0; arithmetic on the sign bit rather
		// than a comparison, which the compiler would turn into a branch
		// because d then indexes end.
		returning := 1 ^ int(uint64((d-2)|(dmax-d))>>63)
		d *= returning
		dist[i] = int32(d)
		p.end[d]++ // count first
	}
	p.fresh, p.dist = fresh[:nf], dist
	n := int32(0)
	for d := range p.end {
		p.start[d] = n
		n += p.end[d]
		p.end[d] = p.start[d]
	}
	p.ret = resize(p.ret, int(n))
	for i, tok := range above {
		d := dist[i]
		p.ret[p.end[d]] = tok
		p.end[d]++
	}
	return in
}

// takeReturning removes and returns a random token of bucket d whose stamp
// in last is still want, or -1 when the bucket runs out.
func (p *abovePool) takeReturning(rng *randomBits, d int, last []int32, want int32) int32 {
	if d >= len(p.end) {
		return -1
	}
	for p.end[d] > p.start[d] {
		bucket := p.ret[p.start[d]:p.end[d]]
		tok := swapToEnd(bucket, rng.intN(len(bucket)))
		p.end[d]--
		if last[tok] == want {
			return tok
		}
	}
	return -1
}

// takeFresh removes and returns a random token never selected by the layer,
// or -1 when none is left.
func (p *abovePool) takeFresh(rng *randomBits, last []int32) int32 {
	for len(p.fresh) > 0 {
		tok := swapToEnd(p.fresh, rng.intN(len(p.fresh)))
		p.fresh = p.fresh[:len(p.fresh)-1]
		if last[tok] == never {
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
