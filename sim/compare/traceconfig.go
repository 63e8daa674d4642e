package compare

import (
	"fmt"

	"dsaviz/sim/config"
)

// TraceKeys are the config keys that define the selection trace: B shares
// A's trace, so B takes these from A. A test checks that they are exactly
// the keys engine.GeneratorParams reads, and batch (the number of
// requests, each with its own selections).
var traceKeys = []string{
	"layers", "topk", "prompt", "steps", "seed",
	"stepOverlap", "layerOverlap", "returnRate", "lookback", "sinks", "window", "skew",
	"batch",
}

// TraceKeys returns the config keys that define the selection trace, which
// B always shares with A.
func TraceKeys() []string { return append([]string(nil), traceKeys...) }

// IsTraceKey reports whether key is one of TraceKeys.
func IsTraceKey(key string) bool {
	for _, k := range traceKeys {
		if k == key {
			return true
		}
	}
	return false
}

// ShareTrace returns b with every trace key set to a's value, so that b's
// engine can run on a's trace.
func ShareTrace(b, a config.Config) config.Config {
	for _, k := range traceKeys {
		v, err := a.Get(k)
		if err == nil {
			err = b.Set(k, v)
		}
		if err != nil {
			panic(fmt.Sprintf("compare: trace key %q: %v", k, err)) // a key of Config itself: cannot fail
		}
	}
	return b
}

// DefaultB is the B of a comparison when the link names none: A without a
// reservation (mode none), the baseline the paper compares against.
func DefaultB(a config.Config) config.Config {
	b := a
	b.Mode = config.ModeNone
	return b
}
