package main

import (
	"fmt"
	"strconv"

	"gonum.org/v1/plot/plotter"

	"dsaviz/sim/config"
)

// figureMetric is a figure's y axis: what it reads of a run.
type figureMetric struct {
	file, title, label string
	value              func(*summary) float64
	withMIN            bool // MIN has this figure (it has no time model)
}

var figureMetrics = []figureMetric{
	{"blocking", "blocking misses", "blocking misses (KV lines missed, whole run)",
		func(s *summary) float64 { return float64(s.BlockingMisses) }, true},
	{"tokens", "decode throughput", "tokens/s (estimated by the time model)",
		func(s *summary) float64 { return float64(s.TokensPerSecond) }, false},
}

// drawSweepFigures runs every series of figureSeries at every value of
// the sweep, and MIN, then draws one figure per metric as PNG and SVG;
// it returns the files written. Values a series' config refuses (a
// layer scope with fewer slots than layers) are left out of that series
// and said on stderr.
func drawSweepFigures(e *env, dir, label string, fsw figureSweep, points int) ([]string, error) {
	base, err := config.Preset(fsw.preset)
	if err != nil {
		return nil, err
	}
	if fsw.steps > 0 {
		base.Steps = fsw.steps
	}
	values := fsw.values(base, points)
	xs := make([]float64, len(values))
	// cfgs[s][v] is series s at value v; valid[s][v] false if refused.
	var cfgs []config.Config
	var where [][2]int
	var minCfgs []config.Config
	var minAt []int
	for v, val := range values {
		c := base
		if err := c.Set(fsw.param, val); err != nil {
			return nil, err
		}
		xs[v] = figureX(c, fsw.param, val)
		for s, ser := range figureSeries {
			cs := c
			cs.Mode, cs.TokenScope = ser.mode, ser.scope
			if err := cs.Validate(); err != nil {
				fmt.Fprintf(e.stderr, "%s: %s at %s %s left out: %v\n", label, ser.name, fsw.param, val, err)
				continue
			}
			cfgs, where = append(cfgs, cs), append(where, [2]int{s, v})
			if ser.mode == config.ModeTokens && ser.scope == config.ScopeGlobal {
				minCfgs, minAt = append(minCfgs, cs), append(minAt, v)
			}
		}
	}
	results, err := sweep(e, label, cfgs, scenario{cfg: base})
	if err != nil {
		return nil, err
	}
	minBlocking, err := sweepMIN(e, label, minCfgs)
	if err != nil {
		return nil, err
	}
	steps := fmt.Sprintf("%d steps, seed %d", base.Steps, base.Seed)
	var written []string
	for _, m := range figureMetrics {
		p := newFigure(fmt.Sprintf("%s: %s vs %s (%s)", fsw.preset, m.title, fsw.param, steps), fsw.label, m.label)
		for s, ser := range figureSeries {
			var pts plotter.XYs
			for i, w := range where {
				if w[0] == s {
					pts = append(pts, plotter.XY{X: xs[w[1]], Y: m.value(&results[i])})
				}
			}
			if len(pts) == 0 {
				continue
			}
			if err := addLine(p, s, ser.name, pts, true); err != nil {
				return nil, err
			}
		}
		if m.withMIN && len(minAt) > 0 {
			var pts plotter.XYs
			for i, v := range minAt {
				pts = append(pts, plotter.XY{X: xs[v], Y: float64(minBlocking[i])})
			}
			if err := addLine(p, len(figureSeries)+1, "Belady's MIN, global token store", pts, true); err != nil {
				return nil, err
			}
		}
		if m.withMIN {
			p.Y.Min = 0 // counts from zero; tokens/s differ by a few per cent, so their axis is the data's
		}
		legendRoom(p, 0.62)
		name := figureBase(dir, fsw, m.file)
		if err := saveFigure(p, name+".png", name+".svg"); err != nil {
			return nil, err
		}
		written = append(written, name+".png", name+".svg")
	}
	return written, nil
}

// figureX is the x coordinate of a swept value: a reservation in MiB,
// any other key's number as given.
func figureX(c config.Config, param, val string) float64 {
	if param == "reserve" {
		return float64(c.Reserve) / (1 << 20)
	}
	x, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return 0
	}
	return x
}
