package trace

import (
	"math"
	"slices"
)

// histogram gathers non-negative integer samples in bins of 2^shift values.
type histogram struct {
	bins  []int64
	shift uint
	n     int64
	sum   int64
}

func (h *histogram) add(v int) {
	b := v >> h.shift
	if b >= len(h.bins) {
		h.bins = append(h.bins, make([]int64, b+1-len(h.bins))...)
	}
	h.bins[b]++
	h.n++
	h.sum += int64(v)
}

// clone returns a copy of h that shares nothing with it.
func (h histogram) clone() histogram {
	h.bins = append([]int64(nil), h.bins...)
	return h
}

// merge adds o's samples to h; o's bins must be as wide as h's or finer.
func (h *histogram) merge(o histogram) {
	if h.n == 0 && len(h.bins) == 0 {
		h.shift = o.shift
	}
	for b, c := range o.bins {
		if c == 0 {
			continue
		}
		v := (b << o.shift) >> h.shift
		if v >= len(h.bins) {
			h.bins = append(h.bins, make([]int64, v+1-len(h.bins))...)
		}
		h.bins[v] += c
	}
	h.n += o.n
	h.sum += o.sum
}

// summary returns the samples' Summary with every value multiplied by
// scale. The mean is exact; σ and P95 are exact with one value per bin
// (shift 0), else taken at the bins' middles and lower ends.
func (h *histogram) summary(scale float64) Summary {
	if h.n == 0 {
		return Summary{}
	}
	mean := float64(h.sum) / float64(h.n)
	half := 0.0
	if h.shift > 0 {
		half = float64(int64(1)<<h.shift) / 2
	}
	var sq float64
	rank := (95*h.n + 99) / 100 // ceil(0.95 n), 1-based
	p95, seen := -1, int64(0)
	for b, c := range h.bins {
		if c == 0 {
			continue
		}
		d := float64(int64(b)<<h.shift) + half - mean
		sq += float64(c) * d * d
		if seen += c; p95 < 0 && seen >= rank {
			p95 = b << h.shift
		}
	}
	return Summary{
		Mean:  mean * scale,
		P95:   float64(p95) * scale,
		Sigma: math.Sqrt(sq/float64(h.n)) * scale,
		Count: h.n,
	}
}

// summarize returns the Summary of xs, which it sorts.
func summarize(xs []float64) Summary {
	n := len(xs)
	if n == 0 {
		return Summary{}
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(n)
	var sq float64
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	slices.Sort(xs)
	return Summary{
		Mean:  mean,
		P95:   xs[(95*n+99)/100-1],
		Sigma: math.Sqrt(sq / float64(n)),
		Count: int64(n),
	}
}
