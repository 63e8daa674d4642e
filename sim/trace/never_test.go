package trace

import "testing"

// drawNeverOneByOne is drawNever's loops with one draw at a time: the
// reference for drawNeverBulk.
func drawNeverOneByOne(g *Generator, seen tokenSet, n int) int32 {
	for range drawTries {
		if tok := n - 1 - g.age.age(g.rng.uint32(), n); !seen.has(tok) {
			return int32(tok)
		}
	}
	for range drawTries {
		if tok := g.rng.intN(n); !seen.has(tok) {
			return int32(tok)
		}
	}
	return -1
}

// TestDrawNeverBulk checks that drawNeverBulk returns what one draw at a
// time returns and leaves the stream in the same state. At n = 16711936,
// 2^32 mod n is about n, so intN rejects about one draw in 257 and some
// calls take that path.
func TestDrawNeverBulk(t *testing.T) {
	for _, n := range []int{100, 4096, 32771, 16711936} {
		seen := make(tokenSet, tokenSetWords(n))
		for tok := range n {
			seen.add(tok)
		}
		// A few fresh tokens, spread out: most draws miss, some hit.
		for tok := 7; tok < n; tok += n/5 + 1 {
			seen[tok>>6] &^= 1 << (tok & 63)
		}
		p := DefaultParams()
		p.Layers, p.Steps = 1, 1
		for seed := range uint64(300) {
			want, got := mustGenerator(t, p), mustGenerator(t, p)
			want.rng, got.rng = newRandomBits(seed, 1), newRandomBits(seed, 1)
			if seed%2 == 1 { // start from the high half of a step
				want.rng.uint32()
				got.rng.uint32()
			}
			w, g := drawNeverOneByOne(want, seen, n), got.drawNeverBulk(seen, n)
			if g != w {
				t.Fatalf("n %d, seed %d: drawNeverBulk = %d, want %d", n, seed, g, w)
			}
			if !sameStream(got.rng, want.rng) {
				t.Fatalf("n %d, seed %d: stream after drawNeverBulk = %+v, want %+v", n, seed, *got.rng, *want.rng)
			}
		}
	}
}

// sameStream reports whether a and b will draw the same numbers from now
// on: the same state, and the same unused half step if any.
func sameStream(a, b *randomBits) bool {
	return a.state == b.state && a.have == b.have && (!a.have || a.buf == b.buf)
}
