package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/render"
)

// fakeHost records what the Game reports to the page.
type fakeHost struct {
	frames int64
	errors []string
}

func (h *fakeHost) frameDrawn(n int64) { h.frames = n }
func (h *fakeHost) setError(m string)  { h.errors = append(h.errors, m) }

func newTestGame(t *testing.T) (*Game, *mailbox, *fakeHost) {
	t.Helper()
	m, h := &mailbox{}, &fakeHost{}
	g, err := newGame(m, h)
	if err != nil {
		t.Fatalf("newGame: %v", err)
	}
	return g, m, h
}

func update(t *testing.T, g *Game) {
	t.Helper()
	if err := g.Update(); err != nil {
		t.Fatalf("Update = %v, want nil", err)
	}
}

func TestCommands(t *testing.T) {
	g, m, _ := newTestGame(t)
	update(t, g)
	if got := m.read(); !got.Playing || got.DemoTicks != 1 {
		t.Fatalf("after one Update: playing %v, ticks %d; want true, 1", got.Playing, got.DemoTicks)
	}
	m.post(cmdPause)
	update(t, g)
	update(t, g)
	if got := m.read(); got.Playing || got.DemoTicks != 1 {
		t.Fatalf("paused: playing %v, ticks %d; want false, 1", got.Playing, got.DemoTicks)
	}
	m.post(cmdStepOnce)
	update(t, g)
	update(t, g)
	if got := m.read(); got.Playing || got.DemoTicks != 2 {
		t.Fatalf("after stepOnce: playing %v, ticks %d; want false, 2", got.Playing, got.DemoTicks)
	}
	m.post(cmdPlay)
	update(t, g)
	if got := m.read(); !got.Playing || got.DemoTicks != 3 {
		t.Fatalf("after play: playing %v, ticks %d; want true, 3", got.Playing, got.DemoTicks)
	}
}

func TestUpdateRecoversFromPanic(t *testing.T) {
	g, m, h := newTestGame(t)
	update(t, g)
	m.post(cmdPanicInUpdate)
	update(t, g) // must not panic
	got := m.read()
	if got.Playing {
		t.Errorf("after a panic: playing, want paused")
	}
	if got.DemoTicks != 1 {
		t.Errorf("after a panic: ticks %d, want the last good 1", got.DemoTicks)
	}
	if len(h.errors) != 1 || !strings.Contains(h.errors[0], "Internal error in Update") {
		t.Errorf("errors reported = %q, want one internal error in Update", h.errors)
	}
	// The app keeps going: stepping still works.
	m.post(cmdStepOnce)
	update(t, g)
	if got := m.read(); got.DemoTicks != 2 {
		t.Errorf("stepOnce after recovery: ticks %d, want 2", got.DemoTicks)
	}
}

func TestDrawRecoversFromPanic(t *testing.T) {
	g, m, h := newTestGame(t)
	m.post(cmdPanicInDraw)
	update(t, g)
	screen := ebiten.NewImage(640, 400)
	g.Draw(screen) // must not panic
	if len(h.errors) != 1 || !strings.Contains(h.errors[0], "Internal error in Draw") {
		t.Errorf("errors reported = %q, want one internal error in Draw", h.errors)
	}
	if h.frames != 1 {
		t.Errorf("frames reported = %d, want 1: a failed scene still counts as a frame", h.frames)
	}
	g.Draw(screen)
	if len(h.errors) != 1 || h.frames != 2 {
		t.Errorf("second Draw: %d errors, %d frames; want 1, 2", len(h.errors), h.frames)
	}
}

func TestMailboxBounded(t *testing.T) {
	var m mailbox
	for i := range maxPendingCommands {
		if !m.post(cmdPlay) {
			t.Fatalf("post %d refused, want accepted", i)
		}
	}
	if m.post(cmdPause) {
		t.Errorf("post beyond %d accepted, want refused", maxPendingCommands)
	}
	buf := m.take(nil)
	if len(buf) != maxPendingCommands {
		t.Errorf("take returned %d commands, want %d", len(buf), maxPendingCommands)
	}
	if buf = m.take(buf); len(buf) != 0 {
		t.Errorf("second take returned %d commands, want 0", len(buf))
	}
}

func TestStatsFields(t *testing.T) {
	// The names issue 3 (section 6) promises to pages and tests.
	want := []string{"step", "layer", "accesses", "hits", "reservedHits", "sharedHits", "misses",
		"blockingMisses", "hitRate", "tokensPerSecond", "fps", "tps"}
	f := Stats{}.fields()
	for _, k := range want {
		if _, ok := f[k]; !ok {
			t.Errorf("stats() lacks %q", k)
		}
	}
}

func TestDemoFill(t *testing.T) {
	cells := make([]byte, demoCellsW*demoCellsH)
	again := make([]byte, len(cells))
	valid := []byte{render.Empty, render.Indexer, render.Weights, render.Evicted, render.Hit, render.Miss, render.BlockingMiss, render.Gap}
	for l := range render.KVHues {
		valid = append(valid, render.KV(l))
	}
	for _, tick := range []int64{0, 1, 63, 64, 1000} {
		d := demo{tick: tick}
		d.fill(cells)
		d.fill(again)
		if !slices.Equal(cells, again) {
			t.Fatalf("tick %d: two fills differ", tick)
		}
		events := 0
		for i, v := range cells {
			if !slices.Contains(valid, v) {
				t.Fatalf("tick %d: cell %d = %d, not a palette index the legend names", tick, i, v)
			}
			if v == render.Hit || v == render.Miss || v == render.BlockingMiss {
				events++
			}
		}
		if events == 0 {
			t.Errorf("tick %d: no access events drawn", tick)
		}
	}
}

func TestWrap(t *testing.T) {
	adv := func(s string) float64 { return float64(len(s)) }
	tests := []struct {
		in    string
		width float64
		want  []string
	}{
		{"", 10, nil},
		{"one two three", 100, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"averyveryverylongword and more", 8, []string{"averyveryverylongword", "and more"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.in, adv, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
