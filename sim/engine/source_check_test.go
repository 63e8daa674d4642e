package engine

import (
	"strings"
	"testing"

	"dsaviz/sim/config"
)

// TestNewRefusesATraceTheConfigCannotRun: a real log with more layers
// steps, larger selections or larger indices than the config allows is an
// error from New, never a panic later.
func TestNewRefusesATraceTheConfigCannotRun(t *testing.T) {
	log := textLog(t, "0 0 1 5 9\n1 0 2 5 40\n")
	base := smallConfig(config.ModeTokens)
	base.Layers, base.Steps, base.TopK, base.Prompt = 1, 2, 3, 100
	base.Sinks, base.Window = 0, 0
	cases := []struct {
		name string
		edit func(*config.Config)
		want string
	}{
		{"fits", func(*config.Config) {}, ""},
		{"more layers", func(c *config.Config) { c.Layers = 2 }, "layers"},
		{"more steps", func(c *config.Config) { c.Steps = 3 }, "steps"},
		{"topk too small", func(c *config.Config) { c.TopK = 2 }, "topk"},
		{"prompt too short", func(c *config.Config) { c.Prompt = 30 }, "prompt must be at least 40"},
	}
	for _, tc := range cases {
		c := base
		tc.edit(&c)
		e, err := New(c, log)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: New = %v, want no error", tc.name, err)
		case tc.want == "":
			e.Run()
		case err == nil || !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s: New = %v, want an error about %q", tc.name, err, tc.want)
		}
	}
}
