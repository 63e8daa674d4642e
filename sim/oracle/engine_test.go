package oracle

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// smallRuns are small configs of mode tokens, varied in what changes the
// sequence or the lines: seed, layout, shape.
func smallRuns(t *testing.T) []config.Config {
	base, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	base.Mode, base.Steps = config.ModeTokens, 16
	var out []config.Config
	for i, edit := range []func(*config.Config){
		func(*config.Config) {},
		func(c *config.Config) { c.Seed, c.Layout = 7, config.LayoutPaged },
		func(c *config.Config) { c.Seed, c.Layers, c.TopK, c.StepOverlap = 3, 6, 48, 0.7 },
		func(c *config.Config) { c.Seed, c.KVBytes, c.Prompt = 9, 200, 40 }, // three lines per token, selections of the whole context
		func(c *config.Config) { c.Seed, c.Batch = 11, 3 },                  // a batch: keys (request, layer, token)
	} {
		c := base
		edit(&c)
		if err := c.Validate(); err != nil {
			t.Fatalf("small run %d: %v", i, err)
		}
		out = append(out, c)
	}
	return out
}

// sequenceOf returns the reservation accesses of c over src (nil: its
// generator).
func sequenceOf(tb testing.TB, c config.Config, src trace.Source) *Sequence {
	k, err := engine.NewTokenKeys(c, src)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := NewSequence(k)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// runTokens runs c in mode tokens with a reservation of slots in a scope
// and returns its KV counts.
func runTokens(t *testing.T, c config.Config, slots int, scope string) engine.Counts {
	c.Mode, c.TokenScope, c.Reserve = config.ModeTokens, scope, config.Size(int64(slots)*c.TokenStride())
	e, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	return e.Totals()[workload.KV]
}

// maxSlots is the largest reservation of a config, in token slots.
func maxSlots(c config.Config) int {
	return int((int64(c.Capacity) - c.WayBytes()) / c.TokenStride())
}

// TestCurveEqualsSeparateRuns: the LRU curve's reserved hits, at every
// size, are exactly those of a separate engine run at that size, in both
// scopes, and its blocking misses are the rest of the gather's lines (in
// mode tokens the shared part never holds a KV line).
func TestCurveEqualsSeparateRuns(t *testing.T) {
	for i, c := range smallRuns(t) {
		r, err := NewRun(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		most := r.MaxSlots()
		if most != maxSlots(c) {
			t.Fatalf("MaxSlots() = %d, want %d", most, maxSlots(c))
		}
		for _, scope := range []string{config.ScopeGlobal, config.ScopeLayer} {
			least := r.MinSlots(scope)
			if _, ok := r.LRU(least-1, scope); ok {
				t.Errorf("LRU(%d, %s) = ok, below the smallest reservation", least-1, scope)
			}
			if _, ok := r.LRU(most+1, scope); ok {
				t.Errorf("LRU(%d, %s) = ok, above the largest reservation", most+1, scope)
			}
			for _, slots := range []int{least, least + 1, 7, 23, 64, 150, most / 2, most} {
				if slots < least || slots > most {
					continue
				}
				t.Run(fmt.Sprintf("%d/%s/%d", i, scope, slots), func(t *testing.T) {
					got := runTokens(t, c, slots, scope)
					lru, ok := r.LRU(slots, scope)
					if !ok || got.ReservedHits != lru {
						t.Errorf("reserved hits: run %d, curve %d (%v)", got.ReservedHits, lru, ok)
					}
					if got.Accesses != r.GatherLines() || got.Misses != r.GatherLines()-lru {
						t.Errorf("run gathers %d lines with %d blocking misses, curve %d with %d", got.Accesses, got.Misses, r.GatherLines(), r.GatherLines()-lru)
					}
				})
			}
		}
	}
}

func TestRunRefusesPacked(t *testing.T) {
	c := smallRuns(t)[0]
	c.Layout = config.LayoutPacked
	if _, err := NewRun(c, nil); !errors.Is(err, ErrPacked) {
		t.Errorf("NewRun(packed) = %v, want ErrPacked", err)
	}
}

// TestMINBoundsTheEngine: seeing the whole run, the token MIN has at least
// the token LRU's reserved hits at the same capacity and scope, and the
// line MIN of the whole LLC at least the KV hits of every mode that reads
// only what it gathers.
func TestMINBoundsTheEngine(t *testing.T) {
	for i, c := range smallRuns(t) {
		s := sequenceOf(t, c, nil)
		n := int64(c.TokenLines())
		for _, scope := range []string{config.ScopeGlobal, config.ScopeLayer} {
			for _, slots := range []int{c.Layers, 40, maxSlots(c)} {
				lru := runTokens(t, c, slots, scope).ReservedHits
				if min := sum(s.MIN(slots, scope == config.ScopeLayer, c.Steps)) * n; min < lru {
					t.Errorf("run %d, %s scope, %d slots: MIN %d reserved hits, below LRU's %d", i, scope, slots, min, lru)
				}
			}
		}
		// Way partitioning keeps its KV lines in its reserved ways: a line
		// cache of that many lines bounds its reserved hits.
		w := c
		w.Mode, w.Reserve = config.ModeWays, config.Size(2*c.WayBytes())
		e, err := engine.New(w, nil)
		if err != nil {
			t.Fatal(err)
		}
		e.Run()
		wayLines, err := s.LineMIN(2*c.Sets(), c.TokenLines(), c.Steps)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Totals()[workload.KV].ReservedHits; got > sum(wayLines) {
			t.Errorf("run %d, mode ways: %d reserved hits, above the line MIN of its %d lines, %d", i, got, 2*c.Sets(), sum(wayLines))
		}
		lines, err := s.LineMIN(int(int64(c.Capacity)/int64(c.Line)), c.TokenLines(), c.Steps)
		if err != nil {
			t.Fatal(err)
		}
		bound := sum(lines)
		for _, mode := range []string{config.ModeNone, config.ModeWays, config.ModeTokens} {
			m := c
			m.Mode = mode
			if mode == config.ModeWays {
				m.Reserve = config.Size(c.WayBytes())
			}
			e, err := engine.New(m, nil)
			if err != nil {
				t.Fatal(err)
			}
			e.Run()
			if kv := e.Totals()[workload.KV].Hits(); kv > bound {
				t.Errorf("run %d, mode %s: %d KV hits, above the line MIN's %d", i, mode, kv, bound)
			}
		}
	}
}

func TestSizes(t *testing.T) {
	c := smallRuns(t)[0]
	r, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		points  int
		reserve int64
	}{{2, int64(c.Reserve)}, {32, int64(c.Reserve)}, {5000, int64(c.Reserve)}, {4, 0}, {4, 1 << 40}} {
		sizes := r.Sizes(tt.points, tt.reserve)
		own := r.Slots(tt.reserve)
		hasOwn := slices.Contains(sizes, own)
		if !slices.IsSorted(sizes) || len(slices.Compact(slices.Clone(sizes))) != len(sizes) ||
			sizes[0] < 1 || sizes[len(sizes)-1] != r.MaxSlots() || len(sizes) > tt.points+1 ||
			hasOwn != (own >= 1 && own <= r.MaxSlots()) {
			t.Errorf("Sizes(%d, %d) = %v: want sorted distinct sizes in 1..%d ending at it, at most %d, with %d if allowed", tt.points, tt.reserve, sizes, r.MaxSlots(), tt.points+1, own)
		}
	}
}

// TestRunWithBatch: a run over an engine's batch is the run of its config.
func TestRunWithBatch(t *testing.T) {
	c := smallRuns(t)[4] // a batch of 3
	b, err := engine.NewBatch(c)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := NewRunWithBatch(c, b)
	if err != nil {
		t.Fatal(err)
	}
	own, err := NewRun(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, slots := range []int{c.Layers, 50, own.MaxSlots()} {
		a, _ := shared.LRU(slots, config.ScopeLayer)
		w, _ := own.LRU(slots, config.ScopeLayer)
		if a != w || a == 0 && slots == own.MaxSlots() {
			t.Errorf("%d slots: LRU over the batch %d, over the config %d", slots, a, w)
		}
	}
	if _, err := NewRunWithBatch(c, nil); err == nil {
		t.Error("NewRunWithBatch(nil batch) = nil error")
	}
}
