package main

import (
	"fmt"
	"image"
	"log"
	"math"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/render"
	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/ui"
)

// host is where the Game reports to the page around it: the JavaScript
// bridge in the browser (bridge_js.go), nothing on the desktop.
type host interface {
	// frameDrawn is called after every Draw with the number of frames
	// drawn so far.
	frameDrawn(frames int64)
	// setError is called when the user-facing error changes ("" for none).
	setError(msg string)
	// showQuery makes the page's address end in ?query (no query if ""),
	// without reloading or adding to the history.
	showQuery(query string)
	// download hands a file to the user: a download in the browser, a
	// file in the working directory on the desktop. It reports where it
	// went, or why it failed.
	download(name, mime string, data []byte) (string, error)
	// openTrace asks the user for an index log file (the page then hands
	// it over through the mailbox); setTrace names the trace the runs
	// replay ("" for the generator).
	openTrace()
	setTrace(name string)
}

// The simulation's CPU budget (cpuBudget): simShare of the main thread's
// time, which leaves the rest to drawing and the browser, in bursts of at
// most simBurst (after a pause, or a frame the browser delayed). 0.7 lets
// dsv32-h100 reach 8 to 10 decode steps/s flat out in headless Chromium
// here (0.5 gave 5.5 to 7) while the page still draws 3 to 4 frames a
// second; it only matters flat out: slower speeds need less.
const (
	simShare = 0.7
	simBurst = 50 * time.Millisecond
)

// Game wires Ebiten to the runs. It only orchestrates: Update reads input,
// applies commands and config changes, and advances the runs by the
// playback schedule within the CPU budget; Draw reads the runs and draws
// them; Layout sizes the screen in device pixels. Its state comes in three
// groups: the runs and their schedule (run), what is on screen (screen),
// and what the page's address shares (link).
type Game struct {
	mail *mailbox
	host host
	now  func() time.Time // the wall clock of playback and the budget

	run    runState
	screen screenState
	link   linkState
	input  inputQueue

	errMsg   string // last user-facing error, "" if none
	showHelp bool
	helpPage int // the help's page shown, 0-based
}

// runState is what is simulated, and when.
type runState struct {
	*runs
	play   playback
	ticks  tickClock
	budget cpuBudget
	// holdFrames is the number of frames drawn before any layer runs:
	// main shows the run at step 0 first (the first layer also generates
	// the trace's first step, which takes over 100 ms in the browser).
	holdFrames int64
	// broken is set while a layer runs and stays set if it panicked: the
	// engines may be half-way through a layer, so they are not advanced
	// again until new runs start (R or a config change).
	broken bool
	// layerCost is a running mean of the time a layer takes.
	layerCost time.Duration
	// shownFrame is the number of frames drawn when a layer's events were
	// last folded into the scene: playing, a layer is shown only once a
	// frame has drawn the last one (see advanceLayer).
	shownFrame int64
	// curve follows the runs' trace with the token reservation's curve,
	// while the charts are shown; minGap is the MIN the charts measured
	// themselves, for the runs minOf.
	curve  curveFollower
	minGap *render.MINGap
	minOf  *runs
}

// screenState is what is drawn: the scene, the panel and their sizes.
type screenState struct {
	scene    *render.Scene // the pictures; reads the runs in Draw
	panel    *ui.Panel
	panelPic panelCache // the panel's picture while nobody touches it
	panelW   int        // device pixels the panel takes on the right
	cssW     int        // the window in CSS pixels, from Layout
	cssH     int
	scale    float64 // device pixels per CSS pixel, from Layout

	editB            bool // the panel edits B (while comparing)
	frames           int64
	fps, tps         float64
	updateMs, drawMs windowMean       // CPU time per Update and Draw
	panicDraw        bool             // test hook armed by cmdPanicInDraw
	exportPNG        bool             // the next Draw saves the screen as a PNG
	measured         *render.Measured // the trace's statistics and MIN, measured when the help opens
	measuredOf       *runs            // the runs measured was measured on
	curve            *render.Curve    // the charts' reservation curve (nil: none counted)
	touches          []ebiten.TouchID

	// keepScreen is set when Ebiten does not clear the screen between
	// frames (main): a frame then draws only what changed. lastDraw is
	// what the last frame left on the screen.
	keepScreen bool
	lastDraw   drawnScreen
}

