package main

import (
	"bytes"
	"encoding/csv"
	"testing"

	"dsaviz/sim/config"
)

// settle runs Updates until no jump is under way and what was asked for
// has run.
func settle(t *testing.T, g *Game, m interface{ read() Stats }) {
	t.Helper()
	for range 200 {
		update(t, g)
		if !m.read().Seeking {
			update(t, g)
			return
		}
	}
	t.Fatal("a jump did not settle in 200 ticks")
}

func TestCompareLink(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&cmp=1&b.mode=none&play=0")
	if len(h.errors) != 0 {
		t.Fatalf("errors %q", h.errors)
	}
	for range 5 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	s := m.read()
	if s.B == nil {
		t.Fatal("stats().b missing while comparing")
	}
	if s.Step != 5 || s.B.Step != 5 || s.Layer != s.B.Layer {
		t.Errorf("A at step %d, B at step %d: not in lockstep", s.Step, s.B.Step)
	}
	if s.B.ReservedHits != 0 {
		t.Errorf("B in mode none has %d reserved hits, want 0", s.B.ReservedHits)
	}
	if s.BlockingMisses >= s.B.BlockingMisses {
		t.Errorf("blocking misses: A (tokens) %d, B (none) %d; want fewer with the reservation", s.BlockingMisses, s.B.BlockingMisses)
	}
	if spec := m.config(); !spec.compare || spec.b.Mode != "none" || spec.b.TopK != spec.cfg.TopK {
		t.Errorf("config: compare %v, B mode %s topk %d (A's %d)", spec.compare, spec.b.Mode, spec.b.TopK, spec.cfg.TopK)
	}
	m.post(cmdToggleCompare)
	update(t, g)
	if s := m.read(); s.B != nil || m.config().compare {
		t.Errorf("after C: stats().b %v, compare %v; want A alone", s.B, m.config().compare)
	}
}

// TestStepBackThenForward: Left after 5 steps, then Right, gives exactly
// the numbers of 5 steps, for A and B; so does a link with at=5.
func TestStepBackThenForward(t *testing.T) {
	link := "preset=small-demo&cmp=1&play=0"
	g, m, _ := newTestGame(t, link)
	for range 5 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	want := m.read()
	m.post(cmdStepBack)
	settle(t, g, m)
	back := m.read()
	if back.Step != 4 || back.Layer != 0 || back.B.Step != 4 {
		t.Fatalf("after Left: at step %d layer %d (B %d), want step 4", back.Step, back.Layer, back.B.Step)
	}
	m.post(cmdStepOnce)
	update(t, g)
	got := m.read()
	if got.runStats != want.runStats || *got.B != *want.B {
		t.Errorf("5 steps, Left, Right:\n A %+v\n B %+v\nwant\n A %+v\n B %+v", got.runStats, *got.B, want.runStats, *want.B)
	}

	g2, m2, _ := newTestGame(t, link+"&at=5")
	settle(t, g2, m2)
	if at := m2.read(); at.runStats != want.runStats || *at.B != *want.B {
		t.Errorf("at=5:\n A %+v\n B %+v\nwant\n A %+v\n B %+v", at.runStats, *at.B, want.runStats, *want.B)
	}
	m2.postChange("at=2")
	settle(t, g2, m2)
	if s := m2.read(); s.Step != 2 || s.Playing {
		t.Errorf("configure(at=2): at step %d, playing %v; want step 2, paused", s.Step, s.Playing)
	}
}

func TestStepBackAtTheStart(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&play=0")
	m.post(cmdStepBack)
	settle(t, g, m)
	if s := m.read(); s.Step != 0 || s.Layer != 0 || s.Accesses != 0 {
		t.Errorf("Left at step 0: %+v, want step 0 untouched", s.runStats)
	}
	g.do(cmdLayerOnce)
	update(t, g)
	m.post(cmdStepBack) // inside a step: back to its start
	settle(t, g, m)
	if s := m.read(); s.Step != 0 || s.Layer != 0 || s.Accesses != 0 {
		t.Errorf("Left inside step 0: %+v, want the start of step 0", s.runStats)
	}
}

func TestPanelEditsB(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&play=0")
	g.do(cmdToggleEditTarget) // nothing to edit while A runs alone
	if g.editingB() {
		t.Fatal("editing B without a comparison")
	}
	g.do(cmdToggleCompare)
	g.do(cmdToggleEditTarget)
	update(t, g)
	if !g.editingB() || g.screen.panel.Config() != m.config().b {
		t.Fatalf("after C and Edit: editing B %v, panel shows B %v", g.editingB(), g.screen.panel.Config() == m.config().b)
	}
	b := m.config().b
	b.Ways = 4
	g.panelConfig(b, "")
	update(t, g)
	if spec := m.config(); spec.b.Ways != 4 || spec.cfg.Ways != 8 || !spec.compare {
		t.Errorf("an edit of B: B ways %d, A ways %d, compare %v; want 4, 8, true", spec.b.Ways, spec.cfg.Ways, spec.compare)
	}
	b.TopK = 7
	g.panelConfig(b, "")
	update(t, g)
	if m.config().b.TopK == 7 || h.lastError() == "" {
		t.Errorf("an edit of B's trace key topk: B topk %d, error %q; want refused", m.config().b.TopK, h.lastError())
	}
}

func TestPanelStepFieldJumps(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo")
	g.panelJump(3)
	settle(t, g, m)
	if s := m.read(); s.Step != 3 || s.Layer != 0 || s.Playing {
		t.Errorf("after the step field's 3: at step %d layer %d, playing %v; want step 3, paused", s.Step, s.Layer, s.Playing)
	}
}

func TestExports(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&cmp=1&play=0")
	for range 3 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	g.do(cmdExportCSV)
	g.do(cmdExportConfig)
	rows, err := csv.NewReader(bytes.NewReader(h.downloads["dsaviz-steps.csv"])).ReadAll()
	if err != nil || len(rows) != 1+2*3 || rows[1][0] != "A" || rows[4][0] != "B" {
		t.Errorf("the CSV: %d rows (err %v), want a header, 3 of A and 3 of B", len(rows), err)
	}
	if got := string(g.run.csv()); got != string(h.downloads["dsaviz-steps.csv"]) {
		t.Error("csv() and the download differ")
	}
	for name, want := range map[string]config.Config{"dsaviz-config.json": m.config().cfg, "dsaviz-config-b.json": m.config().b} {
		got, err := config.ParseJSON(h.downloads[name], config.DefaultConfig())
		if err != nil || got != want {
			t.Errorf("%s does not read back as the run's config (err %v)", name, err)
		}
	}
}
