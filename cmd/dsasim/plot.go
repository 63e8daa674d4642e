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

// The curve's marks besides its series (okabeIto, plotstyle.go).
var (
	colourMark = color.Black
	colourCeil = color.RGBA{100, 100, 100, 255} // grey
)

// drawCurve plots the KV hit rate of each scope's LRU (solid) and MIN
// (dashed) against the reservation in MiB, the config's size as a
// vertical line and the line MIN of the whole LLC as a dotted ceiling.
func drawCurve(name string, r *oracle.Run, cfg config.Config, rows []curveRow, lineHits int64, withMIN bool) error {
	unit, unitName := float64(1<<20), "MiB"
	if int64(r.MaxSlots())*cfg.TokenStride() < 4<<20 {
		unit, unitName = 1<<10, "KiB"
	}
	p := newFigure(fmt.Sprintf("Token reservation, %d layers x top-%d, %s LLC, %d steps", cfg.Layers, cfg.TopK, cfg.Capacity, cfg.Steps),
		"reservation ("+unitName+")", "KV hit rate (reserved hits / gathered lines)")
	// The legend sits above the rates, which never pass 1.
	p.Y.Min, p.Y.Max = 0, 1.45
	var ticks []plot.Tick
	for i := 0; i <= 4; i++ {
		ticks = append(ticks, plot.Tick{Value: float64(i) / 4, Label: fmt.Sprintf("%.2f", float64(i)/4)})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	gather := float64(r.GatherLines())
	mib := func(slots int) float64 { return float64(int64(slots)*cfg.TokenStride()) / unit }
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
			// Series 0 and 1 are the global scope's, 2 and 3 the layer's.
			if err := addLine(p, 2*sc+kind, fmt.Sprintf("%s, tokenScope %s", oracleName, scope), pts, false); err != nil {
				return err
			}
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
	return saveFigure(p, name)
}
