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
	HelpPage int     // the help's page shown, 0-based (see Scene.HelpPages)
	// Seek is the step a jump is re-simulating to, as the HUD counts steps
	// (it ends after that step's last layer), 0 when none: the HUD shows
	// the jump's progress.
	Seek    int
	Error   string // the current user-facing error ("" none); drawn as a banner
	Caption string // the guided tour's caption ("" none); drawn along the top
	// Charts shows the charts of the runs instead of their caches, and
	// Curve the token reservation's curve among them (nil: none counted).
	Charts bool
	Curve  *Curve
	// Measured is what the help shows of the runs (nil: none measured);
	// a new pointer lays the help out again.
	Measured *Measured
	// Kept reports that dst still holds what the scene drew there last
	// (the app does not clear the screen between frames): Draw then draws
	// only when something it shows changed, which spares the software
	// renderers of the browser most of their work while the run is paused.
	Kept bool
	// Pointer is where the mouse (or a touch) is, in device pixels, and
	// PointerIn whether it is over the scene: Draw then shows a tooltip of
	// what lies under it (see Scene.Hover).
	Pointer   image.Point
	PointerIn bool
}

// Runs are the runs the scene draws: A alone (B not Valid), or A and B side
// by side on the same trace.
type Runs struct{ A, B engine.View }

// count is the number of runs: 0, 1 or 2.
func (r Runs) count() int {
	switch {
	case !r.A.Valid():
		return 0
	case !r.B.Valid():
		return 1
	}
	return 2
}

// at is run i (0 is A).
func (r Runs) at(i int) engine.View {
	if i == 0 {
		return r.A
	}
	return r.B
}

// Scene draws the runs: for each, a pane with its HUD, LLC view,
// reservation view and token strip (side by side when comparing, with the
// comparison line over them); the legend, the help overlay and the error
// banner.
//
// It follows the Game's split of time: Reset, Observe and Tick change the
// scene's own state in Update; Draw only reads the runs (through read-only
// views), and reads them again only after they advanced. Every picture is a
// palette-index raster in plain Go, filled into a reused pixel buffer and
// uploaded with one WritePixels when it changed; text is drawn once into
// label images when its value changes. So a frame where nothing changed
// allocates nothing, and one where flashes fade allocates nothing either.
type Scene struct {
	pal   Palette
	fonts *fonts
	paint *painter

	panes [2]pane
	n     int // runs drawn: 0, 1 or 2
	// frames counts the refreshes; with two panes, both draw their
	// pictures on even frames only (see pane.refresh), together, so
	// that A's and B's show the same layer.
	frames int
	// partialDraws counts the Draws that redrew only the views that
	// changed.
	partialDraws int
	compareCover coverage // what the comparison line drew last

	area    image.Rectangle // the area the layout was made for
	laidOut int             // the number of runs it was made for
	charted bool            // the layout shows the charts
	compare compareView
	charts  chartsView
	legend  legendView
	help    helpView
	banner  bannerView
	caption bannerView
	tip     tooltipView
	none    textLine // shown without a run

	drawnHelp bool // the help overlay was on the last picture drawn
	lecture   bool // the lecture theme: LecturePalette, text LectureZoom larger
}

// LectureZoom is how much larger the lecture theme draws every text (and
// the layout around it) than the default theme, so that it reads from
// the back of a lecture hall.
const LectureZoom = 1.25

// SetLecture switches the scene to the lecture theme (on) or back to the
// default one: its palette, and its text LectureZoom times larger. Every
// picture drawn in the old palette (labels, legend, banners, help, charts)
// is made again on the next Draw; the runs' flashes are kept.
func (s *Scene) SetLecture(on bool) {
	if on == s.lecture {
		return
	}
	s.lecture = on
	s.pal = PaletteFor(on)
	s.fonts.title = nil // setZoom makes the faces again: the layout follows
	s.laidOut = -1
	s.banner.z, s.caption.z, s.help.z = 0, 0, 0
}

// HelpPages is the number of pages the help took when last drawn (at
// least 1): H shows the next, and closes the help after the last.
func (s *Scene) HelpPages() int { return s.help.Pages() }

