package main

import (
	"math"

	"dsaviz/render"
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/oracle"
)

// curvePoints is how many reservation sizes the curve chart plots, evenly
// spaced from none to the largest the cache allows.
const curvePoints = 97

// curveCatchUp is the most steps the curve counts in one tick when it
// is behind the runs (about 60 ms in the browser at dsv32-h100 scale).
const curveCatchUp = 2

// chartMINAccesses bounds the runs whose MIN the charts measure on their
// own while paused (MIN costs about 1.7 plain runs of the steps run and
// the horizon): about a second in the browser. Larger runs show MIN once
// the help (which measures it whatever the cost) has been opened.
const chartMINAccesses = 1 << 21

// curveFollower keeps the token reservation's curve on the runs' trace for
// the charts (issue 11): a token LRU's reserved hits at every size, in
// both scopes, counted a step at a time as A completes steps (sim/oracle's
// LiveCurve; going back recounts), only while the charts are shown. Its
// sizes end with A's and B's reservations, so that the figure at A's size
// is exact (stats().curve), not read off the plotted points.
type curveFollower struct {
	of      *runs                // the runs it follows; a new runs starts it again
	scopes  [2]*oracle.LiveCurve // global, layer; nil when curve.Problem says why
	slots   []int                // curvePoints sizes, then A's and B's
	hits    []int64              // lines hit at each of slots, by the last scope read
	atRuns  [2][2]int64          // [scope][run]: lines hit at A's and B's sizes
	stride  int64                // bytes per token slot
	counted int                  // steps the curve covers
	min     *render.MINGap       // MIN at A's size, as last measured (nil: none)
	curve   render.Curve
}

// follow brings the curve up to date with r (a new runs starts it again)
// and gap, the latest MIN measured (nil: none); it returns the curve the
// charts draw.
func (f *curveFollower) follow(r *runs, gap *render.MINGap) *render.Curve {
	if f.of != r {
		f.start(r)
	}
	if f.scopes[0] == nil || r.seeking() {
		return &f.curve
	}
	steps := r.cmp.Step()
	if steps == f.counted && gap == f.min {
		return &f.curve
	}
	// Far behind (the charts opened late in a run, or the runs went back,
	// which counts again from step 0), catch up a few steps a tick, so
	// that no frame waits for the whole count.
	from := f.counted
	if from < 0 || steps < from {
		from = 0
	}
	upTo := min(steps, from+curveCatchUp)
	f.counted, f.min = upTo, gap
	f.curve.Behind = steps - upTo
	for s, lc := range f.scopes {
		if err := lc.Advance(upTo); err != nil {
			f.fail(err.Error())
			return &f.curve
		}
		f.hits = lc.HitsInto(f.hits, f.slots)
		pts := f.curve.Global
		if s == 1 {
			pts = f.curve.Layer
		}
		lines := lc.Lines()
		for i := range pts {
			pts[i] = percentOf(f.hits[i], lines)
		}
		f.atRuns[s] = [2]int64{f.hits[curvePoints], f.hits[curvePoints+1]}
	}
	f.curve.Steps = upTo
	f.curve.MIN = math.NaN()
	if gap != nil && gap.Problem == "" && gap.Steps == upTo {
		f.curve.MIN = percentOf(gap.MIN, f.scopes[0].Lines())
	}
	f.curve.Gen++
	return &f.curve
}

// percentOf is 100*n/of, NaN when of is 0.
func percentOf(n, of int64) float64 {
	if of <= 0 {
		return math.NaN()
	}
	return 100 * float64(n) / float64(of)
}

