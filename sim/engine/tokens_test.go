package engine

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"dsaviz/sim/config"
)

// TestLayerScopeCovered: the reference comparison draws enough configs of
// the layer scope to mean something.
func TestLayerScopeCovered(t *testing.T) {
	n := 0
	for i := range 60 {
		if randomConfig(rand.New(rand.NewPCG(uint64(i), 3)), config.ModeTokens).TokenScope == config.ScopeLayer {
			n++
		}
	}
	if n < 10 {
		t.Errorf("%d of 60 random token configs use tokenScope layer, want at least 10", n)
	}
}

func TestLayerSlots(t *testing.T) {
	for _, tt := range []struct{ slots, layers int }{{1, 1}, {7, 7}, {8, 3}, {100, 61}, {61, 61}, {27306, 61}} {
		sum, lo, hi := 0, tt.slots, 0
		for l := range tt.layers {
			n := LayerSlots(tt.slots, tt.layers, l)
			sum += n
			lo, hi = min(lo, n), max(hi, n)
		}
		if sum != tt.slots || hi-lo > 1 || lo < 1 {
			t.Errorf("LayerSlots(%d, %d, .) sum to %d, range %d..%d; want the slots, shares within one, none empty", tt.slots, tt.layers, sum, lo, hi)
		}
	}
}

// TestLayerScopeRespectsShares: after every layer, each layer holds at
// most its share, and the mirror store holds exactly the union of the
// layers' stores.
func TestLayerScopeRespectsShares(t *testing.T) {
	c := smallConfig(config.ModeTokens)
	c.TokenScope = config.ScopeLayer
	c.Reserve = config.Size(c.TokenStride() * int64(c.Layers) * 3 / 2)
	e, err := New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	slots := e.tokens.Slots()
	for !e.Done() {
		e.AdvanceLayer(nil)
		total := 0
		for l, st := range e.store.layer {
			if st.Len() > LayerSlots(slots, c.Layers, l) {
				t.Fatalf("step %d: layer %d holds %d tokens, share %d", e.Step(), l, st.Len(), LayerSlots(slots, c.Layers, l))
			}
			total += st.Len()
			for s := range st.Slots() {
				if tok := st.KeyAt(s); tok >= 0 && !e.tokenResident(0, l, int(tok)) {
					t.Fatalf("step %d: layer %d holds token %d, the mirror does not", e.Step(), l, tok)
				}
			}
		}
		if total != e.tokens.Len() {
			t.Fatalf("step %d: layers hold %d tokens, the mirror %d", e.Step(), total, e.tokens.Len())
		}
	}
}

// TestLayerScopeOneLayerIsGlobal: with one layer the two scopes are the
// same policy and give the same counts.
func TestLayerScopeOneLayerIsGlobal(t *testing.T) {
	c := smallConfig(config.ModeTokens)
	c.Layers = 1
	g, err := New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.TokenScope = config.ScopeLayer
	l, err := New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	g.Run()
	l.Run()
	if g.Totals() != l.Totals() {
		t.Errorf("one layer: layer scope totals %+v, global %+v", l.Totals(), g.Totals())
	}
}

// layerScopeConfig is the small demo in mode tokens, tokenScope layer.
func layerScopeConfig() config.Config {
	c := smallConfig(config.ModeTokens)
	c.TokenScope = config.ScopeLayer
	return c
}

// TestLayerScopeInvariants runs the engine-wide checks in the layer
// scope: a clone runs identically, the partitions never share a line
// (packed layout included), and a layer allocates nothing.
func TestLayerScopeInvariants(t *testing.T) {
	c := layerScopeConfig()
	c.Steps = 12
	e := mustNew(t, c, nil)
	for range 2*c.Layers + 1 {
		e.AdvanceLayer(nil)
	}
	clone := e.Clone()
	e.Run()
	clone.Run()
	if !reflect.DeepEqual(e.History(), clone.History()) || e.Totals() != clone.Totals() {
		t.Errorf("layer scope: a clone diverged")
	}

	for _, layout := range []string{config.LayoutRounded, config.LayoutPacked} {
		c := layerScopeConfig()
		c.Layout, c.KVBytes, c.WeightBytes, c.Steps = layout, 100, 4<<10, 10
		e := mustNew(t, c, nil)
		for !e.Done() {
			e.AdvanceLayer(nil)
			checkExclusive(t, e, fmt.Sprintf("layer scope/%s step %d layer %d", layout, e.Step(), e.Layer()))
		}
	}

	c = layerScopeConfig()
	c.Steps = 400
	e = mustNew(t, c, newRandomSource(1, c.Layers, c.Steps, c.TopK, c.Prompt))
	buf := make([]Event, 0, e.MaxEventsPerLayer())
	e.AdvanceStep()
	if allocs := testing.AllocsPerRun(200, func() { buf = e.AdvanceLayer(buf) }); allocs != 0 {
		t.Errorf("layer scope: AdvanceLayer allocates %v times per call", allocs)
	}
}

// BenchmarkDSV32TokensLayer is BenchmarkDSV32Tokens in the layer scope.
func BenchmarkDSV32TokensLayer(b *testing.B) {
	c, err := config.Preset("dsv32-h100")
	if err != nil {
		b.Fatal(err)
	}
	c.TokenScope = config.ScopeLayer
	c.Steps = b.N + 1
	e, err := New(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	e.AdvanceStep()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		e.AdvanceStep()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(0, "ns/op")
}
