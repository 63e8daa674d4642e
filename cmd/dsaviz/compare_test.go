package main

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

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

func TestLoadTrace(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&cmp=1&play=0")
	m.post(cmdStepOnce)
	update(t, g)
	before := m.read()
	for _, bad := range []traceFile{
		{name: "bad.txt", data: []byte("0 0 1 2\n0 1 x\n")},
		{name: "bad.npy", data: []byte("\x93NUMPY\x01\x00")},
		{name: "unread.npy", problem: "the browser could not read it"},
	} {
		m.postTrace(bad)
		update(t, g)
		if e := h.lastError(); !strings.Contains(e, "Trace "+bad.name+" refused") || !strings.Contains(e, "unchanged") {
			t.Errorf("%s: error %q, want the refusal", bad.name, e)
		}
		if s := m.read(); s.Step != before.Step || s.Accesses != before.Accesses || m.config().log != nil {
			t.Errorf("%s: the run changed after a refused trace: %+v", bad.name, s.runStats)
		}
	}
	if e := h.lastError(); !strings.Contains(e, "line 2") && !strings.Contains(e, "byte") {
		t.Logf("last refusal: %q", e)
	}
	good := "0 0 1 2 600\n0 1 3 4\n1 0 1 5\n1 1 3 601 602\n2 0 7\n2 1 8 9\n"
	m.postTrace(traceFile{name: "good.txt", data: []byte(good)})
	update(t, g)
	spec := m.config()
	if spec.log == nil || spec.cfg.Steps != 3 || spec.cfg.Layers != 2 || spec.cfg.TopK != 3 || h.trace != "good.txt" || h.lastError() != "" {
		t.Fatalf("after a good trace: log %v, steps %d layers %d topk %d, trace %q, error %q",
			spec.log != nil, spec.cfg.Steps, spec.cfg.Layers, spec.cfg.TopK, h.trace, h.lastError())
	}
	if !spec.compare || spec.b.Layers != 2 {
		t.Errorf("B does not replay the trace with A: compare %v, B layers %d", spec.compare, spec.b.Layers)
	}
	for range 3 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	if s := m.read(); !s.Done || s.Step != 3 || s.B == nil || s.B.Step != 3 {
		t.Errorf("replaying the trace: %+v", s)
	}
}

func TestHelpMeasuresTheTrace(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&play=0")
	for range 3 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	g.do(cmdToggleHelp)
	t3 := g.screen.measured
	if t3 == nil || t3.Stats.Steps != 3 || t3.Stats.Layers != 4 || t3.Stats.NewLookups.Count == 0 || t3.Trace != "" {
		t.Fatalf("help opened after 3 steps: Table 3 %+v", t3)
	}
}

func TestEmbedHasNoPanel(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&embed=1&play=0")
	update(t, g)
	if g.screen.panelW != 0 {
		t.Errorf("embed=1: the panel takes %d pixels, want 0", g.screen.panelW)
	}
	m.post(cmdStepOnce) // keys and the page's calls still drive it
	update(t, g)
	if s := m.read(); s.Step != 1 {
		t.Errorf("embed=1: stepOnce left the run at step %d", s.Step)
	}
}

func TestTour(t *testing.T) {
	g, m, h := newTestGame(t, "tour=2")
	if spec := m.config(); spec.cfg.Mode != "ways" || !spec.compare || !strings.HasPrefix(g.caption(), "Scene 2 of ") {
		t.Fatalf("tour=2: mode %s compare %v caption %q", spec.cfg.Mode, spec.compare, g.caption())
	}
	g.do(cmdNextScene)
	update(t, g)
	if spec := m.config(); spec.cfg.Mode != "tokens" || !strings.HasPrefix(g.caption(), "Scene 3 of ") || !m.read().Playing {
		t.Errorf("after N: mode %s, caption %q, playing %v", spec.cfg.Mode, g.caption(), m.read().Playing)
	}
	if q := h.queries[len(h.queries)-1]; q != "tour=3" {
		t.Errorf("the address of scene 3 is %q, want tour=3", q)
	}
	for k := 4; k <= len(tourScenes)+1; k++ {
		g.do(cmdNextScene)
		update(t, g)
		want := (k-1)%len(tourScenes) + 1
		if g.link.tour != want || h.lastError() != "" {
			t.Fatalf("N to scene %d: at scene %d, error %q", want, g.link.tour, h.lastError())
		}
	}
	m.postChange("seed=9")
	update(t, g)
	if c := g.caption(); c != "" {
		t.Errorf("after a change of the runs the caption still reads %q", c)
	}
	for k := range tourScenes {
		if l := parseLaunch("tour=" + strconv.Itoa(k+1)); len(l.problem) > 0 || l.tour != k+1 {
			t.Errorf("tour=%d: problems %q, scene %d", k+1, l.problem, l.tour)
		}
	}
	if l := parseLaunch("tour=" + strconv.Itoa(len(tourScenes)+1)); l.tour != 0 || len(l.problem) != 1 {
		t.Errorf("tour past the last: scene %d, problems %q; want refused", l.tour, l.problem)
	}
}

