package engine

import (
	"slices"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// TestViewRequests checks the per-request view accessors against a brute
// force over the reservation's contents, split by KeySpace, after every
// layer of a batch of three, in every mode: Holds is true exactly for the
// keys the store (or the prevk lists) hold; SelectionOf(0, ...) is
// Selection; a layer not yet run has no selection; and the requests'
// completed KV accesses sum to the totals'.
func TestViewRequests(t *testing.T) {
	for _, mode := range allModes {
		t.Run(mode, func(t *testing.T) {
			c := smallConfig(mode)
			c.Batch, c.Steps = 3, 3
			e := mustNew(t, c, nil)
			v := e.View()
			if v.Requests() != 3 {
				t.Fatalf("Requests() = %d, want 3", v.Requests())
			}
			others := 0
			for !e.Done() {
				e.AdvanceLayer(nil)
				step, layer, _ := v.Ran()
				others += checkHolds(t, v)
				for r := range 3 {
					sel := v.SelectionOf(r, step, layer)
					if len(sel) == 0 || int(sel[len(sel)-1]) >= v.Prompt(r)+step {
						t.Fatalf("SelectionOf(%d, %d, %d) = %d tokens, last beyond the context %d", r, step, layer, len(sel), v.Prompt(r)+step)
					}
					if v.SelectionOf(r, v.Step(), v.Layer()) != nil && !v.Done() {
						t.Fatalf("SelectionOf(%d) of the layer not yet run is not nil", r)
					}
				}
				if !slices.Equal(v.SelectionOf(0, step, layer), v.Selection(step, layer)) {
					t.Fatalf("SelectionOf(0, %d, %d) differs from Selection", step, layer)
				}
				if v.SelectionOf(3, step, layer) != nil || v.SelectionOf(-1, step, layer) != nil {
					t.Fatal("SelectionOf a request out of range is not nil")
				}
			}
			if mode != config.ModeNone && mode != config.ModeWays && others == 0 {
				t.Error("the reservation never held a token of requests 1 and 2")
			}
			var kv int64
			for _, rs := range v.RequestTotals() {
				kv += rs.Class[workload.KV].Accesses
			}
			if want := v.Totals()[workload.KV].Accesses; kv != want || want == 0 {
				t.Errorf("sum of RequestTotals KV accesses = %d, want the totals' %d (> 0)", kv, want)
			}
		})
	}
}

// checkHolds compares Holds over every (request, layer, token) with the
// set of keys the reservation holds, read slot by slot, and returns how
// many tokens of requests other than 0 it holds.
func checkHolds(t *testing.T, v View) (others int) {
	t.Helper()
	c := v.Config()
	k := v.ReservationKeys()
	held := map[[3]int]bool{}
	switch c.Mode {
	case config.ModeTokens, config.ModePages:
		s := v.TokenStore()
		for i := range s.Slots() {
			if key := s.KeyAt(i); key >= 0 {
				r, l, u := k.Split(key)
				held[[3]int{r, l, u}] = true
			}
		}
	case config.ModePrevK:
		for r := range k.Requests {
			for l := range k.Layers {
				for _, tok := range v.PrevKResidentsOf(r, l) {
					held[[3]int{r, l, int(tok)}] = true
				}
			}
		}
	}
	for r := range v.Requests() {
		for l := range c.Layers {
			for tok := range v.Layout().MaxContext() {
				unit := tok
				if c.Mode == config.ModePages {
					unit = tok / c.PageTokens
				}
				want := held[[3]int{r, l, unit}]
				if got := v.Holds(r, l, tok); got != want {
					t.Fatalf("Holds(%d, %d, %d) = %v, want %v", r, l, tok, got, want)
				}
				if want && r > 0 {
					others++
				}
			}
		}
	}
	if v.Holds(-1, 0, 0) || v.Holds(v.Requests(), 0, 0) || v.Holds(0, 0, v.Layout().MaxContext()) {
		t.Fatal("Holds out of range is true")
	}
	return others
}
