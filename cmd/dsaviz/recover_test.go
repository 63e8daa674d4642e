package main

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

func TestUpdateRecoversFromPanic(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo")
	update(t, g)
	before := posOf(m)
	m.post(cmdPanicInUpdate)
	update(t, g) // must not panic
	got := m.read()
	if got.Playing {
		t.Errorf("after a panic: playing, want paused")
	}
	if posOf(m) != before {
		t.Errorf("after a panic: at %v, want the last good %v", posOf(m), before)
	}
	if !strings.Contains(h.lastError(), "Internal error in Update") {
		t.Errorf("errors reported = %q, want an internal error in Update", h.errors)
	}
	// The app keeps going: stepping still works.
	m.post(cmdStepOnce)
	update(t, g)
	if got := posOf(m); got[0] != before[0]+1 || got[1] != 0 {
		t.Errorf("stepOnce after recovery: at %v, want the next step", got)
	}
}

func TestBrokenEngineStops(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&play=0")
	g.run.broken = true // as if a layer had panicked
	m.post(cmdStepOnce)
	update(t, g)
	if got := posOf(m); got != [2]int64{0, 0} {
		t.Errorf("a broken engine advanced to %v", got)
	}
	m.post(cmdReset)
	m.post(cmdStepOnce)
	update(t, g)
	if got := posOf(m); got != [2]int64{1, 0} || g.run.broken || h.lastError() != "" {
		t.Errorf("after reset: at %v, broken %v, error %q; want step 1, a sound engine, no error", got, g.run.broken, h.lastError())
	}
}

func TestDrawRecoversFromPanic(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo")
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
		if !m.post(cmdPlay) || !m.postChange("seed=1") {
			t.Fatalf("post %d refused, want accepted", i)
		}
	}
	if m.post(cmdPause) || m.postChange("seed=2") {
		t.Errorf("post beyond %d accepted, want refused", maxPendingCommands)
	}
	cmds, changes := m.take(nil, nil)
	if len(cmds) != maxPendingCommands || len(changes) != maxPendingCommands {
		t.Errorf("take returned %d commands, %d changes; want %d each", len(cmds), len(changes), maxPendingCommands)
	}
	if cmds, changes = m.take(cmds, changes); len(cmds) != 0 || len(changes) != 0 {
		t.Errorf("second take returned %d commands, %d changes; want none", len(cmds), len(changes))
	}
}
