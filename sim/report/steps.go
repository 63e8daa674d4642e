// Package report writes what runs did in the forms people analyse
// elsewhere: one CSV row per completed decode step of each run.
package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"dsaviz/sim/engine"
)

// Run is a named run's completed steps.
type Run struct {
	Name  string // "A", "B", or a config's name
	Steps []engine.StepSummary
}

// StepColumns are the CSV columns of StepsCSV, in order. The rates are
// the engine's definitions (StepSummary's methods).
var StepColumns = []string{
	"run", "step", "accesses", "hits", "reservedHits", "misses", "blockingMisses", "evictions",
	"kvAccesses", "kvHits", "hitRate", "kvHitRate", "seconds", "tokensPerSecond",
}

// StepsCSV writes a header (StepColumns), then one row per completed step
// of each run, run by run. Numbers are written in their shortest exact
// form; an infinite rate (a step that took no time) as "+Inf".
func StepsCSV(w io.Writer, runs ...Run) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(StepColumns); err != nil {
		return err
	}
	row := make([]string, len(StepColumns))
	for _, r := range runs {
		for _, s := range r.Steps {
			row = append(row[:0], r.Name, strconv.Itoa(s.Step),
				itoa(s.Accesses), itoa(s.Hits), itoa(s.ReservedHits), itoa(s.Misses), itoa(s.BlockingMisses), itoa(s.Evictions),
				itoa(s.KVAccesses), itoa(s.KVHits),
				number(s.HitRate()), number(s.KVHitRate()), number(s.Seconds), number(s.TokensPerSecond()))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func number(x float64) string {
	if math.IsInf(x, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
