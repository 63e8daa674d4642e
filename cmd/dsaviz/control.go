package main

import (
	"fmt"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

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
	g.scene.Reset(s.eng)
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
	q := shareQuery(g.run.cfg, g.run.preset, g.pageNow())
	if q != g.shownQuery {
		g.shownQuery = q
		g.host.showQuery(q)
	}
}

// pageNow is the page's state for the shared link.
func (g *Game) pageNow() page {
	p := g.launched
	p.speed = g.play.speed
	return p
}

// advance runs the layers the schedule asks for, within the CPU budget.
func (g *Game) advance() {
	now := g.now()
	g.budget.refill(now)
	dt := g.ticks.since(now)
	if g.broken {
		g.play.pause()
		return
	}
	if g.frames < g.holdFrames {
		return
	}
	e := g.run.eng
	g.play.tick(g.run.cfg.Layers, dt)
	if g.play.run(e, g.advanceLayer, g.budget.spent) > 0 {
		// Only the last layer of a tick is shown: when a tick runs
		// several, the earlier ones' flashes would be replaced before
		// any frame could show them, and folding them in costs as much
		// as simulating them in the browser. The counts are exact anyway.
		start := time.Now()
		g.broken = true
		g.scene.Observe(e, g.run.events)
		g.broken = false
		g.budget.spend(time.Since(start))
	}
	if e.Done() {
		g.play.pause()
	}
}

// advanceLayer runs one layer and charges the time to the budget.
func (g *Game) advanceLayer() {
	start := time.Now()
	g.broken = true // until the layer returns
	g.run.advance()
	g.broken = false
	g.budget.spend(time.Since(start))
}
