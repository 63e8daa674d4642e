package trace_test

import (
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

// TestDefaultsMatchConfig keeps DefaultParams, which the calibration tests
// measure, equal to what the engine gets from config.DefaultConfig.
func TestDefaultsMatchConfig(t *testing.T) {
	c := config.DefaultConfig()
	got := trace.Params{
		Seed: c.Seed, Layers: c.Layers, TopK: c.TopK, Prompt: c.Prompt, Steps: c.Steps,
		StepOverlap: c.StepOverlap, LayerOverlap: c.LayerOverlap, ReturnRate: c.ReturnRate,
		Lookback: c.Lookback, Sinks: c.Sinks, Window: c.Window, Skew: c.Skew,
	}
	if want := trace.DefaultParams(); got != want {
		t.Errorf("config.DefaultConfig gives %+v, trace.DefaultParams is %+v", got, want)
	}
}
