package trace

import (
	"math"
	"sort"
	"testing"
)

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

// TestReuseDistance checks reuseTable.distance against a plain
// sort.Search, at every threshold of the table and beside it.
func TestReuseDistance(t *testing.T) {
	for _, mean := range []float64{1, 2.5, 3.3, 20, 1000} {
		lt := newReuseTable(mean, 1<<20)
		us := []uint64{0, 1, one32 - 1}
		for _, thr := range lt.tail {
			us = append(us, thr-1, thr, thr+1)
		}
		for _, u := range us {
			u = min(u, one32-1)
			want := 2 + sort.Search(len(lt.tail), func(j int) bool { return u >= lt.tail[j] })
			if got := lt.distance(u); got != want {
				t.Errorf("lookback %g: distance(%#x) = %d, want %d", mean, u, got, want)
			}
		}
	}
}

func TestRandomBitsSkipIntN(t *testing.T) {
	// n near 2^32 makes rejections common, so that path is tested too.
	for _, n := range []int{1, 3, 32768, 1<<31 + 1, 1<<32 - 5} {
		for pre := range 2 {
			for k := range 70 {
				a, b := newRandomBits(uint64(k), 9), newRandomBits(uint64(k), 9)
				for range pre {
					a.uint32()
					b.uint32()
				}
				for range k {
					a.intN(n)
				}
				b.skipIntN(k, n)
				if got, want := b.uint32(), a.uint32(); got != want {
					t.Fatalf("n = %d, after %d draws, skipIntN(%d) then uint32() = %#x, want %#x", n, pre, k, got, want)
				}
			}
		}
	}
}

// ratio32 returns min(a/b, 1) as a 32-bit threshold, for 0 <= a < 2^31 and
// b > 0: the reference for belowRatio.
func ratio32(a, b int) uint64 {
	if a >= b {
		return one32
	}
	return uint64(a) << 32 / uint64(b)
}

// TestBelowRatio checks belowRatio(u, a, b) against u < ratio32(a, b) at
// the edges of a, b and the draw.
func TestBelowRatio(t *testing.T) {
	sizes := []int{1, 2, 3, 7, 1000, 2048, 1<<31 - 1}
	for _, b := range sizes {
		for _, a := range append(sizes, 0, b-1, b, b+1) {
			if a < 0 || a >= 1<<31 {
				continue
			}
			thr := ratio32(a, b)
			for _, u := range []uint64{0, 1, thr - 1, thr, thr + 1, one32 - 1} {
				if u >= one32 {
					continue
				}
				if got, want := belowRatio(uint32(u), a, b), u < thr; got != want {
					t.Errorf("belowRatio(%#x, %d, %d) = %v, want %v", u, a, b, got, want)
				}
			}
		}
	}
}

func TestRandomBitsFill(t *testing.T) {
	for pre := range 2 {
		for n := range 7 {
			a, b := newRandomBits(11, 3), newRandomBits(11, 3)
			for range pre {
				a.uint32()
				b.uint32()
			}
			got := make([]uint32, n)
			b.fill(got)
			for i := range got {
				if want := a.uint32(); got[i] != want {
					t.Errorf("after %d draws, fill(%d)[%d] = %#x, want %#x", pre, n, i, got[i], want)
				}
			}
			if got, want := b.uint32(), a.uint32(); got != want {
				t.Errorf("after %d draws and fill(%d), uint32() = %#x, want %#x", pre, n, got, want)
			}
		}
	}
}

// TestStickyThresholds checks that sticky and other tokens together keep
// the step's share on average, with thresholds that are probabilities and
// sticky tokens kept at least as often as the others.
func TestStickyThresholds(t *testing.T) {
	for _, keep := range []float64{0, 0.05, 0.45, 0.9, 1} {
		for _, n := range []int{1, 7, 64, 2048} {
			for _, sticky := range []int{0, 1, n / 8, n / 2, n} {
				keepThr := threshold(keep)
				thrS, thrN := stickyThresholds(keepThr, sticky, n)
				got := float64(thrS)*float64(sticky) + float64(thrN)*float64(n-sticky)
				want := float64(keepThr) * float64(n)
				if thrS > one32 || thrN > one32 || (sticky < n && thrS < thrN) || math.Abs(got-want) > float64(n) {
					t.Errorf("stickyThresholds(%v, %d, %d) = %d, %d: keeps %g/2^32, want %g", keep, sticky, n, thrS, thrN, got, want)
				}
			}
		}
	}
}
