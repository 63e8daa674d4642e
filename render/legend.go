package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// legendEntry is one line of the legend: swatches side by side and a name
// (a shorter one for narrow legends).
type legendEntry struct {
	swatch      []Index
	name, short string
}

// legendEntries name every colour the scene uses.
var legendEntries = []legendEntry{
	{[]Index{Hit}, "Hit (streams: half strength)", "Hit"},
	{[]Index{Faded(Miss, 1, Weights), Faded(Miss, 1, Indexer)}, "Stream miss, non-blocking", "Stream miss"},
	{[]Index{BlockingMiss}, "Blocking miss: KV, stalls", "Blocking miss"},
	{[]Index{Evicted, Faded(Evicted, 1, Empty), Empty}, "Evicted; flashes fade out", "Evicted"},
	{[]Index{KV(0), KV(3), KV(6), KV(9)}, "KV line, hue = layer", "KV line"},
	{[]Index{ReservedKV(0), ReservedKV(3), ReservedKV(6), ReservedKV(9)}, "KV held in the reservation", "Reserved KV"},
	{[]Index{ReservedEmpty}, "Reservation: free", "Reserved, free"},
	{[]Index{Indexer}, "Indexer keys", "Indexer"},
	{[]Index{Weights}, "Weights", "Weights"},
	{[]Index{Empty}, "Empty line", "Empty"},
	{[]Index{Selected}, "Strip: selected (top-k)", "Selected"},
	{[]Index{Resident}, "Strip: held token", "Held"},
}

// legendHeight is the height of the legend at zoom z.
func legendHeight(z float64) int {
	return lineH(bodySize*z) + len(legendEntries)*legendRow(z)
}

// legendRow is the height of one entry at zoom z.
func legendRow(z float64) int { return lineH(smallSize*z) + px(3, z) }

// legendView draws the legend: every colour of the scene with its name. It
// is drawn once into its own image when the zoom or its width changes.
type legendView struct {
	rect image.Rectangle
	z    float64
	img  *ebiten.Image
}

// layout places the legend in r and redraws it if its size changed.
func (v *legendView) layout(r image.Rectangle, f *fonts, pal *Palette, p *painter) {
	if r == v.rect && f.zoom == v.z && v.img != nil {
		return
	}
	v.rect, v.z = r, f.zoom
	if v.img != nil {
		v.img.Deallocate()
		v.img = nil
	}
	if r.Empty() {
		return
	}
	v.img = ebiten.NewImage(r.Dx(), r.Dy())
	z := f.zoom
	var op text.DrawOptions
	op.ColorScale.ScaleWithColor(pal.Text)
	text.Draw(v.img, "Legend", f.body, &op)
	row, sw := legendRow(z), px(13, z)
	for i, e := range legendEntries {
		y := lineH(bodySize*z) + i*row
		if y+row > r.Dy() {
			break
		}
		part := 2 * sw / len(e.swatch)
		for j, c := range e.swatch {
			p.rect(v.img, j*part, y+px(2, z), part, row-px(4, z), pal.Color(c))
		}
		name := e.name
		x := 2*sw + px(8, z)
		if text.AdvanceAt(name, len(name), f.small) > float64(r.Dx()-x) {
			name = e.short
		}
		op.GeoM.Reset()
		op.GeoM.Translate(float64(x), float64(y))
		op.ColorScale.Reset()
		op.ColorScale.ScaleWithColor(pal.Text)
		text.Draw(v.img, name, f.small, &op)
	}
}

// draw draws the legend.
func (v *legendView) draw(dst *ebiten.Image, p *painter) {
	if v.img != nil {
		p.image(dst, v.img, v.rect.Min.X, v.rect.Min.Y, 1)
	}
}
