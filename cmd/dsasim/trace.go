package main

import (
	"fmt"
	"io"
	"strconv"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

const traceSynopsis = "dsasim trace [-json] FILE | dsasim trace -generate [run flags] [-o FILE.npy|FILE.txt]"

const traceAbout = `
Trace reads a real DSA index log (NumPy .npy of shape [steps, layers, k],
int32 or int64, -1 for padding; or text, one "step layer i1 i2 ..." line per
selection), checks it, and prints its shape (steps, layers, k range, largest
index, the shortest prompt that holds it) and the five statistics of the
paper's Table 3, each as mean, P95 and σ beside the paper's: working set
over 50 steps (x k), persistence (steps), lookback ((position - index) / k),
new lookups and inter-layer overlap (fractions), plus the step reuse
distance, measured as the app and the tests measure them. It ends with the
generator keys that make the synthetic trace resemble the log. A malformed
log is refused with its name and the line or byte offset. Lookback is
measured from the shortest prompt that holds the log.

With -generate it measures the synthetic trace of the run flags instead
(-preset, -config and the config keys, as run takes them), and with -o
writes its selections as a .npy or text file that this command, -trace
and NumPy read back ("-o -" writes text to stdout, and the statistics go
to stderr).

Examples:
  dsasim trace indices.npy
  dsasim trace -generate -layers 16 -topk 64 -prompt 1000 -steps 200 -o gen.npy`

// traceReport is what trace prints.
type traceReport struct {
	Name      string         `json:"name"`
	Steps     int            `json:"steps"`
	Layers    int            `json:"layers"`
	MinK      int            `json:"minK"`
	MaxK      int            `json:"maxK"`
	MaxIndex  int            `json:"maxIndex"`
	MinPrompt int            `json:"minPrompt"`
	Stats     trace.Stats    `json:"stats"`
	Paper     trace.Stats    `json:"paper"`     // Table 3, for comparison
	Generator []keyValuePair `json:"generator"` // config keys to set, in order
}

// keyValuePair is one suggested config key.
type keyValuePair struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func cmdTrace(e *env, args []string) error {
	fs := newFlagSet("trace")
	jsonOut := fs.Bool("json", false, "print the shape and statistics as one JSON object")
	generate := fs.Bool("generate", false, "measure the generator's trace of the run flags instead of a log")
	outFile := fs.String("o", "", "with -generate, write the selections to `FILE`.npy or FILE.txt (\"-\": text to stdout)")
	var sf scenarioFlags
	sf.register(fs)
	files, err := parse(e, fs, args, traceSynopsis, traceAbout)
	if err != nil {
		return err
	}
	var lg *trace.Log
	var src trace.Source // what is measured: the log, or the generator
	switch {
	case *generate:
		if len(files) != 0 || sf.traceFile != "" {
			return usagef("trace", "trace: -generate measures the generator: give no log FILE or -trace")
		}
		var g *trace.Generator
		if lg, g, err = generateLog(e, fs, &sf, *outFile); err != nil {
			return err
		}
		src = g
	case *outFile != "":
		return usagef("trace", "trace: -o writes the generator's selections: it needs -generate")
	case len(files) != 1:
		return usagef("trace", "trace: give one index log FILE, got %d arguments", len(files))
	default:
		if lg, err = readLog(e, files[0]); err != nil {
			return err
		}
		src = lg
	}
	r := measureLog(lg, src)
	w := e.stdout
	if *outFile == "-" {
		w = e.stderr // stdout holds the selections
	}
	if *jsonOut {
		return writeJSON(w, r)
	}
	return writeTraceReport(w, r)
}

// writeTraceReport prints r as a table beside the paper's.
func writeTraceReport(w io.Writer, r traceReport) error {
	fmt.Fprintf(w, "%s: %d steps x %d layers, k %d..%d, largest index %d, prompt at least %d\n",
		r.Name, r.Steps, r.Layers, r.MinK, r.MaxK, r.MaxIndex, r.MinPrompt)
	fmt.Fprintf(w, "%-32s %8s %8s %8s   %s\n", "statistic", "mean", "P95", "σ", "paper (Table 3)")
	row := func(name string, s, paper trace.Summary, hasPaper bool) {
		fmt.Fprintf(w, "%-32s %8.4f %8.4f %8.4f", name, s.Mean, s.P95, s.Sigma)
		if hasPaper {
			fmt.Fprintf(w, "   %g / %g / %g", paper.Mean, paper.P95, paper.Sigma)
		}
		fmt.Fprintln(w)
	}
	for _, tr := range trace.Table3Rows() {
		name := fmt.Sprintf("%s (%s)", tr.Name, tr.Unit)
		if tr.Name == "working set" {
			name = fmt.Sprintf("working set (x k, %d steps)", r.Stats.Window)
		}
		row(name, tr.Of(r.Stats), tr.Of(r.Paper), true)
	}
	row("reuse distance (steps)", r.Stats.ReuseDistance, trace.Summary{}, false)
	fmt.Fprintf(w, "\nA synthetic run that resembles this log (-trace FILE replays the log itself):\n  dsasim run")
	for _, kv := range r.Generator {
		fmt.Fprintf(w, " -%s %s", kv.Key, kv.Value)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// measureLog measures src, which is lg or the generator lg was written
// from, and suggests generator keys: the shape, then stepOverlap = 1 - new
// lookups (the generator keeps each token with that mean probability), and
// layerOverlap and reach scaled from the measured overlap and lookback as
// the defaults relate them (layerOverlap 0.4 measures about 0.36 and reach
// 2.5 about 3.3, in the paper's regime). The working set has no key of its
// own: returnRate moves it.
func measureLog(lg *trace.Log, src trace.Source) traceReport {
	st := trace.Measure(src)
	r := traceReport{
		Name: lg.Name(), Steps: lg.Steps(), Layers: lg.Layers(),
		MinK: lg.MinK(), MaxK: lg.MaxK(), MaxIndex: lg.MaxIndex(), MinPrompt: lg.MinPrompt(),
		Stats: st, Paper: trace.PaperStats(),
	}
	g := func(key, value string) { r.Generator = append(r.Generator, keyValuePair{key, value}) }
	g("layers", strconv.Itoa(lg.Layers()))
	g("topk", strconv.Itoa(max(lg.MaxK(), 1)))
	g("prompt", strconv.Itoa(max(lg.MinPrompt(), 1)))
	g("steps", strconv.Itoa(lg.Steps()))
	// Sinks must fit in topk for the command to run.
	g("sinks", strconv.Itoa(logSinks(lg)))
	if lg.Steps() > 1 {
		g("stepOverlap", short(min(max(1-st.NewLookups.Mean, 0), 1)))
	}
	d, paper := config.DefaultConfig(), trace.PaperStats()
	if lg.Layers() > 1 {
		g("layerOverlap", short(min(max(st.InterLayerOverlap.Mean*d.LayerOverlap/paper.InterLayerOverlap.Mean, 0), 1)))
	}
	if st.Lookback.Count > 0 {
		g("reach", short(min(max(st.Lookback.Mean*d.Reach/paper.Lookback.Mean, 0.01), 1000)))
	}
	return r
}

// logSinks returns the attention sinks a log shows: the largest s such
// that every selection holds tokens 0..s-1 (or is the whole context
// before them, which a selection shorter than s cannot tell).
func logSinks(lg *trace.Log) int {
	s := -1
	for t := range lg.Steps() {
		for l := range lg.Layers() {
			sel := lg.Selection(t, l)
			n := 0
			for n < len(sel) && sel[n] == int32(n) {
				n++
			}
			if n < len(sel) && (s < 0 || n < s) {
				s = n // a gap: the sinks end here
			}
		}
	}
	if s < 0 {
		s = 0 // every selection is a prefix: nothing tells sinks apart
	}
	return min(s, max(lg.MaxK(), 1))
}

// short formats a suggested value to three significant digits.
func short(x float64) string { return strconv.FormatFloat(x, 'g', 3, 64) }

// readLog reads a real index log, NumPy .npy or text, from a file or
// stdin ("-"). A missing or malformed file is a failure (exit 1).
func readLog(e *env, name string) (*trace.Log, error) {
	in, name, err := openInput(e, name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return trace.Read(in, name)
}
