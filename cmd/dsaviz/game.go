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
	"dsaviz/sim/engine"
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
// most simBurst (after a pause, or a frame the browser delayed).
const (
	simShare = 0.5
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
	budget cpuBudget
	// broken is set while a layer runs and stays set if it panicked: the
	// engine may be half-way through a layer, so it is not advanced again
	// until a new run starts (R or a config change).
	broken bool

	startPaused bool   // the link said play=0: the shared link keeps saying so
	shownQuery  string // the query the page's address shows
	// keepLink leaves a link with mistakes in the address, as written,
	// until the first change, so that its author can see and fix it.
	keepLink bool
	showHelp bool

	cmds    []command // reused by Update
	changes []string
	chars   []rune

	panel      *ui.Panel
	panelW     int           // device pixels the panel takes on the right
	panelEdit  *configChange // the panel's last change, applied by Update
	panelCmds  []command     // the panel's commands, applied by Update
	cssW, cssH int           // the window in CSS pixels, from Layout

	view *view // pictures and fonts; touched only by Draw

	frames    int64
	errMsg    string  // last user-facing error, "" if none
	panicDraw bool    // test hook armed by cmdPanicInDraw
	scale     float64 // device pixels per CSS pixel, from Layout
	fps, tps  float64

	updateMs, drawMs windowMean // CPU time per Update and Draw
}

// newGame returns a Game running what the link l asks for, reporting to h
// and reading the page's requests from m.
func newGame(m *mailbox, h host, l launch) (*Game, error) {
	v, err := newView()
	if err != nil {
		return nil, err
	}
	g := &Game{
		mail: m, host: h, view: v, scale: 1,
		play:        playback{speed: l.speed},
		budget:      cpuBudget{share: simShare, limit: simBurst},
		startPaused: l.paused,
		shownQuery:  shareQuery(l.cfg, l.preset, l.paused, l.speed),
		keepLink:    len(l.problem) > 0,
	}
	g.panel, err = ui.New(l.cfg, shownPreset(l.cfg, l.preset),
		ui.InitialSpeed(l.speed),
		ui.OnConfig(g.panelConfig),
		ui.OnCommand(g.panelCommand),
		ui.OnSpeed(g.setSpeed))
	if err != nil {
		return nil, err
	}
	// The slider has stops: play at the one it shows.
	g.play.speed = g.panel.Speed()
	g.shownQuery = shareQuery(l.cfg, l.preset, l.paused, g.play.speed)

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
	g.panel.SetPlaying(g.play.playing)
	return nil
}

// configChange is a config the panel asks for, with the preset it equals
// ("" for custom values).
type configChange struct {
	cfg    config.Config
	preset string
}

// panelConfig is the panel's OnConfig: it runs inside UI().Update, so it
// only queues the change.
func (g *Game) panelConfig(cfg config.Config, preset string) {
	g.panelEdit = &configChange{cfg, preset}
}

// panelCommands maps the panel's transport commands to the app's.
var panelCommands = [...]command{
	ui.Play:             cmdPlay,
	ui.Pause:            cmdPause,
	ui.TogglePlay:       cmdTogglePlay,
	ui.StepOnce:         cmdStepOnce,
	ui.LayerOnce:        cmdLayerOnce,
	ui.Reset:            cmdReset,
	ui.ToggleHelp:       cmdToggleHelp,
	ui.ToggleFullscreen: cmdToggleFullscreen,
}

// panelCommand is the panel's OnCommand: it queues the command.
func (g *Game) panelCommand(c ui.Command) {
	if c >= 0 && int(c) < len(panelCommands) {
		g.panelCmds = append(g.panelCmds, panelCommands[c])
	}
}

// setSpeed sets the playback speed (the panel's OnSpeed).
func (g *Game) setSpeed(stepsPerSecond float64) {
	g.play.speed = stepsPerSecond
	g.showURL()
}

// applyPanelConfig runs the config the panel asks for. The panel names a
// preset only while the config equals it; the link keeps naming the
// preset it started from, so that it lists only what differs.
func (g *Game) applyPanelConfig(ch configChange) {
	base := ch.preset
	if base == "" {
		base = g.run.preset
	}
	if err := g.start(ch.cfg, base); err != nil {
		g.setError(fmt.Sprintf("The new config cannot run: %v. The run is unchanged.", err))
		return
	}
	g.setError("")
	g.keepLink = false
	g.showURL()
}

// zoom is render.UIZoom of the window.
func (g *Game) zoom() float64 { return render.UIZoom(float64(g.cssW), float64(g.cssH)) }

// do carries out one command.
func (g *Game) do(c command) {
	switch c {
	case cmdPlay:
		g.resume()
	case cmdPause:
		g.play.pause()
	case cmdTogglePlay:
		if g.play.playing {
			g.play.pause()
		} else {
			g.resume()
		}
	case cmdStepOnce:
		g.play.stepOnce(g.run.eng)
	case cmdLayerOnce:
		g.play.layerOnce()
	case cmdReset:
		g.restart()
	case cmdToggleHelp:
		g.showHelp = !g.showHelp
	case cmdToggleFullscreen:
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	case cmdPanicInUpdate:
		panic("test panic requested through dsaviz.testPanic(\"update\")")
	case cmdPanicInDraw:
		g.panicDraw = true
	}
}

