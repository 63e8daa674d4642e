package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/ui"
)

func TestStatsFields(t *testing.T) {
	// The names issue 3 (section 6) promises to pages and tests.
	want := []string{"step", "layer", "accesses", "hits", "reservedHits", "sharedHits", "misses",
		"blockingMisses", "hitRate", "tokensPerSecond", "fps", "tps"}
	f := Stats{}.fields()
	for _, k := range want {
		if _, ok := f[k]; !ok {
			t.Errorf("stats() lacks %q", k)
		}
	}
}

// TestPanel drives the Game through the panel's callbacks, as its widgets
// call them inside UI().Update.
func TestPanel(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&play=0")
	g.panelCommand(ui.StepOnce)
	update(t, g)
	if got := posOf(m); got != [2]int64{1, 0} {
		t.Fatalf("the panel's Step: at %v, want step 1", got)
	}
	for _, c := range []ui.Command{ui.Play, ui.Pause, ui.TogglePlay, ui.StepOnce, ui.LayerOnce, ui.Reset, ui.ToggleHelp} {
		if panelCommands[c] == 0 {
			t.Errorf("panel command %v maps to no app command", c)
		}
	}

	// The panel calls a changed config custom (preset ""): the link keeps
	// naming the preset it started from and lists what differs.
	c := mustPreset(t, "small-demo")
	c.Ways = 2
	g.panelConfig(c, "")
	update(t, g)
	if got, p := m.config().cfg, m.config().preset; got != c || p != "small-demo" {
		t.Errorf("after the panel's change: config ways %d, preset %q; want 2, small-demo", got.Ways, p)
	}
	if got := posOf(m); got != [2]int64{0, 0} {
		t.Errorf("a new config restarts: at %v", got)
	}
	if want := "preset=small-demo&ways=2&play=0"; len(h.queries) == 0 || h.queries[len(h.queries)-1] != want {
		t.Errorf("address changes %q, want the last %q", h.queries, want)
	}
	g.setSpeed(0.5)
	if want := "preset=small-demo&ways=2&speed=0.5&play=0"; h.queries[len(h.queries)-1] != want {
		t.Errorf("after the speed slider: address %q, want %q", h.queries[len(h.queries)-1], want)
	}
	g.panelConfig(mustPreset(t, "cpu-llc"), "cpu-llc")
	update(t, g)
	if p := m.config().preset; p != "cpu-llc" {
		t.Errorf("a preset chosen in the panel: preset %q, want cpu-llc", p)
	}
}

func TestShownPreset(t *testing.T) {
	small := mustPreset(t, "small-demo")
	changed := small
	changed.Seed++
	for _, tt := range []struct {
		cfg    config.Config
		preset string
		want   string
	}{
		{small, "small-demo", "small-demo"},
		{changed, "small-demo", ""},
		{config.DefaultConfig(), "", ""},
		{small, "nope", ""},
	} {
		if got := shownPreset(tt.cfg, tt.preset); got != tt.want {
			t.Errorf("shownPreset(seed %d, %q) = %q, want %q", tt.cfg.Seed, tt.preset, got, tt.want)
		}
	}
}

func TestTooLargeForTheApp(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&play=0")
	m.postChange("layers=4096&prompt=60000&topk=64")
	update(t, g)
	if c := m.config().cfg; c.Layers != 4 {
		t.Errorf("a run too large for the app was started: layers %d", c.Layers)
	}
	if e := h.lastError(); !strings.Contains(e, "dsasim") {
		t.Errorf("error = %q, want the app's limit explained", e)
	}
}

// TestFirstFramesComeFirst: with holdFrames, no layer runs until that many
// frames are drawn, then playing starts.
func TestFirstFramesComeFirst(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo")
	g.run.holdFrames = readyFrames
	screen := ebiten.NewImage(640, 400)
	for range readyFrames {
		for range 30 {
			update(t, g)
		}
		if got := posOf(m); got != [2]int64{0, 0} {
			t.Fatalf("after %d frames: at %v, want (0, 0): nothing runs before the app is on screen", g.screen.frames, got)
		}
		g.Draw(screen)
	}
	for range 30 {
		update(t, g)
	}
	if got := posOf(m); got == [2]int64{0, 0} {
		t.Errorf("after %d frames and half a second of play: still at (0, 0)", g.screen.frames)
	}
}

