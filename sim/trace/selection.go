package trace

// writeSelection writes S(t,l) into out, sorted: the sinks [0, Sinks), the
// kept and refilled tokens (kept sorted, refill in draw order; refill may
// be reordered), then the window [N-Window, N).
//
// When the context is small next to the selection (at most 256 tokens per
// token to sort, as at k = 2048 up to N = 512K) the tokens go into a bitmap
// of the context, read back in order: that costs a pass over N/64 words but
// no sort and no merge. Otherwise refill is radix sorted and merged with
// kept. Both give the same out: the sorted union of distinct tokens.
func (g *Generator) writeSelection(out, kept, refill []int32, N int) {
	s, w := g.p.Sinks, g.p.Window
	for tok := range s {
		out[tok] = int32(tok)
	}
	mid := out[s : len(out)-w]
	if tokenSetWords(N) <= 4*len(mid) {
		set := g.sortSet
		set.addAll(kept)
		set.addAll(refill)
		set.drain(mid, s/64, tokenSetWords(N-w))
	} else {
		if len(refill) > 0 {
			g.sortTmp = radixSort(refill, g.sortTmp, N)
		}
		merge(mid, kept, refill)
	}
	win := out[len(out)-w:]
	for i := range win {
		win[i] = int32(N - w + i)
	}
}

// merge writes the merge of the sorted, disjoint a and b into out.
func merge(out, a, b []int32) {
	// Which list gives the next token is a coin toss the branch predictor
	// misses half the time, so the merge takes min(x, y) (a conditional
	// move) and advances the indices by arithmetic: x-y is negative exactly
	// when x < y, for tokens in [0, 2^31).
	i, j, o := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		out[o] = min(x, y)
		fromA := int(uint32(x-y) >> 31)
		i += fromA
		j += 1 - fromA
		o++
	}
	o += copy(out[o:], a[i:])
	copy(out[o:], b[j:])
}
