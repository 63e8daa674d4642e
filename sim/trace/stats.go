package trace

// WorkingSetSteps is the paper's working-set window: the union of 50
// consecutive steps' selections (research/paper.md, Table 3).
const WorkingSetSteps = 50

// Stats are the access statistics of a trace: the five rows of the paper's
// Table 3 (research/paper.md, §3), each as mean, P95 and σ, plus the step
// reuse distance, which the paper does not report. Each Summary says which
// samples it is taken over. A statistic with no sample is all zero.
//
// Where the paper is ambiguous we chose:
//   - k, the unit of WorkingSet and Lookback, is TopK: the largest
//     selection measured (so selections of a context shorter than k count
//     at their own size);
//   - fractions (new lookups, overlap) divide by |S(t,l)|, which is k once
//     the context holds k tokens (the paper divides by k);
//   - the working-set window is WorkingSetSteps steps m..m+49 (the paper's
//     eq. 6 writes Ω_m ∪ … ∪ Ω_{m+N} with N = 50, one set more), or the
//     whole trace when it has fewer steps (Window says which);
//   - runs cut by the trace's first or last step count at the length seen;
//   - the current position at step t is N = Prompt + t, the token being
//     decoded, so the newest cached token has lookback 1/k;
//   - σ is the population standard deviation of the samples, and P95 the
//     nearest-rank 95th percentile (the smallest sample with at least 95% of
//     the samples at or below it).
type Stats struct {
	// Steps and Layers are the measured shape: Steps may be a prefix of the
	// trace's (see MeasureSteps); pooled, the largest.
	Steps  int `json:"steps"`
	Layers int `json:"layers"`
	// TopK is k, the largest selection measured.
	TopK int `json:"topk"`
	// Prompt is the context at step 0 that lookback is measured from: the
	// Source's Prompt() if it has one, else the smallest that holds every
	// index (as Log.MinPrompt).
	Prompt int `json:"prompt"`
	// Window is the working set's window in steps: WorkingSetSteps, or
	// Steps when fewer (pooled, each trace's own, and here the largest).
	Window int `json:"window"`

	// WorkingSet is |S(m,l) ∪ … ∪ S(m+Window-1,l)| / k, one sample per
	// (window start m, layer l) (paper: 5.15 / 7.2 / 1.02).
	WorkingSet Summary `json:"workingSet"`
	// Persistence is the length in steps of a maximal run of consecutive
	// steps in which a token stays in S(.,l), one sample per run (paper:
	// 1.82 / 5 / 2.86).
	Persistence Summary `json:"persistence"`
	// Lookback is (Prompt + t - i) / k, how far back into the context the
	// selected token i lies, one sample per entry i of every S(t,l) (paper:
	// 3.29 / 7.77 / 2.48).
	Lookback Summary `json:"lookback"`
	// NewLookups is |S(t,l) \ S(t-1,l)| / |S(t,l)|, one sample per
	// non-empty S(t,l) with t >= 1 (paper: 0.55 / 0.9 / 0.22).
	NewLookups Summary `json:"newLookups"`
	// InterLayerOverlap is |S(t,l) ∩ S(t,l-1)| / |S(t,l)|, one sample per
	// non-empty S(t,l) with l >= 1 (paper: 0.36 / 0.63 / 0.16).
	InterLayerOverlap Summary `json:"interLayerOverlap"`
	// ReuseDistance is t - t' in steps for a token that enters S(t,l)
	// having been in S(t',l) last at t' < t-1, one sample per such return:
	// how long a cache must keep a dropped token to catch its return.
	ReuseDistance Summary `json:"reuseDistance"`
}

// Summary is one statistic over its samples.
type Summary struct {
	// Mean is the samples' mean.
	Mean float64 `json:"mean"`
	// P95 is the nearest-rank 95th percentile.
	P95 float64 `json:"p95"`
	// Sigma is the population standard deviation.
	Sigma float64 `json:"sigma"`
	// Count is the number of samples.
	Count int64 `json:"count"`
}

// prompter is a Source that knows its prompt length, as the Generator does.
type prompter interface {
	Prompt() int
}

// Measure computes the statistics of every step of src. It expects every
// selection sorted and distinct, as every Source guarantees. It is the one
// implementation used by the tests, by `dsasim trace` and by the app.
func Measure(src Source) Stats { return MeasureSteps(src, src.Steps()) }

// MeasureSteps computes the statistics of the first steps steps of src
// (all of them when steps is out of range) without reading the others: a
// running generator is measured as far as it has gone. To follow a trace
// step by step, a Meter costs only the new steps.
func MeasureSteps(src Source, steps int) Stats {
	if steps < 0 || steps > src.Steps() {
		steps = src.Steps()
	}
	m := NewMeter(src)
	m.Advance(steps)
	return m.Stats()
}

// MeasurePooled computes the statistics of every step of several traces
// with their samples pooled, as the paper pools its sequences: k is the
// largest selection of any, Prompt the smallest prompt, Steps the most
// steps, Layers the most layers and Window the longest window.
func MeasurePooled(srcs ...Source) Stats {
	var all samples
	var st Stats
	for i, src := range srcs {
		m := NewMeter(src)
		m.Advance(src.Steps())
		s := m.Stats()
		if i == 0 || s.Prompt < st.Prompt {
			st.Prompt = s.Prompt
		}
		st.Steps, st.Layers = max(st.Steps, s.Steps), max(st.Layers, s.Layers)
		st.Window, st.TopK = max(st.Window, s.Window), max(st.TopK, s.TopK)
		all.merge(m.closed())
	}
	all.summarize(&st)
	return st
}
