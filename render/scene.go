package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

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
}

// NewScene returns a scene that writes in font (see LoadFont); its images
// are made on the first Draw.
func NewScene(font *text.GoTextFaceSource) *Scene {
	return &Scene{pal: DefaultPalette(), fonts: &fonts{src: font}, gen: -1}
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
// text scaled by st.Zoom * st.Scale. It reads e without changing it.
func (s *Scene) Draw(dst *ebiten.Image, area image.Rectangle, e *engine.Engine, st Status) {
	if s.paint == nil {
		s.paint = newPainter()
	}
	area = area.Intersect(dst.Bounds())
	if area.Empty() {
		return
	}
	z := st.Zoom * st.Scale
	if !(z > 0 && z < 100) {
		z = 1
	}
	if e != s.model.eng {
		s.model.reset(e)
	}
	if s.fonts.setZoom(z) || area != s.area || s.model.gen != s.gen {
		s.layout(area, e)
	}
	s.paint.rect(dst, area.Min.X, area.Min.Y, area.Dx(), area.Dy(), s.pal.Background)
	if e == nil {
		s.none.set("No simulation to show", s.fonts.gTitle, s.pal.Muted)
		m := px(marginSize, z)
		s.paint.text(dst, &s.none, area.Min.X+m, area.Min.Y+m)
	} else {
		s.drawRun(dst, e, st)
	}
	s.banner.layout(st.Error, area, s.fonts, &s.pal)
	s.banner.draw(dst, s.paint, &s.pal)
	if st.ShowHelp && e != nil {
		s.help.layout(area, s.fonts, &s.pal, s.paint, e.Config())
		s.help.draw(dst, s.paint)
	}
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

// drawRun brings the pictures up to date and draws every view.
func (s *Scene) drawRun(dst *ebiten.Image, e *engine.Engine, st Status) {
	cfg := e.Config()
	s.frame++
	l := &s.model.llc
	read := s.readGen != s.model.gen || s.frame-s.lastRead >= ReadEvery || l.sets*(l.ways[0]+l.ways[1]) <= ReadAlways
	ch := s.model.updateRead(e, read)
	if ch.read {
		s.lastRead, s.readGen = s.frame, s.model.gen
	}
	if ch.llc || s.llc.dirty {
		s.llc.upload(&s.model, &s.pal)
	}
	if ch.llc || s.res.dirty {
		s.res.upload(&s.model, s.fonts, &s.pal, cfg)
	}
	if ch.strip || s.strip.dirty {
		s.strip.upload(&s.model, s.fonts, &s.pal, cfg)
	}
	s.hud.update(e, st, s.fonts, &s.pal)
	s.hud.draw(dst, s.paint)
	s.llc.draw(dst, s.paint, &s.pal)
	s.legend.draw(dst, s.paint)
	s.res.draw(dst, s.paint)
	s.strip.draw(dst, s.paint)
}
