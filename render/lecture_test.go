package render

import (
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// TestSceneSetLecture: switching the theme changes the palette the scene
// draws with and draws everything again, once; switching to the theme it
// already has changes nothing.
func TestSceneSetLecture(t *testing.T) {
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
	st := Status{Scale: 1, Zoom: 1, ShowHelp: true, Error: "a problem", Caption: "a scene"}
	s.Draw(dst, area, Runs{A: e.View()}, st)
	st.Kept = true
	lecture, dark := LecturePalette(), DefaultPalette()
	steps := []struct {
		name    string
		lecture bool
		want    bool // Draw draws
		bg      [4]byte
	}{
		{"to the lecture theme", true, true, colourBytes(lecture.Background)},
		{"the lecture theme again", true, false, colourBytes(lecture.Background)},
		{"back to the default theme", false, true, colourBytes(dark.Background)},
	}
	for _, step := range steps {
		s.SetLecture(step.lecture)
		if got := s.Draw(dst, area, Runs{A: e.View()}, st); got != step.want {
			t.Errorf("%s: Draw drew %v, want %v", step.name, got, step.want)
		}
		if got := s.Lecture(); got != step.lecture {
			t.Errorf("%s: Lecture() = %v, want %v", step.name, got, step.lecture)
		}
		p := s.Palette()
		if got := colourBytes(p.Background); got != step.bg {
			t.Errorf("%s: background %v, want %v", step.name, got, step.bg)
		}
		if got, want := s.fonts.zoom, map[bool]float64{false: 1, true: LectureZoom}[step.lecture]; got != want {
			t.Errorf("%s: text zoom %g, want %g", step.name, got, want)
		}
	}
}

// TestLecturePaletteIsLight: the lecture theme is dark text on a light
// page, and the boxes over the scene are light too.
func TestLecturePaletteIsLight(t *testing.T) {
	p := LecturePalette()
	lum := func(c [4]byte) float64 {
		s := seen(c, normalVision)
		return 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	}
	for _, c := range []struct {
		name  string
		c     [4]byte
		light bool
	}{
		{"background", colourBytes(p.Background), true},
		{"box", colourBytes(p.Box), true},
		{"empty line", p.RGBA[Empty], true},
		{"text", colourBytes(p.Text), false},
		{"muted text", colourBytes(p.Muted), false},
	} {
		if l := lum(c.c); (l > 0.7) != c.light {
			t.Errorf("%s %v: luminance %.2f, want light %v", c.name, c.c, l, c.light)
		}
	}
	if got := PaletteFor(true); got != p {
		t.Error("PaletteFor(true) is not LecturePalette()")
	}
	if got := PaletteFor(false); got != DefaultPalette() {
		t.Error("PaletteFor(false) is not DefaultPalette()")
	}
}