// TestLectureLive: lecture=1 in a change, and the L key, switch the scene
// and the panel to the lecture theme and back; the shared link keeps it.
func TestLectureLive(t *testing.T) {
	g, m, h := newTestGame(t, "play=0")
	steps := []struct {
		name string
		do   func()
		want bool
	}{
		{"lecture=1", func() { m.postChange("lecture=1") }, true},
		{"lecture=1 again", func() { m.postChange("lecture=1") }, true},
		{"the L key", func() { m.post(cmdToggleLecture) }, false},
		{"the L key again", func() { m.post(cmdToggleLecture) }, true},
		{"lecture=0", func() { m.postChange("lecture=0") }, false},
	}
	for _, st := range steps {
		st.do()
		update(t, g)
		if e := h.lastError(); e != "" {
			t.Errorf("%s: error %q", st.name, e)
		}
		if got := [3]bool{m.read().Lecture, g.screen.scene.Lecture(), g.screen.panel.Lecture()}; got != [3]bool{st.want, st.want, st.want} {
			t.Errorf("%s: lecture in stats, scene, panel = %v, want all %v", st.name, got, st.want)
		}
		q := g.link.shown
		if strings.Contains(q, "lecture=1") != st.want {
			t.Errorf("%s: the shared link is %q, want lecture=1 %v", st.name, q, st.want)
		}
		if c := m.config(); c.preset != "small-demo" {
			t.Errorf("%s: preset %q, want small-demo kept", st.name, c.preset)
		}
	}
	m.postChange("lecture=big")
	update(t, g)
	if e := h.lastError(); !strings.Contains(e, `lecture must be 0 or 1, got "big"`) {
		t.Errorf("lecture=big: error %q, want the refusal", e)
	}
}

// TestStepsTheAppCanKeep: a link asking for more steps than the app keeps
// the selections of runs as many as fit and says so; a change asking for
// them is refused; both name the limit and dsasim.
func TestStepsTheAppCanKeep(t *testing.T) {
	dsv, err := config.Preset("dsv32-h100")
	if err != nil {
		t.Fatal(err)
	}
	most := maxAppSteps(dsv)
	if most < 64 || int64(most+1)*stepSelectionBytes(dsv) <= maxSelectionBytes {
		t.Fatalf("maxAppSteps(dsv32-h100) = %d: not the most steps within %d bytes", most, maxSelectionBytes)
	}
	l := parseLaunch("preset=dsv32-h100&steps=100000&cmp=1")
	if l.spec.cfg.Steps != most || l.spec.b.Steps != most {
		t.Errorf("launch steps: A %d, B %d, want both %d", l.spec.cfg.Steps, l.spec.b.Steps, most)
	}
	if p := strings.Join(l.problem, " "); !strings.Contains(p, fmt.Sprintf("running %d steps", most)) || !strings.Contains(p, "dsasim") {
		t.Errorf("launch problems = %q, want the clamp explained", p)
	}
	if l := parseLaunch(fmt.Sprintf("preset=dsv32-h100&steps=%d", most)); len(l.problem) != 0 || l.spec.cfg.Steps != most {
		t.Errorf("a link at the limit: steps %d, problems %q", l.spec.cfg.Steps, l.problem)
	}

	dsv.Steps = most + 1
	if _, err := newRuns(runSpec{cfg: dsv, b: compare.DefaultB(dsv)}); err == nil || !strings.Contains(err.Error(), "dsasim") {
		t.Errorf("newRuns(%d steps of dsv32-h100) = %v, want refused with the limit explained", dsv.Steps, err)
	}
}
