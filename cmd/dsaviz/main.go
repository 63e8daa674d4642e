// Command dsaviz is the interactive visualizer of dynamic sparse attention
// decoding against a last-level cache: one program for the browser
// (GOOS=js GOARCH=wasm, loaded by web/loader.js) and the desktop.
//
// The run is read from the page's query (or the desktop's one argument) in
// the link form of issue 3, section 5: config keys as in JSON and the
// command line, plus preset=NAME, play=0 (start paused), speed (decode
// steps per second) and lecture=1 (the larger theme, for projectors):
//
//	http://127.0.0.1:8080/?preset=small-demo&ways=4&seed=7&play=0
//	bin/dsaviz 'preset=dsv32-h100&mode=prevk&lecture=1'
//
// The address follows every change (history.replaceState), so copying it
// shares the run: same link, same numbers. window.dsaviz (bridge_js.go)
// lets tests and course pages read and drive the app.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	if err := run(); err != nil {
		// In the browser, the loader shows this (through dsaviz.error) when
		// the program ends.
		log.Printf("dsaviz: %v", err)
		os.Exit(1)
	}
}

// readyFrames is the number of frames drawn when the app counts as on
// screen (dsaviz.ready): the first may come before anything is presented.
const readyFrames = 2

func run() error {
	mail := &mailbox{}
	h := newHost(mail)
	g, err := newGame(mail, h, parseLaunch(launchQuery()))
	if err != nil {
		h.setError(err.Error())
		return err
	}
	g.run.holdFrames = readyFrames
	// Frames draw only what changed: the software renderers of a browser
	// without a GPU spend most of the machine on each pixel drawn.
	ebiten.SetScreenClearedEveryFrame(false)
	g.screen.keepScreen = true
	ebiten.SetWindowTitle("dsaviz: dynamic sparse attention and the LLC")
	ebiten.SetWindowSize(1280, 800) // no-op in the browser
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		err = fmt.Errorf("the graphics failed: %w", err)
		h.setError(err.Error())
		return err
	}
	return nil
}
