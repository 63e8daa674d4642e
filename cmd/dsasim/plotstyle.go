package main

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// okabeIto are the Okabe-Ito colours, safe for colour-blind readers, in
// the order series take them (black last).
var okabeIto = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue
	color.RGBA{230, 159, 0, 255},   // orange
	color.RGBA{0, 158, 115, 255},   // bluish green
	color.RGBA{213, 94, 0, 255},    // vermilion
	color.RGBA{204, 121, 167, 255}, // reddish purple
	color.RGBA{86, 180, 233, 255},  // sky blue
	color.RGBA{240, 228, 66, 255},  // yellow
	color.Black,
}

// seriesDashes are the dash patterns series take beside their colours, so
// a greyscale print still tells them apart.
var seriesDashes = [][]vg.Length{
	nil,
	{vg.Points(6), vg.Points(3)},
	{vg.Points(2), vg.Points(2)},
	{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)},
	{vg.Points(1), vg.Points(3)},
	{vg.Points(10), vg.Points(4)},
	{vg.Points(4), vg.Points(2), vg.Points(1), vg.Points(2)},
	nil,
}

// seriesGlyphs are the point markers of series drawn with points.
var seriesGlyphs = []draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.CrossGlyph{},
	draw.PlusGlyph{}, draw.RingGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{},
}

// figureWidth and figureHeight are a figure's size: 768 x 480 pixels in
// PNG at gonum's 96 dpi.
const (
	figureWidth  = 8 * vg.Inch
	figureHeight = 5 * vg.Inch
)

// shortTicks are gonum's default ticks labelled shortly: 2.5M, 400k,
// 0.25.
type shortTicks struct{}

// Ticks returns the default ticks of [lo, hi] with short labels.
func (shortTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = shortNumber(ticks[i].Value)
		}
	}
	return ticks
}

// shortNumber formats x in at most three significant digits, with k or M
// for thousands and millions.
func shortNumber(x float64) string {
	switch a := math.Abs(x); {
	case a >= 1e6:
		return strconv.FormatFloat(x/1e6, 'g', 3, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(x/1e3, 'g', 3, 64) + "k"
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// legendRoom raises the top of p's y axis so that the legend, at the top
// left, sits above the data: the data take the lower share of the
// height.
func legendRoom(p *plot.Plot, share float64) {
	p.Y.Max = p.Y.Min + (p.Y.Max-p.Y.Min)/share
}

// newFigure returns an empty plot with its title, axis labels and grid,
// the legend at the top left.
func newFigure(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Legend.Top, p.Legend.Left = true, true
	p.Y.Tick.Marker = shortTicks{}
	p.Add(plotter.NewGrid())
	return p
}

// addLine draws pts as series number i (its colour and dash pattern, and
// its marker at each point if marked) and names it in the legend.
func addLine(p *plot.Plot, i int, name string, pts plotter.XYs, marked bool) error {
	l, err := plotter.NewLine(pts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	c := okabeIto[i%len(okabeIto)]
	l.Color, l.Width, l.Dashes = c, vg.Points(2), seriesDashes[i%len(seriesDashes)]
	if !marked {
		p.Add(l)
		p.Legend.Add(name, l)
		return nil
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.Color, s.Shape, s.Radius = c, seriesGlyphs[i%len(seriesGlyphs)], vg.Points(3.5)
	p.Add(l, s)
	p.Legend.Add(name, l, s)
	return nil
}

// figureName checks, for cmd's flags, that a figure's file name (if
// any) names a format saveFigure writes.
func figureName(cmd, name string) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png", ".svg", ".pdf":
		return nil
	}
	if name == "" {
		return nil
	}
	return usagef(cmd, "%s: the figure's file name must end in .png, .svg or .pdf (its format), got %q", cmd, name)
}

// saveFigure writes p to each of the named files, the format taken from
// each name's extension (.png, .svg, .pdf; see figureName).
func saveFigure(p *plot.Plot, names ...string) error {
	for _, name := range names {
		if err := figureName("", name); err != nil {
			return err
		}
		if err := p.Save(figureWidth, figureHeight, name); err != nil {
			return err
		}
	}
	return nil
}
