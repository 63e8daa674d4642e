package main

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"dsaviz/sim/config"
	"dsaviz/sim/oracle"
)

// Okabe-Ito colours, safe for colour-blind readers; the series differ by
// dash pattern too, so a greyscale print still tells them apart.
var (
	colourGlobal = color.RGBA{0, 114, 178, 255} // blue
	colourLayer  = color.RGBA{230, 159, 0, 255} // orange
	colourMark   = color.Black
	colourCeil   = color.RGBA{100, 100, 100, 255} // grey
)

// drawCurve plots the KV hit rate of each scope's LRU (solid) and MIN
// (dashed) against the reservation in MiB, the config's size as a
// vertical line and the line MIN of the whole LLC as a dotted ceiling.
func drawCurve(name string, r *oracle.Run, cfg config.Config, rows []curveRow, lineHits int64, withMIN bool) error {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("Token reservation, %d layers x top-%d, %s LLC, %d steps", cfg.Layers, cfg.TopK, cfg.Capacity, cfg.Steps)
	unit, unitName := float64(1<<20), "MiB"
	if int64(r.MaxSlots())*cfg.TokenStride() < 4<<20 {
		unit, unitName = 1<<10, "KiB"
	}
	p.X.Label.Text = "reservation (" + unitName + ")"
	p.Y.Label.Text = "KV hit rate"
	// The legend sits above the rates, which never pass 1.
	p.Y.Min, p.Y.Max = 0, 1.45
	var ticks []plot.Tick
	for i := 0; i <= 4; i++ {
		ticks = append(ticks, plot.Tick{Value: float64(i) / 4, Label: fmt.Sprintf("%.2f", float64(i)/4)})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Legend.Top, p.Legend.Left = true, true
	gather := float64(r.GatherLines())
	mib := func(slots int) float64 { return float64(int64(slots)*cfg.TokenStride()) / unit }
	dashes := [2][]vg.Length{nil, {vg.Points(6), vg.Points(3)}}
	colours := [2]color.Color{colourGlobal, colourLayer}
	for sc, scope := range curveScopes {
		for kind, oracleName := range []string{"LRU", "MIN"} {
			if kind == 1 && !withMIN {
				continue
			}
			var pts plotter.XYs
			for _, row := range rows {
				if row.ok[sc][kind] {
					pts = append(pts, plotter.XY{X: mib(row.slots), Y: float64(row.hits[sc][kind]) / gather})
				}
			}
			if len(pts) == 0 {
				continue
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return err
			}
			l.Color, l.Width, l.Dashes = colours[sc], vg.Points(2), dashes[kind]
			p.Add(l)
			p.Legend.Add(fmt.Sprintf("%s, tokenScope %s", oracleName, scope), l)
		}
	}
	most := mib(r.MaxSlots())
	if withMIN && gather > 0 {
		ceil, err := plotter.NewLine(plotter.XYs{{X: 0, Y: float64(lineHits) / gather}, {X: most, Y: float64(lineHits) / gather}})
		if err != nil {
			return err
		}
		ceil.Color, ceil.Width, ceil.Dashes = colourCeil, vg.Points(1.5), []vg.Length{vg.Points(2), vg.Points(2)}
		p.Add(ceil)
		p.Legend.Add("line MIN, whole LLC (bound for none, ways, tokens)", ceil)
	}
	if own := r.Slots(int64(cfg.Reserve)); own >= 1 && own <= r.MaxSlots() {
		mark, err := plotter.NewLine(plotter.XYs{{X: mib(own), Y: 0}, {X: mib(own), Y: 1}})
		if err != nil {
			return err
		}
		mark.Color, mark.Width = colourMark, vg.Points(1)
		p.Add(mark)
		p.Legend.Add(fmt.Sprintf("this config: %s", cfg.Reserve), mark)
	}
	p.X.Min, p.X.Max = 0, most
	p.Add(plotter.NewGrid())
	return p.Save(8*vg.Inch, 5*vg.Inch, name)
}
