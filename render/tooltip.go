package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// Hover is what the tooltip shows, for the page's bridge and for tests.
type Hover struct {
	// Lines are the tooltip's lines, nil when none shows. The slice is
	// replaced, never changed, when the text changes: it may be read from
	// another goroutine.
	Lines []string
	// Box is the tooltip on screen, in device pixels (empty when none).
	Box image.Rectangle
	// LLC is pane A's LLC picture on screen, in device pixels (empty when
	// it is not drawn): where to point to inspect a line.
	LLC image.Rectangle
}

// tipKey is everything a tooltip's text depends on: what is under the
// pointer, the model's generation, the pane's last read of its run, the
// run's position, and the clock while flashes may still fade.
type tipKey struct {
	pane        int
	tg          target
	gen, read   int
	step, layer int
	clock       uint32
}

// tooltipView draws the tooltip of what lies under the pointer: a box with
// a border, near the pointer and inside the scene's area, holding the
// inspector's lines in the small face, and an outline around the cell,
// slot or token (or bin) it describes. The text is written again only
// when what it depends on changed (tipKey), and the lines laid out again
// only when the text changed, so a frame where the pointer does not move
// allocates nothing.
type tooltipView struct {
	in     inspector
	key    tipKey
	keyed  bool    // key holds the text's key
	text   tipText // the description for key
	shown  tipText // the text the lines were laid out for
	face   *glyphFace
	lines  []textLine
	w, h   int             // the box's size for the lines
	box    image.Rectangle // on screen; empty when hidden
	mark   image.Rectangle // the target on screen, outlined
	public []string        // shown's lines, for Hover
}

// hover finds what lies under the pointer in the panes, updates the
// tooltip and reports whether it appeared, changed, moved or went.
func (s *Scene) hover(area image.Rectangle, st Status) bool {
	v := &s.tip
	if st.PointerIn && !st.ShowHelp && st.Pointer.In(area) && s.charted {
		if i, mark, ok := s.charts.curvePoint(st.Pointer); ok {
			return s.curveTip(area, st, i, mark)
		}
	}
	pane, tg := -1, target{}
	if st.PointerIn && !st.ShowHelp && st.Pointer.In(area) {
		for i := range s.n {
			if !st.Pointer.In(s.panes[i].paneRect()) {
				continue
			}
			if t := s.panes[i].inspect(st.Pointer); t.kind != targetNone {
				pane, tg = i, t
				break
			}
		}
	}
	old := v.box
	if pane < 0 {
		return v.hide(old)
	}
	p := &s.panes[pane]
	m, run := &p.model, p.model.eng
	key := tipKey{pane: pane, tg: tg, gen: m.gen, read: p.lastRead, step: run.Step(), layer: run.Layer()}
	if m.clock.fadingAt(m.clock.now) {
		key.clock = m.clock.now
	}
	if !v.keyed || key != v.key {
		name := ""
		if s.n == 2 {
			name = runNames[pane]
		}
		v.in.describe(&v.text, run, m, tg, name)
		v.key, v.keyed = key, true
	}
	return s.showTip(area, st, old, p.targetRect(tg))
}

// curveTip shows the tooltip of the curve chart's point i, outlining
// mark, and reports whether it appeared, changed or moved.
func (s *Scene) curveTip(area image.Rectangle, st Status, i int, mark image.Rectangle) bool {
	v := &s.tip
	old := v.box
	c := s.charts.curveOf
	key := tipKey{pane: curveTipPane, gen: int(c.Gen), step: i}
	if !v.keyed || key != v.key {
		describeCurvePoint(&v.text, c, i)
		v.key, v.keyed = key, true
	}
	return s.showTip(area, st, old, mark)
}

// curveTipPane is tipKey.pane for the curve chart's tooltip.
const curveTipPane = -2

