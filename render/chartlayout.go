package render

import (
	"image"
	"unicode/utf8"
)

// chartMaxTicks bounds the ticks of either axis of a chart.
const chartMaxTicks = 8

// chartSpec is what a chart shows, set once by its owner.
type chartSpec struct {
	title   string    // with its unit: "KV hit rate (%)"
	names   [2]string // the runs' short names; names[1] == "": one run
	caption string    // what the horizontal axis counts: "step", "layer"
	bars    bool      // a bar chart (per layer), else lines over the latest steps
	curve   bool      // a reservation curve (Curve), not a chart of the runs' steps
	percent bool      // the values are percentages: the axis is 0 to 100
	integer bool      // the values are counts: whole-number ticks
	// span is the steps a time-series window spans, 2..ChartWindow (0:
	// ChartWindow): a run of fewer steps fills the width.
	span int
}

// window is the span of a time-series chart, in steps.
func (s *chartSpec) window() int {
	if s.span < 2 || s.span > ChartWindow {
		return ChartWindow
	}
	return s.span
}

// runs is the number of runs the chart compares: 1 or 2.
func (s *chartSpec) runs() int {
	if s.names[1] == "" {
		return 1
	}
	return 2
}

// chartMetrics are the sizes a chart's text and lines take, in device
// pixels: measure gives the width of a text in the labels' face.
type chartMetrics struct {
	lineH   int // height of a line of label text
	tick    int // length of a tick mark
	thick   int // thickness of a line of data
	measure func(b []byte) int
	dots    int // the width of "…", measured at the first use
}

// ellipsis is the width of "…".
func (m *chartMetrics) ellipsis() int {
	if m.dots == 0 {
		m.dots = max(1, m.measure([]byte("…")))
	}
	return m.dots
}

// chartLabel is one text of a chart and where its top-left corner goes,
// in the chart's coordinates; its bytes are reused from layout to layout.
type chartLabel struct {
	buf  []byte
	X, Y int
	W    int
}

// set writes s into the label and measures it.
func (l *chartLabel) set(s string, m *chartMetrics) { l.setBytes(append(l.buf[:0], s...), m) }

// setBytes keeps b as the label's text and measures it.
func (l *chartLabel) setBytes(b []byte, m *chartMetrics) { l.buf, l.W = b, m.measure(b) }

// fit shortens the label to at most maxW pixels, ending it with "…".
func (l *chartLabel) fit(maxW int, m *chartMetrics) {
	b := l.buf
	for l.W > maxW && len(b) > 0 {
		_, n := utf8.DecodeLastRune(b)
		b = b[:len(b)-n]
		l.W = m.measure(append(b, "…"...))
	}
	if len(b) < len(l.buf) {
		l.buf = append(b, "…"...)
		l.W = m.measure(l.buf)
	}
}

// chartLayout places everything of a chart of W x H pixels: the title
// and the legend on top, the plot, the ticks of both axes with their
// labels, and the caption of the horizontal axis in the bottom-left
// corner. It is plain data, computed in plain Go (and tested), drawn by
// the raster functions and chartView.
type chartLayout struct {
	W, H    int
	span    int             // steps of a time-series window (chartSpec.window)
	Plot    image.Rectangle // the data area; the axes run just outside it
	Title   chartLabel
	Caption chartLabel
	Names   [2]chartLabel
	Keys    [2]image.Rectangle // each run's legend key: its line or bar style
	Axis    valueAxis
	YRow    [chartMaxTicks]int // pixel row of each value tick
	Y       [chartMaxTicks]chartLabel
	NY      int
	XCol    [chartMaxTicks]int // pixel column of each tick of the horizontal axis
	X       [chartMaxTicks]chartLabel
	NX      int
	scratch []byte // the widest label of the horizontal axis
	cramped bool   // too narrow for the legend's names, even cut to "…"
	// OK reports that the plot has room for data (at least a line of
	// text high and four wide); otherwise nothing but the background is
	// drawn, and no label.
	OK bool
}

// chartLabels is the most labels a chart has: the title, the caption,
// two names and the ticks of both axes; see label.
const chartLabels = 4 + 2*chartMaxTicks

// label returns label i (0 <= i < chartLabels) of the chart: the title,
// the caption, the names, the value ticks' labels, the other axis's; nil
// for a tick beyond the axis's ticks.
func (l *chartLayout) label(i int) *chartLabel {
	switch {
	case i == 0:
		return &l.Title
	case i == 1:
		return &l.Caption
	case i < 4:
		return &l.Names[i-2]
	case i < 4+chartMaxTicks:
		if i-4 < l.NY {
			return &l.Y[i-4]
		}
		return nil
	}
	if j := i - 4 - chartMaxTicks; j < l.NX {
		return &l.X[j]
	}
	return nil
}

// strongLabel reports whether label i is written in the text colour (the
// title and the names), not the muted colour of the axes.
func strongLabel(i int) bool { return i == 0 || i == 2 || i == 3 }

