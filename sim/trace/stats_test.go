package trace

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestMeasureByHand(t *testing.T) {
	// One layer: S(0) {1,2,3}, S(1) {2,3,4}, S(2) {1,4,5}; k = 3 and the
	// smallest prompt is 4 (index 5 at step 2), so N = 4, 5, 6.
	// Lookbacks N-i: 3 2 1, 3 2 1, 5 2 1. New: 1/3, 2/3. Runs: token 1
	// twice 1, tokens 2, 3, 4 of 2, token 5 of 1. Token 1 returns at 2
	// after 0. One window of 3 steps: {1..5}.
	one := Measure(fixedSource{{{1, 2, 3}}, {{2, 3, 4}}, {{1, 4, 5}}})
	// Two layers: overlaps {2,3}/4 and {0}/2; new 0/4 (l0) and {0}/2 (l1).
	two := Measure(fixedSource{
		{{0, 1, 2, 3}, {2, 3, 4, 5}},
		{{0, 1, 2, 3}, {0, 5}},
	})
	tests := []struct {
		name      string
		got, want Summary
	}{
		{"lookback", one.Lookback, Summary{Mean: 20.0 / 27, P95: 5.0 / 3, Sigma: math.Sqrt(122.0/81) / 3, Count: 9}},
		{"new lookups", one.NewLookups, Summary{Mean: 0.5, P95: 2.0 / 3, Sigma: 1.0 / 6, Count: 2}},
		{"persistence", one.Persistence, Summary{Mean: 1.5, P95: 2, Sigma: 0.5, Count: 6}},
		{"reuse distance", one.ReuseDistance, Summary{Mean: 2, P95: 2, Count: 1}},
		{"working set", one.WorkingSet, Summary{Mean: 5.0 / 3, P95: 5.0 / 3, Count: 1}},
		{"no overlap with one layer", one.InterLayerOverlap, Summary{}},
		{"overlap", two.InterLayerOverlap, Summary{Mean: 0.5, P95: 0.5, Count: 2}},
		{"new lookups, two layers", two.NewLookups, Summary{Mean: 0.25, P95: 0.5, Sigma: 0.25, Count: 2}},
	}
	for _, tt := range tests {
		if !summaryClose(tt.got, tt.want) {
			t.Errorf("%s = %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	if one.Prompt != 4 || one.TopK != 3 || one.Window != 3 {
		t.Errorf("Measure: prompt %d, k %d, window %d; want 4, 3, 3", one.Prompt, one.TopK, one.Window)
	}
	if got := Measure(fixedSource{{{}, {}}, {{}, {}}}); got != (Stats{Steps: 2, Layers: 2, Window: 2}) {
		t.Errorf("Measure(all empty) = %+v, want only the shape", got)
	}
}

func summaryClose(a, b Summary) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*max(1, math.Abs(y)) }
	return a.Count == b.Count && near(a.Mean, b.Mean) && near(a.P95, b.P95) && near(a.Sigma, b.Sigma)
}

func statsClose(a, b Stats) bool {
	return a.Steps == b.Steps && a.Layers == b.Layers && a.TopK == b.TopK && a.Prompt == b.Prompt && a.Window == b.Window &&
		summaryClose(a.WorkingSet, b.WorkingSet) && summaryClose(a.Persistence, b.Persistence) &&
		summaryClose(a.Lookback, b.Lookback) && summaryClose(a.NewLookups, b.NewLookups) &&
		summaryClose(a.InterLayerOverlap, b.InterLayerOverlap) && summaryClose(a.ReuseDistance, b.ReuseDistance)
}

// bruteStats computes the statistics of the first T steps of src straight
// from their definitions, with maps, nested loops and sorted samples, the
// prompt inferred from all of src.
func bruteStats(src Source, T int) Stats {
	L := src.Layers()
	set := func(t, l int) map[int32]bool {
		m := map[int32]bool{}
		for _, tok := range src.Selection(t, l) {
			m[tok] = true
		}
		return m
	}
	st := Stats{Steps: T, Layers: L, Window: min(WorkingSetSteps, T)}
	for t := range src.Steps() {
		for l := range L {
			sel := src.Selection(t, l)
			if t < T {
				st.TopK = max(st.TopK, len(sel))
			}
			for _, tok := range sel { // the prompt holds every step
				st.Prompt = max(st.Prompt, int(tok)-t+1)
			}
		}
	}
	if p, ok := src.(prompter); ok {
		st.Prompt = p.Prompt()
	}
	if st.TopK == 0 {
		return st
	}
	k := float64(st.TopK)
	var working, runs, look, fresh, overlap, reuse []float64
	for l := range L {
		tokens := map[int32]bool{}
		for t := range T {
			cur := set(t, l)
			for tok := range cur {
				tokens[tok] = true
				look = append(look, float64(st.Prompt+t-int(tok))/k)
			}
			if t >= 1 && len(cur) > 0 {
				prev, n := set(t-1, l), 0
				for tok := range cur {
					if !prev[tok] {
						n++
					}
				}
				fresh = append(fresh, float64(n)/float64(len(cur)))
			}
			for tok := range cur {
				if t >= 1 && set(t-1, l)[tok] {
					continue
				}
				for t0 := t - 2; t0 >= 0; t0-- {
					if set(t0, l)[tok] {
						reuse = append(reuse, float64(t-t0))
						break
					}
				}
			}
			if l >= 1 && len(cur) > 0 {
				above, n := set(t, l-1), 0
				for tok := range cur {
					if above[tok] {
						n++
					}
				}
				overlap = append(overlap, float64(n)/float64(len(cur)))
			}
		}
		for m := 0; m+st.Window <= T; m++ {
			union := map[int32]bool{}
			for t := m; t < m+st.Window; t++ {
				for tok := range set(t, l) {
					union[tok] = true
				}
			}
			working = append(working, float64(len(union))/k)
		}
		for tok := range tokens {
			run := 0
			for t := 0; t <= T; t++ {
				if t < T && set(t, l)[tok] {
					run++
					continue
				}
				if run > 0 {
					runs = append(runs, float64(run))
				}
				run = 0
			}
		}
	}
	st.WorkingSet, st.Persistence, st.Lookback = summarize(working), summarize(runs), summarize(look)
	st.NewLookups, st.InterLayerOverlap, st.ReuseDistance = summarize(fresh), summarize(overlap), summarize(reuse)
	return st
}

