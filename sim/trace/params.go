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
	maxReturn     = 1000
	maxReach      = 1000
	minReach      = 0.01
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
	// StepOverlap is the mean probability that a token of S(t-1,l) other
	// than the sinks and the window is kept in S(t,l) (0..1). The
	// probability of each (t,l) is drawn from a Beta distribution of that
	// mean, from a value that stays with the layer for a few steps (see
	// Generator), so 1 - StepOverlap is the mean new-lookup fraction,
	// spread as the paper's is, and runs last 1/(1-StepOverlap) steps on
	// average with a long tail.
	StepOverlap float64
	// LayerOverlap is the mean target share of S(t,l) also in S(t,l-1)
	// (0..1): the target of each (t,l) is drawn from a Beta of that mean,
	// refilled slots are taken from S(t,l-1) until it is reached, and the
	// other refills avoid S(t,l-1) once it is (in a short context chance
	// alone would overshoot). Kept tokens already share some; beyond what
	// the refills can add the target is not met, so the measured overlap
	// is a little lower: 0.35 to 0.38 at the default 0.4.
	LayerOverlap float64
	// ReturnRate is the probability that a refilled slot takes a returning
	// token, one this layer selected a few steps ago and dropped, rather
	// than one drawn at a distance back (Reach); either kind may come
	// from S(t,l-1) (0..1). It sets the working set: the more returns,
	// the fewer distinct tokens a layer touches in 50 steps.
	ReturnRate float64
	// ReturnDistance is the mean distance in steps from a returning
	// token's last selection, geometric from 2 on: the reuse distance
	// (Stats.ReuseDistance). A returning token was absent at least one
	// step, so values below 2 act as 2 (1..1000).
	ReturnDistance float64
	// Reach is the mean distance back from the current position, in
	// units of TopK, at which a token that is not returning is drawn:
	// Gamma distributed, so mostly recent with a tail deep into the
	// context, and redrawn when it falls outside it. The measured
	// lookback (Stats.Lookback) comes out a little longer, as kept and
	// returning tokens age while they stay selected, and shorter where
	// the context is not several times Reach*TopK long (0.01..1000).
	Reach float64
	// Sinks is the number of first tokens always selected (0..TopK).
	// They count in every statistic: each is one run the whole trace
	// long and the longest lookback, so a few sinks at a small k move
	// persistence and lookback far from the paper's.
	Sinks int
	// Window is the number of most recent tokens always selected
	// (0..TopK-Sinks). Like sinks they count: each stays Window steps.
	Window int
}

// DefaultParams returns the calibrated defaults, the same values as
// sim/config's DefaultConfig. In the paper's regime (k 64 to 256, prompts
// of 500 to 1500 tokens, 200 steps) Measure gives the five statistics of
// its Table 3; TestTable3 measures them for each k.
func DefaultParams() Params {
	return Params{
		Seed: 1, Layers: 61, TopK: 2048, Prompt: 32768, Steps: 64,
		StepOverlap: 0.45, LayerOverlap: 0.4, ReturnRate: 0.87, ReturnDistance: 3.3,
		Reach: 2.5, Sinks: 0, Window: 0,
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
	floatIn("returnDistance", p.ReturnDistance, 1, maxReturn)
	floatIn("reach", p.Reach, minReach, maxReach)
	sinksOK := intIn("sinks", p.Sinks, 0, maxTopK)
	windowOK := intIn("window", p.Window, 0, maxTopK)
	if topkOK && sinksOK && windowOK && p.Sinks+p.Window > p.TopK {
		bad("window", p.Window, fmt.Sprintf("at most topk-sinks = %d (sinks and window are always selected)", p.TopK-p.Sinks))
	}
	return errors.Join(errs...)
}
