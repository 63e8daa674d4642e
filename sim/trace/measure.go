package trace

import (
	"math"
	"slices"
)

// measurer gathers the samples of Stats, one layer at a time.
type measurer struct {
	prompt int
	// state[tok] is, while tok is in S(.,l), the step its run started, and
	// after, the last step it was in; +1, 0 meaning never selected.
	state tokenTable
	// count[tok] is the number of the working-set window's steps whose
	// selection holds tok.
	count tokenTable

	working, runs, lookback, reuse histogram
	newLookups, overlap            []float64
}

func (m *measurer) init(s shape, prompt, T int, forceSparse bool) {
	m.prompt = prompt
	// Dense tables cost maxIndex+1 entries cleared per layer: worth it
	// while that is within a few times the layer's own work.
	dense := !forceSparse && s.maxIndex+1 <= 8*s.layerSize+1<<16
	m.state = newTokenTable(int(s.maxIndex+1), dense)
	m.count = newTokenTable(int(s.maxIndex+1), dense)
	// Lookbacks reach up to prompt+T; bins stay below 2^22 (16 MB).
	span := int64(prompt) + int64(T) + 1
	for span>>m.lookback.shift > 1<<22 {
		m.lookback.shift++
	}
	m.lookback.bins = make([]int64, span>>m.lookback.shift+1)
}

// layer adds the samples of layer l over steps [0, T), with working-set
// windows of w steps.
func (m *measurer) layer(src Source, l, T, w int) {
	m.state.reset()
	m.count.reset()
	union := 0 // |the window's union|
	var prev []int32
	for t := 0; t < T; t++ {
		sel := src.Selection(t, l)
		N := m.prompt + t
		for _, tok := range sel {
			m.lookback.add(max(N-int(tok), 0))
		}
		// Merge sel and prev: a token only in sel enters (maybe
		// returning), one only in prev ends its run at t-1.
		entered, i, j := 0, 0, 0
		for i < len(sel) || j < len(prev) {
			switch {
			case j == len(prev) || (i < len(sel) && sel[i] < prev[j]):
				tok := sel[i]
				if v := m.state.get(tok); v != 0 {
					m.reuse.add(t - int(v-1))
				}
				m.state.set(tok, int32(t)+1)
				entered++
				i++
			case i == len(sel) || prev[j] < sel[i]:
				tok := prev[j]
				m.runs.add(t - int(m.state.get(tok)-1))
				m.state.set(tok, int32(t)) // last in S at t-1
				j++
			default:
				i++
				j++
			}
		}
		if t > 0 && len(sel) > 0 {
			m.newLookups = append(m.newLookups, float64(entered)/float64(len(sel)))
		}
		if l > 0 && len(sel) > 0 {
			both := intersection(sel, src.Selection(t, l-1))
			m.overlap = append(m.overlap, float64(both)/float64(len(sel)))
		}
		for _, tok := range sel {
			c := m.count.get(tok)
			if c == 0 {
				union++
			}
			m.count.set(tok, c+1)
		}
		if t >= w {
			for _, tok := range src.Selection(t-w, l) {
				c := m.count.get(tok) - 1
				if c == 0 {
					union--
				}
				m.count.set(tok, c)
			}
		}
		if t >= w-1 {
			m.working.add(union)
		}
		prev = sel
	}
	for _, tok := range prev { // runs still open at the last step
		m.runs.add(T - int(m.state.get(tok)-1))
	}
}

// histogram gathers non-negative integer samples in bins of 2^shift values.
type histogram struct {
	bins  []int64
	shift uint
	n     int64
	sum   int64
}

func (h *histogram) add(v int) {
	b := v >> h.shift
	if b >= len(h.bins) {
		h.bins = append(h.bins, make([]int64, b+1-len(h.bins))...)
	}
	h.bins[b]++
	h.n++
	h.sum += int64(v)
}

// summary returns the samples' Summary with every value multiplied by
// scale. The mean is exact; σ and P95 are exact with one value per bin
// (shift 0), else taken at the bins' middles and lower ends.
func (h *histogram) summary(scale float64) Summary {
	if h.n == 0 {
		return Summary{}
	}
	mean := float64(h.sum) / float64(h.n)
	half := 0.0
	if h.shift > 0 {
		half = float64(int64(1)<<h.shift) / 2
	}
	var sq float64
	rank := (95*h.n + 99) / 100 // ceil(0.95 n), 1-based
	p95, seen := -1, int64(0)
	for b, c := range h.bins {
		if c == 0 {
			continue
		}
		d := float64(int64(b)<<h.shift) + half - mean
		sq += float64(c) * d * d
		if seen += c; p95 < 0 && seen >= rank {
			p95 = b << h.shift
		}
	}
	return Summary{
		Mean:  mean * scale,
		P95:   float64(p95) * scale,
		Sigma: math.Sqrt(sq/float64(h.n)) * scale,
		Count: h.n,
	}
}

// summarize returns the Summary of xs, which it sorts.
func summarize(xs []float64) Summary {
	n := len(xs)
	if n == 0 {
		return Summary{}
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(n)
	var sq float64
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	slices.Sort(xs)
	return Summary{
		Mean:  mean,
		P95:   xs[(95*n+99)/100-1],
		Sigma: math.Sqrt(sq / float64(n)),
		Count: int64(n),
	}
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

// tokenTable maps a token to an int32, 0 for tokens never set: a dense
// slice when indices are compact, else a map.
type tokenTable struct {
	dense  []int32
	sparse map[int32]int32
}

func newTokenTable(n int, dense bool) tokenTable {
	if dense {
		return tokenTable{dense: make([]int32, n)}
	}
	return tokenTable{sparse: make(map[int32]int32)}
}

func (tt *tokenTable) reset() {
	if tt.dense != nil {
		clear(tt.dense)
	} else {
		clear(tt.sparse)
	}
}

func (tt *tokenTable) get(tok int32) int32 {
	if tt.dense != nil {
		return tt.dense[tok]
	}
	return tt.sparse[tok]
}

func (tt *tokenTable) set(tok, v int32) {
	if tt.dense != nil {
		tt.dense[tok] = v
	} else {
		tt.sparse[tok] = v
	}
}
