package main

import (
	"fmt"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/render"
	"dsaviz/sim/trace"
)

// do carries out one command.
func (g *Game) do(c command) {
	r := &g.run
	switch c {
	case cmdPlay:
		g.resume()
	case cmdPause:
		r.play.pause()
	case cmdTogglePlay:
		if r.play.playing {
			r.play.pause()
		} else {
			g.resume()
		}
	case cmdStepOnce:
		r.play.stepOnce(r.cmp)
	case cmdLayerOnce:
		r.play.layerOnce()
	case cmdStepBack:
		g.stepBack()
	case cmdReset:
		g.restart()
	case cmdToggleCompare:
		g.toggleCompare()
	case cmdToggleEditTarget:
		g.toggleEditTarget()
	case cmdExportCSV:
		g.saveCSV()
	case cmdExportConfig:
		g.saveConfig()
	case cmdExportPNG:
		g.screen.exportPNG = true
	case cmdLoadTrace:
		g.host.openTrace()
	case cmdNextScene:
		g.nextScene()
	case cmdToggleLecture:
		g.setLecture(!g.link.launched.lecture)
	case cmdToggleCharts:
		g.link.launched.charts = !g.link.launched.charts
		g.showURL()
	case cmdToggleHelp: // through the help's pages, then closed
		switch {
		case !g.showHelp:
			g.showHelp, g.helpPage = true, 0
			g.measureTrace()
		case g.helpPage+1 < g.screen.scene.HelpPages():
			g.helpPage++
		default:
			g.showHelp = false
		}
	case cmdCloseHelp:
		g.showHelp = false
	case cmdToggleFullscreen:
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	case cmdPrevRequest:
		g.stepRequest(-1)
	case cmdNextRequest:
		g.stepRequest(+1)
	case cmdPanicInUpdate:
		panic("test panic requested through dsaviz.testPanic(\"update\")")
	case cmdPanicInDraw:
		g.screen.panicDraw = true
	}
}

// resume plays; at the end of the run, it plays the run again from step 0.
func (g *Game) resume() {
	if g.run.cmp.Done() {
		g.restart()
	}
	g.run.play.play()
}

// stepBack pauses and goes back one decode step: from the start of a step
// to the start of the one before, from inside a step to its start.
func (g *Game) stepBack() {
	r := &g.run
	target := r.cmp.Step()
	if r.seeking() {
		target = r.seek
	}
	if r.cmp.Layer() == 0 || r.seeking() {
		target--
	}
	g.jumpTo(max(target, 0))
}

// jumpTo pauses and goes to the start of decode step target (see
// runs.jump); a jump is taken as far as the broken flag allows.
func (g *Game) jumpTo(target int) {
	r := &g.run
	r.play.pause()
	r.play.clear()
	if r.broken {
		return
	}
	r.jump(target)
	g.showURL()
}

// toggleCompare shows B beside A, or A alone, from step 0.
func (g *Game) toggleCompare() {
	spec := g.run.spec
	spec.compare = !spec.compare
	if err := g.start(spec); err != nil {
		g.setError(fmt.Sprintf("Cannot compare: %v.", err))
		return
	}
	g.setError("")
	g.link.keep = false
	g.showURL()
}

// restart runs the current spec again from step 0.
func (g *Game) restart() {
	if err := g.start(g.run.spec); err != nil {
		g.setError(fmt.Sprintf("Cannot restart the run: %v.", err))
		return
	}
	g.setError("")
}

// applyChange applies a change asked for by the page. A refused change
// leaves the runs as they were and says why.
func (g *Game) applyChange(query string) {
	ch, err := parseChange(query, g.run.spec)
	if err == nil && ch.spec != g.run.spec {
		err = g.start(ch.spec)
	}
	if err != nil {
		g.setError(fmt.Sprintf("Change %q refused: %v. The run is unchanged.", query, err))
		return
	}
	g.setError("")
	g.link.keep = false
	if ch.speed != 0 {
		g.run.play.speed = ch.speed
	}
	if ch.at >= 0 {
		g.jumpTo(ch.at)
	}
	if ch.charts != 0 {
		g.link.launched.charts = ch.charts > 0
	}
	if ch.lecture != 0 {
		g.setLecture(ch.lecture > 0)
	}
	if ch.request >= 0 {
		g.link.launched.request = ch.request
	}
	switch ch.play {
	case 1:
		g.resume()
	case -1:
		g.run.play.pause()
	}
	g.showURL()
}

