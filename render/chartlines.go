package render

import "image"

// A time-series chart: one or two runs' figure per step over the latest
// ChartWindow steps, as lines (run A solid, run B dashed).

// lineWindow returns the first step the chart shows (1-based): the window
// of span steps ends at the latest step of either run, or starts at step 1.
func lineWindow(runs [2]*Series, span int) int {
	last := 0
	for _, s := range runs {
		if s != nil {
			last = max(last, s.Total())
		}
	}
	return max(1, last-span+1)
}

// slotCol is the pixel column of window slot j (0 for the first step).
func (l *chartLayout) slotCol(j int) int {
	pw := l.Plot.Dx()
	return l.Plot.Min.X + (j*(pw-1)+(l.span-1)/2)/(l.span-1)
}

// layoutLines lays out a time-series chart of w x h for the runs' series
// (runs[1] nil: one run): the value axis from the data (or 0-100 %), the
// step ticks of the window.
func (l *chartLayout) layoutLines(w, h int, s *chartSpec, m *chartMetrics, runs [2]*Series) {
	maxTicks := l.frame(w, h, s, m)
	a := percentFor(maxTicks)
	if !s.percent {
		top := 0.0
		for _, r := range runs {
			if r != nil {
				top = max(top, r.Max())
			}
		}
		a = niceAxis(top, maxTicks, s.integer)
	}
	l.values(a, m)
	l.span = s.window()
	first := lineWindow(runs, l.span)
	last := first + l.span - 1
	step := l.ticksFor(l.span, last, m)
	l.clearX()
	for v := (first + step - 1) / step * step; v <= last; v += step {
		l.addX(v, l.slotCol(v-first), m)
	}
}

// rasterLines draws a laid-out time-series chart into dst (W x H palette
// indices): the frame, then run B dashed and run A solid over it.
func (l *chartLayout) rasterLines(dst []Index, m *chartMetrics, runs [2]*Series) {
	l.rasterFrame(dst, m, false)
	first := lineWindow(runs, l.span)
	for i := 1; i >= 0; i-- {
		r := runs[i]
		if r == nil {
			continue
		}
		br := brush{l: l, dst: dst, v: ChartA, thick: m.thick}
		if i == 1 {
			br.v, br.dash = ChartB, 8*m.thick
		}
		base := r.Total() - r.Len() + 1 - first // slot of r.At(0)
		px, py, have := 0, 0, false
		for k := range r.Len() {
			j := base + k
			v := r.At(k)
			if j < 0 || v != v { // before the window, or NaN: a gap
				have = false
				continue
			}
			x, y := l.slotCol(j), l.rowOf(v)
			if have {
				br.line(px, py, x, y)
			} else {
				br.dot(x, y)
			}
			px, py, have = x, y, true
		}
	}
	l.rasterKeys(dst, m, false)
}

// brush draws lines of thickness thick in index v into a chart, clipped
// to its plot (or, with clip, to the whole chart: the legend's keys);
// with dash > 0, only in the first 5/8 of every dash columns.
type brush struct {
	l     *chartLayout
	dst   []Index
	v     Index
	thick int
	dash  int
	clip  bool
}

// bounds is the rectangle the brush paints in.
func (b *brush) bounds() image.Rectangle {
	if b.clip {
		return image.Rect(0, 0, b.l.W, b.l.H)
	}
	return b.l.Plot
}

// dot paints the thick x thick square whose centre is about (x, y).
func (b *brush) dot(x, y int) { b.span(x, y, y) }

// span paints column x from row ya to row yb (either order), thick
// pixels wide and thick-1 pixels longer, centred.
func (b *brush) span(x, ya, yb int) {
	r := b.bounds()
	if b.dash > 0 && (x-r.Min.X)%b.dash >= b.dash*5/8 {
		return
	}
	lo, hi := min(ya, yb)-(b.thick-1)/2, max(ya, yb)+b.thick/2
	lo, hi = max(lo, r.Min.Y), min(hi+1, r.Max.Y)
	for xx := max(x, r.Min.X); xx < min(x+b.thick, r.Max.X); xx++ {
		for y := lo; y < hi; y++ {
			b.dst[y*b.l.W+xx] = b.v
		}
	}
}

// line paints the segment from (x0, y0) to (x1, y1), x0 <= x1, a column
// at a time: each column from the segment's row there to the row just
// short of the next column's, so that the line stays connected however
// steep, and every pixel is painted about once.
func (b *brush) line(x0, y0, x1, y1 int) {
	if x1 <= x0 {
		b.span(x0, y0, y1)
		return
	}
	dx := x1 - x0
	rowAt := func(x int) int { // rounded to the nearest row
		n := (y1 - y0) * (x - x0)
		return y0 + (2*n+sign(n)*dx)/(2*dx)
	}
	ya := y0
	for x := x0; x < x1; x++ {
		yb := rowAt(x + 1)
		end := yb - sign(yb-ya) // stop a row short: the next column starts there
		b.span(x, ya, end)
		ya = yb
	}
	b.span(x1, y1, y1)
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
