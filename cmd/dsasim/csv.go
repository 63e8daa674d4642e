package main

import (
	"encoding/csv"
	"strconv"

	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// countColumns are the CSV columns of one step or one layer: totals, then
// per class. Their names are stable: scripts read them.
var countColumns = []string{
	"accesses", "hits", "reservedHits", "sharedHits", "misses", "blockingMisses", "evictions", "hitRate",
	"indexerAccesses", "indexerHits", "indexerMisses",
	"kvAccesses", "kvReservedHits", "kvSharedHits", "kvMisses", "kvEvictions",
	"weightsAccesses", "weightsHits", "weightsMisses",
	"seconds", "tokensPerSecond", "missPages", "slowdown",
}

// appendCounts appends the countColumns of one step or layer to row.
func appendCounts(row []string, c *engine.ByClass, roof engine.Roofline, seconds float64) []string {
	sum := c.Sum()
	ix, kv, w := c[workload.Indexer], c[workload.KV], c[workload.Weights]
	tps := jsonReal(0)
	if seconds > 0 {
		tps = jsonReal(1 / seconds)
	}
	return append(row,
		itoa(sum.Accesses), itoa(sum.Hits()), itoa(sum.ReservedHits), itoa(sum.SharedHits),
		itoa(sum.Misses), itoa(c.BlockingMisses()), itoa(sum.Evictions), jsonReal(c.HitRate()).String(),
		itoa(ix.Accesses), itoa(ix.Hits()), itoa(ix.Misses),
		itoa(kv.Accesses), itoa(kv.ReservedHits), itoa(kv.SharedHits), itoa(kv.Misses), itoa(kv.Evictions),
		itoa(w.Accesses), itoa(w.Hits()), itoa(w.Misses),
		jsonReal(seconds).String(), tps.String(), itoa(roof.MissPages), jsonReal(roof.Slowdown()).String(),
	)
}

// stepCSV writes one row per step, or per layer of each step.
type stepCSV struct {
	w        *csv.Writer
	perLayer bool
	row      []string
}

func newStepCSV(w *csv.Writer, perLayer bool) (*stepCSV, error) {
	header := []string{"step", "context"}
	if perLayer {
		header = []string{"step", "layer", "context", "streamBytes", "pageFillLines"}
	}
	header = append(header, countColumns...)
	return &stepCSV{w: w, perLayer: perLayer}, w.Write(header)
}

// writeStep writes the rows of a completed step.
func (s *stepCSV) writeStep(st *engine.StepStats) error {
	step, ctx := strconv.Itoa(st.Step), strconv.Itoa(st.Context)
	if !s.perLayer {
		s.row = appendCounts(append(s.row[:0], step, ctx), &st.Class, st.Roofline, st.Seconds)
		return s.w.Write(s.row)
	}
	for i := range st.Layers {
		ls := &st.Layers[i]
		s.row = append(s.row[:0], step, strconv.Itoa(ls.Layer), ctx, itoa(ls.StreamBytes), itoa(ls.PageFillLines))
		s.row = appendCounts(s.row, &ls.Class, ls.Roofline, ls.Seconds)
		if err := s.w.Write(s.row); err != nil {
			return err
		}
	}
	return nil
}
