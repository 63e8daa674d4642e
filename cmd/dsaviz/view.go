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
)

// Sizes in design pixels: the view multiplies them by its zoom, the device
// scale times render.UIZoom of the window, so that the layout fits small
// windows and grows on projectors.
const (
	margin      = 24
	titleSize   = 40
	bodySize    = 22
	smallSize   = 18
	legendWidth = 330
	legendRow   = 36
	hudHeight   = 40
)

// hud is what the status line shows, rounded so that it changes (and is
// re-formatted) only a few times a second.
type hud struct {
	fps, tps float64
	playing  bool
}

// view draws the placeholder scene. It owns every image and buffer it
// draws with and rebuilds them only when a size changes, so a frame
// allocates nothing for the grid.
type view struct {
	pal  render.Palette
	font *text.GoTextFaceSource
	zoom float64 // device pixels per design pixel the faces and legend were built for

	title, body, small *text.GoTextFace

	cells []byte // the demo raster, one palette index per line
	pix   []byte // RGBA of the binned raster
	bin   int
	grid  *ebiten.Image

	legend *ebiten.Image

	hud        hud
	hudText    string
	gridLabel  string
	gridLabelW float64 // the width gridLabel was chosen for

	errMsg   string // the message errLines wraps
	errWidth float64
	errLines []string

	textOp text.DrawOptions
	imgOp  ebiten.DrawImageOptions
}

// newView loads the font and allocates the cell raster.
func newView() (*view, error) {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		return nil, fmt.Errorf("loading the Go Regular font: %w", err)
	}
	return &view{
		pal:   render.DefaultPalette(),
		font:  src,
		cells: make([]byte, demoCellsW*demoCellsH),
	}, nil
}

// zoomFor returns the zoom for a screen of device pixels at device scale
// s, and rebuilds the faces and the legend if it changed.
func (v *view) zoomFor(screen *ebiten.Image, s float64) float64 {
	b := screen.Bounds()
	z := s * render.UIZoom(float64(b.Dx())/s, float64(b.Dy())/s)
	v.setZoom(z)
	return z
}

// setZoom rebuilds the faces and the legend for a new zoom.
func (v *view) setZoom(s float64) {
	if s == v.zoom && v.title != nil {
		return
	}
	v.zoom = s
	v.title = &text.GoTextFace{Source: v.font, Size: titleSize * s}
	v.body = &text.GoTextFace{Source: v.font, Size: bodySize * s}
	v.small = &text.GoTextFace{Source: v.font, Size: smallSize * s}
	if v.legend != nil {
		v.legend.Deallocate()
	}
	v.legend = v.buildLegend(s)
	v.errWidth = 0   // re-wrap the error
	v.gridLabelW = 0 // re-fit the grid label
}

// draw draws the whole scene for model m at device scale ds.
func (v *view) draw(screen *ebiten.Image, ds float64, m demo, h hud) {
	s := v.zoomFor(screen, ds)
	screen.Fill(v.pal.Background)
	sw, sh := float64(screen.Bounds().Dx()), float64(screen.Bounds().Dy())
	mg := margin * s

	v.text(screen, "dsaviz", v.title, mg, mg, v.pal.Text)
	v.text(screen, "Dynamic sparse attention decoding against a last-level cache", v.body, mg, mg+titleSize*1.35*s, v.pal.Muted)
	top := mg + (titleSize*1.35+bodySize*1.6)*s + mg/2

	// The grid takes what the legend and the status line leave.
	areaX, areaY := mg, top+smallSize*1.6*s
	areaW := sw - 3*mg - legendWidth*s
	areaH := sh - areaY - hudHeight*s - mg
	v.drawGrid(screen, m, areaX, areaY, areaW, areaH)
	v.text(screen, v.gridLabel, v.small, mg, top, v.pal.Muted)

	v.imgOp.GeoM.Reset()
	v.imgOp.GeoM.Translate(sw-mg-legendWidth*s, top)
	v.imgOp.Filter = ebiten.FilterNearest
	screen.DrawImage(v.legend, &v.imgOp)

	if h != v.hud || v.hudText == "" {
		v.hud = h
		state := "Playing"
		if !h.playing {
			state = "Paused"
		}
		v.hudText = fmt.Sprintf("%s   %.0f fps   %.0f tps   Placeholder: the simulation engine is not connected yet.", state, h.fps, h.tps)
	}
	v.text(screen, v.hudText, v.small, mg, sh-mg-smallSize*1.2*s, v.pal.Muted)
}

