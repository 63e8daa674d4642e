package ui

import (
	"math"
	"strings"
	"testing"
)

// TestSetLecture: switching the theme rebuilds the panel in the other
// colours and size and keeps what it shows; switching to the theme it has
// changes nothing.
func TestSetLecture(t *testing.T) {
	p, r := newTestPanel(t, "")
	dark := p.Width(1, 1)
	typeValue(t, p, "ways", "0") // a refusal the rebuild keeps
	steps := []struct {
		name    string
		lecture bool
		width   int
		colours colours
	}{
		{"to the lecture theme", true, int(math.Round(panelWidth * lectureScale)), lectureColours()},
		{"the lecture theme again", true, int(math.Round(panelWidth * lectureScale)), lectureColours()},
		{"back to the dark theme", false, dark, darkColours()},
	}
	for _, st := range steps {
		p.SetLecture(st.lecture)
		if got := p.Width(1, 1); got != st.width {
			t.Errorf("%s: Width(1, 1) = %d, want %d", st.name, got, st.width)
		}
		if p.Lecture() != st.lecture || p.v.th.c != st.colours {
			t.Errorf("%s: Lecture() = %v with colours %v, want %v with %v", st.name, p.Lecture(), p.v.th.c, st.lecture, st.colours)
		}
		p.UI().Update()
		if got := p.v.refusals[0].Label; !strings.Contains(got, "ways") {
			t.Errorf("%s: the rebuild lost the refusal: %q", st.name, got)
		}
	}
	typeValue(t, p, "ways", "8")
	if len(r.configs) != 1 || r.configs[0].Ways != 8 {
		t.Errorf("after the switches, typing ways 8 reported %v", r.configs)
	}
}

// TestLectureColoursAreLight: the lecture panel is dark text on a light
// column, the dark one the reverse, each with a WCAG text contrast of at
// least 7 (AAA), for a projector.
func TestLectureColoursAreLight(t *testing.T) {
	lum := func(c [3]uint8) float64 {
		var y float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			v := float64(c[i]) / 255
			if v <= 0.04045 {
				v /= 12.92
			} else {
				v = math.Pow((v+0.055)/1.055, 2.4)
			}
			y += w * v
		}
		return y
	}
	for _, th := range []struct {
		name  string
		c     colours
		light bool
	}{{"dark", darkColours(), false}, {"lecture", lectureColours(), true}} {
		bg := lum([3]uint8{th.c.panel.R, th.c.panel.G, th.c.panel.B})
		fg := lum([3]uint8{th.c.text.R, th.c.text.G, th.c.text.B})
		if (bg > fg) != th.light {
			t.Errorf("%s: column luminance %.2f, text %.2f: want a light column %v", th.name, bg, fg, th.light)
		}
		if ratio := (max(bg, fg) + 0.05) / (min(bg, fg) + 0.05); ratio < 7 {
			t.Errorf("%s: text contrast %.1f, want >= 7", th.name, ratio)
		}
	}
}
