package render

import (
	"image/color"
	"math"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// extraRunes are the characters beyond printable ASCII that labels use.
var extraRunes = [...]rune{'·', '×', '≈', 'µ', '–', '…', '→', '↓'}

// glyphFace draws text from glyphs rendered once for a face: no shaping
// per line, so a label re-formatted every frame (the HUD while playing)
// allocates nothing once its glyphs are rendered. The glyphs of numbers
// are rendered with the face, the others the first time a text asks for
// them: the labels use about half of the glyphs of a face, and rendering
// all of them up front made the first frame in the browser slower. It covers printable ASCII and extraRunes; any other
// rune is drawn as '?'. There is no kerning (the Go fonts have little),
// and no bidirectional text.
type glyphFace struct {
	face  *sizedFace
	pad   int // pixels each glyph image extends left of its origin
	h     int // line height
	ascii [128]glyph
	extra [len(extraRunes)]glyph
}

// glyph is one rendered character: a white image and its advance; img is
// nil until rendered.
type glyph struct {
	img *ebiten.Image
	adv float64
}

// numberRunes are the glyphs of changing numbers (counters, rates, the
// frame rate), rendered with the face: a number that changes while paused
// must not render a glyph, which allocates, in the middle of a run.
const numberRunes = "0123456789 ,.%·×-+:/()"

// newGlyphFace returns the glyph face of face with the glyphs of numbers
// rendered; the others are rendered when a text first needs them.
func newGlyphFace(face *sizedFace) *glyphFace {
	g := &glyphFace{face: face, pad: int(math.Ceil(face.size / 4)), h: lineHeight(face)}
	for _, r := range numberRunes {
		g.lookup(r)
	}
	return g
}

func (g *glyphFace) render(r rune) glyph {
	s := string(r)
	adv := text.AdvanceAt(s, len(s), g.face)
	img := ebiten.NewImage(int(math.Ceil(adv))+2*g.pad, g.h)
	var op text.DrawOptions
	op.GeoM.Translate(float64(g.pad), (float64(g.h)-g.face.size*1.2)/2)
	text.Draw(img, s, g.face, &op)
	return glyph{img: img, adv: adv}
}

// deallocate frees the glyph images.
func (g *glyphFace) deallocate() {
	for i := range g.ascii {
		if g.ascii[i].img != nil {
			g.ascii[i].img.Deallocate()
		}
	}
	for i := range g.extra {
		if g.extra[i].img != nil {
			g.extra[i].img.Deallocate()
		}
	}
}

// lookup returns the glyph of r, rendering it the first time.
func (g *glyphFace) lookup(r rune) *glyph {
	gl, r := g.slot(r)
	if gl.img == nil {
		*gl = g.render(r)
	}
	return gl
}

// slot returns where the glyph of r is kept and the rune it shows: r, or
// '?' for a rune the face does not cover.
func (g *glyphFace) slot(r rune) (*glyph, rune) {
	if r >= 32 && r < 127 {
		return &g.ascii[r], r
	}
	for i, x := range extraRunes {
		if x == r {
			return &g.extra[i], r
		}
	}
	return &g.ascii['?'], '?'
}

// advance is the width of b in pixels.
func (g *glyphFace) advance(b []byte) float64 {
	w := 0.0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		w += g.lookup(r).adv
		b = b[n:]
	}
	return w
}

// textLine is one line of text in a reused buffer, drawn glyph by glyph.
type textLine struct {
	buf  []byte
	face *glyphFace
	clr  color.RGBA
	W, H int // size in pixels
}

// begin empties the line for new text in face and colour c.
func (l *textLine) begin(face *glyphFace, c color.RGBA) []byte {
	l.face, l.clr = face, c
	l.buf = l.buf[:0]
	return l.buf
}

// end keeps b as the line's text and measures it.
func (l *textLine) end(b []byte) {
	l.buf = b
	l.W, l.H = int(math.Ceil(l.face.advance(b))), l.face.h
}

// set replaces the text by s.
func (l *textLine) set(s string, face *glyphFace, c color.RGBA) {
	l.end(append(l.begin(face, c), s...))
}

// fits reports whether b is at most maxW pixels wide in the line's face.
func (l *textLine) fits(b []byte, maxW int) bool { return l.face.advance(b) <= float64(maxW) }

// fit sets the first of texts that fits in maxW pixels, or the last.
func (l *textLine) fit(maxW int, face *glyphFace, c color.RGBA, texts ...string) {
	for i, s := range texts {
		b := append(l.begin(face, c), s...)
		if i == len(texts)-1 || l.fits(b, maxW) {
			l.end(b)
			return
		}
	}
}

// truncate cuts the line's text to at most maxW pixels, ending it with an
// ellipsis when it cut anything.
func (l *textLine) truncate(maxW int) {
	if l.fits(l.buf, maxW) {
		return
	}
	b := l.buf
	for len(b) > 0 && !l.fits(append(b, "…"...), maxW) {
		_, n := utf8.DecodeLastRune(b)
		b = b[:len(b)-n]
	}
	l.end(append(b, "…"...))
}

// draw draws the line with its top-left corner at (x, y).
func (p *painter) text(dst *ebiten.Image, l *textLine, x, y int) {
	if l.face == nil {
		return
	}
	c := l.clr
	p.op.ColorScale.Reset()
	p.op.ColorScale.Scale(float32(c.R)/0xff, float32(c.G)/0xff, float32(c.B)/0xff, float32(c.A)/0xff)
	p.op.Filter = ebiten.FilterNearest
	fx := float64(x)
	for b := l.buf; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		g := l.face.lookup(r)
		if r != ' ' {
			gx := int(math.Round(fx)) - l.face.pad
			p.op.GeoM.Reset()
			p.op.GeoM.Translate(float64(gx), float64(y))
			dst.DrawImage(g.img, &p.op)
			b := g.img.Bounds()
			p.cover(gx, y, gx+b.Dx(), y+b.Dy())
		}
		fx += g.adv
	}
}
