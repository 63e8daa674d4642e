package trace

import "slices"

// keepOrDrop keeps each token of prev = S(t-1,l) that is not already in
// S(t,l) (the sinks and window, stamped cur) with probability keepThr/2^32
// on average, more for the layer's sticky tokens (salt is the layer's hash
// salt) and less for the others (see stickyThresholds), stamping it cur, and returns the kept ones, sorted, at most room of them
// (see trimKept). The others, still stamped cur-1, become layer l's list of
// tokens step t dropped from step t-1, in prev's order. With prev nil (step
// 0) it returns nothing and adds no list. w0 = N-Window is the window's
// first token.
func (g *Generator) keepOrDrop(prev, last []int32, cur int32, keepThr uint64, salt uint32, w0, room int) []int32 {
	if prev == nil {
		return g.kept[:0]
	}
	// prev is sorted and the only tokens stamped cur yet are the sinks
	// and the window, so those of prev are a prefix (below Sinks) and a
	// suffix (from w0 on); every token between is stamped cur-1.
	lo, hi := 0, len(prev)
	for lo < hi && int(prev[lo]) < g.p.Sinks {
		lo++
	}
	for hi > lo && int(prev[hi-1]) >= w0 {
		hi--
	}
	middle := prev[lo:hi]
	kept := slices.Grow(g.kept[:0], len(middle))[:len(middle)]
	dropped := g.drops.room(len(middle))[:len(middle)]
	// Whether a token is kept is a coin toss the branch predictor misses
	// about half the time, so the loop has no branch on it: each token is
	// written to both lists and only one of them grows, and its stamp goes
	// from cur-1 to cur-1+keep. The stamp is written without being read.
	// The draws, one per token, come in bulk.
	draws := slices.Grow(g.draws[:0], len(middle))[:len(middle)]
	g.draws = draws
	g.rng.fill(draws)
	sticky := 0
	for _, tok := range middle {
		sticky += isSticky(tok, salt)
	}
	thrS, thrN := stickyThresholds(keepThr, sticky, len(middle))
	nk, nd := 0, 0
	for i, tok := range middle {
		mask := -uint64(isSticky(tok, salt))
		thr := thrN ^ ((thrN ^ thrS) & mask)
		keep := 0
		if uint64(draws[i]) < thr { // rng.chance(thr)
			keep = 1
		}
		kept[nk] = tok
		dropped[nd] = tok
		last[tok] = cur - 1 + int32(keep)
		nk += keep
		nd += 1 - keep
	}
	kept = kept[:nk]
	g.kept = kept
	if nk <= room {
		g.drops.close(nd)
		return kept
	}
	kept = g.trimKept(kept, room, last, cur)
	g.drops.add(prev, last, cur-1) // the trimmed tokens are dropped too
	return kept
}

// trimKept drops random tokens of kept until at most room are left (only
// when the keep probability is near 1: the token leaving the window is
// kept too) and
// returns kept, still sorted.
func (g *Generator) trimKept(kept []int32, room int, last []int32, cur int32) []int32 {
	for excess := len(kept) - room; excess > 0; {
		if tok := kept[g.rng.intN(len(kept))]; last[tok] == cur {
			last[tok] = cur - 1
			excess--
		}
	}
	n := 0
	for _, tok := range kept {
		if last[tok] == cur {
			kept[n] = tok
			n++
		}
	}
	return kept[:n]
}

// Sticky tokens: a share of each layer's tokens (stickyThr), picked by a
// hash of the token and the layer, are dropped 1/stickyDrop as often as
// the keep probability says, the others more often, so that a step
// keeps the same share of its tokens: a few tokens a layer keeps coming
// back to (heavy hitters) give the runs their long tail.
const (
	stickyThr  = one32 / 16 // a share of 5%, as a threshold of the hash
	stickyDrop = 5          // dropped a quarter as often
)

// isSticky returns 1 if tok is sticky in the layer of salt, else 0.
func isSticky(tok int32, salt uint32) int {
	h := (uint32(tok) ^ salt) * 0x9E3779B1
	return int((uint64(h) - stickyThr) >> 63)
}

// stickyThresholds returns the keep thresholds of sticky and other tokens
// for a step that keeps keepThr/2^32 of its n tokens on average, sticky of
// them sticky: the expected number kept is always keepThr*n/2^32, and when
// the sticky ones alone would take more, they take just that and the
// others none.
func stickyThresholds(keepThr uint64, sticky, n int) (thrS, thrN uint64) {
	thrS = one32 - (one32-keepThr)/stickyDrop
	switch {
	case sticky == 0:
		return thrS, keepThr
	case sticky >= n: // all sticky: they keep the step's share
		return keepThr, keepThr
	}
	want := keepThr * uint64(n)
	have := thrS * uint64(sticky)
	if have >= want { // the sticky ones alone take the step's share
		return want / uint64(sticky), 0
	}
	return thrS, (want - have) / uint64(n-sticky)
}
