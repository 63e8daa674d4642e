package main

import (
	"testing"
	"time"
)

// fakeRun is a run of steps decode steps of layers layers each.
type fakeRun struct {
	layers, steps int
	step, layer   int
}

func (f *fakeRun) Step() int  { return f.step }
func (f *fakeRun) Layer() int { return f.layer }
func (f *fakeRun) Done() bool { return f.step >= f.steps }
func (f *fakeRun) advance() {
	if f.layer++; f.layer == f.layers {
		f.step, f.layer = f.step+1, 0
	}
}
func (f *fakeRun) at() int { return f.step*f.layers + f.layer }

func never() bool { return false }

// ticks runs n ticks of p against r with no CPU limit and returns the
// layers run in each.
func ticks(p *playback, r *fakeRun, n int) []int {
	var got []int
	for range n {
		p.tick(r.layers, time.Second/ticksPerSecond)
		got = append(got, p.run(r, r.advance, never))
	}
	return got
}

func TestPlaybackSpeeds(t *testing.T) {
	tests := []struct {
		name          string
		layers, speed float64
		ticks         int
		want          int // layers after ticks
	}{
		// 61 layers at 1 step/s: 61/60 layers a tick.
		{"one step a second", 61, 1, 60, 61},
		// 4 layers at 2 steps/s: 8 layers a second, one every 7.5 ticks.
		{"slow motion", 4, 2, 15, 2},
		{"fast", 4, 60, 10, 40},
		{"very slow", 4, 0.05, 300, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &fakeRun{layers: int(tt.layers), steps: 1000}
			p := &playback{speed: tt.speed}
			p.play()
			ticks(p, r, tt.ticks)
			if r.at() != tt.want {
				t.Errorf("after %d ticks at %v steps/s: %d layers, want %d", tt.ticks, tt.speed, r.at(), tt.want)
			}
		})
	}
}

func TestPlaybackSlowMotionIsLayerByLayer(t *testing.T) {
	r := &fakeRun{layers: 61, steps: 10}
	p := &playback{speed: 0.5}
	p.play()
	for i, n := range ticks(p, r, 120) {
		if n > 1 {
			t.Fatalf("tick %d ran %d layers at 0.5 steps/s, want at most 1", i, n)
		}
	}
	if r.at() != 61 {
		t.Errorf("120 ticks at 0.5 steps/s ran %d layers, want 61 (one step)", r.at())
	}
}

func TestPlaybackPausedRunsNothing(t *testing.T) {
	r := &fakeRun{layers: 4, steps: 10}
	p := &playback{speed: 30}
	ticks(p, r, 10)
	if r.at() != 0 {
		t.Fatalf("paused: ran %d layers, want 0", r.at())
	}
	p.play()
	ticks(p, r, 1)
	p.pause()
	ticks(p, r, 10)
	if r.at() != 2 {
		t.Errorf("one tick at 30 steps/s then paused: %d layers, want 2", r.at())
	}
}

func TestStepOnceAndLayerOnce(t *testing.T) {
	r := &fakeRun{layers: 4, steps: 10}
	p := &playback{speed: 1}
	p.stepOnce(r) // at a step boundary: a whole step
	ticks(p, r, 1)
	if r.step != 1 || r.layer != 0 {
		t.Fatalf("stepOnce from (0,0): at (%d,%d), want (1,0)", r.step, r.layer)
	}
	p.layerOnce()
	ticks(p, r, 3)
	if r.step != 1 || r.layer != 1 {
		t.Fatalf("layerOnce: at (%d,%d), want (1,1)", r.step, r.layer)
	}
	p.stepOnce(r) // mid-step: finish it
	ticks(p, r, 1)
	if r.step != 2 || r.layer != 0 {
		t.Fatalf("stepOnce from (1,1): at (%d,%d), want (2,0)", r.step, r.layer)
	}
	p.stepOnce(r)
	p.stepOnce(r) // twice before the first is done: two steps
	ticks(p, r, 1)
	if r.step != 4 {
		t.Fatalf("two stepOnce: at step %d, want 4", r.step)
	}

	// Playing, stepOnce pauses after the step.
	p.play()
	ticks(p, r, 5)
	p.stepOnce(r)
	if p.playing {
		t.Errorf("stepOnce left playback playing")
	}
	ticks(p, r, 5)
	if r.layer != 0 {
		t.Errorf("stepOnce while playing stopped at layer %d, want a step boundary", r.layer)
	}
}

func TestPlaybackStopsAtTheEnd(t *testing.T) {
	r := &fakeRun{layers: 4, steps: 2}
	p := &playback{speed: 1000}
	p.play()
	p.stepOnce(r)
	p.stepOnce(r)
	p.stepOnce(r) // beyond the end
	p.play()
	ticks(p, r, 3)
	if !r.Done() || r.at() != 8 {
		t.Fatalf("ran %d layers, done %v; want 8, true", r.at(), r.Done())
	}
	if p.owed != 0 || p.untilStep != 0 || p.layers != 0 {
		t.Errorf("requests left after the end: %+v", p)
	}
}

