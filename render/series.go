package render

// ChartWindow is how many of the latest steps a time-series chart shows.
const ChartWindow = 300

// Series is one figure per decode step over the latest ChartWindow steps
// (KV hit rate, blocking misses, tokens/s of a run): a ring of fixed
// capacity, so that Push is O(1) and never allocates. A NaN value is a
// step with no figure: the chart leaves a gap there. The zero Series is
// empty and ready to use.
type Series struct {
	v     [ChartWindow]float64
	head  int    // position of the oldest value in v
	n     int    // values held, at most ChartWindow
	total int    // values pushed since the last Reset
	gen   uint64 // changes with every Push and Reset
}

// Push appends the figure of the next step, dropping the oldest once the
// window is full.
func (s *Series) Push(v float64) {
	if s.n < ChartWindow {
		s.v[(s.head+s.n)%ChartWindow] = v
		s.n++
	} else {
		s.v[s.head] = v
		s.head = (s.head + 1) % ChartWindow
	}
	s.total++
	s.gen++
}

// Reset empties the series (a new run).
func (s *Series) Reset() {
	s.head, s.n, s.total = 0, 0, 0
	s.gen++
}

// Len is the number of values held, at most ChartWindow.
func (s *Series) Len() int { return s.n }

// Total is the number of values pushed since the last Reset: the 1-based
// step of the latest value.
func (s *Series) Total() int { return s.total }

// At returns the i-th value held, oldest first (0 <= i < Len): the value
// of step Total() - Len() + 1 + i.
func (s *Series) At(i int) float64 { return s.v[(s.head+i)%ChartWindow] }

// Gen changes whenever the series does, so that a chart redraws only
// when its data changed.
func (s *Series) Gen() uint64 { return s.gen }

// Max returns the largest value held, ignoring NaNs; 0 when there is none.
func (s *Series) Max() float64 {
	m := 0.0
	for i := range s.n {
		if v := s.At(i); v > m {
			m = v
		}
	}
	return m
}