// Lecture reports whether the scene draws the lecture theme.
func (s *Scene) Lecture() bool { return s.lecture }

// Palette returns the palette the scene draws with.
func (s *Scene) Palette() Palette { return s.pal }

// NewScene returns a scene that writes in font (see LoadFont); its images
// are made on the first Draw.
func NewScene(font *fontface.Font) *Scene {
	s := &Scene{pal: DefaultPalette(), fonts: &fonts{font: font}, laidOut: -1, banner: errorBanner(), caption: captionBanner()}
	return s
}

// Reset starts drawing runs r (a new config, or the same runs reset): it
// forgets every flash and sizes the buffers for their geometry.
func (s *Scene) Reset(r Runs) {
	s.n = r.count()
	for i := range s.panes {
		s.panes[i].reset(r.at(i))
	}
}

// Observe folds the events of the layer run i (0 is A) just ran
// (AdvanceLayer's result) into its flashes. Call it after each layer, in
// Update.
func (s *Scene) Observe(i int, v engine.View, ev []engine.Event) { s.panes[i].model.observe(v, ev) }

// Tick advances the flashes' fading by one tick. Call it once per Update.
func (s *Scene) Tick() {
	for i := range s.n {
		s.panes[i].model.tick()
	}
}

// Draw draws the scene for runs r into area of dst (device pixels), with
// text scaled by st.Zoom * st.Scale, and reports whether it drew: with
// st.Kept, nothing is drawn when nothing changed, and only the views that
// changed when nothing lies over them (a tooltip, the help, the error
// banner): a software renderer's frame costs about the pixels it fills, and
// while a run plays most frames change only the HUDs, the others the
// pictures. It reads the runs without changing them.
func (s *Scene) Draw(dst *ebiten.Image, area image.Rectangle, r Runs, st Status) bool {
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
	if s.lecture {
		z *= LectureZoom
	}
	n := r.count()
	all := !st.Kept || n == 0 || st.ShowHelp != s.drawnHelp
	zoomed := s.fonts.setZoom(z)
	if s.caption.layout(st.Caption, area, s.fonts, &s.pal) {
		all = true
	}
	views := s.caption.below(area) // the tour's caption takes the top
	stale := zoomed || views != s.area || n != s.laidOut || st.Charts != s.charted
	for i := range n {
		if s.panes[i].stale(r.at(i)) {
			stale = true
		}
	}
	s.n = n
	if stale {
		s.charted = st.Charts
		s.layout(views, r)
		all = true
	}
	var changed sceneParts
	if n > 0 {
		changed = s.refresh(r, st)
	}
	if s.banner.layout(st.Error, area, s.fonts, &s.pal) {
		all = true
	}
	if s.hover(area, st) {
		all = true
	}
	help := st.ShowHelp && n > 0
	if help && s.help.layout(area, s.fonts, &s.pal, s.paint, r.A.Config(), st.Measured, st.HelpPage) {
		all = true
	}
	if !all && changed.none() {
		return false
	}
	s.drawnHelp = st.ShowHelp
	if !all && !help && !s.banner.showing() && !s.tip.showing() {
		s.drawParts(dst, changed)
		s.partialDraws++
		return true
	}
	s.drawAll(dst, area, help)
	return true
}

// drawAll draws the whole scene into area of dst as last refreshed: the
// views, then what lies over them.
func (s *Scene) drawAll(dst *ebiten.Image, area image.Rectangle, help bool) {
	s.paint.rect(dst, area.Min.X, area.Min.Y, area.Dx(), area.Dy(), s.pal.Background)
	if s.n == 0 {
		s.none.set("No simulation to show", s.fonts.gTitle, s.pal.Muted)
		m := px(marginSize, s.fonts.zoom)
		s.paint.text(dst, &s.none, area.Min.X+m, area.Min.Y+m)
	} else {
		s.drawViews(dst)
	}
	s.banner.draw(dst, s.paint, &s.pal)
	s.caption.draw(dst, s.paint, &s.pal)
	s.tip.draw(dst, s.paint, &s.pal, s.fonts.zoom)
	if help {
		s.help.draw(dst, s.paint)
	}
}

