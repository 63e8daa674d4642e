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
