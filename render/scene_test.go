package render

import (
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// TestSceneDrawsOnlyChanges: with Status.Kept, Draw draws only when
// something it shows changed, and says so.
func TestSceneDrawsOnlyChanges(t *testing.T) {
	e, err := engine.New(tinyConfig(config.ModeTokens), nil)
	if err != nil {
		t.Fatal(err)
	}
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScene(font)
	dst := ebiten.NewImage(640, 400)
	area := image.Rect(0, 0, 480, 400)
	st := Status{Scale: 1, Zoom: 1, FPS: 20, TPS: 60}
	steps := []struct {
		name   string
		change func()
		want   bool
	}{
		{"the first picture", func() {}, true},
		{"nothing changed", func() { st.Kept = true }, false},
		{"the frame rate shown changed", func() { st.FPS = 30 }, true},
		{"a frame rate that rounds alike", func() { st.FPS = 30.2 }, false},
		{"the help opened", func() { st.ShowHelp = true }, true},
		{"the help still open", func() {}, false},
		{"the help closed", func() { st.ShowHelp = false }, true},
		{"an error", func() { st.Error = "a problem" }, true},
		{"the same error", func() {}, false},
		{"the error gone", func() { st.Error = "" }, true},
		{"a layer ran", func() {
			s.Observe(0, e.View(), e.AdvanceLayer(make([]engine.Event, 0, e.MaxEventsPerLayer())))
			s.Tick()
		}, true},
		{"its flashes held", func() { s.Tick() }, false},
		{"its flashes fading", func() {
			for range HoldTicks + FadeTicks {
				s.Tick()
			}
		}, true},
		{"the area changed", func() { area = image.Rect(0, 0, 500, 400) }, true},
		{"the screen was cleared", func() { st.Kept = false }, true},
	}
	for _, step := range steps {
		step.change()
		if got := s.Draw(dst, area, Runs{A: e.View()}, st); got != step.want {
			t.Errorf("%s: Draw drew %v, want %v", step.name, got, step.want)
		}
	}
}

// TestLargePanesTakeTurns: side by side, two panes of caches larger than
// ReadAlways lines draw their pictures together on every other frame,
// while a small cache's pane draws in every frame; a pane laid out anew
// draws at once; A's and B's strips always show the same layer.
func TestLargePanesTakeTurns(t *testing.T) {
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		capacity config.Size
		turns    bool
	}{
		{"small caches", 2048, false},
		{"large caches", 2 * ReadAlways * 64, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tinyConfig(config.ModeTokens)
			c.Capacity = tc.capacity
			var runs [2]*engine.Engine
			for i := range runs {
				if runs[i], err = engine.New(c, nil); err != nil {
					t.Fatal(err)
				}
			}
			s := NewScene(font)
			dst := ebiten.NewImage(1000, 500)
			st := Status{Scale: 1, Zoom: 1, FPS: 20, TPS: 60, Playing: true}
			r := Runs{A: runs[0].View(), B: runs[1].View()}
			s.Draw(dst, dst.Bounds(), r, st)
			if s.panes[0].frame != 1 || s.panes[1].frame != 1 {
				t.Fatalf("after the first frame the panes drew %d and %d times, want 1 and 1", s.panes[0].frame, s.panes[1].frame)
			}
			prev := false
			for f := range 6 {
				for i, e := range runs {
					s.Observe(i, e.View(), e.AdvanceLayer(make([]engine.Event, 0, e.MaxEventsPerLayer())))
				}
				s.Tick()
				before := [2]int{s.panes[0].frame, s.panes[1].frame}
				s.Draw(dst, dst.Bounds(), r, st)
				drew := [2]bool{s.panes[0].frame > before[0], s.panes[1].frame > before[1]}
				if tc.turns && (drew[0] != drew[1] || (f > 0 && drew[0] == prev)) {
					t.Errorf("frame %d: panes drew %v (the frame before: %v), want both on every other frame", f, drew, prev)
				}
				prev = drew[0]
				if a, b := s.panes[0].strip.counts, s.panes[1].strip.counts; a.Step != b.Step || a.Layer != b.Layer {
					t.Errorf("frame %d: A's strip shows step %d layer %d, B's step %d layer %d", f, a.Step, a.Layer, b.Step, b.Layer)
				}
				if !tc.turns && !(drew[0] && drew[1]) {
					t.Errorf("frame %d: panes drew %v, want both", f, drew)
				}
			}
		})
	}
}
