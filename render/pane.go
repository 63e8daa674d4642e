package render

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/engine"
)

// pane draws one run: its HUD, LLC view, reservation view and token strip.
// The scene has one pane, or two side by side when comparing A and B. A
// pane reads its run through a read-only engine.View, and reads the whole
// LLC again only after the run advanced (see ReadEvery).
type pane struct {
	model sceneModel

	frame    int // Draws of a run so far
	lastRead int // the frame that last read the run
	readGen  int // the model generation it read

	gen   int // the model generation the layout was made for
	rects sceneRects

	hud   hudView
	llc   llcView
	res   reservationView
	strip stripView
	// covers are what the HUD, LLC, reservation and strip views drew
	// last.
	covers [4]coverage
}

// reset starts drawing run v: no flashes, buffers sized for its geometry.
func (p *pane) reset(v engine.View) { p.model.reset(v) }

// layout places the pane's views in r (legend: where the legend goes, if
// this pane holds it).
func (p *pane) layout(rects sceneRects, v engine.View, f *fonts, pal *Palette) {
	p.rects, p.gen = rects, p.model.gen
	p.hud.layout(rects.HUD)
	if !v.Valid() {
		return
	}
	cfg := v.Config()
	p.llc.layout(rects.LLC, &p.model, f, pal, cfg)
	p.res.layout(rects.Reservation, &p.model, f, pal, cfg)
	p.strip.layout(rects.Strip, &p.model, f, pal)
}

// stale reports whether the pane must be laid out again for run v.
func (p *pane) stale(v engine.View) bool {
	if v != p.model.eng {
		p.model.reset(v)
	}
	return p.model.gen != p.gen
}

// paneParts names views of a pane: the ones a refresh changed, which a
// Draw that keeps the screen redraws alone.
type paneParts uint8

const (
	partHUD paneParts = 1 << iota
	partLLC
	partReservation
	partStrip
)

// refresh brings the HUD up to date and, on the pane's turn, its pictures,
// and reports which of them changed. Two panes have their turn on the
// same frames, every other one (see Scene.refresh): reading, composing
// and uploading an LLC picture costs a few milliseconds for a large cache,
// and two of them in every frame halve the frame rate of a software
// renderer; drawn on the same frames, A's and B's pictures and strips show
// the same layer (taking turns, they showed layers a few dozen apart). A
// pane laid out anew, or of at most ReadAlways lines, draws its pictures
// in every frame.
func (p *pane) refresh(v engine.View, st Status, h hudRun, f *fonts, pal *Palette, turn bool) paneParts {
	var changed paneParts
	if p.hud.update(v, st, h, f, pal) {
		changed |= partHUD
	}
	l := &p.model.llc
	small := l.sets*(l.ways[0]+l.ways[1]) <= ReadAlways
	if p.hudOnly() || (!turn && !small && p.readGen == p.model.gen) {
		return changed
	}
	cfg := v.Config()
	p.frame++ // counts the pane's turns
	read := p.readGen != p.model.gen || p.frame-p.lastRead >= ReadEvery || small
	ch := p.model.updateRead(v, read)
	if ch.read {
		p.lastRead, p.readGen = p.frame, p.model.gen
	}
	if ch.llc || p.llc.dirty {
		p.llc.upload(&p.model, pal)
		changed |= partLLC
	}
	if ch.llc || p.res.dirty {
		p.res.upload(&p.model, f, pal, cfg)
		changed |= partReservation
	}
	if ch.strip || p.strip.dirty {
		p.strip.upload(&p.model, f, pal, cfg)
		changed |= partStrip
	}
	return changed
}

// hudOnly reports whether the pane shows only its HUD (the charts take
// the rest of the scene): it then reads nothing of the LLC.
func (p *pane) hudOnly() bool { return p.rects.LLC.Empty() && p.rects.Strip.Empty() }

// draw draws the pane's views named in parts, each over the pixels it
// drew last cleared to bg (a Draw that keeps the screen), or, with a nil
// bg, over what the scene cleared.
func (p *pane) draw(dst *ebiten.Image, paint *painter, pal *Palette, parts paneParts, bg *color.RGBA) {
	if parts&partHUD != 0 {
		p.covers[0].redraw(dst, paint, bg, func() { p.hud.draw(dst, paint) })
	}
	if p.hudOnly() {
		return
	}
	if parts&partLLC != 0 {
		p.covers[1].redraw(dst, paint, bg, func() { p.llc.draw(dst, paint, pal) })
	}
	if parts&partReservation != 0 {
		p.covers[2].redraw(dst, paint, bg, func() { p.res.draw(dst, paint) })
	}
	if parts&partStrip != 0 {
		p.covers[3].redraw(dst, paint, bg, func() { p.strip.draw(dst, paint) })
	}
}

// allParts names every view of a pane.
const allParts = partHUD | partLLC | partReservation | partStrip

// hudRun is what a pane's HUD says of its run beyond the run's own
// numbers: its name when comparing ("A", "B"), and, for A, the ratios
// against B.
type hudRun struct {
	name  string // "" when alone
	quiet bool   // the comparison line shows playing/paused; no frame rates
}

// paneRect is the area a pane was given, for tests and tooltips.
func (p *pane) paneRect() image.Rectangle {
	return p.rects.HUD.Union(p.rects.LLC).Union(p.rects.Strip).Union(p.rects.Reservation)
}
