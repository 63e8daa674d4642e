package engine

import (
	"reflect"
	"slices"
	"testing"

	"dsaviz/sim/config"
)

// peekAll calls every read-only accessor over the whole state.
func peekAll(e *Engine) {
	e.Ran()
	for l := range e.cfg.Layers {
		_ = e.PrevKResidents(l)
	}
	if t := e.TokenStore(); t != nil {
		for s := range t.Slots() {
			e.PageTokensUsed(s)
			if k := t.KeyAt(s); k >= 0 {
				t.SlotOf(k)
			}
		}
	}
	g := e.Shared().Geometry()
	dst := make([]uint64, g.Ways)
	for s := range g.Sets {
		e.Shared().PeekSet(s, dst)
	}
}

func TestPeekChangesNothing(t *testing.T) {
	for _, mode := range allModes {
		c := smallConfig(mode)
		a, b := mustNew(t, c, nil), mustNew(t, c, nil)
		a.Run()
		for !b.Done() {
			b.AdvanceLayer(nil)
			peekAll(b)
		}
		if !reflect.DeepEqual(a.History(), b.History()) || a.Totals() != b.Totals() {
			t.Errorf("mode %s: peeking after every layer changed the run", mode)
		}
	}
}

func TestRan(t *testing.T) {
	e := mustNew(t, smallConfig(config.ModeTokens), nil)
	if _, _, ok := e.Ran(); ok {
		t.Fatal("Ran before the first layer: ok = true, want false")
	}
	L := e.cfg.Layers
	for i := range 2*L + 1 {
		e.AdvanceLayer(nil)
		step, layer, ok := e.Ran()
		if !ok || step != i/L || layer != i%L {
			t.Errorf("after %d layers Ran() = %d, %d, %v, want %d, %d, true", i+1, step, layer, ok, i/L, i%L)
		}
	}
}

func TestPrevKResidents(t *testing.T) {
	e := mustNew(t, smallConfig(config.ModePrevK), nil)
	quota := e.PrevKQuota()
	if want := int(int64(e.cfg.Reserve)/e.cfg.TokenStride()) / e.cfg.Layers; quota != want {
		t.Errorf("PrevKQuota() = %d, want %d", quota, want)
	}
	for range 3 * e.cfg.Layers {
		e.AdvanceLayer(nil)
		step, l, _ := e.Ran()
		sel := e.Source().Selection(step, l)
		want := sel[:min(quota, len(sel))]
		if got := e.PrevKResidents(l); !slices.Equal(got, want) {
			t.Errorf("step %d layer %d: PrevKResidents = %v, want the first %d of the selection %v", step, l, got, quota, want)
		}
	}
	if e.PrevKResidents(-1) != nil || e.PrevKResidents(e.cfg.Layers) != nil {
		t.Error("PrevKResidents out of range is not nil")
	}
	other := mustNew(t, smallConfig(config.ModeTokens), nil)
	if other.PrevKQuota() != 0 || other.PrevKResidents(0) != nil {
		t.Error("mode tokens has a prevk quota or residents")
	}
}

func TestPageTokensUsed(t *testing.T) {
	e := mustNew(t, smallConfig(config.ModePages), nil)
	e.AdvanceLayer(nil)
	_, l, _ := e.Ran()
	pt := e.cfg.PageTokens
	used := map[int]int{} // slot -> distinct selected tokens of its page
	for _, tok := range e.Source().Selection(0, l) {
		used[e.TokenStore().SlotOf(int32(l*e.layout.PagesPerLayer()+int(tok)/pt))]++
	}
	for s := range e.TokenStore().Slots() {
		if got := e.PageTokensUsed(s); got != used[s] {
			t.Errorf("PageTokensUsed(%d) = %d, want %d", s, got, used[s])
		}
	}
	if e.PageTokensUsed(-1) != 0 || e.PageTokensUsed(e.TokenStore().Slots()) != 0 {
		t.Error("PageTokensUsed out of range is not 0")
	}
}
