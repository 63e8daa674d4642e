package engine

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

// FitToLog makes a config able to replay a real index log: the prompt at
// least the log's MinPrompt, steps and layers the log's, topk its largest
// selection, batch 1 (a log is one request), and the generator-only
// sinks and window inside topk; the keys in explicit keep the values
// given, unless the log cannot serve them, which is an error worded for
// the user. notes say what changed, one line each. It is what dsasim
// -trace and the app's Load trace both do.
func FitToLog(cfg config.Config, lg *trace.Log, explicit map[string]bool) (_ config.Config, notes []string, err error) {
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	if cfg.Prompt < lg.MinPrompt() {
		note("prompt %d -> %d, the shortest context that holds every index of the log", cfg.Prompt, lg.MinPrompt())
		cfg.Prompt = lg.MinPrompt()
	}
	fits := []struct {
		key    string
		have   *int
		want   int
		what   string
		tooBig bool // an explicit value above want is refused (else below)
	}{
		{"steps", &cfg.Steps, lg.Steps(), "steps", true},
		{"layers", &cfg.Layers, lg.Layers(), "layers", true},
		{"topk", &cfg.TopK, max(lg.MaxK(), 1), "largest selection", false},
	}
	for _, f := range fits {
		switch {
		case explicit[f.key] && f.tooBig && *f.have > f.want:
			return cfg, notes, fmt.Errorf("%s %d is more than the %d %s of trace %s", f.key, *f.have, f.want, f.what, lg.Name())
		case explicit[f.key] && !f.tooBig && *f.have < f.want:
			return cfg, notes, fmt.Errorf("%s %d is less than the %s of trace %s (%d)", f.key, *f.have, f.what, lg.Name(), f.want)
		case !explicit[f.key] && *f.have != f.want:
			note("%s %d -> %d, the log's %s (set %s to choose)", f.key, *f.have, f.want, f.what, f.key)
			*f.have = f.want
		}
	}
	if cfg.Batch != 1 {
		if explicit["batch"] {
			return cfg, notes, fmt.Errorf("a trace replays one request's log: batch must be 1, got %d", cfg.Batch)
		}
		note("batch %d -> 1, a log is one request", cfg.Batch)
		cfg.Batch = 1
	}
	// Sinks and window shape the generator only, but must still fit in
	// topk to validate.
	if !explicit["sinks"] && cfg.Sinks > cfg.TopK {
		cfg.Sinks = cfg.TopK
	}
	if !explicit["window"] && cfg.Window > cfg.TopK-cfg.Sinks {
		cfg.Window = max(cfg.TopK-cfg.Sinks, 0)
	}
	return cfg, notes, nil
}
