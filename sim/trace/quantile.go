package trace

// quantileSegments is the number of linear pieces of a quantileTable.
const quantileSegments = 1 << 10

// densityCells is the number of cells a density is integrated over to
// build a quantileTable.
const densityCells = 1 << 10

// quantileTable samples a continuous distribution on [0, 1): its quantile
// function at the points i/quantileSegments, as 32-bit fractions, linearly
// interpolated between. It is built once from a density by the midpoint
// rule with only +, *, / and Sqrt (see powSqrt), which IEEE 754 rounds the
// same way on every platform, so a draw is the same natively and in Wasm.
type quantileTable struct {
	q [quantileSegments + 1]uint64 // q[i] = F^-1(i/quantileSegments) * 2^32
}

// newQuantileTable integrates density (non-negative, not all zero, on
// [0, 1)) and returns its quantile table.
func newQuantileTable(density func(x float64) float64) *quantileTable {
	var cdf [densityCells + 1]float64
	for i := range densityCells {
		x := (float64(i) + 0.5) / densityCells
		cdf[i+1] = float64(cdf[i] + density(x))
	}
	total := cdf[densityCells]
	qt := new(quantileTable)
	cell := 0
	for i := range qt.q {
		want := float64(total*float64(i)) / quantileSegments
		for cell < densityCells-1 && cdf[cell+1] < want {
			cell++
		}
		// Interpolate inside the cell where the CDF reaches want.
		f := 0.0
		if w := float64(cdf[cell+1] - cdf[cell]); w > 0 {
			f = min(max(float64(want-cdf[cell])/w, 0), 1)
		}
		x := (float64(cell) + f) / densityCells
		qt.q[i] = min(uint64(x*one32), one32-1)
	}
	return qt
}

// at returns the quantile at the uniform 32-bit draw v as a 32-bit
// fraction: a value of the distribution times 2^32. It takes the draw
// rather than the random stream so that it stays small enough to inline.
func (qt *quantileTable) at(v uint32) uint64 {
	i := v >> 22                 // segment (10 bits = log2 quantileSegments)
	f := uint64(v & (1<<22 - 1)) // 22-bit position inside it
	lo, hi := qt.q[i], qt.q[i+1]
	return lo + ((hi-lo)*f)>>22 // < 2^32: f < 2^22
}

// betaTable returns the quantile table of a Beta distribution with the
// given mean (0..1) and concentration a+b: the larger, the narrower (its
// variance is mean*(1-mean)/(concentration+1)). At a mean of 0 or 1 every
// draw is that mean.
func betaTable(mean, concentration float64) *quantileTable {
	if mean <= 0 || mean >= 1 {
		qt := new(quantileTable)
		for i := range qt.q {
			qt.q[i] = min(uint64(mean*one32), one32) // a threshold: 2^32 always passes
		}
		return qt
	}
	a, b := float64(mean*concentration), float64((1-mean)*concentration)
	return newQuantileTable(func(x float64) float64 {
		return float64(power(x, a-1) * power(1-x, b-1))
	})
}

// gammaSpan is how many means a gammaTable covers: the distribution is cut
// there (at shape 1.8 that leaves under 10^-5 of it).
const gammaSpan = 8

// gammaTable returns the quantile table of a Gamma distribution of the
// given shape, as a fraction of gammaSpan times its mean (so the mean is
// at 1/gammaSpan).
func gammaTable(shape float64) *quantileTable {
	return newQuantileTable(func(x float64) float64 {
		y := float64(x * gammaSpan * shape) // x*span/scale, with mean = shape*scale
		return float64(power(y, shape-1) * expNeg(y))
	})
}

// power returns x^e for x > 0 and any e, with powSqrt.
func power(x, e float64) float64 {
	if e < 0 {
		return 1 / powSqrt(x, -e)
	}
	return powSqrt(x, e)
}

// expNeg returns e^-y for 0 <= y < 2^16 as (1 - y/2^16)^(2^16), by
// squaring: relative error about y^2/2^17, 0.3% at y = 20, with only
// multiplications, which every platform rounds alike.
func expNeg(y float64) float64 {
	z := float64(1 - y/(1<<16))
	for range 16 {
		z = float64(z * z)
	}
	return z
}
