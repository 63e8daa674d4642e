package trace

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestMeasureByHand(t *testing.T) {
	tests := []struct {
		name string
		src  fixedSource
		want Stats
	}{{
		// new: t1 {4} 1/3, t2 {1,5} 2/3. Runs 1,1 (token 1), 2 (2), 2 (3),
		// 2 (4), 1 (5): 9/6. Token 1 returns at 2, last seen at 0.
		name: "one layer",
		src:  fixedSource{{{1, 2, 3}}, {{2, 3, 4}}, {{1, 4, 5}}},
		want: Stats{Steps: 3, Layers: 1, NewFraction: 0.5, Persistence: 1.5, Lookback: 2, Returns: 1},
	}, {
		// new: l0 0/4, l1 {0} 1/2. Runs: 4 of length 2 in l0; 2, 3, 4 of
		// 1, 5 of 2 and 0 of 1 in l1: 14/9. Overlap {2,3}/4 and {0}/2.
		name: "two layers",
		src: fixedSource{
			{{0, 1, 2, 3}, {2, 3, 4, 5}},
			{{0, 1, 2, 3}, {0, 5}},
		},
		want: Stats{Steps: 2, Layers: 2, NewFraction: 0.25, Persistence: 14.0 / 9, InterLayerOverlap: 0.5},
	}, {
		// Empty steps count in no mean. new: t2 1, t3 0, t5 1. Runs: 7 three
		// of 1; 8 one of 2, one of 1: 6/5. Returns: 7 at 2 (from 0), 7 at 5
		// (from 2), 8 at 5 (from 3).
		name: "returns across empty steps",
		src:  fixedSource{{{7}}, {{}}, {{7, 8}}, {{8}}, {{}}, {{7, 8}}},
		want: Stats{Steps: 6, Layers: 1, NewFraction: 2.0 / 3, Persistence: 1.2, Lookback: 7.0 / 3, Returns: 3},
	}, {
		// Overlap l1 {2}/2, l2 {3}/1.
		name: "three layers, one step",
		src:  fixedSource{{{1, 2}, {2, 3}, {3}}},
		want: Stats{Steps: 1, Layers: 3, Persistence: 1, InterLayerOverlap: 0.75},
	}, {
		name: "all empty",
		src:  fixedSource{{{}, {}}, {{}, {}}},
		want: Stats{Steps: 2, Layers: 2},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, sparse := range []bool{false, true} {
				if got := measure(tt.src, sparse); !statsClose(got, tt.want) {
					t.Errorf("measure(sparse %v) = %+v, want %+v", sparse, got, tt.want)
				}
			}
		})
	}
}

func statsClose(a, b Stats) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 }
	return a.Steps == b.Steps && a.Layers == b.Layers && a.Returns == b.Returns &&
		near(a.NewFraction, b.NewFraction) && near(a.Persistence, b.Persistence) &&
		near(a.Lookback, b.Lookback) && near(a.InterLayerOverlap, b.InterLayerOverlap)
}

// bruteStats computes the statistics straight from their definitions, with
// maps and nested loops.
func bruteStats(src Source) Stats {
	T, L := src.Steps(), src.Layers()
	set := func(t, l int) map[int32]bool {
		m := map[int32]bool{}
		for _, tok := range src.Selection(t, l) {
			m[tok] = true
		}
		return m
	}
	st := Stats{Steps: T, Layers: L}
	var newSum, overlapSum, lookSum float64
	var newN, overlapN, runs, runSteps int
	for l := 0; l < L; l++ {
		tokens := map[int32]bool{}
		for t := 0; t < T; t++ {
			cur := set(t, l)
			for tok := range cur {
				tokens[tok] = true
			}
			if t >= 1 && len(cur) > 0 {
				prev, fresh := set(t-1, l), 0
				for tok := range cur {
					if prev[tok] {
						continue
					}
					fresh++
					for t0 := t - 2; t0 >= 0; t0-- {
						if set(t0, l)[tok] {
							lookSum += float64(t - t0)
							st.Returns++
							break
						}
					}
				}
				newSum += float64(fresh) / float64(len(cur))
				newN++
			}
			if l >= 1 && len(cur) > 0 {
				above, both := set(t, l-1), 0
				for tok := range cur {
					if above[tok] {
						both++
					}
				}
				overlapSum += float64(both) / float64(len(cur))
				overlapN++
			}
		}
		for tok := range tokens {
			run := 0
			for t := 0; t <= T; t++ {
				if t < T && set(t, l)[tok] {
					run++
					continue
				}
				if run > 0 {
					runs++
					runSteps += run
				}
				run = 0
			}
		}
	}
	div := func(a float64, n int) float64 {
		if n == 0 {
			return 0
		}
		return a / float64(n)
	}
	st.NewFraction = div(newSum, newN)
	st.InterLayerOverlap = div(overlapSum, overlapN)
	st.Persistence = div(float64(runSteps), runs)
	st.Lookback = div(lookSum, int(st.Returns))
	return st
}

func randomTrace(rng *rand.Rand) fixedSource {
	T, L, universe := 1+rng.IntN(8), 1+rng.IntN(4), 1+rng.IntN(12)
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
	for i := range 500 {
		src := randomTrace(rng)
		want := bruteStats(src)
		for _, sparse := range []bool{false, true} {
			if got := measure(src, sparse); !statsClose(got, want) {
				t.Fatalf("trace %d %v: measure(sparse %v) = %+v, want %+v", i, src, sparse, got, want)
			}
		}
	}
	// And on a generated trace, where tokens return for real.
	g := mustGenerator(t, Params{Seed: 3, Layers: 3, TopK: 12, Prompt: 40, Steps: 12,
		StepOverlap: 0.45, LayerOverlap: 0.36, ReturnRate: 0.5, Lookback: 3.3, Sinks: 1, Window: 2, Skew: 1})
	if got, want := Measure(g), bruteStats(g); !statsClose(got, want) {
		t.Errorf("Measure(generator) = %+v, want %+v", got, want)
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
