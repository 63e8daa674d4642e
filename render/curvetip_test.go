package render

import (
	"image"
	"math"
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// TestCurveTooltip: over the curve chart's plot the tooltip gives the
// size under the pointer, its token slots and both scopes' figures there;
// moving along the plot changes them, off the plot it goes, and hovering
// changes neither the curve nor the run.
func TestCurveTooltip(t *testing.T) {
	e, err := engine.New(tinyConfig(config.ModeTokens), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, dst, area, st := hoverScene(t, e)
	c := &Curve{MaxBytes: 48 << 20, SlotBytes: 768, Marks: [2]int64{20 << 20}, MIN: math.NaN(), Steps: 7, Gen: 1}
	for i := range 97 {
		c.Global = append(c.Global, float64(i)/2)
		c.Layer = append(c.Layer, float64(i)/4)
	}
	st.Charts, st.Curve = true, c
	s.Draw(dst, area, Runs{A: e.View()}, st)
	ch := &s.charts.charts[len(s.charts.charts)-1]
	plot := ch.lay.Plot.Add(ch.rect.Min)
	if plot.Empty() {
		t.Fatal("the curve chart has no plot")
	}
	before := *c
	at := func(fx float64) string {
		st.Pointer, st.PointerIn = image.Pt(plot.Min.X+int(fx*float64(plot.Dx()-1)), plot.Min.Y+plot.Dy()/2), true
		s.Draw(dst, area, Runs{A: e.View()}, st)
		return strings.Join(s.Hover().Lines, "\n")
	}
	for _, tc := range []struct {
		fx   float64
		want []string
	}{
		{0, []string{"Token reservation of 0 B (0 token slots)", "global LRU: 0.0% of the KV lines gathered", "per-layer LRU: 0.0%", "over the 7 steps counted", "dotted: A's reservation, 20 MiB"}},
		{0.5, []string{"Token reservation of 24 MiB (32,768 token slots)", "global LRU: 24.0%", "per-layer LRU: 12.0%"}},
		{1, []string{"Token reservation of 48 MiB", "global LRU: 48.0%"}},
	} {
		got := at(tc.fx)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("pointer at %.0f%% of the plot: tooltip %q lacks %q", 100*tc.fx, got, w)
			}
		}
	}
	st.Pointer = plot.Min.Sub(image.Pt(5, 5))
	s.Draw(dst, area, Runs{A: e.View()}, st)
	if lines := s.Hover().Lines; strings.Contains(strings.Join(lines, " "), "Token reservation") {
		t.Errorf("off the plot the tooltip reads %q", lines)
	}
	if c.Gen != before.Gen || c.Steps != before.Steps || c.Global[3] != before.Global[3] || e.Step() != 0 {
		t.Errorf("hovering changed the curve or the run")
	}
}