// linkState is what the page's address shares.
type linkState struct {
	// launched holds the page parameters the link started with that the
	// shared link keeps (play=0, lecture=1); its speed follows the slider.
	launched page
	shown    string // the query the page's address shows
	// keep leaves a link with mistakes in the address, as written, until
	// the first change, so that its author can see and fix it.
	keep bool
	// moment is the at= the address shows (-1 while playing, where a link
	// has none), so that Update rewrites the address only when it changes.
	moment int
	// tour is the guided tour's scene on screen (1-based, 0: none), while
	// the runs are tourSpec, the ones it set.
	tour     int
	tourSpec runSpec
	// tourHelp is the step at which the scene on screen pauses (and may
	// open the help; 0: none; see Game.tourHelp).
	tourHelp int
}

// inputQueue holds what Update gathers before it acts: the page's and the
// panel's requests and the keys, in buffers reused from tick to tick.
type inputQueue struct {
	cmds      []command
	changes   []string
	chars     []rune
	panelEdit *configChange // the panel's last change, applied by Update
	panelCmds []command     // the panel's commands, applied by Update
	panelJump int           // the step the panel's step field asks for, -1: none
}

// drawnScreen is what a frame left on the screen: its size, and whether it
// holds the whole picture (the scene and the panel drawn without a panic,
// and nothing of the live panel over the scene).
type drawnScreen struct {
	size  image.Point
	whole bool
}

// fullRedrawFrames is how often, in frames, everything is drawn again even
// when the screen holds it (a safety net, e.g. for a lost GL context).
const fullRedrawFrames = 600

// newGame returns a Game running what the link l asks for, reporting to h
// and reading the page's requests from m.
func newGame(m *mailbox, h host, l launch) (*Game, error) {
	font, err := render.LoadFont()
	if err != nil {
		return nil, err
	}
	g := &Game{
		mail: m, host: h, now: time.Now,
		run: runState{
			play:       playback{speed: l.speed},
			budget:     cpuBudget{share: simShare, limit: simBurst},
			shownFrame: -1,
		},
		screen: screenState{scene: render.NewScene(font), scale: 1},
		link:   linkState{launched: l.page, keep: len(l.problem) > 0},
		input:  inputQueue{panelJump: -1},
	}
	g.screen.panel, err = ui.New(l.spec.cfg, shownPreset(l.spec.cfg, l.spec.preset),
		ui.InitialSpeed(l.speed),
		ui.Font(font),
		ui.Lecture(l.lecture),
		ui.OnConfig(g.panelConfig),
		ui.OnCommand(g.panelCommand),
		ui.OnSpeed(g.setSpeed),
		ui.OnJump(g.panelJump))
	if err != nil {
		return nil, err
	}
	// The slider has stops: play at the one it shows.
	g.run.play.speed = g.screen.panel.Speed()
	g.screen.scene.SetLecture(l.lecture)
	g.link.shown = shareQuery(l.spec, g.pageNow(), 0)

	problems := l.problem
	if err := g.start(l.spec); err != nil {
		// parseLaunch validated the config, so this is the engine refusing
		// it: fall back to the defaults, which must run.
		problems = append(problems, fmt.Sprintf("The link's config cannot run (%v); using the default config.", err))
		def := config.DefaultConfig()
		if err := g.start(runSpec{cfg: def, b: compare.DefaultB(def)}); err != nil {
			return nil, fmt.Errorf("the default config cannot run: %w", err)
		}
	}
	if len(problems) > 0 {
		g.setError(strings.Join(problems, " "))
	}
	if l.tour > 0 {
		g.link.tour, g.link.tourSpec = l.tour, g.run.spec
		g.link.tourHelp = tourScenes[l.tour-1].pauseAt
	}
	if l.at > 0 {
		g.run.jump(l.at)
	}
	if !l.paused {
		g.run.play.play()
	}
	return g, nil
}

