package main

import (
	"fmt"
	"strconv"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

const traceSynopsis = "dsasim trace [-json] FILE"

const traceAbout = `
Trace reads a real DSA index log (NumPy .npy of shape [steps, layers, k],
int32 or int64, -1 for padding; or text, one "step layer i1 i2 ..." line per
selection), checks it, and prints its shape (steps, layers, k range, largest
index, the shortest prompt that holds it) and its four statistics: new
fraction, persistence, lookback and inter-layer overlap, measured as the app
and the tests measure them. It ends with the generator keys that make the
synthetic trace resemble the log. A malformed log is refused with its name
and the line or byte offset.

Example:
  dsasim trace indices.npy`

// traceReport is what trace prints.
type traceReport struct {
	Name              string         `json:"name"`
	Steps             int            `json:"steps"`
	Layers            int            `json:"layers"`
	MinK              int            `json:"minK"`
	MaxK              int            `json:"maxK"`
	MaxIndex          int            `json:"maxIndex"`
	MinPrompt         int            `json:"minPrompt"`
	NewFraction       jsonReal       `json:"newFraction"`
	Persistence       jsonReal       `json:"persistence"`
	Lookback          jsonReal       `json:"lookback"`
	Returns           int64          `json:"returns"` // returning tokens lookback averages over
	InterLayerOverlap jsonReal       `json:"interLayerOverlap"`
	Generator         []keyValuePair `json:"generator"` // config keys to set, in order
}

// keyValuePair is one suggested config key.
type keyValuePair struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func cmdTrace(e *env, args []string) error {
	fs := newFlagSet("trace")
	jsonOut := fs.Bool("json", false, "print the shape and statistics as one JSON object")
	files, err := parse(e, fs, args, traceSynopsis, traceAbout)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("trace", "trace: give one index log FILE, got %d arguments", len(files))
	}
	lg, err := readLog(e, files[0])
	if err != nil {
		return err
	}
	r := measureLog(lg)
	if *jsonOut {
		return writeJSON(e.stdout, r)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s: %d steps x %d layers, k %d..%d, largest index %d, prompt at least %d\n",
		r.Name, r.Steps, r.Layers, r.MinK, r.MaxK, r.MaxIndex, r.MinPrompt)
	fmt.Fprintf(w, "new fraction         %.4f\n", float64(r.NewFraction))
	fmt.Fprintf(w, "persistence          %.4f steps\n", float64(r.Persistence))
	fmt.Fprintf(w, "lookback             %.4f steps (over %d returning tokens)\n", float64(r.Lookback), r.Returns)
	fmt.Fprintf(w, "inter-layer overlap  %.4f\n", float64(r.InterLayerOverlap))
	fmt.Fprintf(w, "(the paper's traces: new fraction 0.55, persistence 1.82, lookback 3.29, overlap 0.36)\n")
	fmt.Fprintf(w, "\nA synthetic run that resembles this log (-trace FILE replays the log itself):\n  dsasim run")
	for _, kv := range r.Generator {
		fmt.Fprintf(w, " -%s %s", kv.Key, kv.Value)
	}
	_, err = fmt.Fprintln(w)
	return err
}

// measureLog measures a log and suggests generator keys: the shape, then
// stepOverlap = 1 - new fraction (the generator keeps each token with
// that probability), layerOverlap = the measured overlap, and the
// lookback when tokens return.
func measureLog(lg *trace.Log) traceReport {
	st := trace.Measure(lg)
	r := traceReport{
		Name: lg.Name(), Steps: lg.Steps(), Layers: lg.Layers(),
		MinK: lg.MinK(), MaxK: lg.MaxK(), MaxIndex: lg.MaxIndex(), MinPrompt: lg.MinPrompt(),
		NewFraction: jsonReal(st.NewFraction), Persistence: jsonReal(st.Persistence),
		Lookback: jsonReal(st.Lookback), Returns: st.Returns, InterLayerOverlap: jsonReal(st.InterLayerOverlap),
	}
	g := func(key, value string) { r.Generator = append(r.Generator, keyValuePair{key, value}) }
	g("layers", strconv.Itoa(lg.Layers()))
	g("topk", strconv.Itoa(max(lg.MaxK(), 1)))
	g("prompt", strconv.Itoa(max(lg.MinPrompt(), 1)))
	g("steps", strconv.Itoa(lg.Steps()))
	// Sinks and window must fit in topk for the command to run: the
	// sinks the log shows, and the default window where it fits.
	topk, sinks := max(lg.MaxK(), 1), logSinks(lg)
	g("sinks", strconv.Itoa(sinks))
	g("window", strconv.Itoa(min(config.DefaultConfig().Window, topk-sinks)))
	if lg.Steps() > 1 {
		g("stepOverlap", short(min(max(1-st.NewFraction, 0), 1)))
	}
	if lg.Layers() > 1 {
		g("layerOverlap", short(min(max(st.InterLayerOverlap, 0), 1)))
	}
	if st.Returns > 0 {
		g("lookback", short(min(max(st.Lookback, 1), 1000)))
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
