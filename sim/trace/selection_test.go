package trace

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWriteSelection checks writeSelection against a plain sort, with a
// context small enough for its bitmap and large enough for its radix sort.
func TestWriteSelection(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tests := []struct {
		name            string
		N, sinks, win   int
		nKept, nRefill  int
		wantBitmapSized bool
	}{
		{"bitmap", 5000, 4, 16, 30, 50, true},
		{"bitmap, no sinks or window", 200, 0, 0, 3, 5, true},
		{"nothing to sort", 20, 4, 16, 0, 0, false},
		{"radix", 1 << 20, 4, 16, 30, 50, false},
		{"radix, no refill", 1 << 20, 1, 1, 10, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Distinct tokens between the sinks and the window.
			perm := rng.Perm(tt.N - tt.sinks - tt.win)[:tt.nKept+tt.nRefill]
			var kept, refill []int32
			for i, v := range perm {
				tok := int32(tt.sinks + v)
				if i < tt.nKept {
					kept = append(kept, tok)
				} else {
					refill = append(refill, tok)
				}
			}
			slices.Sort(kept)
			var want []int32
			for tok := range tt.sinks {
				want = append(want, int32(tok))
			}
			want = append(want, kept...)
			want = append(want, refill...)
			slices.Sort(want[tt.sinks:])
			for tok := tt.N - tt.win; tok < tt.N; tok++ {
				want = append(want, int32(tok))
			}
			if bitmap := tokenSetWords(tt.N) <= 4*(len(kept)+len(refill)); bitmap != tt.wantBitmapSized {
				t.Fatalf("bitmap path = %v, want %v: fix the test's sizes", bitmap, tt.wantBitmapSized)
			}
			g := &Generator{p: Params{Sinks: tt.sinks, Window: tt.win}, sortSet: make(tokenSet, tokenSetWords(tt.N))}
			got := make([]int32, len(want))
			g.writeSelection(got, kept, refill, tt.N)
			if !slices.Equal(got, want) {
				t.Errorf("writeSelection = %v, want %v", got, want)
			}
			if i := slices.IndexFunc(g.sortSet, func(w uint64) bool { return w != 0 }); i >= 0 {
				t.Errorf("sortSet word %d = %#x after writeSelection, want empty", i, g.sortSet[i])
			}
		})
	}
}
