package trace

import "testing"

func TestRandomBitsSkip(t *testing.T) {
	for _, pre := range []int{0, 1} { // skip from either half of a step
		for k := range 7 {
			a, b := newRandomBits(3, 5), newRandomBits(3, 5)
			for range pre {
				a.uint32()
				b.uint32()
			}
			for range k {
				a.uint32()
			}
			b.skip(k)
			if got, want := b.uint32(), a.uint32(); got != want {
				t.Errorf("after %d draws, skip(%d) then uint32() = %#x, want %#x", pre, k, got, want)
			}
		}
	}
}
