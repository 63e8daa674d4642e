package main

import (
	"fmt"
	"log"
	"math"
	"runtime/debug"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// host is where the Game reports to the page around it: the JavaScript
// bridge in the browser (bridge_js.go), nothing on the desktop.
type host interface {
	// frameDrawn is called after every Draw with the number of frames
	// drawn so far.
	frameDrawn(frames int64)
	// setError is called when the user-facing error changes ("" for none).
	setError(msg string)
}

// Game wires Ebiten to the scene. It only orchestrates: Update applies
// commands and advances the model by whole ticks; Draw reads the model and
// draws it; Layout sizes the screen in device pixels.
type Game struct {
	mail *mailbox
	host host

	model   demo // TODO(engine): the engine and its snapshot
	playing bool
	cmds    []command // reused by Update

	view *view // pictures and fonts; touched only by Draw

	frames    int64
	errMsg    string  // last user-facing error, "" if none
	panicDraw bool    // test hook armed by cmdPanicInDraw
	scale     float64 // device pixels per CSS pixel, from Layout
	fps, tps  float64

	updateMs, drawMs windowMean // CPU time per Update and Draw
}

// newGame returns a Game that starts playing, reporting to h and reading
// commands from m.
func newGame(m *mailbox, h host) (*Game, error) {
	v, err := newView()
	if err != nil {
		return nil, err
	}
	return &Game{mail: m, host: h, view: v, playing: true, scale: 1}, nil
}

// Update applies the page's commands and advances the model. A panic is
// recovered here, at the frame boundary: the model keeps its last good
// state, playback pauses and the error is shown, instead of the Wasm
// program ending with a dead canvas.
func (g *Game) Update() error {
	start := time.Now()
	defer g.publish() // runs last, after any recovery
	defer g.updateMs.addSince(start)
	defer g.recoverFrame("Update")
	g.fps, g.tps = ebiten.ActualFPS(), ebiten.ActualTPS()

	step := false
	g.cmds = g.mail.take(g.cmds)
	for _, c := range g.cmds {
		switch c {
		case cmdPlay:
			g.playing = true
		case cmdPause:
			g.playing = false
		case cmdStepOnce:
			g.playing = false
			step = true
		case cmdPanicInUpdate:
			panic("test panic requested through dsaviz.testPanic(\"update\")")
		case cmdPanicInDraw:
			g.panicDraw = true
		}
	}
	if g.playing || step {
		// Advance a copy and keep it only if nothing panicked.
		g.model = g.model.advanced()
	}
	return nil
}

// Draw draws the scene, then the error banner if there is an error. Each
// part recovers its own panics, so a broken scene still shows the error.
func (g *Game) Draw(screen *ebiten.Image) {
	start := time.Now()
	g.drawScene(screen)
	g.drawError(screen)
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
	g.view.draw(screen, g.scale, g.model, g.hud())
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
	return int(math.Ceil(float64(outsideWidth) * s)), int(math.Ceil(float64(outsideHeight) * s))
}

// recoverFrame, deferred at the top of a frame's work, turns a panic into
// a user-facing error and pauses playback.
func (g *Game) recoverFrame(phase string) {
	r := recover()
	if r == nil {
		return
	}
	g.playing = false
	log.Printf("dsaviz: panic in %s: %v\n%s", phase, r, debug.Stack())
	g.setError(fmt.Sprintf("Internal error in %s: %v. Playback is paused; the last good state is kept.", phase, r))
}

// setError records the user-facing error and tells the page.
func (g *Game) setError(msg string) {
	if msg == g.errMsg {
		return
	}
	g.errMsg = msg
	g.host.setError(msg)
}

// hud returns what the status line shows.
func (g *Game) hud() hud {
	return hud{fps: math.Round(g.fps), tps: math.Round(g.tps), playing: g.playing}
}

// publish hands the current statistics to the bridge.
func (g *Game) publish() {
	g.mail.publish(Stats{
		FPS:       g.fps,
		TPS:       g.tps,
		Frames:    g.frames,
		DemoTicks: g.model.tick,
		Playing:   g.playing,

		UpdateMillis: g.updateMs.mean,
		DrawMillis:   g.drawMs.mean,
	})
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
