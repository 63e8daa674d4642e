package render

import (
	"math"
	"testing"
)

func TestNiceStep(t *testing.T) {
	tests := []struct{ raw, want float64 }{
		{1, 1}, {1.1, 2}, {2, 2}, {2.01, 5}, {4.9, 5}, {5.1, 10}, {7, 10}, {10, 10},
		{0.3, 0.5}, {0.07, 0.1}, {75, 100}, {120, 200}, {33333, 50000},
	}
	for _, tt := range tests {
		if got := niceStep(tt.raw); math.Abs(got-tt.want) > 1e-12*tt.want {
			t.Errorf("niceStep(%v) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		name    string
		top     float64
		ticks   int
		integer bool
		want    valueAxis
	}{
		{"counts", 37, 5, true, valueAxis{40, 10}},
		{"tiny counts", 2, 5, true, valueAxis{2, 1}},
		{"no counts", 0, 5, true, valueAxis{1, 1}},
		{"NaN", math.NaN(), 5, false, valueAxis{1, 0.5}},
		{"rates", 412.7, 5, false, valueAxis{600, 200}},
		{"exact", 400, 5, false, valueAxis{400, 100}},
		{"fractions", 0.83, 4, false, valueAxis{1, 0.5}},
		{"large", 1.23e6, 6, true, valueAxis{1.5e6, 5e5}},
	}
	for _, tt := range tests {
		got := niceAxis(tt.top, tt.ticks, tt.integer)
		if math.Abs(got.Max-tt.want.Max) > 1e-9 || math.Abs(got.Step-tt.want.Step) > 1e-12 {
			t.Errorf("%s: niceAxis(%v, %d, %v) = %+v, want %+v", tt.name, tt.top, tt.ticks, tt.integer, got, tt.want)
		}
	}
}

// TestNiceAxisProperties checks, for many tops, that the axis holds the
// top, has at most the ticks asked for, and steps of 1, 2 or 5 times a
// power of ten.
func TestNiceAxisProperties(t *testing.T) {
	for i := 1; i < 4000; i++ {
		top := math.Pow(1.01, float64(i)) * 1e-3
		for ticks := 2; ticks <= 8; ticks++ {
			a := niceAxis(top, ticks, false)
			if a.Max < top || a.Ticks() > ticks || a.Max-a.Step >= top {
				t.Fatalf("niceAxis(%v, %d) = %+v: want Max >= top > Max-Step and <= %d ticks", top, ticks, a, ticks)
			}
			m := a.Step / math.Pow(10, math.Floor(math.Log10(a.Step)+1e-9))
			if math.Abs(m-1) > 1e-6 && math.Abs(m-2) > 1e-6 && math.Abs(m-5) > 1e-6 {
				t.Fatalf("niceAxis(%v, %d) step %v is not 1, 2 or 5 times a power of ten", top, ticks, a.Step)
			}
		}
	}
}

func TestAppendTick(t *testing.T) {
	tests := []struct {
		axis valueAxis
		v    float64
		want string
	}{
		{percentAxis, 75, "75"},
		{valueAxis{5000, 1000}, 3000, "3,000"},
		{valueAxis{40000, 10000}, 30000, "30k"},
		{valueAxis{15000, 2500}, 7500, "7.5k"},
		{valueAxis{2e7, 5e6}, 1.5e7, "15M"},
		{valueAxis{1, 0.25}, 0.75, "0.75"},
		{valueAxis{1, 0.5}, 0, "0"},
	}
	for _, tt := range tests {
		if got := string(appendTick(nil, tt.v, scaleFor(tt.axis))); got != tt.want {
			t.Errorf("appendTick(%v) on %+v = %q, want %q", tt.v, tt.axis, got, tt.want)
		}
	}
}
