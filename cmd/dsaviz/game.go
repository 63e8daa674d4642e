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

// Game wires Ebiten to the run. It only orchestrates: Update reads input,
// applies commands and config changes, and advances the engine by the
// playback schedule within the CPU budget; Draw reads the run and draws
// it; Layout sizes the screen in device pixels.
type Game struct {
	mail *mailbox
	host host

	run    *session
	play   playback
	ticks  tickClock
	budget cpuBudget
	now    func() time.Time // the wall clock of playback and the budget
	// holdFrames is the number of frames drawn before any layer runs:
	// main shows the run at step 0 first (the first layer also generates
	// the trace's first step, which takes over 100 ms in the browser).
	holdFrames int64
	// broken is set while a layer runs and stays set if it panicked: the
	// engine may be half-way through a layer, so it is not advanced again
	// until a new run starts (R or a config change).
	broken bool

	// launched holds the page parameters the link started with that the
	// shared link keeps (play=0, lecture=1); its speed follows the slider.
	launched   page
	shownQuery string // the query the page's address shows
	// keepLink leaves a link with mistakes in the address, as written,
	// until the first change, so that its author can see and fix it.
	keepLink bool
	showHelp bool

	cmds    []command // reused by Update
	changes []string
	chars   []rune

	panel      *ui.Panel
	panelPic   panelCache    // the panel's picture while nobody touches it
	panelW     int           // device pixels the panel takes on the right
	panelEdit  *configChange // the panel's last change, applied by Update
	panelCmds  []command     // the panel's commands, applied by Update
	cssW, cssH int           // the window in CSS pixels, from Layout

	scene *render.Scene // the pictures; reads the engine in Draw

	frames    int64
	errMsg    string  // last user-facing error, "" if none
	panicDraw bool    // test hook armed by cmdPanicInDraw
	scale     float64 // device pixels per CSS pixel, from Layout
	fps, tps  float64

	updateMs, drawMs windowMean // CPU time per Update and Draw

	// keepScreen is set when Ebiten does not clear the screen between
	// frames (main): a frame then draws only what changed. lastDraw is
	// what the last frame left on the screen.
	keepScreen bool
	lastDraw   drawnScreen
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
	scene := render.NewScene(font)
	g := &Game{
		mail: m, host: h, scene: scene, scale: 1, now: time.Now,
		play:     playback{speed: l.speed},
		budget:   cpuBudget{share: simShare, limit: simBurst},
		launched: l.page,
		keepLink: len(l.problem) > 0,
	}
	g.panel, err = ui.New(l.cfg, shownPreset(l.cfg, l.preset),
		ui.InitialSpeed(l.speed),
		ui.Font(font),
		ui.Lecture(l.lecture),
		ui.OnConfig(g.panelConfig),
		ui.OnCommand(g.panelCommand),
		ui.OnSpeed(g.setSpeed))
	if err != nil {
		return nil, err
	}
	// The slider has stops: play at the one it shows.
	g.play.speed = g.panel.Speed()
	g.shownQuery = shareQuery(l.cfg, l.preset, g.pageNow())

	problems := l.problem
	if err := g.start(l.cfg, l.preset); err != nil {
		// parseLaunch validated the config, so this is the engine refusing
		// it: fall back to the defaults, which must run.
		problems = append(problems, fmt.Sprintf("The link's config cannot run (%v); using the default config.", err))
		if err := g.start(config.DefaultConfig(), ""); err != nil {
			return nil, fmt.Errorf("the default config cannot run: %w", err)
		}
	}
	if len(problems) > 0 {
		g.setError(strings.Join(problems, " "))
	}
	if !l.paused {
		g.play.play()
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
	defer g.updateMs.addSince(start)
	defer g.recoverFrame("Update")
	g.fps, g.tps = ebiten.ActualFPS(), ebiten.ActualTPS()

	g.cmds, g.changes = g.mail.take(g.cmds, g.changes)
	g.panelW = g.panel.Width(g.scale, g.zoom())
	g.panel.UI().Update() // its callbacks queue commands and a config change
	g.cmds = append(g.cmds, g.panelCmds...)
	g.panelCmds = g.panelCmds[:0]
	if !g.panel.TypingFocused() {
		keys := readKeys(g.chars)
		g.chars = keys.chars
		g.cmds = shortcuts(keys, g.cmds)
	}
	if ch := g.panelEdit; ch != nil {
		g.panelEdit = nil
		g.applyPanelConfig(*ch)
	}
	for _, q := range g.changes {
		g.applyChange(q)
	}
	for _, c := range g.cmds {
		g.do(c)
	}
	g.advance()
	g.scene.Tick()
	g.panel.SetPlaying(g.play.playing)
	w, h := g.screenSize()
	g.panelPic.invalidateOnInput(panelShows{
		playing: g.play.playing, err: g.errMsg, speed: g.play.speed, cfg: g.run.cfg, preset: g.run.preset,
		w: w, h: h, panelW: g.panelW,
	}, g.panel.TypingFocused())
	return nil
}

// zoom is render.UIZoom of the window.
func (g *Game) zoom() float64 { return render.UIZoom(float64(g.cssW), float64(g.cssH)) }

// Draw draws the scene left of the panel (with the error banner and the
// help), then the panel. Each part recovers its own panics, so a broken
// scene still leaves the controls, and the error shows in the panel.
func (g *Game) Draw(screen *ebiten.Image) {
	start := time.Now()
	kept := g.screenKept(screen)
	sceneOK := g.drawScene(screen, kept)
	live, panelOK := g.drawPanel(screen, kept)
	g.drawn(screen, sceneOK, panelOK, live)
	g.frames++
	g.drawMs.addSince(start)
	g.host.frameDrawn(g.frames)
}

// screenKept reports whether screen still holds the whole last frame, so
// that this one may draw only what changed.
func (g *Game) screenKept(screen *ebiten.Image) bool {
	return g.keepScreen && g.lastDraw.whole && g.lastDraw.size == screen.Bounds().Size() && g.frames%fullRedrawFrames != 0
}

// drawn records what a frame left on screen. A live panel may have drawn
// over the scene (a tooltip, an open list): the next frame draws
// everything again.
func (g *Game) drawn(screen *ebiten.Image, sceneOK, panelOK, live bool) {
	g.lastDraw = drawnScreen{size: screen.Bounds().Size(), whole: sceneOK && panelOK && !live}
}

// drawScene draws the scene left of the panel and reports whether it got
// through without a panic.
func (g *Game) drawScene(screen *ebiten.Image, kept bool) (ok bool) {
	defer g.recoverFrame("Draw")
	if g.panicDraw {
		g.panicDraw = false
		panic("test panic requested through dsaviz.testPanic(\"draw\")")
	}
	b := screen.Bounds()
	area := image.Rect(b.Min.X, b.Min.Y, max(b.Min.X, b.Max.X-g.panelW), b.Max.Y)
	g.scene.Draw(screen, area, g.run.eng, render.Status{
		Playing:  g.play.playing,
		Speed:    g.play.speed,
		FPS:      g.fps,
		TPS:      g.tps,
		Scale:    g.scale,
		Zoom:     g.zoom(),
		ShowHelp: g.showHelp,
		Error:    g.errMsg,
		Kept:     kept,
	})
	return true
}

// drawPanel draws the panel and reports whether it drew the live UI (see
// panelCache.draw) and whether it got through without a panic.
func (g *Game) drawPanel(screen *ebiten.Image, kept bool) (live, ok bool) {
	defer g.recoverFrame("the panel's Draw")
	return g.panelPic.draw(screen, g.panelW, g.panel.UI().Draw, kept), true
}

// Layout returns the screen size in device pixels, so that the picture is
// sharp on HiDPI screens: Ebiten passes the window size in CSS pixels (or
// device-independent pixels on the desktop).
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.scale = s
	g.cssW, g.cssH = outsideWidth, outsideHeight
	return int(math.Ceil(float64(outsideWidth) * s)), int(math.Ceil(float64(outsideHeight) * s))
}

// screenSize is the screen in device pixels, as Layout returned it.
func (g *Game) screenSize() (int, int) {
	return int(math.Ceil(float64(g.cssW) * g.scale)), int(math.Ceil(float64(g.cssH) * g.scale))
}

// recoverFrame, deferred at the top of a frame's work, turns a panic into
// a user-facing error and pauses playback.
func (g *Game) recoverFrame(phase string) {
	r := recover()
	if r == nil {
		return
	}
	g.play.pause()
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
	if g.panel != nil {
		g.panel.SetError(msg)
	}
}

// publish hands the current statistics to the bridge.
func (g *Game) publish() {
	st := Stats{
		FPS: g.fps, TPS: g.tps, Frames: g.frames,
		Playing: g.play.playing, Speed: g.play.speed, Help: g.showHelp,
		UpdateMillis: g.updateMs.mean, DrawMillis: g.drawMs.mean,
	}
	g.run.stats(&st)
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
