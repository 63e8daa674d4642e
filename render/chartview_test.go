package render

import (
	"image"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// chartFonts returns the fonts of a scene at zoom 1.
func chartFonts(t testing.TB) *fonts {
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	f := &fonts{font: font}
	f.setZoom(1)
	return f
}

// TestChartViewRedrawsOnlyChanges: a chart is drawn again only when its
// data, its spec or its layout changed.
func TestChartViewRedrawsOnlyChanges(t *testing.T) {
	f, pal := chartFonts(t), DefaultPalette()
	var a, b Series
	v := chartView{spec: chartSpecFor(chartHitRate, "A none", "B tokens")}
	v.layout(image.Rect(10, 20, 410, 140), f)
	bars := []float64{50, 60, math.NaN()}
	w := chartView{spec: chartSpecFor(chartLayerHit, "A", "B")}
	w.layout(image.Rect(0, 0, 300, 120), f)
	steps := []struct {
		name string
		do   func() bool
		want bool
	}{
		{"the first picture", func() bool { return v.updateLines(&a, &b, &pal) }, true},
		{"nothing changed", func() bool { return v.updateLines(&a, &b, &pal) }, false},
		{"a step", func() bool { a.Push(40); b.Push(70); return v.updateLines(&a, &b, &pal) }, true},
		{"the same step", func() bool { return v.updateLines(&a, &b, &pal) }, false},
		{"new names", func() bool {
			v.spec = chartSpecFor(chartHitRate, "A ways", "B tokens")
			return v.updateLines(&a, &b, &pal)
		}, true},
		{"the new names again", func() bool { return v.updateLines(&a, &b, &pal) }, false},
		{"laid out again", func() bool { v.layout(v.rect, f); return v.updateLines(&a, &b, &pal) }, true},
		{"one run", func() bool { return v.updateLines(&a, nil, &pal) }, true},
		{"bars: the first picture", func() bool { return w.updateBars(bars, bars, &pal) }, true},
		{"bars: the same values", func() bool { return w.updateBars(bars, []float64{50, 60, math.NaN()}, &pal) }, false},
		{"bars: a value changed", func() bool { bars[1] = 61; return w.updateBars(bars, bars, &pal) }, true},
	}
	for _, s := range steps {
		if got := s.do(); got != s.want {
			t.Errorf("%s: updated %v, want %v", s.name, got, s.want)
		}
	}
	// Draw both (ReadPixels cannot run before a game starts: the scene's
	// preview shows the result).
	dst, p := ebiten.NewImage(420, 300), newPainter()
	v.draw(dst, p)
	w.draw(dst, p)
	if got := string(v.lines[0].buf); got != "KV hit rate (%)" {
		t.Errorf("title %q", got)
	}
	if got := string(v.lines[3].buf); got != "B tokens" {
		t.Errorf("run B's name %q", got)
	}
}

// comparisonCharts are the five charts of a comparison of two runs, laid
// out at 400x120, and their data, which step changes as a step would.
type comparisonCharts struct {
	pal      Palette
	views    [5]chartView
	series   [3][2]Series // hit rate, blocking misses, tokens/s
	perLayer [2][]float64
	curve    Curve
	steps    int
}

func newComparisonCharts(tb testing.TB) *comparisonCharts {
	c := &comparisonCharts{pal: DefaultPalette(), perLayer: [2][]float64{make([]float64, 61), make([]float64, 61)},
		curve: Curve{MaxBytes: 48 << 20, Global: make([]float64, 97), Layer: make([]float64, 97), Marks: [2]int64{20 << 20}, MIN: 30}}
	f := chartFonts(tb)
	for k := range c.views {
		c.views[k].spec = chartSpecFor(chartKind(k), "A none", "B tokens")
		c.views[k].layout(image.Rect(0, k*130, 400, k*130+120), f)
	}
	return c
}

// refresh refreshes every chart (all but the upload) and returns how
// many changed.
func (c *comparisonCharts) refresh() (changed int) {
	for k := range c.series {
		if c.views[k].refreshLines(&c.series[k][0], &c.series[k][1], &c.pal) {
			changed++
		}
	}
	if c.views[chartLayerHit].refreshBars(c.perLayer[0], c.perLayer[1], &c.pal) {
		changed++
	}
	if c.views[chartCurve].refreshCurve(&c.curve, &c.pal) {
		changed++
	}
	return changed
}

// step pushes a step's figures, jumpy ones (a worst case for the lines),
// changes the per-layer values and refreshes the charts.
func (c *comparisonCharts) step() int {
	c.steps++
	for k := range c.series {
		for r := range c.series[k] {
			c.series[k][r].Push(float64((c.steps*(7+k)+r*13)%97) * math.Pow(10, float64(k)))
		}
	}
	for r := range c.perLayer {
		for l := range c.perLayer[r] {
			c.perLayer[r][l] = float64((c.steps + l*3 + r*40) % 100)
		}
	}
	for i := range c.curve.Global {
		c.curve.Global[i] = float64((c.steps+i)%40) * float64(i) / 97
		c.curve.Layer[i] = float64((c.steps+2*i)%50) * float64(i) / 97
	}
	c.curve.MIN = float64(20 + c.steps%17)
	c.curve.Gen++
	return c.refresh()
}

// TestChartViewAllocations: refreshing the four charts of a comparison
// after a step (layout, rasters, pixels, labels) allocates nothing once
// running, nor does a frame where nothing changed. (Ebiten's own calls,
// WritePixels and the draws, are left out: outside a running game they
// allocate, the painter's one-rectangle fill too; the scene's preview
// measures real frames.)
func TestChartViewAllocations(t *testing.T) {
	c := newComparisonCharts(t)
	for range 2 * ChartWindow { // every label's length, every glyph, seen
		c.step()
	}
	if n := testing.AllocsPerRun(100, func() {
		if n := c.step(); n != len(c.views) {
			t.Fatalf("step %d: %d charts refreshed, want %d", c.steps, n, len(c.views))
		}
	}); n != 0 {
		t.Errorf("a step of five charts allocates %.1f times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		if c.refresh() != 0 {
			t.Fatal("a chart refreshed with nothing changed")
		}
	}); n != 0 {
		t.Errorf("a frame of four unchanged charts allocates %.1f times, want 0", n)
	}
}

// BenchmarkCharts refreshes the four charts of a comparison at 400x120
// after a step: the three time series over a full window of 300 steps
// and the bars of 61 layers, for two runs: layouts, rasters, pixels and
// labels, all but the upload.
func BenchmarkCharts(b *testing.B) {
	c := newComparisonCharts(b)
	for range 2 * ChartWindow {
		c.step()
	}
	b.ReportAllocs()
	for b.Loop() {
		c.step()
	}
}
