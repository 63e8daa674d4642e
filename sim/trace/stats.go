package trace

// Stats are the four access statistics of a trace, as DESIGN.md defines
// them, with JSON keys for export. A statistic with no sample (new fraction with one step, lookback
// when no token ever returns, overlap with one layer) is 0.
type Stats struct {
	// Steps and Layers are the trace's shape.
	Steps  int `json:"steps"`
	Layers int `json:"layers"`
	// NewFraction is the mean over t >= 1 and l of |S(t,l) \ S(t-1,l)| /
	// |S(t,l)|: the share of a selection the previous step did not have.
	NewFraction float64 `json:"newFraction"`
	// Persistence is the mean length, in steps, of the maximal runs of
	// consecutive steps in which a token stays in S(.,l); runs cut by the
	// trace's first or last step count as they are.
	Persistence float64 `json:"persistence"`
	// Lookback is the mean of t - t' over the tokens of S(t,l) \ S(t-1,l)
	// that layer l selected before, t' being its last earlier step.
	Lookback float64 `json:"lookback"`
	// InterLayerOverlap is the mean over t and l >= 1 of
	// |S(t,l) ∩ S(t,l-1)| / |S(t,l)|.
	InterLayerOverlap float64 `json:"interLayerOverlap"`
	// Returns is the number of returning tokens Lookback averages over.
	Returns int64 `json:"returns"`
}

// Measure computes the statistics of src in one pass per layer, in time
// linear in the trace's size. It expects every selection sorted and
// distinct, as every Source guarantees; empty selections count in no mean.
// It is the one implementation used by tests, by `dsasim trace` and by the
// app.
func Measure(src Source) Stats {
	return measure(src, false)
}

// measure is Measure with the choice of the sparse (map) last-step table
// forced, so tests cover both tables.
func measure(src Source, forceSparse bool) Stats {
	L, T := src.Layers(), src.Steps()
	st := Stats{Steps: T, Layers: L}
	var newSum, overlapSum float64
	var newCount, overlapCount int
	var members, runs, lookSum int64

	seen := newLastSeen(src, forceSparse)
	for l := 0; l < L; l++ {
		seen.reset()
		var prev []int32
		for t := 0; t < T; t++ {
			sel := src.Selection(t, l)
			members += int64(len(sel))
			fresh := 0
			// Merge sel and prev: tokens only in sel start a run (and
			// may return), tokens only in prev end one at t-1.
			i, j := 0, 0
			for i < len(sel) || j < len(prev) {
				switch {
				case j == len(prev) || (i < len(sel) && sel[i] < prev[j]):
					fresh++
					if t0, ok := seen.get(sel[i]); ok {
						lookSum += int64(t - t0)
						st.Returns++
					}
					i++
				case i == len(sel) || prev[j] < sel[i]:
					seen.set(prev[j], t-1)
					j++
				default:
					i++
					j++
				}
			}
			runs += int64(fresh)
			if len(sel) > 0 && t > 0 {
				newSum += float64(fresh) / float64(len(sel))
				newCount++
			}
			if len(sel) > 0 && l > 0 {
				both := intersection(sel, src.Selection(t, l-1))
				overlapSum += float64(both) / float64(len(sel))
				overlapCount++
			}
			prev = sel
		}
	}
	if newCount > 0 {
		st.NewFraction = newSum / float64(newCount)
	}
	if runs > 0 {
		// Runs add up to the memberships, so their mean is the ratio.
		st.Persistence = float64(members) / float64(runs)
	}
	if st.Returns > 0 {
		st.Lookback = float64(lookSum) / float64(st.Returns)
	}
	if overlapCount > 0 {
		st.InterLayerOverlap = overlapSum / float64(overlapCount)
	}
	return st
}

// intersection returns |a ∩ b| for sorted, distinct a and b.
func intersection(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// lastSeen maps a token to the last step its layer selected it before the
// current run: a dense slice when the indices are compact, else a map.
type lastSeen struct {
	dense  []int32 // step+1, 0 = never
	sparse map[int32]int32
}

func newLastSeen(src Source, forceSparse bool) *lastSeen {
	maxIndex, layerSize := int64(-1), int64(0)
	for l := 0; l < src.Layers(); l++ {
		size := int64(0)
		for t := 0; t < src.Steps(); t++ {
			sel := src.Selection(t, l)
			if len(sel) > 0 {
				maxIndex = max(maxIndex, int64(sel[len(sel)-1]))
			}
			size += int64(len(sel))
		}
		layerSize = max(layerSize, size)
	}
	// Dense costs maxIndex+1 entries cleared per layer: worth it while that
	// is within a few times the layer's own work.
	if !forceSparse && maxIndex+1 <= 8*layerSize+1<<16 {
		return &lastSeen{dense: make([]int32, maxIndex+1)}
	}
	return &lastSeen{sparse: make(map[int32]int32)}
}

func (s *lastSeen) reset() {
	if s.dense != nil {
		clear(s.dense)
	} else {
		clear(s.sparse)
	}
}

func (s *lastSeen) get(tok int32) (int, bool) {
	if s.dense != nil {
		v := s.dense[tok]
		return int(v) - 1, v != 0
	}
	v, ok := s.sparse[tok]
	return int(v), ok
}

func (s *lastSeen) set(tok int32, t int) {
	if s.dense != nil {
		s.dense[tok] = int32(t) + 1
	} else {
		s.sparse[tok] = int32(t)
	}
}
