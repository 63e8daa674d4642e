package main

import "time"

// ticksPerSecond is the Update rate Ebiten aims at (its default TPS); the
// flashes fade in ticks.
const ticksPerSecond = 60

// maxBacklog bounds the time playing may owe layers for: a machine too slow
// for the asked speed plays slower instead of piling up work it can never
// catch up with. It spans a few frames, because after a slow frame the
// browser runs several Updates back to back (at 8 frames a second, about
// five every 125 ms), and the first of them owes the whole gap.
const maxBacklog = 250 * time.Millisecond

// owedSlack absorbs the rounding of adding fractions of a layer: 60 ticks
// of 1/60 s at 61 layers a second owe 61 layers, not 60.9999976 (a tick is
// a whole number of nanoseconds). A thousandth of a layer is invisible.
const owedSlack = 1e-3

// position is where a run stands: the part of the engine the schedule
// reads (engine.Engine implements it).
type position interface {
	Step() int  // the decode step the next layer belongs to
	Layer() int // the next layer to run
	Done() bool // every step has run
}

// playback schedules the simulation: how many layers to run this tick.
// Playing owes speed*layers layers per second of wall-clock time between
// ticks, fractions carried to the next tick, so at low speeds a step plays
// layer by layer, and a speed means the same whatever the frame rate.
// StepOnce finishes the current decode step, LayerOnce runs one layer; both
// pause. Time advances only through run, in whole layers.
type playback struct {
	playing bool
	speed   float64 // decode steps per second asked for

	owed      float64 // layers playing owes: under one, plus at most maxBacklog's worth
	untilStep int     // run layers while the engine's Step() is below this
	layers    int     // single layers asked for
}

// play starts playing; pause stops, forgetting what playing owed.
func (p *playback) play() { p.playing = true }

func (p *playback) pause() {
	p.playing = false
	p.owed = 0
}

// stepOnce pauses and asks for the rest of the current decode step (a
// whole step at a step boundary); asked again before that step is done, it
// adds the step after.
func (p *playback) stepOnce(at position) {
	p.pause()
	p.untilStep = max(p.untilStep, at.Step()) + 1
}

// layerOnce pauses and asks for one more layer.
func (p *playback) layerOnce() {
	p.pause()
	p.layers++
}

// clear forgets every request (a new run starts).
func (p *playback) clear() {
	p.owed, p.untilStep, p.layers = 0, 0, 0
}

// tick accrues dt of playing (the time since the last tick), for runs of
// layersPerStep layers.
func (p *playback) tick(layersPerStep int, dt time.Duration) {
	if !p.playing {
		return
	}
	perSecond := p.speed * float64(layersPerStep)
	p.owed = min(p.owed+perSecond*dt.Seconds(), perSecond*maxBacklog.Seconds()+1)
}

// tickClock measures the time between ticks for playback.tick: the time
// since the last tick, at most maxBacklog; a first tick counts one tick
// period.
type tickClock struct{ last time.Time }

func (c *tickClock) since(now time.Time) time.Duration {
	dt := time.Second / ticksPerSecond
	if !c.last.IsZero() {
		dt = min(max(now.Sub(c.last), 0), maxBacklog)
	}
	c.last = now
	return dt
}

// lastDue reports, from inside run's advance, whether the layer being run
// is the last one due this tick: no single layer, no rest of a step, and
// no whole layer of playing owed after it. layersPerStep is the run's.
func (p *playback) lastDue(at position, layersPerStep int) bool {
	next := at.Step()
	if at.Layer() == layersPerStep-1 {
		next++
	}
	return p.layers == 0 && next >= p.untilStep && !(p.playing && p.owed >= 1-owedSlack)
}

// run calls advance once per layer that is due, until nothing is due, the
// run is done, or spent reports the CPU budget spent (checked before each
// layer, so the layer that crosses the budget is the last). It returns the
// number of layers run. Requests the budget cut short carry over to the
// next tick; at the end of the run they are forgotten.
func (p *playback) run(at position, advance func(), spent func() bool) int {
	n := 0
	for !at.Done() && !spent() {
		switch {
		case p.layers > 0:
			p.layers--
		case at.Step() < p.untilStep:
		case p.playing && p.owed >= 1-owedSlack:
			p.owed--
		default:
			return n
		}
		advance()
		n++
	}
	if at.Done() {
		p.clear()
	}
	return n
}

// cpuBudget is the CPU time the simulation may take, as a token bucket
// filled by the wall clock: every moment adds share of its duration, up to
// limit, and each layer spends what it took. A layer that overruns leaves
// a debt that later frames pay. So the simulation takes about share of the
// main thread whatever the preset, the frame rate or the tick rate, and the
// frames in between keep the app responsive.
type cpuBudget struct {
	share float64       // of the wall-clock time
	limit time.Duration // the most the bucket holds: the longest burst
	left  time.Duration
	last  time.Time // of the last refill
}

// refill adds the share of the time since the last refill.
func (b *cpuBudget) refill(now time.Time) {
	if !b.last.IsZero() {
		b.left = min(b.left+time.Duration(b.share*float64(now.Sub(b.last))), b.limit)
	}
	b.last = now
}

func (b *cpuBudget) spend(d time.Duration) { b.left -= d }
func (b *cpuBudget) spent() bool           { return b.left <= 0 }