// resume plays; at the end of the run, it plays the run again from step 0.
func (g *Game) resume() {
	if g.run.eng.Done() {
		g.restart()
	}
	g.play.play()
}

// restart runs the current config again from step 0.
func (g *Game) restart() {
	if err := g.start(g.run.cfg, g.run.preset); err != nil {
		g.setError(fmt.Sprintf("Cannot restart the run: %v.", err))
		return
	}
	g.setError("")
}

// applyChange applies a change asked for by the page. A refused change
// leaves the run as it was and says why.
func (g *Game) applyChange(query string) {
	ch, err := parseChange(query, g.run.cfg, g.run.preset)
	if err == nil && (ch.cfg != g.run.cfg || ch.preset != g.run.preset) {
		err = g.start(ch.cfg, ch.preset)
	}
	if err != nil {
		g.setError(fmt.Sprintf("Change %q refused: %v. The run is unchanged.", query, err))
		return
	}
	g.setError("")
	g.keepLink = false
	if ch.speed != 0 {
		g.play.speed = ch.speed
	}
	switch ch.play {
	case 1:
		g.resume()
	case -1:
		g.play.pause()
	}
	g.showURL()
}

// start makes cfg the current run, from step 0. If cfg does not validate
// or the engine cannot be built, the current run is kept and the error
// returned.
func (g *Game) start(cfg config.Config, preset string) error {
	var events []engine.Event
	if g.run != nil {
		events = g.run.events
	}
	s, err := newSession(cfg, preset, events)
	if err != nil {
		return err
	}
	g.run = s
	g.broken = false
	g.play.clear()
	g.mail.publishConfig(cfg, preset)
	if g.panel != nil {
		g.panel.SetConfig(cfg, shownPreset(cfg, preset))
	}
	g.showURL()
	return nil
}

// showURL makes the page's address share the current run.
func (g *Game) showURL() {
	if g.keepLink {
		return
	}
	q := shareQuery(g.run.cfg, g.run.preset, g.startPaused, g.play.speed)
	if q != g.shownQuery {
		g.shownQuery = q
		g.host.showQuery(q)
	}
}

// advance runs the layers the schedule asks for, within the CPU budget.
func (g *Game) advance() {
	g.budget.refill(time.Now())
	if g.broken {
		g.play.pause()
		return
	}
	e := g.run.eng
	g.play.tick(g.run.cfg.Layers)
	g.play.run(e, g.advanceLayer, g.budget.spent)
	if e.Done() {
		g.play.pause()
	}
}

// advanceLayer runs one layer and charges its time to the budget.
func (g *Game) advanceLayer() {
	start := time.Now()
	g.broken = true // until the layer returns
	g.run.advance()
	g.broken = false
	g.budget.spend(time.Since(start))
}

// Draw draws the scene left of the panel, the error banner if there is an
// error, then the panel. Each part recovers its own panics, so a broken
// scene still shows the error and the controls.
func (g *Game) Draw(screen *ebiten.Image) {
	start := time.Now()
	b := screen.Bounds()
	area := image.Rect(b.Min.X, b.Min.Y, max(b.Min.X, b.Max.X-g.panelW), b.Max.Y)
	scene := screen.SubImage(area).(*ebiten.Image)
	g.drawScene(scene)
	g.drawError(scene)
	g.drawPanel(screen)
	g.frames++
	g.drawMs.addSince(start)
	g.host.frameDrawn(g.frames)
}

func (g *Game) drawScene(screen *ebiten.Image) {
	defer g.recoverFrame("Draw")
	if g.panicDraw {
		g.panicDraw = false
		panic("test panic requested through dsaviz.testPanic(\"draw\")")
	}
	g.view.draw(screen, g.scale, g.hud())
}

func (g *Game) drawPanel(screen *ebiten.Image) {
	defer g.recoverFrame("the panel's Draw")
	g.panel.UI().Draw(screen)
}

func (g *Game) drawError(screen *ebiten.Image) {
	if g.errMsg == "" {
		return
	}
	defer func() {
		// The banner itself failed: there is nothing left to draw with.
		if r := recover(); r != nil {
			log.Printf("dsaviz: cannot draw the error banner: %v", r)
		}
	}()
	g.view.drawError(screen, g.scale, g.errMsg)
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

// hud returns what the status text shows.
func (g *Game) hud() hud {
	var st Stats
	g.run.stats(&st)
	return hud{
		preset: g.run.preset, cfg: g.run.cfg,
		step: st.Step, layer: int64(st.Layer),
		hitPermille: int64(math.Round(st.HitRate * 1000)), blocking: st.BlockingMisses,
		tokensPerSecond: int64(math.Round(st.TokensPerSecond)),
		playing:         g.play.playing, done: st.Done, speed: g.play.speed,
		fps: int64(math.Round(g.fps)), help: g.showHelp,
	}
}

// publish hands the current statistics to the bridge.
func (g *Game) publish() {
	st := Stats{
		FPS: g.fps, TPS: g.tps, Frames: g.frames,
		Playing: g.play.playing, Speed: g.play.speed,
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

// shownPreset is the preset the panel shows for cfg: preset while cfg
// equals it, "" (custom) once it differs.
func shownPreset(cfg config.Config, preset string) string {
	if preset == "" {
		return ""
	}
	if c, err := config.Preset(preset); err != nil || c != cfg {
		return ""
	}
	return preset
}
