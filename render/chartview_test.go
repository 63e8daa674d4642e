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
	if got := string(v.title.buf); got != "KV hit rate (%)" {
		t.Errorf("title %q", got)
	}
	if got := string(v.names[1].buf); got != "B tokens" {
		t.Errorf("run B's name %q", got)
	}
}

// TestChartViewAllocations: refreshing the four charts of a comparison
// after a step (layout, rasters, pixels, labels) allocates nothing once
// running, nor does a frame where nothing changed. (Ebiten's own calls,
// WritePixels and the draws, are left out: outside a running game they
// allocate, the painter's one-rectangle fill too; the scene's preview
// measures real frames.)
func TestChartViewAllocations(t *testing.T) {
	f, pal := chartFonts(t), DefaultPalette()
	var series [3][2]Series
	var views [4]chartView
	for k := range views {
		views[k].spec = chartSpecFor(chartKind(k), "A none", "B tokens")
		views[k].layout(image.Rect(0, k*130, 400, k*130+120), f)
	}
	perLayer := [2][]float64{make([]float64, 61), make([]float64, 61)}
	step := 0
	refresh := func() (changed int) {
		for k := range series {
			if views[k].refreshLines(&series[k][0], &series[k][1], &pal) {
				changed++
			}
		}
		if views[chartLayerHit].refreshBars(perLayer[0], perLayer[1], &pal) {
			changed++
		}
		return changed
	}
	next := func() {
		step++
		for k := range series {
			for r := range series[k] {
				series[k][r].Push(float64((step*(7+k)+r*13)%97) * math.Pow(10, float64(k)))
			}
		}
		for r := range perLayer {
			for l := range perLayer[r] {
				perLayer[r][l] = float64((step + l*3 + r*40) % 100)
			}
		}
		if n := refresh(); n != len(views) {
			t.Fatalf("step %d: %d charts refreshed, want %d", step, n, len(views))
		}
	}
	for range 2 * ChartWindow { // every label's length, every glyph, seen
		next()
	}
	if n := testing.AllocsPerRun(100, next); n != 0 {
		t.Errorf("a step of four charts allocates %.1f times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		if refresh() != 0 {
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
	f, pal := chartFonts(b), DefaultPalette()
	var series [3][2]Series
	var views [4]chartView
	for k := range views {
		views[k].spec = chartSpecFor(chartKind(k), "A none", "B tokens")
		views[k].layout(image.Rect(0, 0, 400, 120), f)
	}
	perLayer := [2][]float64{make([]float64, 61), make([]float64, 61)}
	step := 0
	next := func() {
		step++
		for k := range series {
			for r := range series[k] {
				series[k][r].Push(float64((step*(7+k)+r*13)%97) * math.Pow(10, float64(k)))
			}
			views[k].refreshLines(&series[k][0], &series[k][1], &pal)
		}
		perLayer[0][step%61] = float64(step % 100)
		views[chartLayerHit].refreshBars(perLayer[0], perLayer[1], &pal)
	}
	for range 2 * ChartWindow {
		next()
	}
	b.ReportAllocs()
	for b.Loop() {
		next()
	}
}
