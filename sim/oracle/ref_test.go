package oracle

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// randomSteps draws a small sequence: per step and layer, a sorted set of
// distinct tokens of a context of ctx, keys layer*ctx+token.
func randomSteps(r *rand.Rand, steps, layers, ctx, k int) *Sequence {
	out := make([][]int32, steps)
	for t := range out {
		for l := range layers {
			toks := r.Perm(ctx)[:1+r.IntN(min(k, ctx))]
			slices.Sort(toks)
			for _, tok := range toks {
				out[t] = append(out[t], int32(l*ctx+tok))
			}
		}
	}
	return fromSteps(out, layers*ctx, layers)
}

// partition returns a key's partition in a scope: its layer, or 0.
func (s keySplit) partition(key int32, layerScope bool) int {
	if layerScope {
		return s.layerOf(key)
	}
	return 0
}

// partitionOf returns access i's partition in a scope.
func partitionOf(s *Sequence, i int, layerScope bool) int {
	return s.partition(s.keys[i], layerScope)
}

// stepOf returns the step of access i.
func stepOf(s *Sequence, i int) int {
	t := 0
	for s.stepStart[t+1] <= i {
		t++
	}
	return t
}

// bruteMIN is the most hits any policy (evict any resident, or not insert
// at all) can have: an exhaustive search over every choice at every miss,
// memoized on (position, resident set), each partition on its own. Keys
// of a partition must be fewer than 64.
func bruteMIN(s *Sequence, slots int, layerScope bool) int64 {
	caps := s.shares(slots, layerScope)
	var total int64
	for p := range caps {
		var sub []int // this partition's keys, renumbered
		ids := map[int32]int{}
		for i, k := range s.keys {
			if partitionOf(s, i, layerScope) != p {
				continue
			}
			if _, ok := ids[k]; !ok {
				ids[k] = len(ids)
			}
			sub = append(sub, ids[k])
		}
		memo := map[[2]uint64]int64{}
		var best func(pos int, mask uint64) int64
		best = func(pos int, mask uint64) int64 {
			if pos == len(sub) {
				return 0
			}
			st := [2]uint64{uint64(pos), mask}
			if v, ok := memo[st]; ok {
				return v
			}
			bit := uint64(1) << sub[pos]
			var v int64
			switch {
			case mask&bit != 0:
				v = 1 + best(pos+1, mask)
			default:
				v = best(pos+1, mask) // bypass
				if bits.OnesCount64(mask) < caps[p] {
					v = max(v, best(pos+1, mask|bit))
				} else {
					for m := mask; m != 0; m &= m - 1 {
						victim := m & -m
						v = max(v, best(pos+1, mask&^victim|bit))
					}
				}
			}
			memo[st] = v
			return v
		}
		total += best(0, 0)
	}
	return total
}

// refMIN is MIN with a horizon written the obvious way: at every miss of
// a full partition, each resident's and the incoming key's next use is
// looked for by scanning the window; the furthest goes, keys not used in
// the window first, the least recently used of those first.
func refMIN(s *Sequence, slots int, layerScope bool, horizon int) []int64 {
	caps := s.shares(slots, layerScope)
	res := make([][]int32, len(caps)) // per partition, resident keys
	lastUse := map[int32]int{}
	hits := make([]int64, s.Steps())
	for i, k := range s.keys {
		t := stepOf(s, i)
		p := partitionOf(s, i, layerScope)
		end := s.stepStart[min(t+horizon+1, s.Steps())]
		if slices.Contains(res[p], k) {
			hits[t]++
			lastUse[k] = i
			continue
		}
		lastUse[k] = i
		if caps[p] == 0 {
			continue
		}
		if len(res[p]) < caps[p] {
			res[p] = append(res[p], k)
			continue
		}
		// furthest: (far, then least recent) or (near, latest next use)
		rank := func(key int32) (far bool, v int) {
			for j := i + 1; j < end; j++ {
				if s.keys[j] == key {
					return false, j
				}
			}
			return true, -lastUse[key]
		}
		worst, wFar, wV := k, false, 0
		wFar, wV = rank(k)
		for _, r := range res[p] {
			far, v := rank(r)
			if (far && !wFar) || (far == wFar && v > wV) {
				worst, wFar, wV = r, far, v
			}
		}
		if worst != k {
			res[p][slices.Index(res[p], worst)] = k
		}
	}
	return hits
}

// policyHits replays the sequence through a demand policy of the given
// partitions' capacities: victim picks the index of the resident to evict
// (residents ordered oldest insertion first; hit moves to the end when
// moveOnHit).
func policyHits(s *Sequence, slots int, layerScope, moveOnHit bool, victim func(n int) int) int64 {
	caps := s.shares(slots, layerScope)
	res := make([][]int32, len(caps))
	var hits int64
	for i, k := range s.keys {
		p := partitionOf(s, i, layerScope)
		if j := slices.Index(res[p], k); j >= 0 {
			hits++
			if moveOnHit {
				res[p] = append(slices.Delete(res[p], j, j+1), k)
			}
			continue
		}
		if caps[p] == 0 {
			continue
		}
		if len(res[p]) == caps[p] {
			v := victim(len(res[p]))
			res[p] = slices.Delete(res[p], v, v+1)
		}
		res[p] = append(res[p], k)
	}
	return hits
}

func sum(xs []int64) int64 {
	var n int64
	for _, x := range xs {
		n += x
	}
	return n
}

// refLineMIN is LineMIN written the obvious way: every line a key of its
// own, accessed in a row for each token access; at a miss with the cache
// full, every resident line's rank and the incoming one's are found by
// scanning the window, and the highest goes (the incoming line: bypass).
func refLineMIN(s *Sequence, lines, n, horizon int) []int64 {
	type line struct {
		key  int32 // token key
		o    int   // line of the token
		last int   // token position of its latest use
	}
	var res []line
	hits := make([]int64, s.Steps())
	for i, k := range s.keys {
		t := stepOf(s, i)
		end := s.stepStart[min(t+horizon+1, s.Steps())]
		rank := func(l line) int64 {
			for j := i + 1; j < end; j++ {
				if s.keys[j] == l.key {
					return int64(j)*int64(n) + int64(l.o)
				}
			}
			return farBase + int64(math.MaxInt32-l.last)*int64(n) + int64(l.o)
		}
		for o := range n {
			in := line{k, o, i}
			if j := slices.IndexFunc(res, func(l line) bool { return l.key == k && l.o == o }); j >= 0 {
				hits[t]++
				res[j].last = i
				continue
			}
			if len(res) < lines {
				res = append(res, in)
				continue
			}
			worst, wr := -1, rank(in)
			for j, l := range res {
				if r := rank(l); r > wr {
					worst, wr = j, r
				}
			}
			if worst >= 0 {
				res[worst] = in
			}
		}
	}
	return hits
}
