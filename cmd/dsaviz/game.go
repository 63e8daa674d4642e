package main

import (
	"fmt"
	"log"
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