// frame lays out the title, the legend and the plot's top and bottom for
// a chart of w x h, and returns how many value ticks fit its height.
func (l *chartLayout) frame(w, h int, s *chartSpec, m *chartMetrics) (maxTicks int) {
	l.W, l.H = w, h
	l.Title.set(s.title, m)
	l.Title.X, l.Title.Y = 0, 0
	key, gap := 2*m.lineH, max(1, m.lineH/3)
	l.Title.fit(w, m)
	room := (w-s.runs()*(key+gap)-(s.runs()-1)*m.lineH)/s.runs() - 1
	l.cramped = room < m.ellipsis()
	legendW := 0
	for i := range s.runs() {
		l.Names[i].set(s.names[i], m)
		l.Names[i].fit(room, m)
		legendW += key + gap + l.Names[i].W + m.lineH
	}
	legendW -= m.lineH
	rows, x := 1, w-legendW
	if l.Title.W+m.lineH > x {
		rows, x = 2, 0
	}
	y := (rows - 1) * m.lineH
	for i := range s.runs() {
		l.Keys[i] = image.Rect(x, y, x+key, y+m.lineH)
		l.Names[i].X, l.Names[i].Y = x+key+gap, y
		x += key + gap + l.Names[i].W + m.lineH
	}
	if s.runs() == 1 {
		l.Names[1] = chartLabel{buf: l.Names[1].buf[:0]}
		l.Keys[1] = image.Rectangle{}
	}
	l.Caption.set(s.caption, m)
	l.Caption.fit(w, m)
	l.Caption.X, l.Caption.Y = 0, h-m.lineH
	l.Plot.Min.Y = rows*m.lineH + m.lineH/2
	// Room under the axis for its ticks, and for the lowest value label
	// centred on the axis above the step labels.
	l.Plot.Max.Y = h - m.lineH - max(m.tick+1, (m.lineH+1)/2)
	return max(2, min(chartMaxTicks, 1+l.Plot.Dy()*5/(6*m.lineH)))
}

// percentFor returns the percent axis with as many of its ticks (every
// 25, 50 or 100) as fit.
func percentFor(maxTicks int) valueAxis {
	switch {
	case maxTicks >= 5:
		return percentAxis
	case maxTicks >= 3:
		return valueAxis{Max: 100, Step: 50}
	}
	return valueAxis{Max: 100, Step: 100}
}

// values places the value axis: its tick labels right-aligned left of the
// plot, which takes the width they leave.
func (l *chartLayout) values(a valueAxis, m *chartMetrics) {
	l.Axis = a
	l.NY = min(a.Ticks(), chartMaxTicks)
	sc := scaleFor(a)
	widest := 0
	for i := range l.NY {
		l.Y[i].setBytes(appendTick(l.Y[i].buf[:0], float64(i)*a.Step, sc), m)
		widest = max(widest, l.Y[i].W)
	}
	gap := max(1, m.lineH/4)
	l.Plot.Min.X = widest + gap + m.tick + 1
	l.Plot.Max.X = l.W - max(m.thick, m.lineH/2)
	l.OK = !l.cramped && l.Plot.Dx() >= 4*m.lineH && l.Plot.Dy() >= m.lineH
	if !l.OK {
		l.Plot, l.NY, l.NX = image.Rectangle{}, 0, 0
		return
	}
	for i := range l.NY {
		l.YRow[i] = l.rowOf(float64(i) * a.Step)
		l.Y[i].X = l.Plot.Min.X - 1 - m.tick - gap - l.Y[i].W
		l.Y[i].Y = min(max(0, l.YRow[i]-m.lineH/2), l.H-m.lineH)
	}
}

// rowOf is the pixel row of value v on the value axis, clamped to the plot.
func (l *chartLayout) rowOf(v float64) int {
	ph := l.Plot.Dy() - 1
	r := int(v/l.Axis.Max*float64(ph) + 0.5)
	if !(v > 0) {
		r = 0
	}
	return l.Plot.Max.Y - 1 - min(ph, max(0, r))
}

// ticksFor returns the step (1, 2 or 5 times a power of ten, at least 1)
// between labelled ticks of the horizontal axis so that labels as wide as
// that of widest fit span values across the plot.
func (l *chartLayout) ticksFor(span, widest int, m *chartMetrics) int {
	l.scratch = appendCommas(l.scratch[:0], int64(widest))
	fit := max(1, l.Plot.Dx()/(m.measure(l.scratch)+m.lineH))
	return int(niceStep(max(1, float64(span)/float64(fit))))
}

// clearX forgets the ticks of the horizontal axis.
func (l *chartLayout) clearX() { l.NX = 0 }

// addX adds a tick of the horizontal axis at column col labelled v,
// centred under it inside the chart; a label that would overlap the
// previous one or the caption is left out (the tick stays).
func (l *chartLayout) addX(v int, col int, m *chartMetrics) {
	if l.NX == chartMaxTicks || !l.OK {
		return
	}
	lb := &l.X[l.NX]
	lb.setBytes(appendCommas(lb.buf[:0], int64(v)), m)
	lb.X = min(max(0, col-lb.W/2), l.W-lb.W)
	lb.Y = l.H - m.lineH
	left := l.Caption.X + l.Caption.W + m.lineH/2
	for i := l.NX - 1; i >= 0; i-- {
		if len(l.X[i].buf) > 0 {
			left = max(left, l.X[i].X+l.X[i].W+m.lineH/2)
			break
		}
	}
	if lb.X < left {
		lb.buf = lb.buf[:0]
	}
	l.XCol[l.NX] = col
	l.NX++
}
