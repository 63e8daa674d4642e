package render

import (
	"fmt"
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
)

// llcView draws the LLC: a title naming the geometry and the bin size, a
// label over each part with a bracket under it (the reservation's in its
// accent colour), and the folded picture: one image, filled on the CPU and
// uploaded with one WritePixels when the model changed.
type llcView struct {
	rect  image.Rectangle // the area it was laid out for
	fold  Fold
	ok    bool // the picture fits
	img   *ebiten.Image
	pix   Pixels
	at    image.Point // top-left corner of the picture
	barY  int
	barH  int
	title textLine
	parts [2]textLine
	dirty bool // the picture must be filled and uploaded again
}

// layout places the view in r for the model's geometry.
func (v *llcView) layout(r image.Rectangle, m *sceneModel, f *fonts, pal *Palette, cfg config.Config) {
	v.rect = r
	z := f.zoom
	titleH, partH := lineHeight(f.body), lineHeight(f.small)
	v.barH = px(3, z)
	v.barY = r.Min.Y + titleH + partH
	v.at = image.Pt(r.Min.X, v.barY+v.barH+px(5, z))
	l := &m.llc
	v.fold, v.ok = FoldFor(l.sets, l.ways, r.Dx(), r.Max.Y-v.at.Y, px(2, z), px(14, z))
	v.setLabels(m, f, pal, cfg)
	if !v.ok {
		return
	}
	w, h := v.fold.Size()
	v.img, v.pix = sizedImage(v.img, v.pix, w, h)
	v.dirty = true
}

// binText says how many lines a pixel (or a cell) stands for.
func binText(f Fold) string {
	switch {
	case f.LinesPerPixel() == 1:
		return "1 cell = 1 line"
	case f.BX == 1:
		return fmt.Sprintf("1 px = %d lines (%d sets of one way)", f.BY, f.BY)
	}
	return fmt.Sprintf("1 px = %d lines (%d ways × %d sets)", f.LinesPerPixel(), f.BX, f.BY)
}

// setLabels writes the title and the parts' labels, as long as fits.
func (v *llcView) setLabels(m *sceneModel, f *fonts, pal *Palette, cfg config.Config) {
	l := &m.llc
	geo := fmt.Sprintf("LLC %s: %s sets × %d ways of %d B", appendBytesText(nil, int64(cfg.Capacity)), commas(int64(l.sets)), cfg.Ways, cfg.Line)
	if !v.ok {
		v.title.fit(v.rect.Dx(), f.gBody, pal.Text, geo+" (the window is too small to draw it)", "LLC: window too small")
		return
	}
	bin := binText(v.fold)
	v.title.fit(v.rect.Dx(), f.gBody, pal.Text, geo+" · "+bin, "LLC · "+bin, "LLC")
	w0 := v.fold.PartWidth(0)
	if v.fold.Parts() == 2 {
		w0 = v.fold.PartX(1) - px(8, f.zoom)
	}
	v.parts[0].fit(w0, f.gSmall, pal.Muted,
		fmt.Sprintf("Shared part: %d ways, %s; sets run down the columns", l.ways[0], cfg.Policy),
		fmt.Sprintf("Shared: %d ways, %s", l.ways[0], cfg.Policy), "Shared", "")
	if v.fold.Parts() < 2 {
		v.parts[1].set("", f.gSmall, pal.Reserved)
		return
	}
	long, short := reservedText(m, cfg)
	v.parts[1].fit(v.fold.PartWidth(1), f.gSmall, pal.Reserved, long, short, "Reserved", "")
}

// reservedText names the reservation for the label over its part.
func reservedText(m *sceneModel, cfg config.Config) (long, short string) {
	slots := commas(int64(len(m.slots.layer)))
	switch cfg.Mode {
	case config.ModeWays:
		return fmt.Sprintf("Reserved for KV: %d ways of every set", m.llc.ways[1]), fmt.Sprintf("KV ways: %d", m.llc.ways[1])
	case config.ModeTokens:
		return fmt.Sprintf("Token store: %s tokens × %d lines (LRU)", slots, m.llc.slotCells), "Token store: " + slots
	case config.ModePrevK:
		return fmt.Sprintf("Previous top-k: %s tokens a layer", commas(int64(m.slots.quota))), "Previous top-k"
	case config.ModePages:
		return fmt.Sprintf("Page store: %s pages of %d tokens (LRU)", slots, cfg.PageTokens), "Page store: " + slots
	}
	return "Reserved", "Reserved"
}

// upload fills the picture from the model and sends it to the GPU.
func (v *llcView) upload(m *sceneModel, pal *Palette) {
	if !v.ok || v.img == nil {
		return
	}
	if err := FillFolded(v.pix, v.fold, m.llc.cells(), pal); err != nil {
		panic(err) // the fold was made for these rasters: a bug, recovered by the frame
	}
	v.img.WritePixels(v.pix.Bytes())
	v.dirty = false
}

// draw draws the view.
func (v *llcView) draw(dst *ebiten.Image, p *painter, pal *Palette) {
	p.text(dst, &v.title, v.rect.Min.X, v.rect.Min.Y)
	if !v.ok {
		return
	}
	y := v.barY - v.parts[0].H
	for i := range v.fold.Parts() {
		x := v.at.X + v.fold.PartX(i)
		p.text(dst, &v.parts[i], x, y)
		c := pal.Muted
		if i == 1 {
			c = pal.Reserved
		}
		p.rect(dst, x, v.barY, v.fold.PartWidth(i), v.barH, c)
	}
	p.image(dst, v.img, v.at.X, v.at.Y, 1)
}

// sizedImage returns img and its picture, both replaced by new ones of w x
// h pixels if img has another size (the old image is freed).
func sizedImage(img *ebiten.Image, pix Pixels, w, h int) (*ebiten.Image, Pixels) {
	if img != nil && img.Bounds().Dx() == w && img.Bounds().Dy() == h {
		return img, pix
	}
	if img != nil {
		img.Deallocate()
	}
	return ebiten.NewImage(w, h), NewPixels(w * h)
}