// Update applies the keys, the panel's and the page's requests, and
// advances the engine. A panic is recovered here, at the frame boundary:
// playback pauses and the error is shown, instead of the Wasm program
// ending with a dead canvas.
func (g *Game) Update() error {
	start := time.Now()
	defer g.publish() // runs last, after any recovery
	defer g.screen.updateMs.addSince(start)
	defer g.recoverFrame("Update")
	sc, in := &g.screen, &g.input
	sc.fps, sc.tps = ebiten.ActualFPS(), ebiten.ActualTPS()

	in.cmds, in.changes = g.mail.take(in.cmds, in.changes)
	if g.link.launched.embed {
		sc.panelW = 0 // a course page's iframe: the scene alone, keys still work
	} else {
		sc.panelW = sc.panel.Width(sc.scale, g.zoom())
		sc.panel.UI().Update() // its callbacks queue commands and a config change
	}
	in.cmds = append(in.cmds, in.panelCmds...)
	in.panelCmds = in.panelCmds[:0]
	if !sc.panel.TypingFocused() {
		keys := readKeys(in.chars)
		in.chars = keys.chars
		in.cmds = shortcuts(keys, in.cmds)
	}
	if ch := in.panelEdit; ch != nil {
		in.panelEdit = nil
		g.applyPanelConfig(*ch)
	}
	if in.panelJump >= 0 {
		g.jumpTo(in.panelJump)
		in.panelJump = -1
	}
	for _, q := range in.changes {
		g.applyChange(q)
	}
	for _, f := range g.mail.takeTraces() {
		g.loadTrace(f)
	}
	for _, c := range in.cmds {
		g.do(c)
	}
	g.advance()
	g.followCurve()
	g.tourHelp()
	g.syncRequest()
	g.syncMoment()
	sc.scene.Tick()
	sc.panel.SetPlaying(g.run.play.playing)
	sc.panel.SetStep(g.moment()) // none while playing: the picture stays

	w, h := g.screenSize()
	sc.panelPic.invalidateOnInput(panelShows{
		playing: g.run.play.playing, err: g.errMsg, speed: g.run.play.speed, cfg: g.run.spec.cfg, preset: g.run.spec.preset,
		w: w, h: h, panelW: sc.panelW, step: g.moment(), compare: g.run.spec.compare, editB: g.editingB(),
		lecture: g.link.launched.lecture, request: g.link.launched.request,
	}, sc.panel.TypingFocused())
	return nil
}

// setLecture switches the scene and the panel to the lecture theme (on)
// or back to the default one; the shared link keeps it (lecture=1).
func (g *Game) setLecture(on bool) {
	g.link.launched.lecture = on
	g.screen.scene.SetLecture(on)
	g.screen.panel.SetLecture(on)
	g.showURL()
}

// zoom is render.UIZoom of the window.
func (g *Game) zoom() float64 { return render.UIZoom(float64(g.screen.cssW), float64(g.screen.cssH)) }

// Draw draws the scene left of the panel (with the error banner and the
// help), then the panel. Each part recovers its own panics, so a broken
// scene still leaves the controls, and the error shows in the panel.
func (g *Game) Draw(screen *ebiten.Image) {
	start := time.Now()
	kept := g.screenKept(screen)
	sceneOK := g.drawScene(screen, kept)
	live, panelOK := g.drawPanel(screen, kept)
	g.drawn(screen, sceneOK, panelOK, live)
	if g.screen.exportPNG {
		g.screen.exportPNG = false
		g.savePNG(screen)
	}
	g.screen.frames++
	g.screen.drawMs.addSince(start)
	g.host.frameDrawn(g.screen.frames)
}

// screenKept reports whether screen still holds the whole last frame, so
// that this one may draw only what changed.
func (g *Game) screenKept(screen *ebiten.Image) bool {
	sc := &g.screen
	return sc.keepScreen && sc.lastDraw.whole && sc.lastDraw.size == screen.Bounds().Size() && sc.frames%fullRedrawFrames != 0
}

// drawn records what a frame left on screen. A live panel may have drawn
// over the scene (a tooltip, an open list): the next frame draws
// everything again.
func (g *Game) drawn(screen *ebiten.Image, sceneOK, panelOK, live bool) {
	g.screen.lastDraw = drawnScreen{size: screen.Bounds().Size(), whole: sceneOK && panelOK && !live}
}

// drawScene draws the scene left of the panel and reports whether it got
// through without a panic.
func (g *Game) drawScene(screen *ebiten.Image, kept bool) (ok bool) {
	defer g.recoverFrame("Draw")
	sc := &g.screen
	if sc.panicDraw {
		sc.panicDraw = false
		panic("test panic requested through dsaviz.testPanic(\"draw\")")
	}
	b := screen.Bounds()
	area := image.Rect(b.Min.X, b.Min.Y, max(b.Min.X, b.Max.X-sc.panelW), b.Max.Y)
	pt := sc.pointer()
	sc.scene.Draw(screen, area, g.run.views(), render.Status{
		Playing:   g.run.play.playing,
		Speed:     g.run.play.speed,
		FPS:       sc.fps,
		TPS:       sc.tps,
		Scale:     sc.scale,
		Zoom:      g.zoom(),
		ShowHelp:  g.showHelp,
		HelpPage:  g.helpPage,
		Seek:      g.run.seekShown(),
		Charts:    g.link.launched.charts,
		Curve:     sc.curve,
		Measured:  sc.measured,
		Error:     g.errMsg,
		Caption:   g.caption(),
		Kept:      kept,
		Pointer:   pt,
		PointerIn: pt.In(area),
	})
	g.mail.publishHover(newHoverInfo(sc.scene.Hover(), sc.scale))
	return true
}

