package trace

// Meter measures a trace as it runs: Advance takes in the steps up to a
// given one, each once, and Stats returns the statistics of the steps taken
// in so far, the same as MeasureSteps would. Its cost is linear in the
// entries taken in, plus a table of the context per layer (a map when the
// indices are not compact).
type Meter struct {
	src    Source
	prompt int
	steps  int // steps taken in
	topK   int
	layers []layerMeter
	s      samples
}

// layerMeter is what a Meter keeps of one layer between steps.
type layerMeter struct {
	// state[tok] is, while tok is in S(.,l), the step its run started, and
	// after, the last step it was in; +1, 0 meaning never selected.
	state tokenTable
	// count[tok] is the number of the current working-set window's steps
	// whose selection holds tok; union is how many tokens have a count.
	count tokenTable
	union int
}

// denseTokens bounds the dense tables of a Meter (two int32 per layer and
// token): 128 MiB.
const denseTokens = 1 << 24

// NewMeter returns a Meter of src at step 0. The prompt lookback is
// measured from is src's Prompt() if it has one, else the smallest that
// holds every index of src (as Log.MinPrompt), found by reading src whole.
func NewMeter(src Source) *Meter {
	return newMeter(src, false)
}

// newMeter is NewMeter with maps forced, so tests cover both tables.
func newMeter(src Source, forceSparse bool) *Meter {
	m := &Meter{src: src}
	size := 0 // tokens a table must hold
	if p, ok := src.(prompter); ok {
		m.prompt = p.Prompt()
		size = m.prompt + src.Steps()
	} else {
		maxIndex := -1
		for t := range src.Steps() {
			for l := range src.Layers() {
				if sel := src.Selection(t, l); len(sel) > 0 {
					top := int(sel[len(sel)-1])
					maxIndex = max(maxIndex, top)
					m.prompt = max(m.prompt, top-t+1)
				}
			}
		}
		size = maxIndex + 1
	}
	dense := !forceSparse && int64(size)*int64(src.Layers()) <= denseTokens
	m.layers = make([]layerMeter, src.Layers())
	for l := range m.layers {
		m.layers[l].state = newTokenTable(size, dense)
		m.layers[l].count = newTokenTable(size, dense)
	}
	// Lookbacks reach up to prompt+steps; bins stay below 2^22 (32 MiB).
	span := int64(m.prompt) + int64(src.Steps()) + 1
	for span>>m.s.lookback.shift > 1<<22 {
		m.s.lookback.shift++
	}
	m.s.lookback.bins = make([]int64, span>>m.s.lookback.shift+1)
	return m
}

// Steps returns the number of steps taken in.
func (m *Meter) Steps() int { return m.steps }

// Advance takes in the steps from Steps() up to steps (at most the
// source's), layer by layer.
func (m *Meter) Advance(steps int) {
	steps = min(steps, m.src.Steps())
	for ; m.steps < steps; m.steps++ {
		for l := range m.layers {
			m.step(m.steps, l)
		}
	}
}

// step takes in S(t,l).
func (m *Meter) step(t, l int) {
	lm := &m.layers[l]
	sel, prev := m.src.Selection(t, l), m.src.Selection(t-1, l)
	m.topK = max(m.topK, len(sel))
	N := m.prompt + t
	for _, tok := range sel {
		m.s.lookback.add(max(N-int(tok), 0))
	}
	// Merge sel and prev: a token only in sel enters (maybe returning),
	// one only in prev ends its run at t-1.
	entered, i, j := 0, 0, 0
	for i < len(sel) || j < len(prev) {
		switch {
		case j == len(prev) || (i < len(sel) && sel[i] < prev[j]):
			tok := sel[i]
			if v := lm.state.get(tok); v != 0 {
				m.s.reuse.add(t - int(v-1))
			}
			lm.state.set(tok, int32(t)+1)
			entered++
			i++
		case i == len(sel) || prev[j] < sel[i]:
			tok := prev[j]
			m.s.runs.add(t - int(lm.state.get(tok)-1))
			lm.state.set(tok, int32(t)) // last in S at t-1
			j++
		default:
			i++
			j++
		}
	}
	if t > 0 && len(sel) > 0 {
		m.s.newLookups = append(m.s.newLookups, float64(entered)/float64(len(sel)))
	}
	if l > 0 && len(sel) > 0 {
		both := intersection(sel, m.src.Selection(t, l-1))
		m.s.overlap = append(m.s.overlap, float64(both)/float64(len(sel)))
	}
	for _, tok := range sel {
		c := lm.count.get(tok)
		if c == 0 {
			lm.union++
		}
		lm.count.set(tok, c+1)
	}
	if t >= WorkingSetSteps {
		for _, tok := range m.src.Selection(t-WorkingSetSteps, l) {
			c := lm.count.get(tok) - 1
			if c == 0 {
				lm.union--
			}
			lm.count.set(tok, c)
		}
	}
	if t >= WorkingSetSteps-1 {
		m.s.working.add(lm.union)
	}
}

// closed returns the samples taken in so far as if the trace ended here:
// runs still open at the last step end there, and with fewer steps than a
// window each layer's union so far is its one working-set sample. Only
// those two histograms are copied: the rest is shared with m (summarize
// only reorders the fractions, whose order does not matter).
func (m *Meter) closed() samples {
	s := m.s
	s.runs, s.working = m.s.runs.clone(), m.s.working.clone()
	if m.steps == 0 {
		return s
	}
	for l := range m.layers {
		lm := &m.layers[l]
		for _, tok := range m.src.Selection(m.steps-1, l) {
			s.runs.add(m.steps - int(lm.state.get(tok)-1))
		}
		if m.steps < WorkingSetSteps {
			s.working.add(lm.union)
		}
	}
	return s
}

// Stats returns the statistics of the steps taken in.
func (m *Meter) Stats() Stats {
	st := Stats{Steps: m.steps, Layers: len(m.layers), TopK: m.topK, Prompt: m.prompt,
		Window: min(WorkingSetSteps, m.steps)}
	s := m.closed()
	s.summarize(&st)
	return st
}

// samples are the samples behind each Summary of a Stats.
type samples struct {
	working, runs, lookback, reuse histogram
	newLookups, overlap            []float64
}

// merge adds o's samples to s (lookbacks in bins of the same width or
// finer than s's, as those of traces of the same prompt and steps are).
func (s *samples) merge(o samples) {
	s.working.merge(o.working)
	s.runs.merge(o.runs)
	s.lookback.merge(o.lookback)
	s.reuse.merge(o.reuse)
	s.newLookups = append(s.newLookups, o.newLookups...)
	s.overlap = append(s.overlap, o.overlap...)
}

// summarize fills st's summaries from s, with st.TopK as k; it sorts the
// fraction samples. With k 0 (no token selected) it leaves them zero.
func (s *samples) summarize(st *Stats) {
	if st.TopK == 0 {
		return
	}
	k := float64(st.TopK)
	st.WorkingSet = s.working.summary(1 / k)
	st.Persistence = s.runs.summary(1)
	st.Lookback = s.lookback.summary(1 / k)
	st.NewLookups = summarize(s.newLookups)
	st.InterLayerOverlap = summarize(s.overlap)
	st.ReuseDistance = s.reuse.summary(1)
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