// start makes spec the current runs, from step 0. If it does not validate
// or an engine cannot be built, the current runs are kept and the error
// returned.
func (g *Game) start(spec runSpec) error {
	r, err := newRuns(spec)
	if err != nil {
		return err
	}
	g.run.runs = r
	g.run.broken = false
	g.run.play.clear()
	g.screen.scene.Reset(r.views())
	g.mail.publishConfig(spec)
	g.mail.publishRuns(r)
	g.showPanelConfig()
	g.showURL()
	return nil
}

// moment is the decode step a shared link opens at: where the runs stand
// (or are going) while paused, -1 while playing.
func (g *Game) moment() int {
	r := &g.run
	switch {
	case r.play.playing:
		return -1
	case r.seeking():
		return r.seek
	}
	return r.cmp.Step()
}

// syncMoment rewrites the address when the moment it shares changed
// (paused at another step, or playing): once per change, not per tick.
func (g *Game) syncMoment() {
	if g.moment() != g.link.moment {
		g.showURL()
	}
}

// showURL makes the page's address share the current runs.
func (g *Game) showURL() {
	if g.link.keep || g.run.runs == nil {
		return
	}
	g.link.moment = g.moment()
	q := shareQuery(g.run.spec, g.pageNow(), max(g.link.moment, 0))
	if c := g.caption(); c != "" && g.link.moment <= 0 {
		q = tourQuery(g.link.tour, g.pageNow())
	}
	if q != g.link.shown {
		g.link.shown = q
		g.host.showQuery(q)
	}
}

// pageNow is the page's state for the shared link.
func (g *Game) pageNow() page {
	p := g.link.launched
	p.speed = g.run.play.speed
	return p
}

// advance runs the layers the schedule asks for, within the CPU budget: a
// jump's re-simulation first, then what playback owes.
func (g *Game) advance() {
	r := &g.run
	now := g.now()
	r.budget.refill(now)
	dt := r.ticks.since(now)
	if r.broken {
		r.play.pause()
		return
	}
	if g.screen.frames < r.holdFrames {
		return
	}
	if r.seeking() {
		for r.seeking() && !r.budget.spent() {
			g.advanceLayer() // records only the jump's last layer (runs.advance)
		}
		if !r.seeking() {
			g.observe()
			g.showURL()
		}
		return
	}
	r.play.tick(r.spec.cfg.Layers, dt)
	if r.play.run(r.cmp, g.advanceLayer, r.budget.spent) > 0 && r.recorded {
		g.observe() // else the budget cut the tick before the layer meant to be shown
	}
	if r.cmp.Done() {
		r.play.pause()
	}
}

// observe folds the last layer's events into the scene. Only the last
// layer of a tick is shown: when a tick runs several, the earlier ones'
// flashes would be replaced before any frame could show them, and folding
// them in costs as much as simulating them in the browser. The counts are
// exact anyway.
func (g *Game) observe() {
	r := &g.run
	start := time.Now()
	r.broken = true
	for i := range r.cmp.Runs() {
		g.screen.scene.Observe(i, r.cmp.View(i), r.cmp.Events(i))
	}
	r.shownFrame = g.screen.frames
	r.broken = false
	r.budget.spend(time.Since(start))
}

// advanceLayer runs one layer of every run and charges the time to the
// budget. Only the layer a tick shows records its events (recording every
// gathered line costs as much again in mode none): the last one due, or
// the one after which the budget is likely spent; and, playing, only once
// a frame has been drawn since the last one shown. A browser that draws
// fewer frames than it runs ticks (software WebGL draws 10 a second
// against 60 ticks) runs several Updates back to back before each frame,
// and folding in the flashes of each costs as much as simulating them,
// for pictures no frame shows: the first tick after a frame shows its
// layer, the others only count.
func (g *Game) advanceLayer() {
	r := &g.run
	start := time.Now()
	r.broken = true // until the layer returns
	due := r.play.lastDue(r.cmp, r.spec.cfg.Layers) || r.budget.left < 2*r.layerCost
	r.advance(due && (!r.play.playing || r.shownFrame != g.screen.frames))
	r.broken = false
	d := time.Since(start)
	r.budget.spend(d)
	r.layerCost += (d - r.layerCost) / 8 // a running mean of the last layers
}

// measureTrace measures Table 3 on the runs' trace for the help: a loaded
// log whole, the generator over the steps run so far (at least the first,
// which the runs have generated or are about to).
func (g *Game) measureTrace() {
	r := &g.run
	src := r.cmp.Source()
	steps := max(r.cmp.Step(), 1)
	name := ""
	if r.spec.log != nil {
		steps, name = src.Steps(), r.spec.log.Name()
	}
	g.screen.measured = &render.Measured{Trace: name, Stats: trace.MeasureSteps(src, steps), MIN: g.measureMIN()}
	g.screen.measuredOf = r.runs
}
