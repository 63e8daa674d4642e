package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"log"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/report"
	"dsaviz/sim/trace"
)

// Exports, as downloads in the browser and files on the desktop (issue
// 12, section 2): the runs' steps as CSV, the config as JSON, the canvas
// as PNG. window.dsaviz.csv() and configJSON() return the same text. And
// the import: a real index log loaded as the runs' trace.

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

// loadTrace replays an index log the page handed over: the runs restart on
// it, their config fitted to its shape (engine.FitToLog). A file that does
// not parse, or does not fit, is refused with its error (the byte or the
// line) and the runs go on untouched.
func (g *Game) loadTrace(f traceFile) {
	refuse := func(why string) {
		g.setError(fmt.Sprintf("Trace %s refused: %s. The run goes on unchanged.", f.name, why))
	}
	if f.problem != "" {
		refuse(f.problem)
		return
	}
	lg, err := trace.Read(bytes.NewReader(f.data), f.name)
	if err != nil {
		refuse(strings.TrimPrefix(err.Error(), "trace: "))
		return
	}
	cfg, notes, err := engine.FitToLog(g.run.spec.cfg, lg, nil)
	if err != nil {
		refuse(err.Error())
		return
	}
	spec := g.run.spec.withA(cfg, g.run.spec.preset)
	spec.log = lg
	if err := g.start(spec); err != nil {
		refuse(err.Error())
		return
	}
	g.setError("")
	g.host.setTrace(lg.Name())
	log.Printf("dsaviz: trace %s: %s; %s", lg.Name(), lg, strings.Join(notes, "; "))
}
