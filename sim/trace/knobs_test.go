package trace

import (
	"math"
	"testing"
)

// TestKnobsTrackStatistics checks that each knob moves its statistic, the
// others held at their defaults, on one of the paper's sequences (k = 64,
// prompt 1000, 200 steps): 1 - stepOverlap is the mean new-lookup
// fraction; layerOverlap, reach and returnRate move the overlap, the
// lookback and (the other way) the working set, in order.
func TestKnobsTrackStatistics(t *testing.T) {
	measure := func(change func(*Params)) Stats {
		p := DefaultParams()
		p.Layers, p.TopK, p.Prompt, p.Steps = 8, 64, 1000, 200
		change(&p)
		return Measure(mustGenerator(t, p))
	}
	for _, v := range []float64{0.1, 0.45, 0.8} {
		st := measure(func(p *Params) { p.StepOverlap = v })
		if got := st.NewLookups.Mean; math.Abs(got-(1-v)) > 0.04 {
			t.Errorf("stepOverlap %.2f: new lookups %.3f, want %.2f ± 0.04", v, got, 1-v)
		}
	}
	tests := []struct {
		name       string
		change     func(*Params, float64)
		values     []float64
		statistic  func(Stats) float64
		increasing bool
	}{
		{"layerOverlap", func(p *Params, v float64) { p.LayerOverlap = v }, []float64{0.1, 0.4, 0.7},
			func(s Stats) float64 { return s.InterLayerOverlap.Mean }, true},
		{"reach", func(p *Params, v float64) { p.Reach = v }, []float64{0.5, 2.5, 5},
			func(s Stats) float64 { return s.Lookback.Mean }, true},
		{"returnRate", func(p *Params, v float64) { p.ReturnRate = v }, []float64{0.3, 0.7, 1},
			func(s Stats) float64 { return s.WorkingSet.Mean }, false},
	}
	for _, tt := range tests {
		var prev float64
		for i, v := range tt.values {
			got := tt.statistic(measure(func(p *Params) { tt.change(p, v) }))
			t.Logf("%s %.2f: %.3f", tt.name, v, got)
			if i > 0 && (got > prev) != tt.increasing {
				t.Errorf("%s %.2f: %.3f, after %.3f at %.2f; want it to move the other way", tt.name, v, got, prev, tt.values[i-1])
			}
			prev = got
		}
	}
}
