package trace

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"sort"
)

// The generator turns every probability into an integer threshold once, at
// construction, with operations IEEE 754 rounds exactly (*, /, -, Sqrt) and
// no math.Pow, Log or Exp, whose last bit differs between platforms. The
// draws themselves are integer comparisons, so a seed gives the same trace
// natively and under GOOS=js GOARCH=wasm.

// one53 is probability 1 as a threshold: a draw is a uniform 53-bit integer.
const one53 = 1 << 53

// threshold returns p (in [0,1]) as a 53-bit threshold for chance.
func threshold(p float64) uint64 { return uint64(p * one53) }

// ratio53 returns min(a/b, 1) as a 53-bit threshold, for a >= 0 and b > 0.
func ratio53(a, b int) uint64 {
	if a >= b {
		return one53
	}
	hi, lo := bits.Mul64(uint64(a), one53)
	q, _ := bits.Div64(hi, lo, uint64(b)) // hi < b since a < b
	return q
}

// chance reports true with probability thr/2^53.
func chance(rng *rand.Rand, thr uint64) bool { return rng.Uint64()>>11 < thr }

// lookbackTable samples the distance d >= 2 from a returning token's last
// selection: d = 2 + G with G geometric, P(G >= j) = rho^j, so that the mean
// of d is max(mean, 2).
type lookbackTable struct {
	// tail[j] is P(d > 2+j) as a 53-bit threshold, decreasing; it stops
	// where it reaches zero or where d would exceed maxD.
	tail []uint64
}

func newLookbackTable(mean float64, maxD int) lookbackTable {
	if mean <= 2 {
		return lookbackTable{}
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
	return lookbackTable{tail: tail}
}

// maxDistance is the largest distance draw returns within the table.
func (lt lookbackTable) maxDistance() int { return 2 + len(lt.tail) }

// draw returns a distance d >= 2 (possibly beyond the table, meaning "too
// far back for this trace").
func (lt lookbackTable) draw(rng *rand.Rand) int {
	u := rng.Uint64() >> 11
	// d = 2 + the first j with u >= tail[j].
	return 2 + sort.Search(len(lt.tail), func(j int) bool { return u >= lt.tail[j] })
}

// skewSegments is the number of linear pieces of the age quantile function.
const skewSegments = 1 << 10

// ageTable samples the age of a fresh token, as a 32-bit fraction x of the
// context: x = u^(1+skew), linearly interpolated between skewSegments+1
// exact points. x near 0 means recent.
type ageTable struct {
	q [skewSegments + 1]uint64 // q[i] = (i/skewSegments)^(1+skew) * 2^32
}

func newAgeTable(skew float64) *ageTable {
	at := new(ageTable)
	for i := range at.q {
		u := float64(i) / skewSegments
		at.q[i] = uint64(powSqrt(u, 1+skew) * (1 << 32))
	}
	return at
}

// drawAge returns an age in [0, n) for a context of n tokens (n < 2^31).
func (at *ageTable) drawAge(rng *rand.Rand, n int) int {
	v := rng.Uint64()
	i := v >> (64 - 10)          // segment (10 bits = log2 skewSegments)
	f := (v >> 23) & (1<<31 - 1) // 31-bit position inside it
	lo, hi := at.q[i], at.q[i+1]
	x := lo + ((hi-lo)*f)>>31 // < 2^32: f < 2^31
	return int((x * uint64(n)) >> 32)
}

// powSqrt returns u^a for u in [0,1] and a >= 0, with a's fraction taken to
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
