package compare

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// demo is small-demo in a mode, with a reservation that mode accepts.
func demo(t testing.TB, mode string, steps int) config.Config {
	t.Helper()
	c, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	c.Mode, c.Steps = mode, steps
	switch mode {
	case config.ModeNone:
		c.Reserve = 0
	case config.ModeWays, config.ModePages:
		c.Reserve = 32 << 10
	}
	return c
}

var modes = []string{config.ModeNone, config.ModeWays, config.ModeTokens, config.ModePrevK, config.ModePages}

// alone runs cfg on its own engine (its own generator) for n layers.
func alone(t testing.TB, cfg config.Config, layers int) *engine.Engine {
	t.Helper()
	e, err := engine.New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for range layers {
		e.AdvanceLayer(nil)
	}
	return e
}

// engineOf reaches the engine behind run i, for state comparisons.
func engineOf(c *Comparison, i int) *engine.Engine { return c.lanes[i].eng }

func TestTraceKeysAreWhatTheGeneratorReads(t *testing.T) {
	base := config.DefaultConfig()
	p0 := engine.GeneratorParams(base)
	for _, key := range config.Keys() {
		c := base
		v, _ := c.Get(key)
		// Any other value of the key's type will do: the check is whether
		// the generator's parameters see it.
		for _, alt := range []string{"7", "0.25", "true", "ways", "xor", "3MiB", "packed"} {
			if alt != v && c.Set(key, alt) == nil {
				break
			}
		}
		if got, _ := c.Get(key); got == v {
			t.Fatalf("could not change key %q from %s", key, v)
		}
		reads := !reflect.DeepEqual(engine.GeneratorParams(c), p0) || key == "batch"
		if reads != IsTraceKey(key) {
			t.Errorf("key %q: GeneratorParams reads it = %v, IsTraceKey = %v", key, reads, IsTraceKey(key))
		}
	}
}

func TestShareTraceTakesOnlyTraceKeys(t *testing.T) {
	a := demo(t, config.ModeTokens, 6)
	b := DefaultB(a)
	b.Ways, b.TopK, b.Seed, b.StepOverlap = 4, 7, 99, 0.9
	got := ShareTrace(b, a)
	if got.TopK != a.TopK || got.Seed != a.Seed || got.StepOverlap != a.StepOverlap {
		t.Errorf("ShareTrace kept B's trace keys: topk %d seed %d stepOverlap %v", got.TopK, got.Seed, got.StepOverlap)
	}
	if got.Ways != 4 || got.Mode != config.ModeNone {
		t.Errorf("ShareTrace changed B's own keys: ways %d mode %s", got.Ways, got.Mode)
	}
}

func TestNewRefusesBOnAnotherTrace(t *testing.T) {
	a := demo(t, config.ModeTokens, 4)
	b := DefaultB(a)
	b.TopK = a.TopK + 1
	_, err := New(a, &b, Options{})
	if err == nil || !strings.Contains(err.Error(), "topk") {
		t.Fatalf("New with B's topk %d, A's %d: error %v, want one naming topk", b.TopK, a.TopK, err)
	}
}

// TestLockstepEqualsSeparateRuns: A and B on one shared source give, layer
// by layer, exactly what each config gives on its own engine.
func TestLockstepEqualsSeparateRuns(t *testing.T) {
	for _, mode := range modes {
		a := demo(t, mode, 5)
		b := DefaultB(a)
		b.Ways = 4
		c, err := New(a, &b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if engineOf(c, 0).Source() != engineOf(c, 1).Source() {
			t.Fatal("A and B read different trace sources")
		}
		ea, eb := alone(t, a, 0), alone(t, b, 0)
		for !c.Done() {
			c.Advance(true)
			ea.AdvanceLayer(nil)
			eb.AdvanceLayer(nil)
			if !engine.SameState(engineOf(c, 0), ea) || !engine.SameState(engineOf(c, 1), eb) {
				t.Fatalf("mode %s, step %d layer %d: the comparison's runs differ from separate runs", mode, c.Step(), c.Layer())
			}
		}
		if len(c.Events(0)) == 0 || len(c.Events(1)) == 0 {
			t.Errorf("mode %s: no events kept for the last layer", mode)
		}
	}
}

// seekTo is what the app does: Seek, then re-simulate to the target.
func seekTo(c *Comparison, target int) {
	c.Seek(target)
	for c.Step() < target && !c.Done() {
		c.Advance(false)
	}
}

// TestSeekEqualsARunThatNeverWentBack: after random jumps back and
// forward, with small checkpoint budgets too, both runs are in exactly the
// state of a fresh run taken straight to the same step.
func TestSeekEqualsARunThatNeverWentBack(t *testing.T) {
	for _, mode := range modes {
		for _, budget := range []int64{1, 3 << 20, 0} {
			a := demo(t, mode, 12)
			b := DefaultB(a)
			c, err := New(a, &b, Options{CheckpointBytes: budget})
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(uint64(budget), 7))
			for range 12 {
				target := rng.IntN(a.Steps + 1)
				if rng.IntN(3) == 0 { // forward by layers, as playback does
					for range rng.IntN(3 * a.Layers) {
						c.Advance(true)
					}
					target = c.Step()
					if c.Layer() > 0 {
						continue
					}
				} else {
					seekTo(c, target)
				}
				if c.Step() != target || c.Layer() != 0 {
					t.Fatalf("mode %s budget %d: seek to %d stands at step %d layer %d", mode, budget, target, c.Step(), c.Layer())
				}
				n := target * a.Layers
				if !engine.SameState(engineOf(c, 0), alone(t, a, n)) || !engine.SameState(engineOf(c, 1), alone(t, b, n)) {
					t.Fatalf("mode %s budget %d: after seeking to step %d the runs differ from a run that never went back", mode, budget, target)
				}
			}
		}
	}
}

func TestStepBackOneByOne(t *testing.T) {
	a := demo(t, config.ModeTokens, 10)
	c, err := New(a, nil, Options{CheckpointBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	seekTo(c, a.Steps)
	if !c.Done() {
		t.Fatal("not done after seeking to the last step")
	}
	for s := a.Steps - 1; s >= 0; s-- {
		seekTo(c, s)
		if !engine.SameState(engineOf(c, 0), alone(t, a, s*a.Layers)) {
			t.Fatalf("stepping back to %d: the run differs from one that never went back", s)
		}
	}
}

func TestCheckpointInterval(t *testing.T) {
	tests := []struct {
		name         string
		steps        int
		state, bytes int64
		want         int
	}{
		{"everything fits", 64, 1 << 20, 64 << 20, 1},
		{"a quarter fits", 64, 4 << 20, 64 << 20, 4},
		{"one fits", 64, 64 << 20, 64 << 20, 64},
		{"nothing fits", 64, 128 << 20, 64 << 20, 64},
		{"rounded up", 10, 1 << 20, 3 << 20, 4},
	}
	for _, tc := range tests {
		if got := checkpointInterval(tc.steps, tc.state, tc.bytes); got != tc.want {
			t.Errorf("%s: checkpointInterval(%d, %d, %d) = %d, want %d", tc.name, tc.steps, tc.state, tc.bytes, got, tc.want)
		}
	}
}
