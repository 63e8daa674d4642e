package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeWidth is a measure without a face: every rune w pixels wide.
func runeWidth(w int) func([]byte) int {
	return func(b []byte) int { return w * utf8.RuneCount(b) }
}

// smallMetrics are the metrics of the golden charts: 8-pixel lines of
// 4-pixel runes, 2-pixel ticks, 1-pixel lines.
func smallMetrics() chartMetrics {
	return chartMetrics{lineH: 8, tick: 2, thick: 1, measure: runeWidth(4)}
}

// wave pushes n values of f(step) (1-based) into a new series.
func wave(n int, f func(step int) float64) *Series {
	s := &Series{}
	for i := 1; i <= n; i++ {
		s.Push(f(i))
	}
	return s
}

// chartCase is one chart of the golden tests and the previews.
type chartCase struct {
	name  string
	spec  chartSpec
	lines [2]*Series
	bars  [2][]float64
	curve *Curve
}

func hitRateSpec() chartSpec {
	return chartSpec{title: "KV hit rate (%)", names: [2]string{"A none", "B tokens"}, caption: "step", percent: true}
}

func chartCases() []chartCase {
	hitA := wave(180, func(s int) float64 { return 35 + 15*math.Sin(float64(s)/9) })
	hitB := wave(180, func(s int) float64 {
		if s > 100 && s <= 110 {
			return math.NaN() // steps with no figure: a gap
		}
		return 72 + 10*math.Sin(float64(s)/5)
	})
	blockA := wave(450, func(s int) float64 { return float64(1800 + (s*37)%900) })
	blockB := wave(450, func(s int) float64 { return float64(400 + (s*53)%500) })
	tokA := wave(300, func(s int) float64 { return 41 + 3*math.Sin(float64(s)/20) })
	layers := func(n int, f func(l int) float64) []float64 {
		v := make([]float64, n)
		for l := range v {
			v[l] = f(l)
		}
		return v
	}
	barsA := layers(61, func(l int) float64 { return 20 + float64(l%7)*5 })
	barsB := layers(61, func(l int) float64 { return 60 + float64(l%5)*8 })
	// A curve like the LRU's: rising, then flat once every reused token
	// fits; per layer below global at small sizes.
	curve := &Curve{MaxBytes: 48 << 20, Marks: [2]int64{20 << 20, 0}, MIN: 31, Scope: "global"}
	for i := range 49 {
		x := float64(i) / 48
		curve.Global = append(curve.Global, 28*(1-math.Exp(-4*x)))
		curve.Layer = append(curve.Layer, 30*(1-math.Exp(-2.5*x)))
	}
	small := &Curve{MaxBytes: 56 << 10, Marks: [2]int64{64 << 10, 128 << 10}, MIN: math.NaN(),
		Global: []float64{0, 40, 75, 90, 92}, Layer: []float64{0, math.NaN(), 60, 88, 92}}
	packed := &Curve{Problem: "not in the packed layout", MIN: math.NaN()}
	return []chartCase{
		{name: "chart-curve", spec: curveSpec(curve), curve: curve},
		{name: "chart-curve-kib", spec: curveSpec(small), curve: small},
		{name: "chart-curve-problem", spec: curveSpec(packed), curve: packed},
		{name: "chart-hitrate", spec: hitRateSpec(), lines: [2]*Series{hitA, hitB}},
		{name: "chart-blocking", spec: chartSpec{title: "Blocking misses per step", names: [2]string{"A", "B"}, caption: "step", integer: true}, lines: [2]*Series{blockA, blockB}},
		{name: "chart-tokens-one-run", spec: chartSpec{title: "Est. tokens/s", names: [2]string{"A"}, caption: "step"}, lines: [2]*Series{tokA}},
		{name: "chart-bars", spec: chartSpec{title: "KV hit rate by layer (%)", names: [2]string{"A", "B"}, caption: "layer", bars: true, percent: true}, bars: [2][]float64{barsA, barsB}},
		{name: "chart-bars-few", spec: chartSpec{title: "KV hit %", names: [2]string{"A"}, caption: "layer", bars: true, percent: true}, bars: [2][]float64{{90, 45, math.NaN(), 10}}},
	}
}

// raster lays out and draws the chart at w x h.
func (c *chartCase) raster(w, h int, m *chartMetrics) (*chartLayout, []Index) {
	l := &chartLayout{}
	idx := make([]Index, w*h)
	if c.curve != nil {
		l.layoutCurve(w, h, &c.spec, m, c.curve)
		l.rasterCurve(idx, m, c.curve)
	} else if c.spec.bars {
		g := l.layoutBars(w, h, &c.spec, m, c.bars)
		l.rasterBars(idx, m, c.bars, g)
	} else {
		l.layoutLines(w, h, &c.spec, m, c.lines)
		l.rasterLines(idx, m, c.lines)
	}
	return l, idx
}