// pointer is where the first touch is, or else the mouse cursor, in
// device pixels: Ebiten gives both in the screen's coordinates, which
// Layout makes device pixels.
func (sc *screenState) pointer() image.Point {
	sc.touches = ebiten.AppendTouchIDs(sc.touches[:0])
	if len(sc.touches) > 0 {
		return image.Pt(ebiten.TouchPosition(sc.touches[0]))
	}
	return image.Pt(ebiten.CursorPosition())
}

// drawPanel draws the panel and reports whether it drew the live UI (see
// panelCache.draw) and whether it got through without a panic.
func (g *Game) drawPanel(screen *ebiten.Image, kept bool) (live, ok bool) {
	defer g.recoverFrame("the panel's Draw")
	sc := &g.screen
	if g.link.launched.embed {
		return false, true
	}
	return sc.panelPic.draw(screen, sc.panelW, sc.panel.UI().Draw, kept), true
}

// Layout returns the screen size in device pixels, so that the picture is
// sharp on HiDPI screens: Ebiten passes the window size in CSS pixels (or
// device-independent pixels on the desktop).
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.screen.scale = s
	g.screen.cssW, g.screen.cssH = outsideWidth, outsideHeight
	return int(math.Ceil(float64(outsideWidth) * s)), int(math.Ceil(float64(outsideHeight) * s))
}

// screenSize is the screen in device pixels, as Layout returned it.
func (g *Game) screenSize() (int, int) {
	sc := &g.screen
	return int(math.Ceil(float64(sc.cssW) * sc.scale)), int(math.Ceil(float64(sc.cssH) * sc.scale))
}

// recoverFrame, deferred at the top of a frame's work, turns a panic into
// a user-facing error and pauses playback.
func (g *Game) recoverFrame(phase string) {
	r := recover()
	if r == nil {
		return
	}
	g.run.play.pause()
	log.Printf("dsaviz: panic in %s: %v\n%s", phase, r, debug.Stack())
	g.setError(fmt.Sprintf("Internal error in %s: %v. Playback is paused; press R to restart the run.", phase, r))
}

// setError records the user-facing error and tells the page.
func (g *Game) setError(msg string) {
	if msg == g.errMsg {
		return
	}
	g.errMsg = msg
	g.host.setError(msg)
	if g.screen.panel != nil {
		g.screen.panel.SetError(msg)
	}
}

// publish hands the current statistics to the bridge.
func (g *Game) publish() {
	sc := &g.screen
	st := Stats{
		FPS: sc.fps, TPS: sc.tps, Frames: sc.frames,
		Playing: g.run.play.playing, Speed: g.run.play.speed, Help: g.showHelp, Charts: g.link.launched.charts, Lecture: g.link.launched.lecture,
		Tour:         g.tourShown(),
		HelpPages:    sc.scene.HelpPages(),
		Request:      g.link.launched.request + 1,
		UpdateMillis: sc.updateMs.mean, DrawMillis: sc.drawMs.mean,
		Curve: g.run.curve.stats(),
	}
	if g.showHelp {
		st.HelpPage = g.helpPage + 1
	}
	g.run.stats(&st)
	g.run.fillRequests(&st)
	g.mail.publish(st)
}

// windowMean is the mean of durations over windows of windowFrames
// samples: mean holds the last complete window, in milliseconds. Windows
// (rather than a running average) let the slow first frames, which compile
// shaders and cache glyphs, drop out entirely.
type windowMean struct {
	mean float64
	sum  time.Duration
	n    int
}

const windowFrames = 30

func (m *windowMean) addSince(start time.Time) {
	m.sum += time.Since(start)
	m.n++
	if m.n == windowFrames {
		m.mean = float64(m.sum.Microseconds()) / 1000 / windowFrames
		m.sum, m.n = 0, 0
	}
}
