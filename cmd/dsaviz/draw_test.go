package main

import (
	"os"
	"runtime"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestDrawAllocs runs the Game in a real window and counts the heap
// allocations of each Draw (issue 3, section 9: none per frame), paused
// and then playing small-demo as fast as it goes, so that flashes fade and
// counters change every frame; the panel's part is told apart. It needs a
// display, which xvfb gives:
//
//	xvfb-run -a -s "-screen 0 1280x800x24" go test -run DrawAllocs ./cmd/dsaviz
//
// (Before RunGame, Ebiten queues drawing commands instead of running them,
// so a plain AllocsPerRun of Draw would count Ebiten's queue, not ours.)
func TestDrawAllocs(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip(`needs a display: xvfb-run -a -s "-screen 0 1280x800x24" go test -run DrawAllocs ./cmd/dsaviz`)
	}
	g, m, _ := newTestGame(t, "preset=small-demo&play=0&speed=100&steps=100000")
	g.screen.keepScreen = true // as main runs it
	ebiten.SetScreenClearedEveryFrame(false)
	r := &allocRun{g: g, m: m}
	ebiten.SetWindowSize(1280, 800)
	if err := ebiten.RunGame(r); err != nil && err != ebiten.Termination {
		t.Fatal(err)
	}
	for _, p := range r.phases {
		t.Logf("%-8s %5.1f allocations per Draw, of which the panel %5.1f (mean of %d frames, %d of which allocated; %d bytes per Draw)",
			p.name, p.draw.mean(), p.panel.mean(), p.draw.n, p.draw.frames, p.bytes/max(1, uint64(p.draw.n)))
	}
	// Paused, nothing changes but the frame rate shown, and the screen
	// keeps the last frame: Draw draws nothing, or the scene again when a
	// label changes; the panel, untouched, is its cached picture. A label
	// that meets a letter for the first time renders its glyph once (see
	// render's glyphFace), so a frame or two may allocate, never most.
	// Playing, the pictures are uploaded every frame (Ebiten's WritePixels
	// allocates a little); that is reported, not checked.
	if p := r.phases[0]; p.draw.frames > 2 {
		t.Errorf("paused: %d of %d frames allocated (%.1f times a frame, the panel %.1f), want at most 2",
			p.draw.frames, p.draw.n, p.draw.mean(), p.panel.mean())
	}
}

// allocPhase counts the allocations of Draw over frames of one state.
type allocPhase struct {
	name        string
	draw, panel allocCount
	bytes       uint64
}

type allocCount struct {
	sum    uint64
	n      int
	frames int // that allocated at all
}

func (c *allocCount) add(d uint64) {
	c.sum, c.n = c.sum+d, c.n+1
	if d > 0 {
		c.frames++
	}
}
func (c *allocCount) mean() float64 {
	return float64(c.sum) / float64(max(1, c.n))
}

// allocRun wraps the Game: warmFrames frames to settle (fonts, images,
// labels), then countFrames counted, first paused, then playing.
type allocRun struct {
	g      *Game
	m      *mailbox
	frame  int
	phases []allocPhase
}

const warmFrames, countFrames = 20, 30

// Update may run several times a frame: a phase starts once.
func (r *allocRun) Update() error {
	names := [...]string{"paused", "playing"}
	i := r.frame / (warmFrames + countFrames)
	if i == len(names) {
		return ebiten.Termination
	}
	if len(r.phases) == i {
		r.phases = append(r.phases, allocPhase{name: names[i]})
		if names[i] == "playing" {
			r.m.post(cmdPlay)
		}
	}
	return r.g.Update()
}

func (r *allocRun) Draw(screen *ebiten.Image) {
	// Game.Draw's two parts, measured apart: the scene, then the panel.
	var a, b, c runtime.MemStats
	runtime.ReadMemStats(&a)
	kept := r.g.screenKept(screen)
	sceneOK := r.g.drawScene(screen, kept)
	runtime.ReadMemStats(&b)
	live, panelOK := r.g.drawPanel(screen, kept)
	runtime.ReadMemStats(&c)
	r.g.drawn(screen, sceneOK, panelOK, live)
	r.g.screen.frames++
	r.g.host.frameDrawn(r.g.screen.frames)
	if r.frame%(warmFrames+countFrames) >= warmFrames {
		p := &r.phases[len(r.phases)-1]
		p.draw.add(c.Mallocs - a.Mallocs)
		p.panel.add(c.Mallocs - b.Mallocs)
		p.bytes += c.TotalAlloc - a.TotalAlloc
	}
	r.frame++
}

func (r *allocRun) Layout(w, h int) (int, int) { return r.g.Layout(w, h) }
