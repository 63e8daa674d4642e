package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/internal/fontface"
	"dsaviz/sim/engine"
)

// Status is what the app tells the scene about itself, every frame.
type Status struct {
	Playing  bool
	Speed    float64 // decode steps per second asked for
	FPS, TPS float64
	Scale    float64 // device pixels per CSS pixel
	Zoom     float64 // render.UIZoom of the window
	ShowHelp bool    // draw the help overlay over area
	Error    string  // the current user-facing error ("" none); drawn as a banner
	// Kept reports that dst still holds what the scene drew there last
	// (the app does not clear the screen between frames): Draw then draws
	// only when something it shows changed, which spares the software
	// renderers of the browser most of their work while the run is paused.
	Kept bool
}

// Scene draws a run of the engine: the LLC view, the reservation view, the
// token strip, the HUD, the legend, the help overlay and the error banner.
//
// It follows the Game's split of time: Reset, Observe and Tick change the
// scene's own state in Update; Draw only reads the engine (peeks), and
// reads it again only after it advanced. Every picture is a palette-index
// raster in plain Go, filled into a reused pixel buffer and uploaded with
// one WritePixels when it changed; text is drawn once into label images
// when its value changes. So a frame where nothing changed allocates
// nothing, and one where flashes fade allocates nothing either.
type Scene struct {
	pal   Palette
	model sceneModel
	fonts *fonts
	paint *painter

	frame    int // Draws of an engine so far
	lastRead int // the frame that last read the engine
	readGen  int // the model generation it read

	area  image.Rectangle // the area the layout was made for
	gen   int             // the model generation the layout was made for
	rects sceneRects

	hud    hudView
	llc    llcView
	res    reservationView
	strip  stripView
	legend legendView
	help   helpView
	banner bannerView
	none   textLine // shown without an engine

	drawnHelp bool // the help overlay was on the last picture drawn
}

// NewScene returns a scene that writes in font (see LoadFont); its images
// are made on the first Draw.
func NewScene(font *fontface.Font) *Scene {
	return &Scene{pal: DefaultPalette(), fonts: &fonts{font: font}, gen: -1}
}

// Reset starts drawing engine e (a new config, or the same run reset):
// it forgets every flash and sizes the buffers for e's geometry.
func (s *Scene) Reset(e *engine.Engine) { s.model.reset(e) }

// Observe folds the events of the layer e just ran (AdvanceLayer's result)
// into the flashes. Call it after each AdvanceLayer, in Update.
func (s *Scene) Observe(e *engine.Engine, ev []engine.Event) { s.model.observe(e, ev) }

// Tick advances the flashes' fading by one tick. Call it once per Update.
func (s *Scene) Tick() { s.model.tick() }

// Draw draws the scene for engine e into area of dst (device pixels), with
// text scaled by st.Zoom * st.Scale, and reports whether it drew: with
// st.Kept, nothing is drawn when nothing changed. It reads e without
// changing it.
func (s *Scene) Draw(dst *ebiten.Image, area image.Rectangle, e *engine.Engine, st Status) bool {
	if s.paint == nil {
		s.paint = newPainter()
	}
	area = area.Intersect(dst.Bounds())
	if area.Empty() {
		return false
	}
	z := st.Zoom * st.Scale
	if !(z > 0 && z < 100) {
		z = 1
	}
	if e != s.model.eng {
		s.model.reset(e)
	}
	changed := !st.Kept || e == nil || st.ShowHelp != s.drawnHelp
	if s.fonts.setZoom(z) || area != s.area || s.model.gen != s.gen {
		s.layout(area, e)
		changed = true
	}
	if e != nil && s.refresh(e, st) {
		changed = true
	}
	if s.banner.layout(st.Error, area, s.fonts, &s.pal) {
		changed = true
	}
	help := st.ShowHelp && e != nil
	if help && s.help.layout(area, s.fonts, &s.pal, s.paint, e.Config()) {
		changed = true
	}
	if !changed {
		return false
	}
	s.drawnHelp = st.ShowHelp
	s.paint.rect(dst, area.Min.X, area.Min.Y, area.Dx(), area.Dy(), s.pal.Background)
	if e == nil {
		s.none.set("No simulation to show", s.fonts.gTitle, s.pal.Muted)
		m := px(marginSize, z)
		s.paint.text(dst, &s.none, area.Min.X+m, area.Min.Y+m)
	} else {
		s.drawViews(dst)
	}
	s.banner.draw(dst, s.paint, &s.pal)
	if help {
		s.help.draw(dst, s.paint)
	}
	return true
}

// layout places every view in area for the current zoom and engine.
func (s *Scene) layout(area image.Rectangle, e *engine.Engine) {
	s.area, s.gen = area, s.model.gen
	z := s.fonts.zoom
	s.rects = layoutScene(area, z, legendHeight(z), s.model.hasSlots())
	s.hud.layout(s.rects.HUD)
	s.legend.layout(s.rects.Legend, s.fonts, &s.pal, s.paint)
	if e == nil {
		return
	}
	cfg := e.Config()
	s.llc.layout(s.rects.LLC, &s.model, s.fonts, &s.pal, cfg)
	s.res.layout(s.rects.Reservation, &s.model, s.fonts, &s.pal, cfg)
	s.strip.layout(s.rects.Strip, &s.model, s.fonts, &s.pal)
}

// ReadEvery is the most often, in frames, that Draw reads the whole
// engine again while it keeps advancing, for caches of more than
// ReadAlways lines: reading dsv32-h100's 409,600 lines and redrawing its
// picture cost a few milliseconds (more in Wasm) that the simulation can
// use. Between two reads the picture stays as it was.
const (
	ReadEvery  = 2
	ReadAlways = 1 << 16
)

// refresh brings the pictures and the HUD up to date and reports whether
// any of them changed.
func (s *Scene) refresh(e *engine.Engine, st Status) bool {
	cfg := e.Config()
	s.frame++
	l := &s.model.llc
	read := s.readGen != s.model.gen || s.frame-s.lastRead >= ReadEvery || l.sets*(l.ways[0]+l.ways[1]) <= ReadAlways
	ch := s.model.updateRead(e, read)
	if ch.read {
		s.lastRead, s.readGen = s.frame, s.model.gen
	}
	changed := false
	if ch.llc || s.llc.dirty {
		s.llc.upload(&s.model, &s.pal)
		changed = true
	}
	if ch.llc || s.res.dirty {
		s.res.upload(&s.model, s.fonts, &s.pal, cfg)
		changed = true
	}
	if ch.strip || s.strip.dirty {
		s.strip.upload(&s.model, s.fonts, &s.pal, cfg)
		changed = true
	}
	if s.hud.update(e, st, s.fonts, &s.pal) {
		changed = true
	}
	return changed
}

// drawViews draws every view of a run.
func (s *Scene) drawViews(dst *ebiten.Image) {
	s.hud.draw(dst, s.paint)
	s.llc.draw(dst, s.paint, &s.pal)
	s.legend.draw(dst, s.paint)
	s.res.draw(dst, s.paint)
	s.strip.draw(dst, s.paint)
}
