package render

import (
	"image"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
)

// chartKind names the charts of a comparison.
type chartKind int

const (
	// chartHitRate is the KV hit rate of each step, in percent.
	chartHitRate chartKind = iota
	// chartBlocking is the blocking misses of each step.
	chartBlocking
	// chartTokens is the estimated tokens per second of each step.
	chartTokens
	// chartLayerHit is the KV hit rate of each layer, in percent.
	chartLayerHit
	// chartCurve is the token reservation's curve (Curve), in percent.
	chartCurve
)

// chartSpecFor returns the spec of chart k comparing runs named a and b
// (b "": one run), the runs' short names as the legend writes them.
func chartSpecFor(k chartKind, a, b string) chartSpec {
	names := [2]string{a, b}
	switch k {
	case chartBlocking:
		return chartSpec{title: "Blocking misses per step", names: names, caption: "step", integer: true}
	case chartTokens:
		return chartSpec{title: "Est. tokens/s", names: names, caption: "step"}
	case chartLayerHit:
		return chartSpec{title: "KV hit rate by layer (%)", names: names, caption: "layer", bars: true, percent: true}
	case chartCurve:
		return curveSpec(&Curve{MIN: math.NaN()})
	}
	return chartSpec{title: "KV hit rate (%)", names: names, caption: "step", percent: true}
}

// chartView draws one chart in its rectangle: the raster (layout and
// pixels in plain Go, see chartLayout) filled into a reused picture and
// uploaded with one WritePixels when the data changed, and its labels
// drawn from glyphs, re-formatted only then. So a frame that shows the
// same data allocates nothing, nor does one after a step.
//
// Use: set spec (chartSpecFor), call layout when the area or the zoom
// changes, then each frame updateLines (time series) or updateBars (per
// layer), and draw.
type chartView struct {
	spec  chartSpec
	drawn chartSpec // the spec of the picture
	rect  image.Rectangle
	m     chartMetrics
	lay   chartLayout
	idx   []Index
	img   *ebiten.Image
	pix   Pixels
	face  *glyphFace

	lines [chartLabels]textLine // the labels, as chartLayout.label numbers them

	gens  [2]uint64    // the series shown
	curve uint64       // the Curve.Gen shown
	bars  [2][]float64 // the values per layer shown
	dirty bool         // laid out anew: draw again whatever the data
}

// layout places the chart in r with the small face of f.
func (v *chartView) layout(r image.Rectangle, f *fonts) {
	v.rect, v.dirty = r, true
	v.face = f.gSmall
	face := f.gSmall
	v.m = chartMetrics{lineH: face.h, tick: px(4, f.zoom), thick: px(2, f.zoom),
		measure: func(b []byte) int { return int(math.Ceil(face.advance(b))) }}
	// Render now the glyphs labels may need later, so that no glyph is
	// rendered (which allocates) in the middle of a run.
	face.advance([]byte("kM…"))
	if r.Empty() {
		return
	}
	v.img, v.pix = sizedImage(v.img, v.pix, r.Dx(), r.Dy())
	v.idx = resize(v.idx, r.Dx()*r.Dy())
}

// stale reports whether the chart must be drawn again.
func (v *chartView) stale() bool {
	return v.dirty || v.spec != v.drawn
}

// updateLines draws the runs' series (b nil: one run) if they changed
// since the last update, and reports whether the picture changed.
func (v *chartView) updateLines(a, b *Series, pal *Palette) bool {
	if !v.refreshLines(a, b, pal) {
		return false
	}
	v.img.WritePixels(v.pix.Bytes())
	return true
}

// updateBars draws the runs' values per layer (b nil: one run) if they
// changed since the last update, and reports whether the picture changed.
func (v *chartView) updateBars(a, b []float64, pal *Palette) bool {
	if !v.refreshBars(a, b, pal) {
		return false
	}
	v.img.WritePixels(v.pix.Bytes())
	return true
}

