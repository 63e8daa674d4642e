package main

import (
	"fmt"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"dsaviz/sim/config"
)

// summaryColumn returns the index of the named column of summaryColumns.
func summaryColumn(name string) (int, bool) {
	for i, col := range summaryColumns {
		if col.name == name {
			return i, true
		}
	}
	return 0, false
}

// drawSweep plots column col of each run against the swept values: a
// reservation in MiB, a number as given, or (values that are not all
// numbers, such as modes) one labelled place per value, in order.
func drawSweep(name, param string, vals []string, cfgs []config.Config, results []summary, col int) error {
	column := summaryColumns[col].name
	xs := make([]float64, len(vals))
	numeric := true
	for i, v := range vals {
		if param == "reserve" {
			xs[i] = figureX(cfgs[i], param, v)
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		numeric = numeric && err == nil
		xs[i] = x
	}
	xLabel := param
	if param == "reserve" {
		xLabel = "reservation (MiB)"
	}
	var ticks []plot.Tick
	if !numeric {
		for i, v := range vals {
			xs[i] = float64(i)
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: v})
		}
	}
	c := cfgs[0]
	p := newFigure(fmt.Sprintf("%s vs %s (mode %s, %d steps, seed %d)", column, param, c.Mode, c.Steps, c.Seed), xLabel, column)
	if ticks != nil {
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = -0.5, float64(len(vals))-0.5
	}
	var pts plotter.XYs
	for i := range results {
		y, err := strconv.ParseFloat(summaryColumns[col].value(&results[i]), 64)
		if err != nil {
			continue // an empty column (pageUtilization outside mode pages)
		}
		pts = append(pts, plotter.XY{X: xs[i], Y: y})
	}
	if len(pts) == 0 {
		return fmt.Errorf("column %s is empty in every run: nothing to draw", column)
	}
	if err := addLine(p, 0, column, pts, true); err != nil {
		return err
	}
	legendRoom(p, 0.85)
	return saveFigure(p, name)
}
