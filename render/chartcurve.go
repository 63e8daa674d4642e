package render

import (
	"math"
	"strconv"
)

// A reservation-curve chart: the KV lines a token LRU of every size would
// have hit over the steps run, one line per scope (global solid, per layer
// dashed), the runs' reservations marked by dotted verticals and Belady's
// MIN at A's size by a cross.

// Curve is the token reservation's curve on the runs' trace, read by the
// app from sim/oracle's LiveCurve: the reserved hits of a token LRU of
// each size over the steps run, in both scopes, in percent of the KV
// lines those steps gather. Sizes are evenly spaced from 0 to MaxBytes.
type Curve struct {
	MaxBytes      int64     // the largest reservation the cache allows, in bytes
	SlotBytes     int64     // bytes per token slot (0: not said)
	Global, Layer []float64 // percent, at sizes i*MaxBytes/(len-1)
	Marks         [2]int64  // A's and B's reservation in bytes (0: none)
	// MIN is Belady's MIN's percent at A's reservation in A's scope, NaN
	// when not measured.
	MIN     float64
	Scope   string // A's scope, the scope MIN was measured in
	Steps   int    // the steps counted
	Behind  int    // the steps run but not counted yet (the count catches up)
	Problem string // why there is no curve ("" when there is)
	Gen     uint64 // changes whenever anything above does
}

// curveUnit is the unit the horizontal axis counts: MiB for reservations
// of 8 MiB and more, else KiB; and the axis's caption, with MIN's cross
// named when the chart shows it.
func curveUnit(maxBytes int64, min bool) (bytes int64, caption string) {
	switch {
	case maxBytes >= 8<<20 && min:
		return 1 << 20, "reserve (MiB), × MIN"
	case maxBytes >= 8<<20:
		return 1 << 20, "reserve (MiB)"
	case min:
		return 1 << 10, "reserve (KiB), × MIN"
	}
	return 1 << 10, "reserve (KiB)"
}

// curveSpec is the spec of the curve chart for c (a new one for each of
// its generations: see chartsView.update).
func curveSpec(c *Curve) chartSpec {
	_, caption := curveUnit(c.MaxBytes, c.MIN == c.MIN)
	s := chartSpec{title: "Token LRU: reserved KV hits by size (%)", names: [2]string{"global", "per layer"}, caption: caption, curve: true}
	switch {
	case c.Problem != "":
		s.title, s.names, s.caption = "Token LRU curve: "+c.Problem, [2]string{}, ""
	case c.Behind > 0:
		s.title = "Token LRU curve: counting, " + strconv.Itoa(c.Steps) + " of " + strconv.Itoa(c.Steps+c.Behind) + " steps"
	}
	return s
}

// sizeCol is the pixel column of a reservation of b bytes.
func (l *chartLayout) sizeCol(b, maxBytes int64) int {
	pw := int64(l.Plot.Dx())
	if maxBytes <= 0 {
		return l.Plot.Min.X
	}
	return l.Plot.Min.X + int((min(max(b, 0), maxBytes)*(pw-1)+maxBytes/2)/maxBytes)
}

// layoutCurve lays out the curve chart of w x h for c: the value axis from
// the data (and MIN), the sizes' ticks in the unit of curveUnit.
func (l *chartLayout) layoutCurve(w, h int, s *chartSpec, m *chartMetrics, c *Curve) {
	maxTicks := l.frame(w, h, s, m)
	top := 0.0
	if c.Problem == "" {
		for _, v := range c.Global {
			top = max(top, v)
		}
		for _, v := range c.Layer {
			top = max(top, v)
		}
		if c.MIN == c.MIN {
			top = max(top, c.MIN)
		}
	}
	l.values(niceAxis(min(top, 100), maxTicks, false), m)
	l.clearX()
	if c.Problem != "" || c.MaxBytes <= 0 {
		return
	}
	unit, _ := curveUnit(c.MaxBytes, false)
	most := int(c.MaxBytes / unit)
	// As many ticks as the labels' widths allow, and at most chartMaxTicks.
	step := max(l.ticksFor(max(most, 1), most, m), int(niceStep(float64(most)/float64(chartMaxTicks-1))))
	for v := 0; v <= most; v += step {
		l.addX(v, l.sizeCol(int64(v)*unit, c.MaxBytes), m)
	}
}

// rasterCurve draws a laid-out curve chart into dst (W x H palette
// indices): the frame, the marks, the per-layer curve dashed and the
// global one solid over it, and MIN's cross.
func (l *chartLayout) rasterCurve(dst []Index, m *chartMetrics, c *Curve) {
	l.rasterFrame(dst, m, false)
	if c.Problem == "" && l.OK {
		for i, mark := range c.Marks {
			if mark > 0 && (i == 0 || mark != c.Marks[0]) {
				l.dotted(dst, l.sizeCol(mark, c.MaxBytes), m)
			}
		}
		for i, pts := range [2][]float64{c.Layer, c.Global} {
			br := brush{l: l, dst: dst, v: ChartA, thick: m.thick}
			if i == 0 {
				br.v, br.dash = ChartB, 8*m.thick
			}
			l.polyline(&br, pts, c.MaxBytes)
		}
		if c.MIN == c.MIN && c.Marks[0] > 0 {
			l.cross(dst, l.sizeCol(c.Marks[0], c.MaxBytes), l.rowOf(c.MIN), m)
		}
	}
	l.rasterKeys(dst, m, false)
}

// polyline draws values at evenly spaced sizes from 0 to maxBytes, a NaN
// leaving a gap.
func (l *chartLayout) polyline(br *brush, pts []float64, maxBytes int64) {
	if len(pts) < 2 {
		return
	}
	px, py, have := 0, 0, false
	for i, v := range pts {
		if math.IsNaN(v) {
			have = false
			continue
		}
		x := l.sizeCol(int64(i)*maxBytes/int64(len(pts)-1), maxBytes)
		y := l.rowOf(v)
		if have {
			br.line(px, py, x, y)
		} else {
			br.dot(x, y)
		}
		px, py, have = x, y, true
	}
}

// dotted draws a dotted vertical across the plot at column x, in the
// axes' colour: a reservation's size.
func (l *chartLayout) dotted(dst []Index, x int, m *chartMetrics) {
	period := 2 * max(1, m.thick)
	for y := l.Plot.Min.Y; y < l.Plot.Max.Y; y++ {
		if (y-l.Plot.Min.Y)%period < period/2 {
			l.hline(dst, y, x, x+max(1, m.thick/2), ChartAxis)
		}
	}
}

// cross draws an × centred on (x, y), in the axes' colour: MIN's figure.
func (l *chartLayout) cross(dst []Index, x, y int, m *chartMetrics) {
	arm := max(2, m.lineH/3)
	br := brush{l: l, dst: dst, v: ChartAxis, thick: m.thick}
	br.line(x-arm, y-arm, x+arm, y+arm)
	br.line(x-arm, y+arm, x+arm, y-arm)
}
