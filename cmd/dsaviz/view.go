package main

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/goregular"

	"dsaviz/render"
	"dsaviz/sim/config"
)

// Sizes in design pixels: the view multiplies them by its zoom, the device
// scale times render.UIZoom of the window, so that the layout fits small
// windows and grows on projectors.
const (
	margin     = 24
	titleSize  = 40
	bodySize   = 22
	smallSize  = 18
	lineFactor = 1.5 // line height over font size
)

// hud is what the placeholder's status text shows, rounded so that it
// changes (and is re-formatted) only when a shown digit does.
type hud struct {
	preset          string
	cfg             config.Config
	step, layer     int64
	hitPermille     int64
	blocking        int64
	tokensPerSecond int64
	playing, done   bool
	speed           float64
	fps             int64
	help            bool
}

// view draws a placeholder scene until render.Scene is wired in: the
// run's numbers as text, the help when asked for, and the error banner.
type view struct {
	pal  render.Palette
	font *text.GoTextFaceSource
	zoom float64 // device pixels per design pixel the faces were built for

	title, body, small *text.GoTextFace

	hud   hud
	lines []string // hud, formatted

	errMsg   string // the message errLines wraps
	errWidth float64
	errLines []string

	textOp text.DrawOptions
}

// newView loads the font.
func newView() (*view, error) {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		return nil, fmt.Errorf("loading the Go Regular font: %w", err)
	}
	return &view{pal: render.DefaultPalette(), font: src}, nil
}

// zoomFor returns the zoom for a screen of device pixels at device scale
// s, and rebuilds the faces if it changed.
func (v *view) zoomFor(screen *ebiten.Image, s float64) float64 {
	b := screen.Bounds()
	z := s * render.UIZoom(float64(b.Dx())/s, float64(b.Dy())/s)
	if z != v.zoom || v.title == nil {
		v.zoom = z
		v.title = &text.GoTextFace{Source: v.font, Size: titleSize * z}
		v.body = &text.GoTextFace{Source: v.font, Size: bodySize * z}
		v.small = &text.GoTextFace{Source: v.font, Size: smallSize * z}
		v.errWidth = 0 // re-wrap the error
	}
	return z
}

// draw draws the scene for h at device scale ds.
func (v *view) draw(screen *ebiten.Image, ds float64, h hud) {
	s := v.zoomFor(screen, ds)
	screen.Fill(v.pal.Background)
	mg := margin * s
	v.text(screen, "dsaviz", v.title, mg, mg, v.pal.Text)
	v.text(screen, "Dynamic sparse attention decoding against a last-level cache", v.body, mg, mg+titleSize*1.35*s, v.pal.Muted)
	if h != v.hud || v.lines == nil {
		v.hud = h
		v.lines = h.format()
	}
	y := mg + (titleSize*1.35+bodySize*2.5)*s
	for _, l := range v.lines {
		v.text(screen, l, v.body, mg, y, v.pal.Text)
		y += bodySize * lineFactor * s
	}
}

// format writes the status as lines of text.
func (h hud) format() []string {
	state := "Paused"
	switch {
	case h.done:
		state = "Run complete (R restarts)"
	case h.playing:
		state = "Playing"
	}
	name := h.preset
	if name == "" {
		name = "defaults"
	}
	c := h.cfg
	lines := []string{
		fmt.Sprintf("Config: %s; LLC %v, %d-way, %d B lines; reservation %s %v", name, c.Capacity, c.Ways, c.Line, c.Mode, c.Reserve),
		fmt.Sprintf("Model: %d layers, top-%d of %d+%d tokens", c.Layers, c.TopK, c.Prompt, c.Steps),
		fmt.Sprintf("%s at %g steps/s, %d fps", state, h.speed, h.fps),
		fmt.Sprintf("Step %d of %d, layer %d of %d", h.step, c.Steps, h.layer, c.Layers),
		fmt.Sprintf("Hit rate %.1f%%, blocking misses %d, about %d tokens/s (estimate)",
			float64(h.hitPermille)/10, h.blocking, h.tokensPerSecond),
		"",
		"Placeholder view: the LLC picture comes with render.Scene.",
	}
	if h.help {
		lines = append(lines, "",
			"Keys: Space play/pause, Right one decode step, Shift+Right one layer,",
			"R reset, H or ? this help, F fullscreen.")
	} else {
		lines = append(lines, "Press H or ? for the keys.")
	}
	return lines
}

// drawError draws msg in a box along the bottom of the screen, wrapped to
// the box.
func (v *view) drawError(screen *ebiten.Image, ds float64, msg string) {
	s := v.zoomFor(screen, ds)
	sw, sh := float64(screen.Bounds().Dx()), float64(screen.Bounds().Dy())
	mg := margin * s
	boxW := sw - 2*mg
	if msg != v.errMsg || boxW != v.errWidth {
		v.errMsg, v.errWidth = msg, boxW
		v.errLines = wrap(msg, func(t string) float64 { return text.AdvanceAt(t, len(t), v.small) }, boxW-2*mg)
	}
	lineH := smallSize * lineFactor * s
	boxH := bodySize*lineFactor*s + lineH*float64(len(v.errLines)) + mg
	y := sh - mg - boxH
	vector.FillRect(screen, float32(mg), float32(y), float32(boxW), float32(boxH), v.pal.Background, false)
	vector.StrokeRect(screen, float32(mg), float32(y), float32(boxW), float32(boxH), float32(3*s), v.pal.Color(render.BlockingMiss), false)
	v.text(screen, "Error (the app keeps running)", v.body, 2*mg, y+mg/2, v.pal.Color(render.Miss))
	for i, l := range v.errLines {
		v.text(screen, l, v.small, 2*mg, y+mg/2+bodySize*lineFactor*s+lineH*float64(i), v.pal.Text)
	}
}

// text draws one line of text with its top-left corner at (x, y).
func (v *view) text(dst *ebiten.Image, s string, face text.Face, x, y float64, c color.RGBA) {
	v.textOp.GeoM.Reset()
	v.textOp.GeoM.Translate(x, y)
	v.textOp.ColorScale.Reset()
	v.textOp.ColorScale.ScaleWithColor(c)
	text.Draw(dst, s, face, &v.textOp)
}

// wrap splits s into lines no wider than width, breaking at spaces; a word
// wider than width gets a line of its own.
func wrap(s string, advance func(string) float64, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && advance(next) > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
