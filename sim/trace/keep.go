package trace

import "slices"

// keepOrDrop keeps each token of prev = S(t-1,l) that is not already in
// S(t,l) (the sinks and window, stamped cur) with probability StepOverlap,
// stamping it cur, and returns the kept ones, sorted, at most room of them
// (see trimKept). The others, still stamped cur-1, become layer l's list of
// tokens step t dropped from step t-1, in prev's order. With prev nil (step
// 0) it returns nothing and adds no list.
func (g *Generator) keepOrDrop(prev, last []int32, cur int32, room int) []int32 {
	if prev == nil {
		return g.kept[:0]
	}
	kept := slices.Grow(g.kept[:0], len(prev))[:len(prev)]
	dropped := g.drops.room(len(prev))
	// Whether a token is kept is a coin toss the branch predictor misses
	// about half the time, so the loop has no branch on it: each token is
	// written to both lists and only one of them grows, and its stamp goes
	// from cur-1 (it is in S(t-1,l)) to cur-1+keep.
	nk, nd := 0, 0
	for _, tok := range prev {
		if last[tok] == cur {
			continue // a sink or window token: taken before, no draw
		}
		keep := 0
		if g.rng.chance(g.keepThr) {
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
// when StepOverlap is near 1: the token leaving the window is kept too) and
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
