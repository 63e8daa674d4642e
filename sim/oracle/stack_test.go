package oracle

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestHistogramMatchesLRU: the hits the stack distances give at every size
// are those of an LRU simulated at that size, with stores from one slot
// (almost every reuse deeper than the histogram, counted without the
// tree) to more than the keys, on runs from a few bitmap words to
// hundreds.
func TestHistogramMatchesLRU(t *testing.T) {
	for i := range 80 {
		r := rand.New(rand.NewPCG(uint64(i), 21))
		s := randomSteps(r, 3+r.IntN(10), 1+r.IntN(4), 6+r.IntN(30), 10)
		if i%2 == 1 {
			s = randomSteps(r, 20+r.IntN(40), 1+r.IntN(4), 20+r.IntN(300), 80)
		}
		maxSlots := []int{40, 1, 3, 12}[i%4]
		for _, layerScope := range []bool{false, true} {
			h := s.StackDistances(layerScope, maxSlots)
			for slots := 0; slots <= maxSlots; slots++ {
				want := policyHits(s, slots, layerScope, true, func(int) int { return 0 })
				if got := h.Hits(slots); got != want {
					t.Fatalf("case %d (%d accesses, histogram to %d), layer scope %v: Hits(%d) = %d, LRU of %d slots has %d", i, s.Len(), maxSlots, layerScope, slots, got, slots, want)
				}
			}
			if got, want := h.Hits(maxSlots+5), h.Hits(maxSlots); got != want {
				t.Errorf("case %d: Hits beyond maxSlots = %d, want Hits(maxSlots) = %d", i, got, want)
			}
		}
	}
}

func TestFenwick(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for n := 1; n < 40; n++ {
		tree, plain := make([]int32, n), make([]int32, n)
		for range 100 {
			i, v := r.IntN(n), int32(r.IntN(7)-3)
			fenwickAdd(tree, int32(i), v)
			plain[i] += v
			q := r.IntN(n + 1)
			var want int32
			for _, x := range plain[:q] {
				want += x
			}
			if got := fenwickSum(tree, int32(q)); got != want {
				t.Fatalf("%s: fenwickSum(%d) = %d, want %d", fmt.Sprint(n), q, got, want)
			}
		}
	}
}