// sceneParts names the views a refresh changed.
type sceneParts struct {
	panes   [2]paneParts
	compare bool // the comparison line
	charts  chartSet
}

// none reports whether nothing changed.
func (c sceneParts) none() bool {
	return c.panes == [2]paneParts{} && !c.compare && c.charts == 0
}

// layout places every view in area for the current zoom and runs.
func (s *Scene) layout(area image.Rectangle, r Runs) {
	s.area, s.laidOut = area, s.n
	z := s.fonts.zoom
	m := px(marginSize, z)
	bottom := area.Max.Y - m
	switch s.n {
	case 2:
		slots := [2]bool{s.panes[0].model.hasSlots(), s.panes[1].model.hasSlots()}
		c := layoutCompare(area, z, legendHeight(z), slots)
		s.compare.layout(c.Line)
		if s.charted {
			c.Legend = image.Rectangle{}
			for i := range c.Panes {
				c.Panes[i] = sceneRects{HUD: c.Panes[i].HUD}
			}
		}
		s.legend.layout(c.Legend, s.fonts, &s.pal, s.paint)
		for i := range 2 {
			s.panes[i].layout(c.Panes[i], r.at(i), s.fonts, &s.pal)
		}
		s.layoutCharts(image.Rect(c.Line.Min.X, c.Panes[0].HUD.Max.Y+m, c.Line.Max.X, bottom), r)
	default:
		p := &s.panes[0]
		rects := layoutScene(area, z, legendHeight(z), p.model.hasSlots())
		if s.charted {
			rects = sceneRects{HUD: rects.HUD}
		}
		s.compare.layout(image.Rectangle{})
		s.legend.layout(rects.Legend, s.fonts, &s.pal, s.paint)
		p.layout(rects, r.A, s.fonts, &s.pal)
		s.layoutCharts(image.Rect(rects.HUD.Min.X, rects.HUD.Max.Y+m, rects.HUD.Max.X, bottom), r)
	}
}

// layoutCharts places the charts in r when they are shown, nowhere if not.
func (s *Scene) layoutCharts(r image.Rectangle, runs Runs) {
	if !s.charted || r.Dx() <= 0 || r.Dy() <= 0 {
		r = image.Rectangle{}
	}
	s.charts.layout(r, s.fonts, runs)
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

// runNames name the panes when comparing.
var runNames = [2]string{"A", "B"}

// refresh brings every pane and the comparison line up to date and
// reports which views changed.
func (s *Scene) refresh(r Runs, st Status) sceneParts {
	var changed sceneParts
	s.frames++
	for i := range s.n {
		h := hudRun{}
		if s.n == 2 {
			h.name, h.quiet = runNames[i], true
		}
		changed.panes[i] = s.panes[i].refresh(r.at(i), st, h, s.fonts, &s.pal, s.frames%s.n == 0)
	}
	if s.n == 2 {
		changed.compare = s.compare.update(r.A, r.B, st, s.fonts, &s.pal)
	}
	if s.charted {
		changed.charts = s.charts.update(r, st.Curve, &s.pal)
	}
	return changed
}

// drawViews draws every view of the runs over the cleared scene.
func (s *Scene) drawViews(dst *ebiten.Image) {
	for i := range s.n {
		s.panes[i].draw(dst, s.paint, &s.pal, allParts, nil)
	}
	if s.n == 2 {
		s.compareCover.redraw(dst, s.paint, nil, func() { s.compare.draw(dst, s.paint) })
	}
	if s.charted {
		s.charts.draw(dst, s.paint, allCharts, nil)
		return
	}
	s.legend.draw(dst, s.paint)
}

// drawParts draws again only the views named in c, each over its area
// cleared to the background, leaving the rest of the scene as the last
// Draw left it.
func (s *Scene) drawParts(dst *ebiten.Image, c sceneParts) {
	bg := &s.pal.Background
	for i := range s.n {
		s.panes[i].draw(dst, s.paint, &s.pal, c.panes[i], bg)
	}
	if c.compare {
		s.compareCover.redraw(dst, s.paint, bg, func() { s.compare.draw(dst, s.paint) })
	}
	if s.charted {
		s.charts.draw(dst, s.paint, c.charts, bg)
	}
}
