package main

import (
	"fmt"
	"image/color"
	"path/filepath"
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

// newFigure returns an empty plot with its title, axis labels and grid,
// the legend at the top left.
func newFigure(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Legend.Top, p.Legend.Left = true, true
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

// saveFigure writes p to each of the named files, the format taken from
// each name's extension (.png, .svg, .pdf).
func saveFigure(p *plot.Plot, names ...string) error {
	for _, name := range names {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".png", ".svg", ".pdf", ".jpg", ".jpeg":
		default:
			return fmt.Errorf("%s: the figure's file name must end in .png, .svg, .pdf or .jpg", name)
		}
		if err := p.Save(figureWidth, figureHeight, name); err != nil {
			return err
		}
	}
	return nil
}
