package oracle

import "math/bits"

// posSet is a set of positions in [0, n) that finds its largest member in
// a few word reads: a bitmap, then per level a summary of the level below
// (bit w set when word w below is not zero), up to a single word. Adding,
// removing and the largest member each touch a word per level: three
// levels for 262,144 positions, four for 16M. MIN keeps in one the next
// uses of its residents that fall in the window: the largest is the
// resident to evict, and a resident's next use changes in two bit flips
// where a heap would move entries along a path.
type posSet struct {
	levels [][]uint64 // levels[0] the bitmap, the last a single word
}

func newPosSet(n int) posSet {
	var s posSet
	for {
		words := max((n+63)/64, 1)
		s.levels = append(s.levels, make([]uint64, words))
		if words == 1 {
			return s
		}
		n = words
	}
}

// add makes x a member.
func (s posSet) add(x int32) {
	for _, lv := range s.levels {
		w := x >> 6
		was := lv[w]
		lv[w] = was | 1<<uint(x&63)
		if was != 0 {
			return // the levels above already count word w
		}
		x = w
	}
}

// remove makes x not a member.
func (s posSet) remove(x int32) {
	for _, lv := range s.levels {
		w := x >> 6
		lv[w] &^= 1 << uint(x&63)
		if lv[w] != 0 {
			return // word w still has members
		}
		x = w
	}
}

// max returns the largest member, or ok false when the set is empty.
func (s posSet) max() (x int32, ok bool) {
	top := len(s.levels) - 1
	if s.levels[top][0] == 0 {
		return 0, false
	}
	for k := top; k >= 0; k-- {
		x = x<<6 | int32(63-bits.LeadingZeros64(s.levels[k][x]))
	}
	return x, true
}