// drawGrid fills the demo raster, bins it to fit the area, uploads it with
// one WritePixels and draws it at a whole-number scale.
func (v *view) drawGrid(screen *ebiten.Image, m demo, x, y, w, h float64) {
	if w < 1 || h < 1 {
		return
	}
	bin := render.BinFor(demoCellsW, demoCellsH, int(w), int(h))
	if bin == 0 {
		return
	}
	pw, ph := render.BinnedSize(demoCellsW, demoCellsH, bin, bin)
	if bin != v.bin || v.grid == nil {
		v.bin = bin
		if v.grid != nil {
			v.grid.Deallocate()
		}
		v.grid = ebiten.NewImage(pw, ph)
		v.pix = make([]byte, 4*pw*ph)
		v.gridLabelW = 0
	}
	if v.gridLabelW != w {
		// Say as much as fits above the grid.
		v.gridLabelW = w
		v.gridLabel = fmt.Sprintf("Placeholder LLC: %d sets \u00d7 %d ways in %d columns, %d\u00d7%d lines per pixel",
			demoSets, demoWays, demoColumns, bin, bin)
		if text.AdvanceAt(v.gridLabel, len(v.gridLabel), v.small) > w {
			v.gridLabel = fmt.Sprintf("LLC %d\u00d7%d, %d\u00d7%d lines per pixel", demoSets, demoWays, bin, bin)
		}
	}
	m.fill(v.cells)
	cells := render.Cells{W: demoCellsW, H: demoCellsH, Idx: v.cells}
	if err := render.FillRGBA(v.pix, cells, bin, bin, &v.pal); err != nil {
		panic(err) // sizes come from BinnedSize above: a bug, recovered by the frame
	}
	v.grid.WritePixels(v.pix)

	k := float64(render.IntScale(pw, ph, int(w), int(h)))
	v.imgOp.GeoM.Reset()
	v.imgOp.GeoM.Scale(k, k)
	v.imgOp.GeoM.Translate(x, y)
	v.imgOp.Filter = ebiten.FilterNearest
	screen.DrawImage(v.grid, &v.imgOp)
}

// legendEntry is one line of the legend: a swatch and its name.
type legendEntry struct {
	idx  render.Index
	name string
}

var legendEntries = [...]legendEntry{
	{render.Hit, "Hit"},
	{render.Miss, "Miss"},
	{render.BlockingMiss, "Blocking miss (stalls)"},
	{render.Evicted, "Evicted this step"},
	{render.KVFirst, "KV lines, hue by layer"},
	{render.Indexer, "Indexer keys"},
	{render.Weights, "Weights"},
	{render.Empty, "Empty line"},
}

// buildLegend draws the legend once into its own image: it changes only
// with the scale.
func (v *view) buildLegend(s float64) *ebiten.Image {
	w, h := int(legendWidth*s), int((legendRow*float64(len(legendEntries)+1)+8)*s)
	img := ebiten.NewImage(w, h)
	v.text(img, "Legend", v.body, 0, 0, v.pal.Text)
	sq := float32(24 * s)
	for i, e := range legendEntries {
		y := (float64(i+1)*legendRow + 8) * s
		if e.idx == render.KVFirst {
			// A strip of the KV hues, each a sliver of the swatch.
			part := sq / 4
			for l := range 4 {
				vector.FillRect(img, float32(l)*part, float32(y), part, sq, v.pal.Color(render.KV(l*render.KVHues/4)), false)
			}
		} else {
			vector.FillRect(img, 0, float32(y), sq, sq, v.pal.Color(e.idx), false)
		}
		vector.StrokeRect(img, 0, float32(y), sq, sq, float32(s), v.pal.Muted, false)
		v.text(img, e.name, v.small, 36*s, y, v.pal.Text)
	}
	return img
}

// drawError draws msg in a box along the bottom of the screen, above the
// status line, wrapped to the box.
func (v *view) drawError(screen *ebiten.Image, ds float64, msg string) {
	s := v.zoomFor(screen, ds)
	sw, sh := float64(screen.Bounds().Dx()), float64(screen.Bounds().Dy())
	mg := margin * s
	boxW := sw - 2*mg
	if msg != v.errMsg || boxW != v.errWidth {
		v.errMsg, v.errWidth = msg, boxW
		v.errLines = wrap(msg, func(t string) float64 { return text.AdvanceAt(t, len(t), v.body) }, boxW-2*mg)
	}
	lineH := bodySize * 1.4 * s
	boxH := lineH*float64(len(v.errLines)+1) + mg
	y := sh - hudHeight*s - mg - boxH
	vector.FillRect(screen, float32(mg), float32(y), float32(boxW), float32(boxH), v.pal.Background, false)
	vector.StrokeRect(screen, float32(mg), float32(y), float32(boxW), float32(boxH), float32(3*s), v.pal.Color(render.BlockingMiss), false)
	v.text(screen, "Error (the app keeps running)", v.body, 2*mg, y+mg/2, v.pal.Color(render.Miss))
	for i, l := range v.errLines {
		v.text(screen, l, v.body, 2*mg, y+mg/2+lineH*float64(i+1), v.pal.Text)
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
