//go:build js

// Command bare is the yardstick of the speed measurement (e2e TestSpeed):
// an Ebiten app that only clears the screen, at the device resolution as
// dsaviz draws, and publishes its frame count as window.bare.
package main

import (
	"image/color"
	"log"
	"math"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct {
	frames int64
	obj    js.Value
}

func (g *game) Update() error { return nil }

func (g *game) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0x14, 0x16, 0x1a, 0xff})
	g.frames++
	g.obj.Set("frames", g.frames)
	g.obj.Set("fps", ebiten.ActualFPS())
}

func (g *game) Layout(w, h int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	return int(math.Ceil(float64(w) * s)), int(math.Ceil(float64(h) * s))
}

func main() {
	obj := js.Global().Get("Object").New()
	js.Global().Set("bare", obj)
	if err := ebiten.RunGame(&game{obj: obj}); err != nil {
		log.Fatal(err)
	}
}
