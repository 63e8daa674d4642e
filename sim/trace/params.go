package trace

import (
	"errors"
	"fmt"
	"math"
)

// Limits of Params; they match the ones sim/config enforces, so a valid
// configuration always gives a valid generator.
const (
	maxLayers     = 4096
	maxTopK       = 1 << 20
	maxContext    = 1 << 24 // Prompt+Steps, the largest token index plus one
	maxTokenTable = 1 << 28 // Layers*(Prompt+Steps): the generator's per-token table
	maxSelections = 1 << 24 // Layers*TopK: the tokens selected per step
	maxSteps      = 1 << 20
	maxLookback   = 1000
	maxSkew       = 8
)

// Params are the knobs of the synthetic generator. The engine fills them
// from its Config; DefaultParams gives the calibrated defaults.
type Params struct {
	// Seed seeds the generator's one random stream.
	Seed uint64
	// Layers is the number of layers (1..4096).
	Layers int
	// TopK is k, the size of a selection once the context holds at least
	// k tokens (1..2^20).
	TopK int
	// Prompt is the context length at step 0: at step t the context holds
	// N = Prompt + t tokens and |S(t,l)| = min(TopK, N) (1..2^24-1).
	Prompt int
	// Steps is the number of decode steps (1..2^20, Prompt+Steps <= 2^24).
	Steps int
	// StepOverlap is the probability that a token of S(t-1,l) other than
	// the sinks and the window is kept in S(t,l): about the measured
	// 1 - new fraction, and persistence is about 1/(1-StepOverlap) (0..1).
	StepOverlap float64
	// LayerOverlap is the target share of S(t,l) also in S(t,l-1): each
	// refilled slot is taken from S(t,l-1) with the probability that brings
	// the expected overlap to LayerOverlap (0..1). Chance alone gives about
	// 0.1 and the refills reach at most about 0.7 at the default
	// StepOverlap; within that range the measured overlap is LayerOverlap.
	LayerOverlap float64
	// ReturnRate is the probability that a refilled slot takes a returning
	// token, one this layer selected before and dropped, rather than one it
	// never selected; either kind may come from S(t,l-1) (0..1). No
	// statistic measures it: it sets how fast the context's never-selected
	// tokens are used up (see Generator).
	ReturnRate float64
	// Lookback is the mean distance in steps from a returning token's last
	// selection, geometric from 2 on. A returning token was absent at least
	// one step, so values below 2 act as 2 (1..1000).
	Lookback float64
	// Sinks is the number of first tokens always selected (0..TopK).
	Sinks int
	// Window is the number of most recent tokens always selected
	// (0..TopK-Sinks).
	Window int
	// Skew shapes where never-selected tokens are drawn: a draw lands at
	// age N*u^(1+Skew) from the newest token, u uniform in [0,1); 0 is
	// uniform over the context, larger values favour recent tokens (0..8).
	Skew float64
}

// DefaultParams returns the calibrated defaults, the same values as
// sim/config's DefaultConfig. With them Measure gives the paper's
// statistics (new fraction 0.55, persistence 1.82 steps, lookback 3.29
// steps, inter-layer overlap 0.36) within a few percent: 0.545, 1.80, 3.22
// and 0.360 on 8 layers x 40 steps.
func DefaultParams() Params {
	return Params{
		Seed: 1, Layers: 61, TopK: 2048, Prompt: 32768, Steps: 64,
		StepOverlap: 0.45, LayerOverlap: 0.36, ReturnRate: 0.5, Lookback: 3.3,
		Sinks: 4, Window: 16, Skew: 1,
	}
}

// Validate returns every out-of-range field, each error worded as
// "trace: KEY must be RANGE, got VALUE" with the sim/config key, joined
// with errors.Join; nil when a generator can be built.
func (p Params) Validate() error {
	var errs []error
	bad := func(key string, value any, allowed string) {
		errs = append(errs, fmt.Errorf("trace: %s must be %s, got %v", key, allowed, value))
	}
	intIn := func(key string, v, lo, hi int) bool {
		if v < lo || v > hi {
			bad(key, v, fmt.Sprintf("%d..%d", lo, hi))
			return false
		}
		return true
	}
	floatIn := func(key string, v, lo, hi float64) {
		if math.IsNaN(v) || v < lo || v > hi {
			bad(key, v, fmt.Sprintf("%g..%g", lo, hi))
		}
	}

	layersOK := intIn("layers", p.Layers, 1, maxLayers)
	topkOK := intIn("topk", p.TopK, 1, maxTopK)
	promptOK := intIn("prompt", p.Prompt, 1, maxContext-1)
	stepsOK := intIn("steps", p.Steps, 1, maxSteps)
	switch {
	case promptOK && stepsOK && p.Prompt+p.Steps > maxContext:
		bad("steps", p.Steps, fmt.Sprintf("at most %d with prompt %d (context up to %d tokens)", maxContext-p.Prompt, p.Prompt, maxContext))
	case layersOK && promptOK && stepsOK && int64(p.Layers)*int64(p.Prompt+p.Steps) > maxTokenTable:
		bad("layers", p.Layers, fmt.Sprintf("such that layers*(prompt+steps) <= %d", maxTokenTable))
	}
	if layersOK && topkOK && int64(p.Layers)*int64(p.TopK) > maxSelections {
		bad("topk", p.TopK, fmt.Sprintf("such that layers*topk <= %d", maxSelections))
	}
	floatIn("stepOverlap", p.StepOverlap, 0, 1)
	floatIn("layerOverlap", p.LayerOverlap, 0, 1)
	floatIn("returnRate", p.ReturnRate, 0, 1)
	floatIn("lookback", p.Lookback, 1, maxLookback)
	sinksOK := intIn("sinks", p.Sinks, 0, maxTopK)
	windowOK := intIn("window", p.Window, 0, maxTopK)
	if topkOK && sinksOK && windowOK && p.Sinks+p.Window > p.TopK {
		bad("window", p.Window, fmt.Sprintf("at most topk-sinks = %d (sinks and window are always selected)", p.TopK-p.Sinks))
	}
	floatIn("skew", p.Skew, 0, maxSkew)
	return errors.Join(errs...)
}