// refreshLines is updateLines without the upload: it lays out and fills
// the picture and writes the labels, all in plain Go.
func (v *chartView) refreshLines(a, b *Series, pal *Palette) bool {
	gens := [2]uint64{a.Gen()}
	if b != nil {
		gens[1] = b.Gen()
	}
	if v.rect.Empty() || v.img == nil || (!v.stale() && gens == v.gens) {
		return false
	}
	v.gens, v.dirty, v.drawn = gens, false, v.spec
	runs := [2]*Series{a, b}
	if v.spec.runs() == 1 {
		runs[1] = nil
	}
	v.lay.layoutLines(v.rect.Dx(), v.rect.Dy(), &v.spec, &v.m, runs)
	v.lay.rasterLines(v.idx, &v.m, runs)
	v.fill(pal)
	return true
}

// refreshBars is updateBars without the upload.
func (v *chartView) refreshBars(a, b []float64, pal *Palette) bool {
	if v.rect.Empty() || v.img == nil || (!v.stale() && sameValues(a, v.bars[0]) && sameValues(b, v.bars[1])) {
		return false
	}
	v.dirty, v.drawn = false, v.spec
	v.bars[0] = append(v.bars[0][:0], a...)
	v.bars[1] = append(v.bars[1][:0], b...)
	runs := [2][]float64{a, b}
	if v.spec.runs() == 1 {
		runs[1] = nil
	}
	g := v.lay.layoutBars(v.rect.Dx(), v.rect.Dy(), &v.spec, &v.m, runs)
	v.lay.rasterBars(v.idx, &v.m, runs, g)
	v.fill(pal)
	return true
}

// updateCurve draws the reservation curve c if it changed since the last
// update, and reports whether the picture changed.
func (v *chartView) updateCurve(c *Curve, pal *Palette) bool {
	if !v.refreshCurve(c, pal) {
		return false
	}
	v.img.WritePixels(v.pix.Bytes())
	return true
}

// refreshCurve is updateCurve without the upload.
func (v *chartView) refreshCurve(c *Curve, pal *Palette) bool {
	if v.rect.Empty() || v.img == nil || (!v.stale() && c.Gen == v.curve) {
		return false
	}
	v.curve, v.dirty, v.drawn = c.Gen, false, v.spec
	v.lay.layoutCurve(v.rect.Dx(), v.rect.Dy(), &v.spec, &v.m, c)
	v.lay.rasterCurve(v.idx, &v.m, c)
	v.fill(pal)
	return true
}

// sameValues reports whether a and b hold the same values (NaN equal to
// NaN: a layer with no figure stays so).
func sameValues(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || (x != x && y != y) })
}

// fill fills the picture from the raster and writes the labels.
func (v *chartView) fill(pal *Palette) {
	w, h := v.rect.Dx(), v.rect.Dy()
	if err := FillRGBA(v.pix, Cells{W: w, H: h, Idx: v.idx}, 1, 1, pal); err != nil {
		panic(err) // the raster was made for this picture: a bug, recovered by the frame
	}
	l := &v.lay
	for i := range v.lines {
		c := pal.Muted
		if strongLabel(i) {
			c = pal.Text
		}
		b := v.lines[i].begin(v.face, c)
		if lb := l.label(i); lb != nil && (l.OK || i == 0) {
			b = append(b, lb.buf...)
		}
		v.lines[i].end(b)
	}
}

// draw draws the chart as last updated.
func (v *chartView) draw(dst *ebiten.Image, p *painter) {
	if v.rect.Empty() || v.img == nil {
		return
	}
	p.image(dst, v.img, v.rect.Min.X, v.rect.Min.Y, 1)
	for i := range v.lines {
		if lb := v.lay.label(i); lb != nil && len(v.lines[i].buf) > 0 {
			p.text(dst, &v.lines[i], v.rect.Min.X+lb.X, v.rect.Min.Y+lb.Y)
		}
	}
}
