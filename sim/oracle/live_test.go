package oracle

import (
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"math/rand/v2"
	"testing"
)

// prefix returns the sequence of s's first steps.
func prefix(s *Sequence, steps int) *Sequence {
	out := make([][]int32, steps)
	for t := range out {
		out[t] = s.keys[s.stepStart[t]:s.stepStart[t+1]]
	}
	return fromSteps(out, s.numKeys, s.layers)
}

// addKeys counts the accesses of keys of any partitions, in order, each
// in its own partition (the live curve adds a layer's keys at once).
func addKeys(c *stackCounter, keys []int32) error {
	for i, k := range keys {
		if err := c.addTo(c.partition(k, c.layerScope), keys[i:i+1]); err != nil {
			return err
		}
	}
	return nil
}

// TestStackCounterMatchesHistogram: after every step, the live counter's
// hits at every size equal the one-pass histogram's over the same steps,
// in both scopes, also after a reset and a recount.
func TestStackCounterMatchesHistogram(t *testing.T) {
	for i := range 40 {
		r := rand.New(rand.NewPCG(uint64(i), 77))
		// Long runs of few keys cross many bitmap words and tree growths.
		s := randomSteps(r, 5+r.IntN(40), 1+r.IntN(4), 6+r.IntN(200), 60)
		const maxSlots = 90
		sizes := make([]int, maxSlots+3)
		for j := range sizes {
			sizes[j] = j
		}
		for _, layerScope := range []bool{false, true} {
			c := newStackCounter(s.keySplit, s.numKeys, layerScope, maxSlots)
			for round := range 2 {
				for step := range s.Steps() {
					if err := addKeys(c, s.keys[s.stepStart[step]:s.stepStart[step+1]]); err != nil {
						t.Fatal(err)
					}
					h := prefix(s, step+1).StackDistances(layerScope, maxSlots)
					got := c.hitsInto(nil, sizes)
					for j, slots := range sizes {
						if want := h.Hits(slots); got[j] != want {
							t.Fatalf("case %d, layer scope %v, round %d, after step %d: hits at %d slots = %d, one pass gives %d",
								i, layerScope, round, step, slots, got[j], want)
						}
					}
				}
				c.reset()
			}
		}
	}
}

// TestLiveCurveEqualsRun: a live curve advanced to a run's last step, or
// stepped back and forth, gives the run's LRU curve at every size and in
// both scopes, in lines.
func TestLiveCurveEqualsRun(t *testing.T) {
	for _, c := range smallRuns(t) {
		r, err := NewRun(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		k, err := engine.NewTokenKeys(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		sizes := r.Sizes(24, int64(c.Reserve))
		for _, scope := range []string{config.ScopeGlobal, config.ScopeLayer} {
			lc := NewLiveCurve(k, scope == config.ScopeLayer, r.MaxSlots(), c.TokenLines())
			for _, to := range []int{3, 1, c.Steps + 5, 0, c.Steps} {
				if err := lc.Advance(to); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := lc.Steps(), c.Steps; got != want {
				t.Fatalf("Steps() = %d, want %d", got, want)
			}
			if got, want := lc.Lines(), r.GatherLines(); got != want {
				t.Errorf("seed %d, scope %s: Lines() = %d, the run gathers %d", c.Seed, scope, got, want)
			}
			got := lc.Hits(sizes)
			for i, slots := range sizes {
				want, ok := r.LRU(slots, scope)
				if ok && got[i] != want {
					t.Errorf("seed %d, scope %s: live hits at %d slots = %d, Run.LRU = %d", c.Seed, scope, slots, got[i], want)
				}
			}
		}
	}
}

// TestLiveCurveHitsIntoAllocatesNothing: a chart reads the curve after
// every step into the same storage, allocating nothing.
func TestLiveCurveHitsIntoAllocatesNothing(t *testing.T) {
	c := smallRuns(t)[0]
	k, err := engine.NewTokenKeys(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	lc := NewLiveCurve(k, true, 500, c.TokenLines())
	if err := lc.Advance(c.Steps); err != nil {
		t.Fatal(err)
	}
	sizes := []int{0, 10, 100, 250, 500, 900}
	dst := lc.HitsInto(nil, sizes)
	if n := testing.AllocsPerRun(20, func() { dst = lc.HitsInto(dst, sizes) }); n != 0 {
		t.Errorf("HitsInto allocates %v times per call", n)
	}
	if dst[0] != 0 || dst[len(dst)-1] != dst[len(dst)-2] {
		t.Errorf("hits %v: want none at 0 slots, and sizes above the largest counted as the largest", dst)
	}
}
