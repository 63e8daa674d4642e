package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"dsaviz/sim/engine"
)

const runSynopsis = "dsasim run [-preset NAME] [-config FILE.json] [-trace FILE] [-KEY VALUE ...] [-json] [-csv FILE [-per-layer]]"

const runAbout = `
Run simulates a scenario and prints its totals: a table, or with -json one
object (steps accesses hits reservedHits sharedHits misses blockingMisses
evictions hitRate kvHitRate seconds stepSeconds tokensPerSecond missPages
slowdown, the counts per class, pageUtilization in mode pages, each
request's totals when batch > 1, and the config). slowdown is the paper's
roofline of the KV gathers, (T_ref + missPages*missLatency) / T_ref with
T_ref one efficient read of every gathered top-k (tokens*kvBytes at the
bandwidth) and missPages the distinct KV pages among the missed tokens of
each gather; with -timeModel paper it is also the time. The JSON holds no
wall-clock time, so two runs compare byte for byte; the time the simulation
took goes to stderr. -csv writes one row per step (or per layer) to FILE
("-" for stdout).

The config is the defaults, overridden by -preset, then by -config, then by
-KEY flags, whatever their order on the line. With -trace, the selections
come from a real index log; prompt, steps, layers and topk follow the log
unless set explicitly.

Example:
  dsasim run -preset small-demo -mode none -reserve 0 -json`

// runFlags are the flags of run, and the scenario flags that sweep and
// export share with it.
type runFlags struct {
	scenarioFlags
	json     bool
	csv      string
	perLayer bool
}

func cmdRun(e *env, args []string) error {
	fs := newFlagSet("run")
	var f runFlags
	fs.BoolVar(&f.json, "json", false, "print the totals as one JSON object")
	fs.StringVar(&f.csv, "csv", "", "write one CSV row per step to `FILE` (\"-\": stdout)")
	fs.BoolVar(&f.perLayer, "per-layer", false, "with -csv, one row per layer of each step")
	f.scenarioFlags.register(fs)
	rest, err := parse(e, fs, args, runSynopsis, runAbout)
	if err != nil {
		return err
	}
	if err := noPositional("run", rest); err != nil {
		return err
	}
	if f.perLayer && f.csv == "" {
		return usagef("run", "run: -per-layer needs -csv FILE")
	}
	if f.csv == "-" && f.json {
		return usagef("run", "run: -json and -csv - would both write to stdout; give -csv a file")
	}
	sc, eng, err := f.buildEngine(e, fs)
	if err != nil {
		return err
	}
	var rows *stepCSV
	var out *output
	if f.csv != "" {
		if out, err = createOutput(e, f.csv); err != nil {
			return fmt.Errorf("run: %w", err)
		}
		defer out.abandon()
		cw := csv.NewWriter(out)
		if rows, err = newStepCSV(cw, f.perLayer); err != nil {
			return err
		}
	}
	start := time.Now()
	for !eng.Done() {
		eng.AdvanceStep()
		if rows != nil {
			if err := rows.writeStep(eng.LastStep()); err != nil {
				return fmt.Errorf("run: write %s: %w", out.name, err)
			}
		}
	}
	elapsed := time.Since(start)
	if rows != nil {
		if rows.w.Flush(); rows.w.Error() != nil {
			return fmt.Errorf("run: write %s: %w", out.name, rows.w.Error())
		}
		if err := out.Close(); err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	reportSpeed(e, "run", sc.cfg.Steps, elapsed)
	s := summarize(eng, traceName(sc))
	text := e.stdout
	if f.csv == "-" {
		text = e.stderr
	}
	if f.json {
		return writeJSON(e.stdout, s)
	}
	return writeSummary(text, &s)
}

func traceName(sc scenario) string {
	if sc.log == nil {
		return ""
	}
	return sc.log.Name()
}

// reportSpeed tells stderr how long the simulation took: the one
// wall-clock figure, kept out of every result.
func reportSpeed(e *env, cmd string, steps int, d time.Duration) {
	rate := ""
	if d > 0 {
		rate = fmt.Sprintf(" (%.1f steps/s)", float64(steps)/d.Seconds())
	}
	fmt.Fprintf(e.stderr, "dsasim %s: simulated %d steps in %v%s\n", cmd, steps, d.Round(time.Microsecond), rate)
}

// writeJSON writes v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// writeSummary prints the totals as a table a person reads.
func writeSummary(w io.Writer, s *summary) error {
	c := s.Config
	fmt.Fprintf(w, "%d steps of %d layers, mode %s, %s LLC (%d sets x %d ways x %d B, %s), reserve %s\n",
		s.Steps, c.Layers, c.Mode, c.Capacity, c.Sets(), c.Ways, c.Line, c.Policy, c.Reserve)
	if s.Trace != "" {
		fmt.Fprintf(w, "selections from %s\n", s.Trace)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "class\taccesses\treserved hits\tshared hits\tmisses\tevictions\thit rate\t")
	line := func(name string, n engine.Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.4f\t\n", name, n.Accesses, n.ReservedHits, n.SharedHits, n.Misses, n.Evictions, float64(ratio(n.Hits(), n.Accesses)))
	}
	line("indexer", s.Classes.Indexer)
	line("kv", s.Classes.KV)
	line("weights", s.Classes.Weights)
	line("total", engine.Counts{Accesses: s.Accesses, ReservedHits: s.ReservedHits, SharedHits: s.SharedHits, Misses: s.Misses, Evictions: s.Evictions})
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "blocking misses %d, estimated step time %.3f us (time model %s), %.1f tokens/s\n",
		s.BlockingMisses, float64(s.StepSeconds)*1e6, c.TimeModel, float64(s.TokensPerSecond))
	fmt.Fprintf(w, "paper roofline: %d blocking KV pages, slowdown %.3f over one efficient read of the top-k\n", s.MissPages, float64(s.Slowdown))
	for r, q := range s.Requests {
		fmt.Fprintf(w, "request %d (prompt %d): blocking misses %d, kv hit rate %.4f, slowdown %.3f\n", r, q.Prompt, q.BlockingMisses, float64(q.KVHitRate), float64(q.Slowdown))
	}
	if s.PageUtilization != nil {
		fmt.Fprintf(w, "page utilization %.3f over %d evicted pages\n", float64(*s.PageUtilization), *s.EvictedPages)
	}
	_, err := fmt.Fprintf(w, "(an estimate for comparing configurations, not a cycle-accurate model)\n")
	return err
}
