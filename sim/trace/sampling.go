package trace

import "math"

// The generator turns every probability into an integer threshold once, at
// construction, with operations IEEE 754 rounds exactly (*, /, -, Sqrt) and
// no math.Pow, Log or Exp, whose last bit differs between platforms. The
// draws themselves are integer comparisons, so a seed gives the same trace
// natively and under GOOS=js GOARCH=wasm.

// one32 is probability 1 as a threshold: a draw is a uniform 32-bit integer.
const one32 = 1 << 32

// threshold returns p (in [0,1]) as a 32-bit threshold for randomBits.chance.
func threshold(p float64) uint64 { return uint64(p * one32) }

// randomBits hands out a SplitMix64 stream 32 bits at a time. SplitMix64
// needs only 64-bit multiplies, which WebAssembly has; a PCG step, whose
// 128-bit multiply Wasm emulates, cost about 70 ns there, ten times the rest
// of a draw. Each step still serves two draws.
type randomBits struct {
	state uint64
	buf   uint64
	have  bool // the high half of buf is unused
}

func newRandomBits(seed, stream uint64) *randomBits {
	r := &randomBits{state: seed}
	r.state ^= r.next() ^ stream*0xD1B54A32D192ED03 // one stream per purpose
	return r
}

// splitMixGamma is SplitMix64's state increment per step.
const splitMixGamma = 0x9E3779B97F4A7C15

// next is one SplitMix64 step.
func (r *randomBits) next() uint64 {
	r.state += splitMixGamma
	return mix64(r.state)
}

// mix64 is SplitMix64's output function of a state.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// uint32 returns 32 uniform bits.
func (r *randomBits) uint32() uint32 {
	if r.have {
		r.have = false
		return uint32(r.buf >> 32)
	}
	r.buf, r.have = r.next(), true
	return uint32(r.buf)
}

// fill sets dst to the next len(dst) draws of uint32, in order, a whole
// step (two draws) at a time, so that a loop that needs one draw per
// element can read them from a slice, without the stream's bookkeeping
// between its elements.
func (r *randomBits) fill(dst []uint32) {
	if len(dst) > 0 && r.have {
		dst[0] = r.uint32()
		dst = dst[1:]
	}
	state := r.state
	for len(dst) >= 2 {
		state += splitMixGamma
		z := mix64(state)
		dst[0], dst[1] = uint32(z), uint32(z>>32)
		dst = dst[2:]
	}
	r.state = state
	if len(dst) == 1 {
		dst[0] = r.uint32()
	}
}

// skip advances the stream by k uint32 draws without computing them: a
// SplitMix64 state moves by a constant per step, so pairs of draws are one
// addition.
func (r *randomBits) skip(k int) {
	if k > 0 && r.have {
		r.have = false
		k--
	}
	r.state += uint64(k/2) * splitMixGamma
	if k%2 == 1 {
		r.uint32()
	}
}

// skipIntN advances the stream as k calls of intN(n) would, without their
// results. A call takes one uint32 unless Lemire's method rejects it, which
// only the drawn bits tell (about n times in 2^32), so each is still
// computed, but two at a time from one step, without intN's bookkeeping:
// a step with no rejection in it is simply committed, the rare other one
// is left to intN, draw by draw.
func (r *randomBits) skipIntN(k, n int) {
	for ; k > 0 && r.have; k-- {
		r.intN(n)
	}
	un := uint64(uint32(n))
	reject := -uint32(n) % uint32(n) // intN rejects a draw u when uint32(u*n) < reject
	for ; k >= 2; k -= 2 {
		state := r.state + splitMixGamma
		z := mix64(state)
		if uint32(uint64(uint32(z))*un) < reject || uint32((z>>32)*un) < reject {
			break
		}
		r.state = state
	}
	for ; k > 0; k-- {
		r.intN(n)
	}
}

// chance reports true with probability thr/2^32.
func (r *randomBits) chance(thr uint64) bool { return uint64(r.uint32()) < thr }

// chanceRatio reports true with probability min(a/b, 1), for 0 <= a < 2^31
// and 0 < b < 2^31: see belowRatio.
func (r *randomBits) chanceRatio(a, b int) bool { return belowRatio(r.uint32(), a, b) }

