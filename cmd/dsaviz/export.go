package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/report"
)

// Exports, as downloads in the browser and files on the desktop (issue
// 12, section 2): the runs' steps as CSV, the config as JSON, the canvas
// as PNG. window.dsaviz.csv() and configJSON() return the same text.

// csv is one row per completed step of A (and B).
func (r *runs) csv() []byte {
	var b bytes.Buffer
	rs := []report.Run{{Name: "A", Steps: r.cmp.View(0).History()}}
	if r.cmp.Runs() == 2 {
		rs = append(rs, report.Run{Name: "B", Steps: r.cmp.View(1).History()})
	}
	if err := report.StepsCSV(&b, rs...); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}

// configJSON is run i's config (0 A, 1 B) as JSON, in the form dsasim
// -config reads; B's is A's when not comparing.
func (r *runs) configJSON(i int) []byte {
	cfg := r.spec.cfg
	if i == 1 {
		cfg = r.spec.b
	}
	return configBytes(cfg)
}

// configBytes is cfg as indented JSON.
func configBytes(cfg config.Config) []byte {
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("dsaviz: a config does not marshal: %v", err)) // plain data: cannot fail
	}
	return append(b, '\n')
}

// exportPNG encodes what screen shows as a PNG. Reading the screen waits
// for the GPU: it is done once, when asked.
func exportPNG(screen *ebiten.Image) ([]byte, error) {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// saveCSV downloads the runs' steps.
func (g *Game) saveCSV() { g.save("dsaviz-steps.csv", "text/csv", g.run.csv()) }

// saveConfig downloads A's config, and B's when comparing.
func (g *Game) saveConfig() {
	g.save("dsaviz-config.json", "application/json", g.run.configJSON(0))
	if g.run.spec.compare {
		g.save("dsaviz-config-b.json", "application/json", g.run.configJSON(1))
	}
}

// savePNG downloads what screen shows.
func (g *Game) savePNG(screen *ebiten.Image) {
	data, err := exportPNG(screen)
	if err != nil {
		g.setError(fmt.Sprintf("The picture could not be saved: %v.", err))
		return
	}
	g.save("dsaviz.png", "image/png", data)
}

// save hands a file to the host and says so if that failed.
func (g *Game) save(name, mime string, data []byte) {
	if _, err := g.host.download(name, mime, data); err != nil {
		g.setError(fmt.Sprintf("%s could not be saved: %v.", name, err))
	}
}
