package render

// rasterFrame fills dst (W x H palette indices) with what every chart
// has: the background, the grid lines at the ticks, the axes left of and
// under the plot with their tick marks. For bars there are no vertical
// grid lines (the bars stand at the ticks).
func (l *chartLayout) rasterFrame(dst []Index, m *chartMetrics, bars bool) {
	if len(dst) > 0 { // Gap everywhere, by doubling copies
		dst[0] = Gap
		for n := 1; n < len(dst); n *= 2 {
			copy(dst[n:], dst[:n])
		}
	}
	p := l.Plot
	if p.Dx() <= 0 || p.Dy() <= 0 {
		return
	}
	for i := range l.NY {
		l.hline(dst, l.YRow[i], p.Min.X, p.Max.X, ChartGrid)
		l.hline(dst, l.YRow[i], p.Min.X-1-m.tick, p.Min.X-1, ChartAxis)
	}
	for i := range l.NX {
		if !bars {
			l.vline(dst, l.XCol[i], p.Min.Y, p.Max.Y, ChartGrid)
		}
		l.vline(dst, l.XCol[i], p.Max.Y, p.Max.Y+1+m.tick, ChartAxis)
	}
	l.vline(dst, p.Min.X-1, p.Min.Y, p.Max.Y+1, ChartAxis)
	l.hline(dst, p.Max.Y, p.Min.X-1, p.Max.X, ChartAxis)
}

// hline sets pixels [x0, x1) of row y to v, inside the chart.
func (l *chartLayout) hline(dst []Index, y, x0, x1 int, v Index) {
	if y < 0 || y >= l.H {
		return
	}
	row := dst[y*l.W : (y+1)*l.W]
	for x := max(0, x0); x < min(x1, l.W); x++ {
		row[x] = v
	}
}

// vline sets rows [y0, y1) of column x to v, inside the chart.
func (l *chartLayout) vline(dst []Index, x, y0, y1 int, v Index) {
	if x < 0 || x >= l.W {
		return
	}
	for y := max(0, y0); y < min(y1, l.H); y++ {
		dst[y*l.W+x] = v
	}
}

// rasterKeys draws the legend's keys: each run's line (A solid, B dashed)
// or bar (A solid, B hatched) as the plot draws it.
func (l *chartLayout) rasterKeys(dst []Index, m *chartMetrics, bars bool) {
	for i, k := range l.Keys {
		if k.Empty() {
			continue
		}
		v := ChartA
		if i == 1 {
			v = ChartB
		}
		if bars {
			top := k.Min.Y + k.Dy()/4
			for y := top; y < k.Max.Y-k.Dy()/8; y++ {
				for x := k.Min.X; x < k.Max.X; x++ {
					dst[y*l.W+x] = barPixel(v, i, x, y)
				}
			}
			continue
		}
		br := brush{l: l, dst: dst, v: v, thick: m.thick, clip: true}
		if i == 1 {
			br.dash = 8 * m.thick
		}
		y := k.Min.Y + k.Dy()/2
		for x := k.Min.X; x < k.Max.X; x++ {
			br.dot(x, y)
		}
	}
}

// barPixel is the index of pixel (x, y) of a bar of run i in colour v:
// run B's bars are hatched with diagonal lines of the background, so
// that colour is not all that tells them from A's.
func barPixel(v Index, run, x, y int) Index {
	if run == 1 && (x+y)%3 == 0 {
		return Gap
	}
	return v
}
