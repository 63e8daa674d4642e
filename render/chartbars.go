package render

import "math"

// A bar chart per layer: one or two runs' figure for each layer (KV hit
// rate), side by side in groups; when layers outnumber the pixels, each
// group stands for a bin of neighbouring layers and shows their mean.

// barGroups is how a bar chart's plot is split into groups of bars:
// group k spans pixels [k*w/n, (k+1)*w/n) of the plot, so that the groups
// fill it (their widths differ by a pixel at most).
type barGroups struct {
	per   int // layers per group
	n     int // groups
	w     int // pixels of the plot
	gap   int // pixels between two groups
	runs  int // bars per group
	layer int // layers in all
}

// groupsFor splits plotW pixels among layers for runs bars per group:
// the fewest layers per group that leave every bar a pixel and every
// group a pixel of gap.
func groupsFor(layers, plotW, runs int) barGroups {
	g := barGroups{layer: layers, per: 1, w: plotW, runs: runs}
	if layers <= 0 || plotW <= 0 {
		return g
	}
	for g.per < layers && plotW/((layers+g.per-1)/g.per) < runs+1 {
		g.per++
	}
	g.n = (layers + g.per - 1) / g.per
	narrowest := plotW / g.n
	g.gap = max(1, narrowest/4)
	if narrowest-g.gap < runs {
		g.gap = max(0, narrowest-runs)
	}
	return g
}

// span returns the pixel columns (from the plot's left) of group k.
func (g *barGroups) span(k int) (x0, x1 int) { return k * g.w / g.n, (k + 1) * g.w / g.n }

// bar returns the pixel columns of run i's bar in group k.
func (g *barGroups) bar(k, i int) (x0, x1 int) {
	a, b := g.span(k)
	bw := max(1, (b-a-g.gap)/g.runs)
	x0 = a + (b-a-bw*g.runs)/2 + i*bw
	return x0, x0 + bw
}

// centre is the pixel column (from the plot's left) of the middle of the
// group holding layer li.
func (g *barGroups) centre(li int) int {
	a, b := g.span(li / g.per)
	return (a + b) / 2
}

// mean is the mean of the values of group k's layers, ignoring NaNs; NaN
// when there is none.
func (g *barGroups) mean(v []float64, k int) float64 {
	sum, n := 0.0, 0
	for _, x := range v[k*g.per : min((k+1)*g.per, len(v))] {
		if x == x {
			sum += x
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// layoutBars lays out a bar chart of w x h for the runs' values per layer
// (runs[1] nil: one run).
func (l *chartLayout) layoutBars(w, h int, s *chartSpec, m *chartMetrics, runs [2][]float64) barGroups {
	maxTicks := l.frame(w, h, s, m)
	a := percentFor(maxTicks)
	layers := len(runs[0])
	if !s.percent {
		top := 0.0
		for _, r := range runs {
			for _, v := range r {
				top = max(top, v)
			}
		}
		a = niceAxis(top, maxTicks, s.integer)
	}
	l.values(a, m)
	g := groupsFor(layers, l.Plot.Dx(), s.runs())
	step := l.ticksFor(layers, layers, m)
	l.clearX()
	for n := step; n <= layers; n += step {
		l.addX(n, l.Plot.Min.X+g.centre(n-1), m)
	}
	return g
}

// rasterBars draws a laid-out bar chart into dst (W x H palette indices).
func (l *chartLayout) rasterBars(dst []Index, m *chartMetrics, runs [2][]float64, g barGroups) {
	l.rasterFrame(dst, m, true)
	p := l.Plot
	for i, r := range runs {
		if r == nil || len(r) != g.layer {
			continue
		}
		for k := range g.n {
			v := g.mean(r, k)
			if v != v {
				continue
			}
			if !(v > 0) {
				continue
			}
			x0, x1 := g.bar(k, i)
			x0, x1 = p.Min.X+x0, min(p.Min.X+x1, p.Max.X)
			top := l.rowOf(v)
			val := ChartA
			if i == 1 {
				val = ChartB
			}
			for y := top; y < p.Max.Y; y++ {
				row := dst[y*l.W:]
				for x := x0; x < x1; x++ {
					row[x] = barPixel(val, i, x, y)
				}
			}
		}
	}
	l.rasterKeys(dst, m, true)
}
