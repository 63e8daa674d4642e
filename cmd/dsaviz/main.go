// Command dsaviz is the interactive visualizer of dynamic sparse attention
// decoding against a last-level cache: one program for the browser
// (GOOS=js GOARCH=wasm, loaded by web/loader.js) and the desktop.
//
// For now it draws a placeholder scene; the simulation engine is wired in
// later (issue 3).
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

func run() error {
	mail := &mailbox{}
	h := newHost(mail)
	g, err := newGame(mail, h)
	if err != nil {
		h.setError(err.Error())
		return err
	}
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
