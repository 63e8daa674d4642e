package trace

// generate fills out (len min(TopK, N)) with S(t,l), sorted, from prev =
// S(t-1,l) (nil at step 0) and above = S(t,l-1) (nil at layer 0), and stamps
// every selected token in the layer's last-selected table. Step 0 is step
// "-1" with an empty selection: every slot is a refill. Cost is O(k) for a
// selection of k tokens, independent of N.
func (g *Generator) generate(t, l int, prev, above, out []int32) {
	N := g.p.Prompt + t
	last := g.last[l*g.ctx : l*g.ctx+N]
	seen := g.seen[l*g.words : (l+1)*g.words]
	cur := stamp(t)
	if N <= g.p.TopK { // the whole context fits in k
		for i := range out {
			out[i] = int32(i)
			last[i] = cur
			seen.add(i)
		}
		g.used[l] = int32(N)
		if prev != nil {
			g.drops.add(nil, last, cur-1) // nothing dropped
		}
		return
	}
	// Sinks [0, s) and window [N-w, N) are always selected; since
	// s+w <= k < N they are disjoint and every other token lies between.
	s, w := g.p.Sinks, g.p.Window
	used := g.used[l]
	for i := 0; i < s; i++ {
		if last[i] == never {
			used++
			seen.add(i)
		}
		last[i] = cur
	}
	for i := N - w; i < N; i++ {
		if last[i] == never {
			used++
			seen.add(i)
		}
		last[i] = cur
	}

	// Each other token of S(t-1,l) is kept with probability StepOverlap;
	// the others are the layer's dropped list of step t-1.
	kept := g.keepOrDrop(prev, last, cur, N-w, len(out)-s-w)
	free := len(out) - s - w - len(kept)

	// The previous layer's tokens still open to this layer form the pool;
	// in counts S(t,l) ∩ S(t,l-1) so far, target is its goal.
	var aboveLast []int32
	in, target := 0, 0
	if above != nil {
		aboveLast = g.last[(l-1)*g.ctx : (l-1)*g.ctx+N]
		in = g.pool.build(above, last, t, min(t, g.look.maxDistance()))
		target = int((g.layerFix*uint64(len(out)) + 1<<31) >> 32)
	}

	v := &layerView{t: t, l: l, last: last, seen: seen, fresh: N - int(used)}
	refill := g.refill[:0]
	for i := range free {
		// Take this slot from the previous layer with the probability
		// that spreads the overlap still missing over the slots left.
		fromAbove := false
		if want := target - in; want > 0 {
			fromAbove = g.rng.chanceRatio(want, free-i)
		}
		tok := g.pick(v, fromAbove, g.rng.chance(g.retThr))
		if !seen.has(int(tok)) { // last[tok] == never, without a likely cache miss
			v.fresh--
			seen.add(int(tok))
		}
		last[tok] = cur
		if aboveLast != nil && aboveLast[tok] == cur {
			in++
		}
		refill = append(refill, tok)
	}
	g.writeSelection(out, kept, refill, N)
	g.kept, g.refill = kept, refill
	g.used[l] = int32(N - v.fresh)
}

// layerView is what the draws for a free slot of S(t,l) read: the step,
// the layer, and the layer's tables over the context [0, N). Passed by
// pointer, it keeps the calls of the per-slot draws short (in wasm each
// argument is a store and a load).
type layerView struct {
	t, l  int
	last  []int32  // layer l's last-selected table, len N
	seen  tokenSet // layer l's ever-selected tokens
	fresh int      // tokens of [0, N) layer l never selected
}

// pick chooses the token of one free slot: a returning one (with
// returning) or one never selected, from S(t,l-1) (with fromAbove) or from
// the layer's own history and the popularity. Each choice falls back to the
// next when it finds nothing, so the one that lands is always valid.
func (g *Generator) pick(v *layerView, fromAbove, returning bool) int32 {
	t, last := v.t, v.last
	if returning {
		if tok := g.drawReturning(v, fromAbove); tok >= 0 {
			return tok
		}
	}
	if fromAbove {
		if tok := g.pool.takeFresh(g.rng, v.seen); tok >= 0 {
			return tok
		}
		// S(t,l-1) has no token new to this layer: keep the overlap with
		// a returning one of it.
		if d := g.look.distance(uint64(g.rng.uint32())); d <= t {
			if tok := g.pool.takeReturning(g.rng, d, last, stamp(t-d)); tok >= 0 {
				return tok
			}
		}
	}
	if tok := g.drawNever(v.seen, len(last), v.fresh); tok >= 0 {
		return tok
	}
	// The layer has selected (nearly) all of its context: settle for a
	// returning token, so that lookback keeps its distribution.
	for range drawTries {
		if tok := g.drawReturning(v, fromAbove); tok >= 0 {
			return tok
		}
	}
	return g.drawAny(last, stamp(t))
}

// drawTries bounds the rejection draws of one token from one source; a miss
// falls back to the next source.
const drawTries = 32

// drawReturning returns a token this layer last selected exactly d steps
// ago, d >= 2 drawn with mean Lookback, so that its lookback is d: with
// fromAbove one of S(t,l-1) if there is one, else any. It returns -1 when d
// reaches before step 0 or no token was last selected d steps ago.
func (g *Generator) drawReturning(v *layerView, fromAbove bool) int32 {
	t, l, last := v.t, v.l, v.last
	d := g.look.distance(uint64(g.rng.uint32()))
	if d > t {
		return -1
	}
	want := stamp(t - d)
	if fromAbove {
		if tok := g.pool.takeReturning(g.rng, d, last, want); tok >= 0 {
			return tok
		}
	}
	return g.dropped[t-d].take(g.rng, l, last, want)
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
