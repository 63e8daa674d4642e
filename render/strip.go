package render

import (
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// The rows of the token strip, top to bottom.
const (
	// RowSelection shows the layer's context and this step's top-k.
	RowSelection = iota
	// RowResidents shows the layer's tokens the reservation holds (in
	// modes none and ways: the tokens with a line in the LLC).
	RowResidents
	// RowOutcomes shows the layer's gather: hits, blocking misses, and the
	// tokens the reservation evicted.
	RowOutcomes
	// StripRows is the number of rows.
	StripRows
)

// tokenMark is what the last observed layer did to n tokens from token
// of a request's layer.
type tokenMark struct {
	token, n int32
	request  int32
	ev       Index
}

// StripCounts are the token strip's numbers, for its labels.
type StripCounts struct {
	Request             int // the request shown (0-based)
	Step, Layer         int // the layer shown
	Context, Selected   int // tokens in the context and in the selection
	Residents           int // tokens of the layer the reservation holds
	ResidentLines       int // modes none and ways: the layer's KV lines in the LLC
	Hits, Misses, Evict int // gathered tokens that hit, that missed, evicted
}

// tokenStrip is the token strip: StripRows rows of Width bins, each bin
// PerPixel tokens (PerPixel 1: each token PixelsPer bins wide), over the
// whole run's context, so the bins stay put as the context grows.
type tokenStrip struct {
	Width, PerPixel, PixelsPer int
	maxCtx                     int
	layers, requests           int
	request                    int     // the request shown, 0-based (see setRequest)
	idx                        []Index // row-major, StripRows x Width

	ran     bool // a layer has been observed
	counts  StripCounts
	marks   []tokenMark // the last observed layer's gathered and evicted tokens
	kvLines []uint64    // scratch: resident KV lines of the layer (modes none, ways)
}

// reset forgets the observed layer and sizes the scratch for an engine.
func (t *tokenStrip) reset(e engine.View) {
	t.maxCtx, t.layers, t.requests = e.Layout().MaxContext(), e.Config().Layers, e.Requests()
	t.request = min(t.request, t.requests-1)
	t.ran = false
	t.counts = StripCounts{}
	t.marks = resize(t.marks, e.MaxEventsPerLayer())[:0]
	t.kvLines = resize(t.kvLines, min(1<<16, e.Shared().Geometry().Lines()+1))[:0]
	t.setWidth(t.Width)
}

// setWidth bins the run's context into at most maxW pixels.
func (t *tokenStrip) setWidth(maxW int) {
	maxW = max(maxW, 1)
	t.PerPixel, t.PixelsPer = 1, 1
	if t.maxCtx <= maxW {
		t.PixelsPer = maxW / max(t.maxCtx, 1)
	} else {
		t.PerPixel = (t.maxCtx + maxW - 1) / maxW
	}
	t.Width = (max(t.maxCtx, 1) + t.PerPixel - 1) / t.PerPixel * t.PixelsPer
	t.idx = resize(t.idx, StripRows*t.Width)
}

// setRequest chooses the request the strip shows (0-based, clamped to the
// batch of e if it is valid) and reports whether that changed it.
func (t *tokenStrip) setRequest(e engine.View, r int) bool {
	if e.Valid() {
		r = min(r, e.Requests()-1)
	}
	r = max(r, 0)
	if r == t.request {
		return false
	}
	t.request = r
	return true
}

// observe records the gather of the layer just run, of every request (the
// strip shows the one chosen).
func (t *tokenStrip) observe(e engine.View, ev []engine.Event, step, layer int) {
	t.ran = true
	t.counts.Step, t.counts.Layer = step, layer
	t.marks = t.marks[:0]
	lay := e.Layout()
	for i := range ev {
		x := &ev[i]
		c, l, ok := lay.Owner(x.Line)
		if !ok || c != workload.KV || l != layer {
			continue
		}
		// The line's owner: the gathering request for a gather, the
		// evicted token's own request for an eviction (x.Request is the
		// request whose gather evicted it).
		m := tokenMark{token: x.Token, n: 1, request: int32(lay.RequestOf(x.Line)), ev: stripEvent(x.Outcome)}
		if x.Token < 0 { // evicted LLC lines (of one region), or a page of the pages reservation
			lo, _ := lay.TokensOfLine(l, x.Line)
			_, hi := lay.TokensOfLine(l, x.Line+x.N-1)
			m.token, m.n = int32(lo), int32(hi-lo+1)
			if pt := lay.PageTokens(); e.Config().Mode == config.ModePages {
				m.token, m.n = int32(lo/pt*pt), int32(pt)
			}
		}
		if k := len(t.marks) - 1; k >= 0 && t.marks[k].token == m.token && t.marks[k].n == m.n && t.marks[k].request == m.request {
			if urgency(m.ev) > urgency(t.marks[k].ev) {
				t.marks[k].ev = m.ev
			}
			continue
		}
		if len(t.marks) < cap(t.marks) {
			t.marks = append(t.marks, m)
		}
	}
}

// stripEvent is how the strip shows a KV line's outcome.
func stripEvent(o engine.Outcome) Index {
	switch o {
	case engine.Miss:
		return BlockingMiss
	case engine.Evicted:
		return Evicted
	}
	return Hit
}

// kvRegion returns the region number (line >> RegionShift) of the shown
// request's layer's KV lines, for llcRaster.rebuild.
func (t *tokenStrip) kvRegion() uint64 {
	rl := t.request*t.layers + t.counts.Layer
	return uint64(rl*int(workload.NumClasses)+int(workload.KV)) + 1
}

// mark shows v on tokens [t0, t1) of a row where it is more urgent.
func (t *tokenStrip) mark(row, t0, t1 int, v Index) {
	t1 = min(t1, t.maxCtx)
	if t0 >= t1 || t0 < 0 {
		return
	}
	x0 := t0 / t.PerPixel * t.PixelsPer
	x1 := ((t1-1)/t.PerPixel + 1) * t.PixelsPer
	r := t.idx[row*t.Width : (row+1)*t.Width]
	for x := x0; x < x1; x++ {
		if urgency(v) > urgency(r[x]) {
			r[x] = v
		}
	}
}

// rebuild draws the shown layer's rows from the engine: the context, the
// selection, the residents and the last gather's marks.
func (t *tokenStrip) rebuild(e engine.View, slots *slotModel) {
	c := &t.counts
	c.Request = t.request
	if t.ran {
		c.Context = e.Prompt(t.request) + c.Step
	}
	for row := range StripRows {
		v := Context
		if row != RowSelection {
			v = Empty
		}
		r := t.idx[row*t.Width : (row+1)*t.Width]
		n := (c.Context + t.PerPixel - 1) / t.PerPixel * t.PixelsPer
		if !t.ran {
			n = 0
		}
		for x := range r {
			r[x] = Gap
			if x < n {
				r[x] = v
			}
		}
	}
	if !t.ran {
		return
	}
	sel := e.SelectionOf(t.request, c.Step, c.Layer)
	c.Selected = len(sel)
	for _, tok := range sel {
		t.mark(RowSelection, int(tok), int(tok)+1, Selected)
	}
	c.Residents, c.ResidentLines = t.markResidents(e, slots)
	c.Hits, c.Misses, c.Evict = 0, 0, 0
	for _, m := range t.marks {
		if int(m.request) != t.request {
			continue
		}
		t.mark(RowOutcomes, int(m.token), int(m.token+m.n), m.ev)
		switch m.ev {
		case Hit:
			c.Hits++
		case BlockingMiss:
			c.Misses++
		case Evicted:
			c.Evict += int(m.n)
		}
	}
}

// markResidents marks the shown request's layer's held tokens and counts
// them (in modes none and ways: the lines held).
func (t *tokenStrip) markResidents(e engine.View, slots *slotModel) (tokens, lines int) {
	l, n := t.counts.Layer, 0
	rl := t.request*t.layers + l // a slot's layer is request*layers + layer (see slotModel.rebuild)
	switch e.Config().Mode {
	case config.ModeTokens, config.ModePages:
		store, pt := e.TokenStore(), 1
		if slots.mode == config.ModePages {
			pt = slots.pageTokens
		}
		for i, sl := range slots.layer {
			if int(sl) != rl {
				continue
			}
			tok := int(store.KeyAt(i)) % slots.keyDiv * pt
			t.mark(RowResidents, tok, tok+pt, Resident)
			n += min(tok+pt, t.maxCtx) - tok
		}
	case config.ModePrevK:
		for _, tok := range e.PrevKResidentsOf(t.request, l) {
			t.mark(RowResidents, int(tok), int(tok)+1, Resident)
			n++
		}
	default:
		lay := e.Layout()
		for _, x := range t.kvLines {
			lo, hi := lay.TokensOfLine(l, x)
			t.mark(RowResidents, lo, hi+1, Resident)
		}
		return 0, len(t.kvLines)
	}
	return n, 0
}
