package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// runSeries are the figures a run's charts plot, read from its history:
// one value per completed step over the latest ChartWindow steps, and the
// KV hit rate of each layer in the last completed step.
type runSeries struct {
	eng      engine.View // the run they were read from
	steps    int         // its completed steps when read
	hit      Series      // KV hit rate, percent
	blocking Series      // blocking misses
	tokens   Series      // estimated tokens/s
	layers   []float64   // KV hit rate per layer, percent (NaN: nothing gathered)
}

// read brings the series up to date with run v: it appends the steps
// completed since the last read, or reads the latest ChartWindow steps
// again after a reset or a jump back. It reports whether anything changed.
func (s *runSeries) read(v engine.View) bool {
	h := v.History()
	if v == s.eng && len(h) == s.steps {
		return false
	}
	from := s.steps
	if v != s.eng || len(h) < s.steps {
		s.hit.Reset()
		s.blocking.Reset()
		s.tokens.Reset()
		from = max(0, len(h)-ChartWindow)
	}
	s.eng, s.steps = v, len(h)
	for _, st := range h[max(from, len(h)-ChartWindow):] {
		s.hit.Push(100 * st.KVHitRate())
		s.blocking.Push(float64(st.BlockingMisses))
		s.tokens.Push(finiteOrNaN(st.TokensPerSecond()))
	}
	last := v.LastStep()
	s.layers = resize(s.layers, len(last.Layers))
	for i := range last.Layers {
		s.layers[i] = math.NaN()
		if kv := last.Layers[i].Class[workload.KV]; last.Step >= 0 && kv.Accesses > 0 {
			s.layers[i] = 100 * last.Layers[i].Class.KVHitRate()
		}
	}
	return true
}

// finiteOrNaN is x, or NaN (no figure) for an infinite one.
func finiteOrNaN(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// chartsView shows the runs' charts: along the top KV hit rate, blocking
// misses and estimated tokens/s over the latest steps; below, the KV hit
// rate of each layer in the last step and, twice as wide, the token
// reservation's curve on the runs' trace. A and B in each of the first
// four when comparing.
type chartsView struct {
	runs   [2]runSeries
	charts [5]chartView
	names  [2]string // the runs' legend names the specs were made for
	none   Curve     // the curve shown when the app gives none
	// curveOf is the curve the curve chart's spec was made for, and
	// curveGen its generation then (the spec is made again only when the
	// curve changes, so that a frame allocates nothing).
	curveOf  *Curve
	curveGen uint64
	covers   [len(chartKinds)]coverage // what each chart drew last
}

// chartKinds are the charts in grid order.
var chartKinds = [5]chartKind{chartHitRate, chartBlocking, chartTokens, chartLayerHit, chartCurve}

// chartCell is where chart i of the grid goes in r, m pixels apart: three
// along the top, the layer chart and the curve (two cells wide) below.
func chartCell(i int, r image.Rectangle, m int) image.Rectangle {
	w, h := (r.Dx()-2*m)/3, (r.Dy()-m)/2
	if w <= 0 || h <= 0 || r.Empty() {
		return image.Rectangle{}
	}
	col, row, span := i%3, i/3, 1
	if i == 4 {
		col, span = 1, 2
	}
	x, y := r.Min.X+col*(w+m), r.Min.Y+row*(h+m)
	return image.Rect(x, y, x+span*w+(span-1)*m, y+h)
}

// runName is a run's name in the charts' legend: its letter when
// comparing, and its reservation.
func runName(letter string, cfg config.Config) string {
	name := cfg.Mode
	if cfg.Mode != config.ModeNone {
		name += " " + cfg.Reserve.String()
	}
	if letter == "" {
		return name
	}
	return letter + ": " + name
}

// layout places the four charts in r, two by two.
func (v *chartsView) layout(r image.Rectangle, f *fonts, runs Runs) {
	n := runs.count()
	names := [2]string{}
	if n == 1 {
		names[0] = runName("", runs.A.Config())
	} else if n == 2 {
		names = [2]string{runName("A", runs.A.Config()), runName("B", runs.B.Config())}
	}
	v.names = names
	m := px(marginSize, f.zoom)
	span := 0
	if n > 0 {
		span = runs.A.Config().Steps
	}
	for i := range v.charts {
		c := &v.charts[i]
		c.spec = chartSpecFor(chartKinds[i], names[0], names[1])
		v.curveOf = nil // the curve chart's spec is made again at the next update
		c.spec.span = span
		c.layout(chartCell(i, r, m), f)
	}
}

// update reads the runs and redraws the charts whose data changed (curve
// nil: no curve), and reports which did.
func (v *chartsView) update(runs Runs, curve *Curve, pal *Palette) chartSet {
	n := runs.count()
	for i := range n {
		v.runs[i].read(runs.at(i))
	}
	var b *runSeries
	if n == 2 {
		b = &v.runs[1]
	}
	a := &v.runs[0]
	var changed chartSet
	for i := range v.charts {
		c := &v.charts[i]
		var drew bool
		switch chartKinds[i] {
		case chartCurve:
			if curve == nil {
				v.none.Problem = "not counted"
				curve = &v.none
			}
			if curve != v.curveOf || curve.Gen != v.curveGen {
				c.spec, v.curveOf, v.curveGen = curveSpec(curve), curve, curve.Gen
			}
			drew = c.updateCurve(curve, pal)
		case chartLayerHit:
			var bl []float64
			if b != nil {
				bl = b.layers
			}
			drew = c.updateBars(a.layers, bl, pal)
		default:
			drew = c.updateLines(a.series(chartKinds[i]), b.series(chartKinds[i]), pal)
		}
		if drew {
			changed |= 1 << i
		}
	}
	return changed
}

// chartSet names charts of the grid by index, one bit each.
type chartSet uint8

// allCharts names every chart.
const allCharts = chartSet(1<<len(chartKinds) - 1)

// series is the run's series of chart k, nil for a nil run.
func (s *runSeries) series(k chartKind) *Series {
	if s == nil {
		return nil
	}
	switch k {
	case chartBlocking:
		return &s.blocking
	case chartTokens:
		return &s.tokens
	}
	return &s.hit
}

// draw draws the charts named in which, each over the pixels it drew
// last cleared to bg (a Draw that keeps the screen), or, with a nil bg,
// over what the scene cleared.
func (v *chartsView) draw(dst *ebiten.Image, p *painter, which chartSet, bg *color.RGBA) {
	for i := range v.charts {
		if which&(1<<i) != 0 {
			c := &v.charts[i]
			v.covers[i].redraw(dst, p, bg, func() { c.draw(dst, p) })
		}
	}
}