// rgbaOf maps a raster through the default palette, as the view does.
func rgbaOf(t testing.TB, idx []Index, w, h int) *image.RGBA {
	pal := DefaultPalette()
	pix := NewPixels(w * h)
	if err := FillRGBA(pix, Cells{W: w, H: h, Idx: idx}, 1, 1, &pal); err != nil {
		t.Fatal(err)
	}
	return &image.RGBA{Pix: bytes.Clone(pix.Bytes()), Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
}

// goldenPNG compares img with testdata/name.png pixel for pixel, or
// rewrites it with -update.
func goldenPNG(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s is %v, the chart %v", path, want.Bounds(), img.Bounds())
	}
	diff := 0
	for y := range img.Rect.Dy() {
		for x := range img.Rect.Dx() {
			r, g, b, a := want.At(x, y).RGBA()
			c := img.RGBAAt(x, y)
			if [4]uint32{r >> 8, g >> 8, b >> 8, a >> 8} != [4]uint32{uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)} {
				if diff == 0 {
					t.Errorf("%s: first difference at (%d, %d): got %v, want %v", path, x, y, c, want.At(x, y))
				}
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("%s: %d pixels differ (run go test -update to accept)", path, diff)
	}
}

func TestChartGolden(t *testing.T) {
	m := smallMetrics()
	for _, c := range chartCases() {
		t.Run(c.name, func(t *testing.T) {
			_, idx := c.raster(120, 60, &m)
			goldenPNG(t, c.name, rgbaOf(t, idx, 120, 60))
		})
	}
}

// labelText lists a layout's labels as "text @x,y" lines.
func labelText(l *chartLayout) string {
	var b strings.Builder
	for k := range chartLabels {
		if lb := l.label(k); lb != nil && len(lb.buf) > 0 {
			fmt.Fprintf(&b, "%q @%d,%d\n", lb.buf, lb.X, lb.Y)
		}
	}
	return b.String()
}

// TestChartLabelsGolden keeps the labels of the golden charts: their
// texts and places (read beside the PNGs).
func TestChartLabelsGolden(t *testing.T) {
	m := smallMetrics()
	var b strings.Builder
	for _, c := range chartCases() {
		l, _ := c.raster(120, 60, &m)
		fmt.Fprintf(&b, "%s: plot %v\n%s\n", c.name, l.Plot, labelText(l))
	}
	golden(t, "chart-labels.golden", b.String())
}

// labelRect is where a label's text goes.
func labelRect(lb *chartLabel, m *chartMetrics) image.Rectangle {
	return image.Rect(lb.X, lb.Y, lb.X+lb.W, lb.Y+m.lineH)
}

// TestChartLayoutProperties lays out every chart at many sizes and checks
// that every label lies inside the chart and apart from every other, that
// the plot lies inside, that the value labels count the axis's ticks, and
// that the step labels are the window's multiples of one step.
func TestChartLayoutProperties(t *testing.T) {
	for _, tc := range []chartMetrics{smallMetrics(), {lineH: 17, tick: 3, thick: 2, measure: runeWidth(7)}} {
		for _, c := range chartCases() {
			for w := 100; w <= 700; w += 37 {
				for h := 50; h <= 260; h += 23 {
					m := tc
					l, _ := c.raster(w, h, &m)
					where := fmt.Sprintf("%s at %dx%d (line %d)", c.name, w, h, m.lineH)
					bounds := image.Rect(0, 0, w, h)
					if !l.OK {
						if w >= 200 && h >= 80 {
							t.Fatalf("%s: no room for the plot", where)
						}
						continue
					}
					if !l.Plot.In(bounds) || l.Plot.Dx() < 10 || l.Plot.Dy() < 5 {
						t.Fatalf("%s: plot %v, want a plot inside %v", where, l.Plot, bounds)
					}
					var placed []image.Rectangle
					for k := range chartLabels {
						lb := l.label(k)
						if lb == nil || len(lb.buf) == 0 {
							continue
						}
						r := labelRect(lb, &m)
						if !r.In(bounds) {
							t.Fatalf("%s: label %q at %v outside the chart", where, lb.buf, r)
						}
						for _, o := range placed {
							if r.Overlaps(o) {
								t.Fatalf("%s: label %q at %v overlaps another at %v:\n%s", where, lb.buf, r, o, labelText(l))
							}
						}
						placed = append(placed, r)
					}
					if l.NY != l.Axis.Ticks() {
						t.Fatalf("%s: %d value labels for an axis of %d ticks", where, l.NY, l.Axis.Ticks())
					}
					if !c.spec.bars {
						if c.curve != nil && c.curve.Problem == "" && l.NX < 2 {
							t.Fatalf("%s: %d size ticks, want at least 0 and another", where, l.NX)
						}
						if c.curve != nil && c.curve.Problem == "" && l.XCol[l.NX-1]-l.Plot.Min.X < l.Plot.Dx()/2 {
							t.Fatalf("%s: the size ticks end at column %d, short of the plot's middle %v", where, l.XCol[l.NX-1], l.Plot)
						}
						for i := range l.NX {
							if l.XCol[i] < l.Plot.Min.X || l.XCol[i] >= l.Plot.Max.X {
								t.Fatalf("%s: step tick %d at column %d, outside the plot %v", where, i, l.XCol[i], l.Plot)
							}
							if i > 0 && l.XCol[i] <= l.XCol[i-1] {
								t.Fatalf("%s: step ticks out of order", where)
							}
						}
					}
				}
			}
		}
	}
}
