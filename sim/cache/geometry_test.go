package cache

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSetIndexRowsAreBijections: every row of Sets consecutive lines puts
// exactly one line in each set, and lineAt inverts set.
func TestSetIndexRowsAreBijections(t *testing.T) {
	for _, g := range []Geometry{{Sets: 1, Ways: 1}, {Sets: 7, Ways: 1}, {Sets: 16, Ways: 1, XOR: true}, {Sets: 12, Ways: 1, XOR: true}, {Sets: 25600, Ways: 1, XOR: true}} {
		ix := newSetIndex(g)
		for _, row := range []uint64{0, 1, 2, 1000, 1 << 40} {
			seen := make([]bool, g.Sets)
			for col := range uint64(g.Sets) {
				x := row*uint64(g.Sets) + col
				s := ix.set(x)
				if seen[s] {
					t.Fatalf("%+v row %d: set %d receives two lines", g, row, s)
				}
				seen[s] = true
				if got := ix.lineAt(row, s); got != x {
					t.Fatalf("%+v: lineAt(%d, %d) = %d, want %d", g, row, s, got, x)
				}
			}
		}
	}
}

// TestCountInAndLastInRange compare the arithmetic with a walk over every
// line of random ranges.
func TestCountInAndLastInRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, g := range []Geometry{{Sets: 1, Ways: 3}, {Sets: 10, Ways: 4}, {Sets: 16, Ways: 4, XOR: true}, {Sets: 24, Ways: 5, XOR: true}} {
		ix := newSetIndex(g)
		for range 300 {
			first := rng.Uint64N(1000)
			n := 1 + rng.Uint64N(uint64(g.Sets*8))
			s := rng.IntN(g.Sets)
			var want []uint64
			for x := first + n - 1; ; x-- {
				if ix.set(x) == s {
					want = append(want, x)
				}
				if x == first {
					break
				}
			}
			name := fmt.Sprintf("%+v set %d of [%d, +%d)", g, s, first, n)
			if got := ix.countIn(s, first, n); got != uint64(len(want)) {
				t.Fatalf("%s: countIn = %d, want %d", name, got, len(want))
			}
			dst := make([]uint64, g.Ways)
			k := ix.lastInRange(s, ix.span(first, n), dst)
			if w := want[:min(len(want), g.Ways)]; !slices.Equal(dst[:k], w) {
				t.Fatalf("%s: lastInRange = %v, want %v", name, dst[:k], w)
			}
		}
	}
}
