package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
)

// reservationView draws the reservation of modes tokens, prevk and pages
// as a grid of its slots, SlotRowCells a row, folded like the LLC: each
// slot in its resident's layer hue (tinted), free slots dark violet, and
// the flashes of recent layers: hits, and inserts (a blocking miss when a
// line came from memory, a hit when every line moved in from the shared
// part). Evicted tokens are gone from their slot: the token strip shows
// them.
type reservationView struct {
	rect   image.Rectangle
	fold   Fold
	ok     bool
	img    *ebiten.Image
	pix    Pixels
	at     image.Point
	title  textLine
	detail textLine
	held   int // the residents detail was written for, -1 for none
	dirty  bool
}

// layout places the view in r (an empty r hides it).
func (v *reservationView) layout(r image.Rectangle, m *sceneModel, f *fonts, pal *Palette, cfg config.Config) {
	v.rect, v.ok, v.held = r, false, -1
	if r.Empty() || !m.hasSlots() {
		return
	}
	z := f.zoom
	v.at = image.Pt(r.Min.X, r.Min.Y+lineHeight(f.body)+lineHeight(f.small)+px(4, z))
	c := m.slots.gridCells()
	v.fold, v.ok = FoldFor(c.H, [2]int{c.W, 0}, r.Dx(), r.Max.Y-v.at.Y, px(3, z), 0)
	name := map[string]string{
		config.ModeTokens: "Token store",
		config.ModePrevK:  "Previous top-k",
		config.ModePages:  "Page store",
	}[cfg.Mode]
	v.title.fit(r.Dx(), f.gBody, pal.Reserved, name+" slots", name)
	if !v.ok {
		return
	}
	w, h := v.fold.Size()
	v.img, v.pix = sizedImage(v.img, v.pix, w, h)
	v.dirty = true
}

// upload fills the grid from the model, sends it to the GPU, and updates
// the count of held slots.
func (v *reservationView) upload(m *sceneModel, f *fonts, pal *Palette, cfg config.Config) {
	if !v.ok {
		return
	}
	if err := FillFolded(v.pix, v.fold, [2]Cells{m.slots.gridCells()}, pal); err != nil {
		panic(err) // the fold was made for this grid: a bug, recovered by the frame
	}
	v.img.WritePixels(v.pix.Bytes())
	v.dirty = false
	if held := m.slots.residents(); held != v.held {
		v.held = held
		v.detail.end(v.appendDetail(v.detail.begin(f.gSmall, pal.Muted), held, len(m.slots.layer), cfg, true))
		if !v.detail.fits(v.detail.buf, v.rect.Dx()) {
			v.detail.end(v.appendDetail(v.detail.begin(f.gSmall, pal.Muted), held, len(m.slots.layer), cfg, false))
		}
	}
}

// appendDetail appends how many slots are held, and the bin size.
func (v *reservationView) appendDetail(b []byte, held, slots int, cfg config.Config, long bool) []byte {
	b = appendCommas(b, int64(held))
	b = append(b, " of "...)
	b = appendCommas(b, int64(slots))
	if cfg.Mode == config.ModePages {
		b = append(b, " pages held"...)
	} else {
		b = append(b, " tokens held"...)
	}
	if !long {
		return b
	}
	if n := v.fold.LinesPerPixel(); n > 1 {
		b = append(b, " · 1 px = "...)
		b = appendCommas(b, int64(n))
		return append(b, " slots"...)
	}
	return append(b, " · 1 cell = 1 slot"...)
}

// draw draws the view.
func (v *reservationView) draw(dst *ebiten.Image, p *painter) {
	if v.rect.Empty() || len(v.title.buf) == 0 {
		return
	}
	p.text(dst, &v.title, v.rect.Min.X, v.rect.Min.Y)
	if !v.ok {
		return
	}
	p.text(dst, &v.detail, v.rect.Min.X, v.rect.Min.Y+v.title.H)
	p.image(dst, v.img, v.at.X, v.at.Y, 1)
}
