package trace

// abovePool holds the tokens of S(t,l-1) that layer l may still take at step
// t, grouped so that a draw is exact: fresh ones (never selected by l) and
// returning ones bucketed by their lookback d = t - (last step l selected
// them). Built by a counting sort in O(k + dmax); each take is O(1).
type abovePool struct {
	fresh []int32 // never selected by l; taken by swap-remove
	ret   []int32 // returning tokens, sorted by d
	dist  []int32 // scratch: d of above[i], 0 if not a returning candidate
	start []int32 // bucket d is ret[start[d]:end[d]]
	end   []int32
}

// build fills the pool from above = S(t,l-1), with last the layer's
// last-selected table, keeping returning tokens with d <= dmax only (the
// lookback draw never goes further). It returns |S(t,l) ∩ S(t,l-1)| so far.
func (p *abovePool) build(above, last []int32, t, dmax int) (in int) {
	cur := stamp(t)
	p.fresh = p.fresh[:0]
	p.start = resize(p.start, dmax+2)
	p.end = resize(p.end, dmax+2)
	clear(p.end)
	p.dist = resize(p.dist, len(above))
	for i, tok := range above {
		p.dist[i] = 0
		switch v := last[tok]; {
		case v == cur:
			in++
		case v == never:
			p.fresh = append(p.fresh, tok)
		case v < cur-1:
			if d := t + 2 - int(v); d <= dmax {
				p.dist[i] = int32(d)
				p.end[d]++ // count first
			}
		}
	}
	n := int32(0)
	for d := range p.end {
		p.start[d] = n
		n += p.end[d]
		p.end[d] = p.start[d]
	}
	p.ret = resize(p.ret, int(n))
	for i, tok := range above {
		if d := p.dist[i]; d != 0 {
			p.ret[p.end[d]] = tok
			p.end[d]++
		}
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
		tok := takeRandom(rng, p.ret[p.start[d]:p.end[d]])
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
		tok := takeRandom(rng, p.fresh)
		p.fresh = p.fresh[:len(p.fresh)-1]
		if last[tok] == never {
			return tok
		}
	}
	return -1
}

// takeRandom swaps a random element of s to its end and returns it.
func takeRandom(rng *randomBits, s []int32) int32 {
	i := rng.intN(len(s))
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
