package main

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestPanelCacheChangeBetweenFrames: a change that a tick sees is drawn
// by the next frame, even when another tick, which sees none, runs before
// that frame (Ebiten runs more ticks than frames when drawing is slow).
func TestPanelCacheChangeBetweenFrames(t *testing.T) {
	var c panelCache
	screen := ebiten.NewImage(200, 100)
	draws := 0
	drawUI := func(*ebiten.Image) { draws++ }
	shows := panelShows{playing: true, w: 200, h: 100, panelW: 50}
	for range 3 { // the first frames draw the UI live, then into the picture
		c.invalidateOnInput(shows, false)
		c.draw(screen, 50, drawUI, false)
	}
	steady := draws
	c.invalidateOnInput(shows, false)
	c.draw(screen, 50, drawUI, true)
	if draws != steady {
		t.Fatalf("an unchanged frame drew the UI again")
	}
	shows.playing = false // paused by the tour, say
	c.invalidateOnInput(shows, false)
	c.invalidateOnInput(shows, false) // a second tick before the frame
	c.draw(screen, 50, drawUI, true)
	if draws != steady+1 {
		t.Errorf("after a change two ticks before a frame: the UI drawn %d times, want once", draws-steady)
	}
}
