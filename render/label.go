package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"dsaviz/internal/fontface"
)

// Type sizes in design pixels; the scene multiplies them by its zoom
// (Status.Zoom * Status.Scale), so text is large on a projector and sharp
// on HiDPI screens.
const (
	titleSize  = 26
	bodySize   = 19
	smallSize  = 15
	marginSize = 14
)

// fonts holds the faces of one zoom, and their glyphs for text that
// changes while playing (see glyphFace).
type fonts struct {
	font                  *fontface.Font
	zoom                  float64
	title, body, small    *sizedFace
	gTitle, gBody, gSmall *glyphFace
}

// sizedFace is a face and its size in pixels per em, from which line
// heights and glyph placement follow.
type sizedFace struct {
	text.Face
	size float64
}

// face returns a face of the font at size pixels per em.
func (f *fonts) face(size float64) *sizedFace {
	return &sizedFace{Face: f.font.Face(size), size: size}
}

// LoadFont parses Go Regular, the font of every label. Parsing takes a
// while in the browser: parse it once and give it to NewScene and to the
// panel.
func LoadFont() (*fontface.Font, error) { return fontface.GoRegular() }

// setZoom rebuilds the faces for zoom z and reports whether they changed.
func (f *fonts) setZoom(z float64) bool {
	if z == f.zoom && f.title != nil {
		return false
	}
	f.zoom = z
	f.title, f.body, f.small = f.face(titleSize*z), f.face(bodySize*z), f.face(smallSize*z)
	for _, g := range []*glyphFace{f.gTitle, f.gBody, f.gSmall} {
		if g != nil {
			g.deallocate()
		}
	}
	f.gTitle, f.gBody, f.gSmall = newGlyphFace(f.title), newGlyphFace(f.body), newGlyphFace(f.small)
	return true
}

// lineHeight is the height of a line of text of face f, in pixels.
func lineHeight(f *sizedFace) int { return int(math.Ceil(f.size * 1.3)) }

// painter draws text lines, images and filled rectangles with reused
// options, so that a frame allocates nothing.
type painter struct {
	white *ebiten.Image // a 1x1 white pixel inside a larger image
	op    ebiten.DrawImageOptions
	// covered, when not nil, grows to hold every pixel drawn (see
	// coverage).
	covered *image.Rectangle
}

// cover adds the pixels of x0..x1 x y0..y1 to covered.
func (p *painter) cover(x0, y0, x1, y1 int) {
	if p.covered != nil {
		*p.covered = p.covered.Union(image.Rect(x0, y0, x1, y1))
	}
}

// coverage is the pixels a view drew last, so that a Draw that redraws
// the view alone can clear exactly those first: a view may draw outside
// its layout box (a label's descender), and a box wider than what it drew
// would clear pixels of its neighbours.
type coverage struct{ r image.Rectangle }

// redraw clears what the view drew last to bg (nil: the scene cleared
// everything) and draws it again with draw, remembering what that covers.
func (c *coverage) redraw(dst *ebiten.Image, p *painter, bg *color.RGBA, draw func()) {
	if r := c.r; bg != nil {
		p.rect(dst, r.Min.X, r.Min.Y, r.Dx(), r.Dy(), *bg)
	}
	c.r = image.Rectangle{}
	p.covered = &c.r
	draw()
	p.covered = nil
}

func newPainter() *painter {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return &painter{white: img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)}
}

// image draws img with its top-left corner at (x, y), scaled by k.
func (p *painter) image(dst, img *ebiten.Image, x, y int, k float64) {
	p.op.GeoM.Reset()
	p.op.GeoM.Scale(k, k)
	p.op.GeoM.Translate(float64(x), float64(y))
	p.op.ColorScale.Reset()
	p.op.Filter = ebiten.FilterNearest
	dst.DrawImage(img, &p.op)
	b := img.Bounds()
	p.cover(x, y, x+int(math.Ceil(float64(b.Dx())*k)), y+int(math.Ceil(float64(b.Dy())*k)))
}

// rect fills a w x h rectangle at (x, y) with c (alpha premultiplied).
func (p *painter) rect(dst *ebiten.Image, x, y, w, h int, c color.RGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	p.op.GeoM.Reset()
	p.op.GeoM.Scale(float64(w), float64(h))
	p.op.GeoM.Translate(float64(x), float64(y))
	p.op.ColorScale.Reset()
	// Not ScaleWithColor: boxing c in a color.Color would allocate.
	p.op.ColorScale.Scale(float32(c.R)/0xff, float32(c.G)/0xff, float32(c.B)/0xff, float32(c.A)/0xff)
	p.op.Filter = ebiten.FilterNearest
	dst.DrawImage(p.white, &p.op)
	p.cover(x, y, x+w, y+h)
}

// frame strokes the outline of a w x h rectangle at (x, y), t pixels thick.
func (p *painter) frame(dst *ebiten.Image, x, y, w, h, t int, c color.RGBA) {
	p.rect(dst, x, y, w, t, c)
	p.rect(dst, x, y+h-t, w, t, c)
	p.rect(dst, x, y, t, h, c)
	p.rect(dst, x+w-t, y, t, h, c)
}
