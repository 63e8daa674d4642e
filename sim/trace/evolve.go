package trace

// generate fills out (len min(TopK, N)) with S(t,l), sorted, from prev =
// S(t-1,l) (nil at step 0) and above = S(t,l-1) (nil at layer 0), and stamps
// every selected token in the layer's last-selected table. Step 0 is step
// "-1" with an empty selection: every slot is a refill. Cost is O(k) for a
// selection of k tokens, independent of N.
func (g *Generator) generate(t, l int, prev, above, out []int32) {
	N := g.p.Prompt + t
	last := g.last[l*g.ctx : l*g.ctx+N]
	cur := stamp(t)
	// The draws of (t,l) come first, in a fixed order, whatever follows.
	keepThr, overlapFix := g.drawRegime(t, l)
	if N <= g.p.TopK { // the whole context fits in k
		for i := range out {
			out[i] = int32(i)
			last[i] = cur
		}
		if prev != nil {
			g.drops.add(nil, last, cur-1) // nothing dropped
		}
		return
	}
	// Sinks [0, s) and window [N-w, N) are always selected; since
	// s+w <= k < N they are disjoint and every other token lies between.
	s, w := g.p.Sinks, g.p.Window
	for i := 0; i < s; i++ {
		last[i] = cur
	}
	for i := N - w; i < N; i++ {
		last[i] = cur
	}

	// Each other token of S(t-1,l) is kept with probability keepThr; the
	// others are the layer's dropped list of step t-1.
	salt := uint32(mix64(g.p.Seed + uint64(l+1)*splitMixGamma))
	kept := g.keepOrDrop(prev, last, cur, keepThr, salt, N-w, len(out)-s-w)
	free := len(out) - s - w - len(kept)

	// The previous layer's tokens still open to this layer form the pool;
	// in counts S(t,l) ∩ S(t,l-1) so far, target is its goal.
	var aboveLast []int32
	in, target := 0, 0
	if above != nil {
		aboveLast = g.last[(l-1)*g.ctx : (l-1)*g.ctx+N]
		in = g.pool.build(above, last, t, min(t, g.reuse.maxDistance()))
		target = int((overlapFix*uint64(len(out)) + 1<<31) >> 32)
	}

	v := &layerView{t: t, l: l, last: last, above: aboveLast}
	refill := g.refill[:0]
	for i := range free {
		// Take this slot from the previous layer with the probability
		// that spreads the overlap still missing over the slots left.
		fromAbove := false
		if want := target - in; want > 0 {
			fromAbove = g.rng.chanceRatio(want, free-i)
		}
		v.avoid = above != nil && in >= target
		tok := g.pick(v, fromAbove, g.rng.chance(g.retThr[l]))
		last[tok] = cur
		if aboveLast != nil && aboveLast[tok] == cur {
			in++
		}
		refill = append(refill, tok)
	}
	g.writeSelection(out, kept, refill, N)
	g.kept, g.refill = kept, refill
}

// drawRegime draws the keep probability and the layer-overlap target of
// (t,l), as 32-bit fractions: the keep probability from layer l's regime
// value, which it keeps with probability regimeStay (always redrawn at
// step 0), the overlap target afresh. At step 0 it also draws the layer's
// return probability.
func (g *Generator) drawRegime(t, l int) (keepThr, overlapFix uint64) {
	stay := g.rng.chance(g.stayThr)
	u := g.rng.uint32()
	if t == 0 || !stay {
		g.regime[l] = u
	}
	if t == 0 {
		g.retThr[l] = g.ret.at(g.rng.uint32())
	}
	return g.keep.at(g.regime[l]), g.overlap.at(g.rng.uint32())
}

// layerView is what the draws for a free slot of S(t,l) read: the step,
// the layer, and the layer's last-selected table over the context [0, N).
// Passed by pointer, it keeps the calls of the per-slot draws short (in
// wasm each argument is a store and a load).
type layerView struct {
	t, l  int
	last  []int32 // layer l's last-selected table, len N
	above []int32 // layer l-1's, nil at layer 0
	// avoid asks a distance draw to pass over tokens of S(t,l-1): the
	// overlap has reached its target (in a short context chance alone
	// would take it past).
	avoid bool
}

// pick chooses the token of one free slot: a returning one (with
// returning) or one at a distance back, from S(t,l-1) (with fromAbove) or
// from the layer's own history and the context. Each choice falls back to
// the next when it finds nothing, so the one that lands is always valid.
func (g *Generator) pick(v *layerView, fromAbove, returning bool) int32 {
	t, last := v.t, v.last
	if returning {
		if tok := g.drawReturning(v, fromAbove); tok >= 0 {
			return tok
		}
	}
	cur := stamp(t)
	if fromAbove {
		if tok := g.pool.takeFresh(g.rng, last, cur); tok >= 0 {
			return tok
		}
		// S(t,l-1) has no token new to this layer: keep the overlap with
		// a returning one of it, the most recent there is.
		if tok := g.pool.takeNearest(g.rng, last, t); tok >= 0 {
			return tok
		}
	}
	if tok := g.drawBack(v, cur); tok >= 0 {
		return tok
	}
	return g.drawAny(last, cur)
}

// drawTries bounds the rejection draws of one token from one source; a miss
// falls back to the next source.
const drawTries = 32

// drawReturning returns a token this layer last selected exactly d steps
// ago, d >= 2 drawn with mean ReturnDistance: with fromAbove one of
// S(t,l-1) if there is one, else any. It returns -1 when d reaches before
// step 0 or no token was last selected d steps ago.
func (g *Generator) drawReturning(v *layerView, fromAbove bool) int32 {
	t, l, last := v.t, v.l, v.last
	d := g.reuse.distance(uint64(g.rng.uint32()))
	if d > t {
		return -1
	}
	want := stamp(t - d)
	if fromAbove {
		if tok := g.pool.takeReturning(g.rng, d, last, want); tok >= 0 {
			return tok
		}
		if tok := g.pool.takeFresh(g.rng, last, stamp(t)); tok >= 0 {
			return tok // no such return through S(t,l-1): keep the overlap
		}
	}
	var avoid []int32
	if v.avoid {
		avoid = v.above
	}
	return g.dropped[t-d].take(g.rng, l, last, want, avoid, stamp(t))
}

// drawAny returns a token not in S(t-1,l), or failing that any token not
// yet in S(t,l): one always exists while a slot is open. The scan runs only
// when nearly every token is in S(t,l) or S(t-1,l), so when N is about k.
func (g *Generator) drawAny(last []int32, cur int32) int32 {
	n := len(last)
	for range drawTries {
		if tok := g.rng.intN(n); last[tok] < cur-1 {
			return int32(tok)
		}
	}
	start := g.rng.intN(n)
	for i := range n {
		if tok := (start + i) % n; last[tok] != cur {
			return int32(tok)
		}
	}
	panic("trace: no token left to select") // unreachable: len(out) <= N
}
