package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
)

// stripView draws the token strip: the last layer's context, binned to the
// width, in three named rows (the top-k selection; the tokens the
// reservation holds; the gather's hits, blocking misses and evictions),
// with a title giving the layer, the bin size and the counts.
type stripView struct {
	rect   image.Rectangle
	ok     bool
	img    *ebiten.Image
	pix    Pixels
	at     image.Point
	rowH   int
	rowGap int
	title  textLine
	names  [StripRows]textLine
	counts StripCounts // the counts the title was written for
	ran    bool
	dirty  bool
}

// stripNames are the rows' names, left of the strip.
var stripNames = [StripRows]string{"top-k", "held", "gather"}

// layout places the strip in r and bins the model's strip to its width.
func (v *stripView) layout(r image.Rectangle, m *sceneModel, f *fonts, pal *Palette) {
	v.rect, v.ok = r, false
	if r.Empty() {
		return
	}
	z := f.zoom
	v.rowH, v.rowGap = px(stripRowSize, z), px(2, z)
	nameW := px(stripNameSize, z)
	for i := range v.names {
		v.names[i].set(stripNames[i], f.gSmall, pal.Muted)
		nameW = max(nameW, v.names[i].W+px(8, z))
	}
	v.at = image.Pt(r.Min.X+nameW, r.Min.Y+lineHeight(f.body))
	m.setStripWidth(r.Max.X - v.at.X)
	w := m.strip.Width
	h := StripRows*v.rowH + (StripRows-1)*v.rowGap
	if w <= 0 || w > r.Max.X-v.at.X || v.at.Y+h > r.Max.Y+1 {
		return
	}
	v.ok = true
	if v.img == nil || v.img.Bounds().Dx() != w || v.img.Bounds().Dy() != h {
		if v.img != nil {
			v.img.Deallocate()
		}
		v.img = ebiten.NewImage(w, h)
		v.pix = NewPixels(w * h)
	}
	v.ran = !m.strip.ran // force the title
	v.dirty = true
}

// upload expands the strip's rows to their height and sends them to the
// GPU, and rewrites the title if its numbers changed.
func (v *stripView) upload(m *sceneModel, f *fonts, pal *Palette, cfg config.Config) {
	if !v.ok {
		return
	}
	t := &m.strip
	w := t.Width
	var pix pixelTable
	pal.pixels(&pix)
	for y := range v.img.Bounds().Dy() {
		row, in := y/(v.rowH+v.rowGap), y%(v.rowH+v.rowGap) < v.rowH
		line := v.pix[w*y : w*(y+1)]
		for x := range line {
			line[x] = pix[Gap]
			if in {
				line[x] = pix[t.idx[row*w+x]]
			}
		}
	}
	v.img.WritePixels(v.pix.Bytes())
	v.dirty = false
	if t.counts != v.counts || t.ran != v.ran {
		v.counts, v.ran = t.counts, t.ran
		v.setTitle(t, f, pal, cfg)
	}
}

// setTitle writes the strip's title for its counts, as much as fits: the
// most detailed form that fits the strip's width, else the shortest cut
// with an ellipsis, so that the titles of two panes side by side never
// run into each other.
func (v *stripView) setTitle(t *tokenStrip, f *fonts, pal *Palette, cfg config.Config) {
	w := v.rect.Dx()
	defer v.title.truncate(w)
	if !t.ran {
		v.title.set("Token strip: no layer has run yet", f.gBody, pal.Muted)
		return
	}
	// A batch's title has compact forms too, after the long ones:
	// "Req 2/8 · step 3, layer 4 · ...".
	forms := 4
	if t.requests > 1 {
		forms = 8
	}
	for i := range forms {
		b := appendStripTitle(v.title.begin(f.gBody, pal.Text), t, cfg, 3-i%4, i >= 4)
		if i == forms-1 || v.title.fits(b, w) {
			v.title.end(b)
			return
		}
	}
}

// appendStripTitle appends the strip's title: the request (of a batch)
// and the layer, then with more detail the counts, the bin size and the
// context. compact names the request as "Req 2/8".
func appendStripTitle(b []byte, t *tokenStrip, cfg config.Config, detail int, compact bool) []byte {
	c := t.counts
	switch {
	case t.requests > 1 && compact:
		b = appendCommas(append(b, "Req "...), int64(c.Request+1))
		b = appendCommas(append(b, '/'), int64(t.requests))
		b = append(b, " · step "...)
	case t.requests > 1:
		b = appendOf(append(b, "Request "...), c.Request+1, t.requests)
		b = append(b, ": tokens of step "...)
	default:
		b = append(b, "Tokens of step "...)
	}
	b = appendCommas(b, int64(c.Step+1))
	b = append(b, ", layer "...)
	b = appendCommas(b, int64(c.Layer+1))
	if detail >= 3 {
		b = append(b, ": context "...)
		b = appendCommas(b, int64(c.Context))
		b = append(b, ", top-"...)
		b = appendCommas(b, int64(c.Selected))
	}
	if detail >= 1 {
		b = append(b, " · "...)
		b = appendCommas(b, int64(c.Hits))
		b = append(b, " hit, "...)
		b = appendCommas(b, int64(c.Misses))
		b = append(b, " missed, "...)
		b = appendCommas(b, int64(c.Evict))
		b = append(b, " evicted"...)
	}
	if detail >= 2 {
		b = append(b, " · "...)
		if cfg.Mode == config.ModeNone || cfg.Mode == config.ModeWays {
			b = appendCommas(b, int64(c.ResidentLines))
			b = append(b, " KV lines in the LLC"...)
		} else {
			b = appendCommas(b, int64(c.Residents))
			b = append(b, " held"...)
		}
	}
	if detail >= 3 {
		switch {
		case t.PerPixel > 1:
			b = append(b, " · 1 px = "...)
			b = appendCommas(b, int64(t.PerPixel))
			b = append(b, " tokens"...)
		case t.PixelsPer > 1:
			b = append(b, " · 1 token = "...)
			b = appendCommas(b, int64(t.PixelsPer))
			b = append(b, " px"...)
		}
	}
	return b
}

// draw draws the strip, its title and its rows' names.
func (v *stripView) draw(dst *ebiten.Image, p *painter) {
	if v.rect.Empty() {
		return
	}
	p.text(dst, &v.title, v.rect.Min.X, v.rect.Min.Y)
	if !v.ok {
		return
	}
	for i := range v.names {
		y := v.at.Y + i*(v.rowH+v.rowGap) + (v.rowH-v.names[i].H)/2
		p.text(dst, &v.names[i], v.rect.Min.X, y)
	}
	p.image(dst, v.img, v.at.X, v.at.Y, 1)
}
