package trace

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var tmp []int32
	for _, limit := range []int{1, 2, 255, 256, 257, 70000, 1 << 24, 1<<31 - 1} {
		for _, n := range []int{1, 2, 7, 1000} {
			a := make([]int32, n)
			for i := range a {
				a[i] = int32(rng.IntN(limit))
			}
			want := slices.Clone(a)
			slices.Sort(want)
			tmp = radixSort(a, tmp, limit)
			if !slices.Equal(a, want) {
				t.Fatalf("radixSort(n %d, limit %d) = %v, want %v", n, limit, a, want)
			}
		}
	}
}