// start builds the curve for new runs: the key sequence of A's
// reservation over the runs' own trace (the shared batch or source, so
// that no selection is generated twice), and one live curve per scope.
func (f *curveFollower) start(r *runs) {
	*f = curveFollower{of: r, slots: f.slots[:0], hits: f.hits[:0], curve: render.Curve{Gen: f.curve.Gen + 1, MIN: math.NaN()}}
	a := r.spec.cfg
	if a.Layout == config.LayoutPacked {
		f.fail("not in the packed layout, whose tokens share lines")
		return
	}
	var keys *engine.TokenKeys
	var err error
	if b := r.cmp.Batch(); b != nil {
		keys, err = engine.NewTokenKeysWithBatch(a, b)
	} else {
		keys, err = engine.NewTokenKeys(a, r.cmp.Source())
	}
	if err != nil {
		f.fail(err.Error())
		return
	}
	f.stride = a.TokenStride()
	most := int((int64(a.Capacity) - a.WayBytes()) / f.stride)
	if most <= 0 {
		f.fail("the cache has no room for a reservation beside one shared way")
		return
	}
	for i := range curvePoints {
		f.slots = append(f.slots, i*most/(curvePoints-1))
	}
	for i, c := range f.runConfigs(r) {
		f.slots = append(f.slots, int(int64(c.Reserve)/f.stride))
		if c.Mode != config.ModeNone {
			f.curve.Marks[i] = int64(c.Reserve)
		}
	}
	f.curve.MaxBytes, f.curve.SlotBytes = int64(most)*f.stride, f.stride
	f.curve.Scope = a.TokenScope
	f.curve.Global = make([]float64, curvePoints)
	f.curve.Layer = make([]float64, curvePoints)
	f.counted = -1
	for s := range f.scopes {
		f.scopes[s] = oracle.NewLiveCurve(keys, s == 1, most, a.TokenLines())
	}
}

// runConfigs are A's config and B's (A's again when not comparing).
func (f *curveFollower) runConfigs(r *runs) [2]config.Config {
	if r.cmp.Runs() == 2 {
		return [2]config.Config{r.spec.cfg, r.spec.b}
	}
	return [2]config.Config{r.spec.cfg, r.spec.cfg}
}

// fail leaves the curve with a problem the chart states.
func (f *curveFollower) fail(problem string) {
	f.scopes = [2]*oracle.LiveCurve{}
	f.curve.Problem = problem
	f.curve.Gen++
}

// CurveStats is the curve chart's figures at A's reservation, for
// window.dsaviz.stats(): the token LRU's reserved-hit lines in either
// scope over the steps counted, the KV lines they gather, and MIN's in A's
// scope when measured.
type CurveStats struct {
	Steps        int
	ReserveBytes int64
	MaxBytes     int64
	Points       int
	Global       int64
	Layer        int64
	Lines        int64
	MIN          *int64 // nil: not measured at these steps
	Problem      string
}

// fields returns s with the JavaScript names, for syscall/js.ValueOf.
func (s *CurveStats) fields() map[string]any {
	f := map[string]any{"steps": s.Steps, "reserveBytes": float64(s.ReserveBytes), "maxBytes": float64(s.MaxBytes),
		"points": s.Points, "globalHits": float64(s.Global), "layerHits": float64(s.Layer), "lines": float64(s.Lines),
		"minHits": nil, "problem": s.Problem}
	if s.MIN != nil {
		f["minHits"] = float64(*s.MIN)
	}
	return f
}

// stats returns the curve's figures, nil before it has counted anything.
func (f *curveFollower) stats() *CurveStats {
	if f.of == nil {
		return nil
	}
	st := &CurveStats{Problem: f.curve.Problem}
	if f.scopes[0] == nil || f.counted < 0 {
		return st
	}
	st.Steps, st.MaxBytes, st.Points = f.counted, f.curve.MaxBytes, curvePoints
	st.ReserveBytes = int64(f.of.spec.cfg.Reserve)
	st.Global, st.Layer = f.atRuns[0][0], f.atRuns[1][0]
	st.Lines = f.scopes[0].Lines()
	if f.curve.MIN == f.curve.MIN {
		v := f.min.MIN
		st.MIN = &v
	}
	return st
}
