package oracle

import (
	"math/rand/v2"
	"testing"
)

// TestPosSet: random adds and removes keep max equal to the largest
// member of a plain set, at sizes of one to four levels.
func TestPosSet(t *testing.T) {
	for _, n := range []int{1, 2, 63, 64, 65, 4096, 4097, 300000} {
		r := rand.New(rand.NewPCG(uint64(n), 7))
		s, plain := newPosSet(n), make(map[int32]bool)
		for op := range 4000 {
			// Near the top half the time, so that max moves both ways.
			x := int32(r.IntN(n))
			if r.IntN(2) == 0 {
				x = int32(n - 1 - r.IntN(min(n, 40)))
			}
			if plain[x] {
				s.remove(x)
				delete(plain, x)
			} else {
				s.add(x)
				plain[x] = true
			}
			want, wantOK := int32(0), false
			for m := range plain {
				if !wantOK || m > want {
					want, wantOK = m, true
				}
			}
			if got, ok := s.max(); got != want || ok != wantOK {
				t.Fatalf("n %d, op %d: max() = %d, %v; the set's largest is %d, %v", n, op, got, ok, want, wantOK)
			}
		}
	}
}
