package trace

import (
	"math"
	"testing"
)

// calibrationParams are the defaults on fewer layers and steps, for speed.
func calibrationParams() Params {
	p := DefaultParams()
	p.Layers, p.Steps = 8, 40
	return p
}

// TestCalibration checks that the defaults reproduce the paper's
// statistics: new fraction 0.55, persistence 1.82 steps, lookback 3.29
// steps, inter-layer overlap 0.36.
func TestCalibration(t *testing.T) {
	st := Measure(mustGenerator(t, calibrationParams()))
	t.Logf("defaults on 8 layers x 40 steps: %+v", st)
	tests := []struct {
		name      string
		got, want float64
		tolerance float64
	}{
		{"new fraction", st.NewFraction, 0.55, 0.03},
		{"persistence", st.Persistence, 1.82, 0.1},
		{"lookback", st.Lookback, 3.29, 0.3},
		{"inter-layer overlap", st.InterLayerOverlap, 0.36, 0.03},
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > tt.tolerance {
			t.Errorf("%s = %.3f, want %.2f ± %.2f", tt.name, tt.got, tt.want, tt.tolerance)
		}
	}
}

// TestKnobsTrackStatistics checks that each knob sets its statistic, the
// others held at their defaults: StepOverlap is the mean step overlap
// (1 - new fraction; the always-selected sinks and window add about 1%),
// LayerOverlap the inter-layer overlap while it is reachable (from about
// 0.1, which chance alone gives, to about 0.7 at the default StepOverlap),
// and Lookback the measured lookback while it is short against the trace
// (a 40-step trace cannot show returns from before step 0).
func TestKnobsTrackStatistics(t *testing.T) {
	tests := []struct {
		name      string
		change    func(*Params, float64)
		measured  func(Stats) float64
		values    []float64
		tolerance float64
	}{
		{"stepOverlap", func(p *Params, v float64) { p.StepOverlap = v }, func(s Stats) float64 { return 1 - s.NewFraction },
			[]float64{0.2, 0.45, 0.7, 0.9}, 0.05},
		{"layerOverlap", func(p *Params, v float64) { p.LayerOverlap = v }, func(s Stats) float64 { return s.InterLayerOverlap },
			[]float64{0.15, 0.36, 0.6}, 0.02},
		{"lookback", func(p *Params, v float64) { p.Lookback = v }, func(s Stats) float64 { return s.Lookback },
			[]float64{2, 2.5, 3.3}, 0.15},
	}
	for _, tt := range tests {
		for _, v := range tt.values {
			p := calibrationParams()
			p.Layers, p.Steps = 4, 30
			tt.change(&p, v)
			if got := tt.measured(Measure(mustGenerator(t, p))); math.Abs(got-v) > tt.tolerance {
				t.Errorf("%s %.2f: measured %.3f, want within %.2f", tt.name, v, got, tt.tolerance)
			}
		}
	}
}

// TestPersistenceFollowsStepOverlap checks the link the paper's numbers
// show (1.82 = 1/0.55): runs end with probability 1 - StepOverlap each
// step, so their mean length is about 1/(1-StepOverlap), less the runs
// the trace's end cuts.
func TestPersistenceFollowsStepOverlap(t *testing.T) {
	for _, so := range []float64{0.2, 0.45, 0.7} {
		p := calibrationParams()
		p.Layers, p.Steps, p.StepOverlap = 4, 40, so
		got, want := Measure(mustGenerator(t, p)).Persistence, 1/(1-so)
		if got > want*1.01 || got < want*0.94 {
			t.Errorf("stepOverlap %.2f: persistence %.3f, want about %.3f", so, got, want)
		}
	}
}
