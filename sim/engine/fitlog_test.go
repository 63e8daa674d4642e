package engine

import (
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

func TestFitToLog(t *testing.T) {
	// Two steps, two layers, selections of up to 3 tokens; index 9 at step
	// 0 needs a prompt of at least 10.
	lg, err := trace.ReadText(strings.NewReader("0 0 1 2 9\n0 1 3\n1 0 4 5\n1 1 6 7 8\n"), "tiny.txt")
	if err != nil {
		t.Fatal(err)
	}
	base := config.DefaultConfig()
	base.Prompt, base.Batch = 4, 2
	tests := []struct {
		name     string
		explicit map[string]bool
		set      func(*config.Config)
		err      string // "" for none
	}{
		{name: "everything follows the log"},
		{name: "explicit steps within the log", explicit: map[string]bool{"steps": true}, set: func(c *config.Config) { c.Steps = 1 }},
		{name: "explicit steps beyond the log", explicit: map[string]bool{"steps": true}, set: func(c *config.Config) { c.Steps = 3 }, err: "steps 3 is more than the 2 steps"},
		{name: "explicit topk below the log's", explicit: map[string]bool{"topk": true}, set: func(c *config.Config) { c.TopK = 2 }, err: "topk 2 is less than the largest selection"},
		{name: "explicit batch", explicit: map[string]bool{"batch": true}, err: "batch must be 1, got 2"},
	}
	for _, tc := range tests {
		c := base
		if tc.set != nil {
			tc.set(&c)
		}
		got, notes, err := FitToLog(c, lg, tc.explicit)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got.Prompt != 10 || got.Layers != 2 || got.TopK != 3 || got.Batch != 1 || got.Sinks > got.TopK {
			t.Errorf("%s: fitted prompt %d layers %d topk %d batch %d sinks %d", tc.name, got.Prompt, got.Layers, got.TopK, got.Batch, got.Sinks)
		}
		if err := got.Validate(); err != nil {
			t.Errorf("%s: the fitted config does not validate: %v", tc.name, err)
		}
		if len(notes) == 0 {
			t.Errorf("%s: no notes of what changed", tc.name)
		}
		if _, err := New(got, lg); err != nil {
			t.Errorf("%s: the engine refuses the fitted config: %v", tc.name, err)
		}
	}
}
