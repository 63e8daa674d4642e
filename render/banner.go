package render

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// bannerView draws a message in a framed box across the scene, wrapped to
// its width under a title: the current user-facing error along the bottom,
// or a tour scene's caption along the top. It is drawn once into an image
// for a message, a width and a zoom.
type bannerView struct {
	title string // over the message, in the title colour
	tint  Index  // the colour of the title and the frame
	top   bool   // along the top of the scene, else the bottom
	msg   string
	rect  image.Rectangle // the scene area it was made for
	z     float64
	img   *ebiten.Image
}

// errorBanner and captionBanner are the scene's two banners.
func errorBanner() bannerView {
	return bannerView{title: "Error (the app keeps running)", tint: BlockingMiss}
}

func captionBanner() bannerView {
	return bannerView{title: "Guided tour (N: next scene)", tint: Hit, top: true}
}

// layout redraws the banner if its message or size changed; "" hides it.
func (v *bannerView) layout(msg string, area image.Rectangle, f *fonts, pal *Palette) bool {
	if msg == v.msg && area == v.rect && f.zoom == v.z {
		return false
	}
	v.msg, v.rect, v.z = msg, area, f.zoom
	if v.img != nil {
		v.img.Deallocate()
		v.img = nil
	}
	m := px(marginSize, f.zoom)
	w := area.Dx() - 2*m
	if msg == "" || w <= 4*m {
		return true
	}
	lines := wrap(msg, f.body, float64(w-2*m))
	bodyH := lineHeight(f.body)
	h := min(area.Dy()-2*m, m+bodyH*(len(lines)+1)+m)
	if h <= 0 {
		return true
	}
	v.img = ebiten.NewImage(w, h)
	v.img.Fill(pal.Background)
	t := px(3, f.zoom)
	var op text.DrawOptions
	put := func(s string, face *sizedFace, c color.RGBA, y int) {
		op.GeoM.Reset()
		op.GeoM.Translate(float64(m), float64(y))
		op.ColorScale.Reset()
		op.ColorScale.ScaleWithColor(c)
		text.Draw(v.img, s, face, &op)
	}
	put(v.title, f.body, pal.Color(v.tint), m/2+t)
	for i, l := range lines {
		put(l, f.body, pal.Text, m/2+t+bodyH*(i+1))
	}
	return true
}

// below returns the part of area under a top banner (all of area when the
// banner is at the bottom or hidden), as laid out for area.
func (v *bannerView) below(area image.Rectangle) image.Rectangle {
	if !v.top || v.img == nil {
		return area
	}
	m := px(marginSize, v.z)
	area.Min.Y = min(area.Max.Y, area.Min.Y+m+v.img.Bounds().Dy())
	return area
}

// draw draws the banner, framed in its tint.
func (v *bannerView) draw(dst *ebiten.Image, p *painter, pal *Palette) {
	if v.img == nil {
		return
	}
	m := px(marginSize, v.z)
	b := v.img.Bounds()
	x, y := v.rect.Min.X+m, v.rect.Max.Y-m-b.Dy()
	if v.top {
		y = v.rect.Min.Y + m
	}
	p.image(dst, v.img, x, y, 1)
	p.frame(dst, x, y, b.Dx(), b.Dy(), px(3, v.z), pal.Color(v.tint))
}

// showing reports whether the banner shows a message.
func (v *bannerView) showing() bool { return v.msg != "" }
