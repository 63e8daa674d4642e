package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"dsaviz/sim/config"
	"dsaviz/sim/oracle"
)

const figuresSynopsis = "dsasim figures [-steps N] [-points N] [-preset NAME] DIR"

const figuresAbout = `
Figures regenerates the standard set of figures into the directory DIR
(created if missing), each as PNG and SVG: blocking misses and tokens/s
against the reservation, the stepOverlap and the topk, for modes none,
ways, prevk, pages and tokens (tokenScope global and layer), and Belady's
MIN for the global token store (sim/oracle; on the blocking-miss figures
only, as MIN has no time model). The set:

  llama70b-h200 (the paper's regime: a step's gather fits in the
  reservation): reserve, stepOverlap and topk, 64 steps;
  dsv32-h100 (a step gathers 96 MB, far more than any reservation):
  reserve, 16 steps.

Every run is seeded, so the figures are the same on every machine. The
runs go in parallel on all cores; progress goes to stderr.

Example:
  dsasim figures docs/figures`

// figureSweep is one swept key of the standard set: two figures (blocking
// misses and tokens/s) from one set of runs.
type figureSweep struct {
	preset string
	steps  int    // 0: the preset's
	param  string // the config key on the x axis
	label  string // the x axis's label, with its unit
	values func(cfg config.Config, points int) []string
}

// standardFigures is the set dsasim figures draws.
var standardFigures = []figureSweep{
	{preset: "llama70b-h200", param: "reserve", label: "reservation (MiB)", values: reserveValues},
	{preset: "llama70b-h200", param: "stepOverlap", label: "stepOverlap (mean keep probability)", values: overlapValues},
	{preset: "llama70b-h200", param: "topk", label: "topk (tokens per layer and step)", values: topkValues},
	{preset: "dsv32-h100", steps: 16, param: "reserve", label: "reservation (MiB)", values: reserveValues},
}

// reserveValues are points reservations evenly spread from one point's
// share of the largest (the capacity minus one way) to the largest, in
// whole KiB.
func reserveValues(cfg config.Config, points int) []string {
	most := (int64(cfg.Capacity) - cfg.WayBytes()) >> 10
	var vs []string
	for i := 1; i <= points; i++ {
		vs = append(vs, strconv.FormatInt(most*int64(i)/int64(points), 10)+"KiB")
	}
	return vs
}

// overlapValues are points stepOverlaps from 0.05 to 0.95.
func overlapValues(_ config.Config, points int) []string {
	var vs []string
	for i := range points {
		vs = append(vs, strconv.FormatFloat(0.05+0.9*float64(i)/float64(max(points-1, 1)), 'f', 3, 64))
	}
	return vs
}

// topkValues are points powers of two up to the preset's topk times 4,
// none below 8.
func topkValues(cfg config.Config, points int) []string {
	var vs []string
	for k := cfg.TopK * 4; k >= 8 && len(vs) < points; k /= 2 {
		vs = append([]string{strconv.Itoa(k)}, vs...)
	}
	return vs
}

func cmdFigures(e *env, args []string) error {
	fs := newFlagSet("figures")
	steps := fs.Int("steps", 0, "steps per run (`N`, 1..4096; 0: each figure's own)")
	points := fs.Int("points", 8, "values per figure (`N`, 2..64)")
	preset := fs.String("preset", "", "draw every figure from the preset `NAME` instead of the set's own")
	rest, err := parse(e, fs, args, figuresSynopsis, figuresAbout)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("figures", "figures: give one directory to write the figures into, got %d arguments", len(rest))
	}
	dir := rest[0]
	if *steps < 0 || *steps > 4096 {
		return usagef("figures", "figures: -steps must be 0..4096, got %d", *steps)
	}
	if *points < 2 || *points > 64 {
		return usagef("figures", "figures: -points must be 2..64, got %d", *points)
	}
	if *preset != "" {
		if _, err := config.Preset(*preset); err != nil {
			return usagef("figures", "figures: %v", err)
		}
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usagef("figures", "figures: %s is a file, not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	start := time.Now()
	for i, fsw := range standardFigures {
		if *preset != "" {
			fsw.preset = *preset
		}
		if *steps > 0 {
			fsw.steps = *steps
		}
		label := fmt.Sprintf("dsasim figures: %d of %d, %s vs %s", i+1, len(standardFigures), fsw.preset, fsw.param)
		names, err := drawSweepFigures(e, dir, label, fsw, *points)
		if err != nil {
			return fmt.Errorf("figures: %s vs %s: %w", fsw.preset, fsw.param, err)
		}
		for _, n := range names {
			fmt.Fprintf(e.stderr, "dsasim figures: wrote %s\n", n)
		}
	}
	fmt.Fprintf(e.stderr, "dsasim figures: %d figures in %v\n", 2*len(standardFigures), time.Since(start).Round(time.Millisecond))
	return nil
}

// figureBase is the file name, without extension, of a sweep's figure of
// the metric.
func figureBase(dir string, fsw figureSweep, metric string) string {
	return filepath.Join(dir, fmt.Sprintf("%s-%s-%s", fsw.preset, metric, fsw.param))
}

// figureSeries are the runs of a figure: a mode, and a tokenScope in mode
// tokens.
var figureSeries = []struct{ name, mode, scope string }{
	{"none", config.ModeNone, config.ScopeGlobal},
	{"ways", config.ModeWays, config.ScopeGlobal},
	{"prevk", config.ModePrevK, config.ScopeGlobal},
	{"pages", config.ModePages, config.ScopeGlobal},
	{"tokens, global LRU", config.ModeTokens, config.ScopeGlobal},
	{"tokens, layer LRU", config.ModeTokens, config.ScopeLayer},
}

// sweepMIN returns, per config, the blocking misses of Belady's MIN for
// the global token store at the config's reservation: the gathered lines
// minus MIN's reserved hits (in mode tokens the shared part holds no KV
// line).
func sweepMIN(e *env, label string, cfgs []config.Config) ([]int64, error) {
	out := make([]int64, len(cfgs))
	err := parallel(e, label+", Belady's MIN", len(cfgs), func(i int) error {
		r, err := oracle.NewRun(cfgs[i], nil)
		if err != nil {
			return err
		}
		hits, ok := r.MIN(r.Slots(int64(cfgs[i].Reserve)), config.ScopeGlobal)
		if !ok {
			return fmt.Errorf("reservation %s holds no token", cfgs[i].Reserve)
		}
		out[i] = r.GatherLines() - *total(hits)
		return nil
	})
	return out, err
}
