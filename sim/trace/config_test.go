package trace_test

import (
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// TestDefaultsMatchConfig keeps DefaultParams, which the calibration tests
// measure, equal to what the engine gets from config.DefaultConfig.
func TestDefaultsMatchConfig(t *testing.T) {
	if got, want := engine.GeneratorParams(config.DefaultConfig()), trace.DefaultParams(); got != want {
		t.Errorf("config.DefaultConfig gives %+v, trace.DefaultParams is %+v", got, want)
	}
}