// belowRatio reports whether the 32-bit draw u is below the threshold
// min(a/b, 1) * 2^32, that is floor(a*2^32/b) when a < b, without a 64-bit
// division: u < floor(a*2^32/b) exactly when u+1 <= a*2^32/b (u+1 is an
// integer), so when (u+1)*b <= a*2^32; when a >= b that holds for every u,
// as it should. Neither side overflows for a, b < 2^31.
func belowRatio(u uint32, a, b int) bool {
	return (uint64(u)+1)*uint64(b) <= uint64(a)<<32
}

// intN returns a uniform integer in [0, n), 0 < n < 2^32, by Lemire's
// multiply-and-reject, which is exact.
func (r *randomBits) intN(n int) int { return r.intNFrom(r.uint32(), n) }

// intNFrom is intN with its first draw u already taken.
func (r *randomBits) intNFrom(u uint32, n int) int {
	un := uint32(n)
	m := uint64(u) * uint64(un)
	if uint32(m) < un {
		reject := -un % un // 2^32 mod n
		for uint32(m) < reject {
			m = uint64(r.uint32()) * uint64(un)
		}
	}
	return int(m >> 32)
}

// lemire is intN's common case, small enough to inline where a call per
// draw shows (calls cost more in wasm): it returns intN's result for the
// first draw u, with ok false in the rare case (about n times in 2^32) that
// intN might draw again, when the caller must use intNFrom(u, n) instead.
func lemire(u uint32, n int) (i int, ok bool) {
	m := uint64(u) * uint64(uint32(n))
	return int(m >> 32), uint32(m) >= uint32(n)
}

// reuseTable samples the distance d >= 2 from a returning token's last
// selection: d = 2 + G with G geometric, P(G >= j) = rho^j, so that the mean
// of d is max(mean, 2).
type reuseTable struct {
	// tail[j] is P(d > 2+j) as a 32-bit threshold, decreasing; it stops
	// where it reaches zero or where d would exceed maxD.
	tail []uint64
}

func newReuseTable(mean float64, maxD int) reuseTable {
	if mean <= 2 {
		return reuseTable{}
	}
	rho := (mean - 2) / (mean - 1) // mean of G is rho/(1-rho) = mean-2
	var tail []uint64
	pw := 1.0
	for j := 0; 2+j < maxD; j++ {
		pw = float64(pw * rho)
		t := threshold(pw)
		if t == 0 {
			break
		}
		tail = append(tail, t)
	}
	return reuseTable{tail: tail}
}

// maxDistance is the largest distance draw returns.
func (lt reuseTable) maxDistance() int { return 2 + len(lt.tail) }

// reuseScan is how many entries of a reuseTable draw scans before it
// turns to a binary search: at the default ReturnDistance a draw stops
// within 4 entries 9 times in 10, sooner than a search would.
const reuseScan = 8

// distance returns a distance d in [2, maxDistance()] for the uniform
// 32-bit draw u. It takes the draw rather than the random stream so that
// it stays small enough to inline.
func (lt reuseTable) distance(u uint64) int {
	// d = 2 + the first j with u >= tail[j]: tail decreases, so the
	// linear scan and the binary search below find the same j.
	tail := lt.tail
	for j := range min(len(tail), reuseScan) {
		if u >= tail[j] {
			return 2 + j
		}
	}
	lo, hi := min(len(tail), reuseScan), len(tail) // the j is in [lo, hi]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if u >= tail[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return 2 + lo
}

// powSqrt returns u^a for u >= 0 and a >= 0, with a's fraction taken to
// 30 bits, using only multiplications and square roots, which IEEE 754
// rounds exactly on every platform.
func powSqrt(u, a float64) float64 {
	whole := math.Floor(a)
	r := 1.0
	for i := 0; i < int(whole); i++ {
		r = float64(r * u)
	}
	frac := uint64((a - whole) * (1 << 30))
	root := u
	for bit := 29; bit >= 0; bit-- {
		root = math.Sqrt(root) // u^(2^-(30-bit))
		if frac>>bit&1 == 1 {
			r = float64(r * root)
		}
	}
	return r
}