// showTip lays out the tooltip's text (again only when it changed),
// outlines mark and places the box by the pointer; it reports whether the
// tooltip appeared, changed or moved since it was at old.
func (s *Scene) showTip(area image.Rectangle, st Status, old, mark image.Rectangle) bool {
	v := &s.tip
	if v.text.lines() == 0 {
		return v.hide(old)
	}
	relaid := !v.text.equal(&v.shown) || v.face != s.fonts.gSmall
	if relaid {
		v.shown.copyFrom(&v.text)
		v.setLines(area, s.fonts, &s.pal)
	}
	oldMark := v.mark
	v.mark = mark
	v.place(area, st.Pointer, s.fonts.zoom)
	return relaid || v.box != old || v.mark != oldMark
}

// hide hides the tooltip and reports whether it showed (at old).
func (v *tooltipView) hide(old image.Rectangle) bool {
	v.box, v.mark, v.keyed = image.Rectangle{}, image.Rectangle{}, false
	v.shown.reset()
	v.public = nil
	return !old.Empty()
}

// setLines lays out the shown text in the small face, the first line (what
// is under the pointer) in the text colour and the rest muted, each cut to
// the area's width.
func (v *tooltipView) setLines(area image.Rectangle, f *fonts, pal *Palette) {
	v.face = f.gSmall
	n := v.shown.lines()
	if cap(v.lines) < n {
		v.lines = append(v.lines[:cap(v.lines)], make([]textLine, n-cap(v.lines))...)
	}
	v.lines = v.lines[:n]
	pad := px(tipPadSize, f.zoom)
	maxW := area.Dx() - 2*pad
	v.w, v.h = 0, 2*pad
	for i := range v.lines {
		c := pal.Muted
		if i == 0 {
			c = pal.Text
		}
		l := &v.lines[i]
		l.end(append(l.begin(f.gSmall, c), v.shown.line(i)...))
		l.truncate(maxW)
		v.w, v.h = max(v.w, l.W+2*pad), v.h+l.H
	}
	v.public = v.shown.strings()
}

// Design sizes of the tooltip, in design pixels.
const (
	tipPadSize    = 6  // inside the border
	tipOffsetSize = 16 // from the pointer to the box
)

// place puts the box below and right of the pointer, or on the other side
// where it would leave the area, and inside the area.
func (v *tooltipView) place(area image.Rectangle, pt image.Point, z float64) {
	off := px(tipOffsetSize, z)
	x, y := pt.X+off, pt.Y+off
	if x+v.w > area.Max.X {
		x = pt.X - off - v.w
	}
	if y+v.h > area.Max.Y {
		y = pt.Y - off - v.h
	}
	x = max(area.Min.X, min(x, area.Max.X-v.w))
	y = max(area.Min.Y, min(y, area.Max.Y-v.h))
	v.box = image.Rect(x, y, x+v.w, y+v.h)
}

// draw draws the tooltip, if one shows, and outlines what it describes.
func (v *tooltipView) draw(dst *ebiten.Image, p *painter, pal *Palette, z float64) {
	if v.box.Empty() {
		return
	}
	if m, t := v.mark, px(1, z); !m.Empty() {
		p.frame(dst, m.Min.X-t, m.Min.Y-t, m.Dx()+2*t, m.Dy()+2*t, t, pal.Text)
	}
	b := v.box
	p.rect(dst, b.Min.X, b.Min.Y, b.Dx(), b.Dy(), pal.Box)
	p.frame(dst, b.Min.X, b.Min.Y, b.Dx(), b.Dy(), px(1, z), pal.Muted)
	pad := px(tipPadSize, z)
	y := b.Min.Y + pad
	for i := range v.lines {
		p.text(dst, &v.lines[i], b.Min.X+pad, y)
		y += v.lines[i].H
	}
}

// Hover returns what the tooltip shows now (after the last Draw).
func (s *Scene) Hover() Hover {
	h := Hover{Lines: s.tip.public, Box: s.tip.box}
	if s.n > 0 {
		if l := &s.panes[0].llc; l.ok {
			w, ht := l.fold.Size()
			h.LLC = image.Rect(l.at.X, l.at.Y, l.at.X+w, l.at.Y+ht)
		}
	}
	return h
}

// showing reports whether a tooltip shows.
func (v *tooltipView) showing() bool { return !v.box.Empty() }
