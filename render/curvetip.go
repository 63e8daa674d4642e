package render

import (
	"image"
	"math"
)

// The curve chart's tooltip: the figures of the size under the pointer.

// curvePoint returns the curve's point under pt (its index among the
// curve's sizes) and a thin column over the plot at that size, for the
// tooltip's outline; ok is false off the plot or without a curve.
func (v *chartsView) curvePoint(pt image.Point) (i int, mark image.Rectangle, ok bool) {
	c := v.curveOf
	ch := &v.charts[len(v.charts)-1]
	if c == nil || c.Problem != "" || len(c.Global) < 2 || !ch.lay.OK || c.MaxBytes <= 0 {
		return 0, image.Rectangle{}, false
	}
	plot := ch.lay.Plot.Add(ch.rect.Min)
	if !pt.In(plot) {
		return 0, image.Rectangle{}, false
	}
	n := len(c.Global)
	i = int(math.Round(float64(pt.X-plot.Min.X) * float64(n-1) / float64(max(1, plot.Dx()-1))))
	i = min(max(i, 0), n-1)
	x := ch.rect.Min.X + ch.lay.sizeCol(int64(i)*c.MaxBytes/int64(n-1), c.MaxBytes)
	return i, image.Rect(x, plot.Min.Y, x+1, plot.Max.Y), true
}

// describeCurvePoint writes the tooltip of the curve's point i: the size
// (and its token slots), both scopes' reserved KV hits there, over how
// many steps, and A's and B's sizes for reference.
func describeCurvePoint(t *tipText, c *Curve, i int) {
	t.reset()
	n := len(c.Global)
	size := int64(i) * c.MaxBytes / int64(n-1)
	b := append(t.begin(), "Token reservation of "...)
	b = appendBytesText(b, size)
	if c.SlotBytes > 0 {
		b = append(b, " ("...)
		b = appendCommas(b, size/c.SlotBytes)
		b = append(b, " token slots)"...)
	}
	t.end(b)
	for k, pts := range [2][]float64{c.Global, c.Layer} {
		b = t.begin()
		b = append(b, [2]string{"global LRU: ", "per-layer LRU: "}[k]...)
		if v := pts[i]; v == v {
			b = appendTenths(b, int(math.Round(10*v)))
			b = append(b, "% of the KV lines gathered"...)
		} else {
			b = append(b, "no figure"...)
		}
		t.end(b)
	}
	b = append(t.begin(), "over the "...)
	b = appendCommas(b, int64(c.Steps))
	b = append(b, " steps counted"...)
	t.end(b)
	for r, m := range c.Marks {
		if m <= 0 || (r == 1 && m == c.Marks[0]) {
			continue
		}
		b = append(t.begin(), [2]string{"dotted: A's reservation, ", "dotted: B's reservation, "}[r]...)
		b = appendBytesText(b, m)
		t.end(b)
	}
}
