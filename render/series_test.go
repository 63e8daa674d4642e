package render

import (
	"math"
	"testing"
)

// TestSeriesMatchesSlice pushes values one by one and compares the series,
// after every push, with the last ChartWindow values of a plain slice.
func TestSeriesMatchesSlice(t *testing.T) {
	var s Series
	var all []float64
	for i := range 2*ChartWindow + 17 {
		v := float64(i*7%13) - 3
		if i%50 == 3 {
			v = math.NaN()
		}
		gen := s.Gen()
		s.Push(v)
		all = append(all, v)
		if s.Gen() == gen {
			t.Fatalf("push %d: Gen unchanged", i)
		}
		want := all[max(0, len(all)-ChartWindow):]
		if s.Len() != len(want) || s.Total() != len(all) {
			t.Fatalf("after %d pushes: Len, Total = %d, %d, want %d, %d", len(all), s.Len(), s.Total(), len(want), len(all))
		}
		wantMax := 0.0
		for j, w := range want {
			if got := s.At(j); got != w && !(math.IsNaN(got) && math.IsNaN(w)) {
				t.Fatalf("after %d pushes: At(%d) = %v, want %v", len(all), j, got, w)
			}
			if w > wantMax {
				wantMax = w
			}
		}
		if s.Max() != wantMax {
			t.Fatalf("after %d pushes: Max() = %v, want %v", len(all), s.Max(), wantMax)
		}
	}
	gen := s.Gen()
	s.Reset()
	if s.Len() != 0 || s.Total() != 0 || s.Max() != 0 || s.Gen() == gen {
		t.Errorf("after Reset: Len %d, Total %d, Max %v, Gen changed %v", s.Len(), s.Total(), s.Max(), s.Gen() != gen)
	}
	s.Push(4)
	if s.Len() != 1 || s.At(0) != 4 {
		t.Errorf("push after Reset: Len %d, At(0) %v, want 1, 4", s.Len(), s.At(0))
	}
}

func BenchmarkSeriesPush(b *testing.B) {
	var s Series
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Push(float64(i))
	}
}