// TestPlaybackBudget: the layer that crosses the budget is the last of the
// tick; what it could not run carries over, bounded.
func TestPlaybackBudget(t *testing.T) {
	r := &fakeRun{layers: 61, steps: 1000}
	p := &playback{speed: 1000} // far beyond what the budget allows
	p.play()
	b := &cpuBudget{share: 0.5, limit: 16 * time.Millisecond}
	const layerCost = 3 * time.Millisecond
	advance := func() {
		r.advance()
		b.spend(layerCost)
	}
	now := time.Unix(0, 0)
	b.refill(now) // the first refill only starts the clock
	var per []int
	for range 60 {
		now = now.Add(16 * time.Millisecond) // 8 ms of simulation a tick
		b.refill(now)
		p.tick(r.layers, 16*time.Millisecond)
		per = append(per, p.run(r, advance, b.spent))
	}
	// 8 ms a tick at 3 ms a layer: 3 layers (the third crosses), then the
	// debt makes the next tick run 2, and so on: 8/3 layers a tick.
	if per[0] != 3 || per[1] != 3 {
		t.Errorf("first ticks ran %v layers, want 3, 3", per[:2])
	}
	if got, want := r.at(), 60*8/3; got < want-1 || got > want+1 {
		t.Errorf("60 ticks at 8 ms a tick, 3 ms a layer: %d layers, want about %d", got, want)
	}
	if max := 1000*61*maxBacklog.Seconds() + 1; p.owed > max {
		t.Errorf("owed %v layers, want at most %v (the backlog is bounded)", p.owed, max)
	}

	// A long pause fills the bucket only up to its limit.
	now = now.Add(time.Hour)
	b.refill(now)
	if b.left != b.limit {
		t.Errorf("after an hour: %v left, want the limit %v", b.left, b.limit)
	}

	// The debt of one slow layer is paid by later frames.
	b.spend(b.limit + 40*time.Millisecond)
	n := 0
	for ; b.spent(); n++ {
		now = now.Add(16 * time.Millisecond)
		b.refill(now)
	}
	// 40 ms of debt at 8 ms a frame: five frames pay it, the sixth runs.
	if n != 6 {
		t.Errorf("a layer 40 ms over budget: %d frames of 16 ms until the next layer, want 6", n)
	}
}

// TestLastDue: inside run, lastDue is true for exactly the last layer run
// when nothing cuts the tick short: a step asked for, single layers, and
// playing.
func TestLastDue(t *testing.T) {
	for _, tc := range []struct {
		name string
		ask  func(p *playback, r *fakeRun)
	}{
		{"a step", func(p *playback, r *fakeRun) { p.stepOnce(r) }},
		{"two steps", func(p *playback, r *fakeRun) { p.stepOnce(r); p.stepOnce(r) }},
		{"layers", func(p *playback, r *fakeRun) { p.layerOnce(); p.layerOnce(); p.layerOnce() }},
		{"playing", func(p *playback, r *fakeRun) {
			p.speed = 5
			p.play()
			p.tick(r.layers, time.Second)
		}},
	} {
		r := &fakeRun{layers: 4, steps: 100, layer: 1}
		p := &playback{}
		tc.ask(p, r)
		var last []bool
		n := p.run(r, func() { last = append(last, p.lastDue(r, r.layers)); r.advance() }, never)
		if n == 0 {
			t.Fatalf("%s: nothing ran", tc.name)
		}
		for i, l := range last {
			if l != (i == n-1) {
				t.Errorf("%s: layer %d of %d: lastDue %v", tc.name, i+1, n, l)
			}
		}
	}
}

// TestShownOncePerFrame: playing, the first tick after a frame records and
// shows its last layer's events, and the ticks after it that no frame
// drew in between only count; a paused layer is always shown.
func TestShownOncePerFrame(t *testing.T) {
	g, _, _ := newTestGame(t, "preset=small-demo&speed=20")
	shows := func(want bool, what string) {
		t.Helper()
		at := g.run.cmp.Step()*g.run.spec.cfg.Layers + g.run.cmp.Layer()
		update(t, g)
		if now := g.run.cmp.Step()*g.run.spec.cfg.Layers + g.run.cmp.Layer(); now == at {
			t.Fatalf("%s: no layer ran", what)
		}
		if got := len(g.run.cmp.Events(0)) > 0; got != want || g.run.recorded != want {
			t.Errorf("%s: events shown %v (recorded %v), want %v", what, got, g.run.recorded, want)
		}
	}
	shows(true, "the first tick")
	shows(false, "a second tick before any frame")
	shows(false, "a third tick before any frame")
	g.screen.frames++ // as Draw does
	shows(true, "the tick after a frame")
	shows(false, "the next tick before a frame")
	g.run.play.layerOnce()
	shows(true, "a layer run paused")
	g.run.play.layerOnce()
	shows(true, "another layer run paused, no frame drawn")
}