// TestHelpComparesLRUWithMIN: the help's MIN figure at A's reservation is
// at least the token LRU's, and the LRU's is the engine's own count.
func TestHelpComparesLRUWithMIN(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&play=0")
	for range 5 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	g.do(cmdToggleHelp)
	gap := g.screen.measured.MIN
	if gap == nil || gap.Problem != "" {
		t.Fatalf("no MIN figure: %+v", gap)
	}
	if gap.Steps != 5 || gap.LRU != m.read().ReservedHits || gap.MIN < gap.LRU || gap.MIN > gap.Gathered {
		t.Errorf("MIN %+v against the run's %d reserved hits", gap, m.read().ReservedHits)
	}
}

// TestTourScenes: the per-layer scope scene compares the two scopes;
// MIN's gap opens the help, paused, once its steps have run, with MIN's
// figure measured; the curve pauses on the charts, MIN marked.
func TestTourScenes(t *testing.T) {
	scene := func(prefix string) int {
		for k, s := range tourScenes {
			if strings.HasPrefix(s.caption, prefix) {
				return k + 1
			}
		}
		t.Fatalf("no tour scene %q", prefix)
		return 0
	}
	l := parseLaunch("tour=" + strconv.Itoa(scene("Per-layer scope")))
	if a, b := l.spec.cfg, l.spec.b; !l.spec.compare || a.TokenScope != "layer" || b.TokenScope != "global" || a.Mode != "tokens" || b.Mode != "tokens" || a.Reserve != b.Reserve {
		t.Errorf("per-layer scope: A %s %s %d, B %s %s %d, compare %v", a.Mode, a.TokenScope, a.Reserve, b.Mode, b.TokenScope, b.Reserve, l.spec.compare)
	}
	k := scene("MIN's gap")
	g, m, _ := newTestGame(t, "tour="+strconv.Itoa(k))
	for i := 0; i < 2000 && !m.read().Help; i++ {
		update(t, g)
	}
	s := m.read()
	if !s.Help || s.Playing || g.screen.measured == nil || g.screen.measured.MIN == nil || g.screen.measured.MIN.Steps < tourScenes[k-1].pauseAt {
		t.Fatalf("MIN's gap: help %v, playing %v, measured %+v; want the help open, paused, MIN over %d steps", s.Help, s.Playing, g.screen.measured, tourScenes[k-1].pauseAt)
	}
	if gap := g.screen.measured.MIN; gap.MIN < gap.LRU {
		t.Errorf("MIN's gap: MIN %d below LRU %d", gap.MIN, gap.LRU)
	}

	k = scene("The curve")
	g, m, _ = newTestGame(t, "tour="+strconv.Itoa(k))
	for i := 0; i < 2000 && (m.read().Playing || m.read().Step == 0); i++ {
		update(t, g)
	}
	update(t, g) // the chart measures MIN in the first paused Update
	s = m.read()
	if s.Help || s.Playing || !s.Charts || int(s.Step) != tourScenes[k-1].pauseAt || s.Curve == nil || s.Curve.MIN == nil || *s.Curve.MIN < s.Curve.Global {
		t.Fatalf("the curve: help %v, playing %v, charts %v, step %d, curve %+v; want the charts, paused at step %d, MIN at least the LRU's",
			s.Help, s.Playing, s.Charts, s.Step, s.Curve, tourScenes[k-1].pauseAt)
	}
}

// TestTourCaptionsFit: every caption is one short line.
func TestTourCaptionsFit(t *testing.T) {
	for k, s := range tourScenes {
		if n := len([]rune(s.caption)); n > 72 || strings.Contains(s.caption, "\n") {
			t.Errorf("scene %d's caption is %d characters, want one line of at most 72: %q", k+1, n, s.caption)
		}
	}
}

// TestHelpPages: H opens the help on its first page, shows each next
// page, and closes it after the last (the help of small-demo with MIN's
// gap measured takes more than one page at 1280x800).
func TestHelpPages(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&play=0")
	for range 3 {
		m.post(cmdStepOnce)
		update(t, g)
	}
	g.screen.scale, g.screen.cssW, g.screen.cssH = 1, 1280, 800 // what Layout gets in a window
	screen := ebiten.NewImage(1280, 800)
	g.do(cmdToggleHelp)
	g.Draw(screen)
	pages := g.screen.scene.HelpPages()
	if pages < 2 {
		t.Fatalf("the help takes %d page at 1280x800, want more (else this test shows nothing)", pages)
	}
	for p := 1; p < pages; p++ {
		g.do(cmdToggleHelp)
		g.Draw(screen)
		if !g.showHelp || g.helpPage != p {
			t.Fatalf("H on page %d: help %v on page %d, want page %d", p, g.showHelp, g.helpPage+1, p+1)
		}
	}
	g.do(cmdToggleHelp)
	if g.showHelp {
		t.Errorf("H on the last page left the help open")
	}
	g.do(cmdToggleHelp)
	if !g.showHelp || g.helpPage != 0 {
		t.Errorf("H again: help %v on page %d, want the first page", g.showHelp, g.helpPage+1)
	}
	g.do(cmdToggleHelp)
	g.do(cmdCloseHelp)
	if g.showHelp {
		t.Errorf("Escape on page 2 left the help open")
	}
}