func randomTrace(rng *rand.Rand) fixedSource {
	T, L, universe := 1+rng.IntN(60), 1+rng.IntN(4), 1+rng.IntN(12)
	f := make(fixedSource, T)
	for t := range f {
		f[t] = make([][]int32, L)
		for l := range f[t] {
			var sel []int32
			for tok := range universe {
				if rng.IntN(3) == 0 {
					sel = append(sel, int32(tok))
				}
			}
			f[t][l] = sel
		}
	}
	return f
}

func TestMeasureMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		src := randomTrace(rng)
		steps := src.Steps()
		if i%3 == 0 {
			steps = rng.IntN(steps + 1) // a prefix
		}
		want := bruteStats(src, steps)
		for _, sparse := range []bool{false, true} {
			m := newMeter(src, sparse)
			m.Advance(steps)
			if got := m.Stats(); !statsClose(got, want) {
				t.Fatalf("trace %d %v, %d steps: meter (sparse %v) =\n%+v, want\n%+v", i, src, steps, sparse, got, want)
			}
		}
	}
	// And on a generated trace longer than a working-set window, where
	// tokens return for real.
	p := smallParams()
	p.Layers, p.TopK, p.Prompt, p.Steps, p.Sinks, p.Window = 3, 16, 100, 70, 1, 2
	g := mustGenerator(t, p)
	if got, want := Measure(g), bruteStats(g, p.Steps); !statsClose(got, want) {
		t.Errorf("Measure(generator) =\n%+v, want\n%+v", got, want)
	}
}

// TestHistogramBins checks that coarse bins keep the mean exact and P95
// within a bin.
func TestHistogramBins(t *testing.T) {
	h := histogram{shift: 3}
	for v := range 100 {
		h.add(v)
	}
	s := h.summary(1)
	if s.Mean != 49.5 || s.P95 < 94-8 || s.P95 > 94 || math.Abs(s.Sigma-28.87) > 1 {
		t.Errorf("summary of 0..99 in bins of 8 = %+v, want mean 49.5, P95 in [86, 94], sigma about 28.9", s)
	}
}

// TestMeterStepByStep checks that a Meter advanced a step at a time, with
// Stats asked on the way, gives at every step what MeasureSteps gives, and
// that MeasurePooled of one trace is Measure.
func TestMeterStepByStep(t *testing.T) {
	p := smallParams()
	p.Layers, p.TopK, p.Prompt, p.Steps = 3, 16, 100, 70
	g := mustGenerator(t, p)
	m := NewMeter(g)
	for step := 0; step <= p.Steps; step++ {
		m.Advance(step)
		if got, want := m.Stats(), MeasureSteps(g, step); !statsClose(got, want) {
			t.Fatalf("after %d steps: meter %+v, MeasureSteps %+v", step, got, want)
		}
	}
	if got, want := MeasurePooled(g), Measure(g); !statsClose(got, want) {
		t.Errorf("MeasurePooled(g) = %+v, want Measure(g) = %+v", got, want)
	}
}

func TestIntersection(t *testing.T) {
	tests := []struct {
		a, b []int32
		want int
	}{
		{nil, nil, 0},
		{[]int32{1, 2, 3}, nil, 0},
		{[]int32{1, 2, 3}, []int32{2, 3, 4}, 2},
		{[]int32{0, 5, 9}, []int32{1, 5, 8, 9}, 2},
	}
	for _, tt := range tests {
		if got := intersection(tt.a, tt.b); got != tt.want {
			t.Errorf("intersection(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := intersection(tt.b, tt.a); got != tt.want {
			t.Errorf("intersection(%v, %v) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}
