package engine

import (
	"fmt"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// Engine is one simulated run. Its state is plain data: Clone is a deep
// copy, and running a clone gives exactly what running the original
// would. The trace source is shared between clones (it is read-only, or
// memoizes deterministically).
type Engine struct {
	cfg    config.Config
	layout *workload.Layout
	batch  *Batch // the selections of every request
	timing Timing
	keys   KeySpace // of tokens (tokens, prevk) or pages (pages)

	shared *cache.Partition // the shared part of the LLC
	kvWays *cache.Partition // mode ways: the ways reserved for KV
	tokens *cache.TokenLRU  // modes tokens (keys: tokens) and pages (keys: pages)
	pages  *pageUse         // mode pages: which tokens of each resident page were used
	prevk  *prevK           // mode prevk

	step, layer int // the next layer to run
	cur         StepStats
	last        StepStats // the last completed step
	history     []StepSummary
	total       ByClass
	roofline    Roofline       // totals of the completed layers
	requests    []RequestStats // totals per request of the completed steps
	seconds     float64
	ev          events
	dropped     int64

	// The gather in progress: the end (first token past) of the last KV
	// page found holding a missed token, and the count of such pages.
	missPageEnd int32
	missPages   int64
	pageMask    int32 // pageTokens-1 when pageTokens is a power of two, else -1
}

// New builds an engine for a config. With a nil source it generates the
// selections synthetically from the config (NewBatch); a given source (a
// real log, one request: the config's batch must be 1) must have at least
// cfg.Layers layers and cfg.Steps steps, with every index of step t below
// cfg.Prompt + t.
func New(cfg config.Config, src trace.Source) (*Engine, error) {
	return newEngine(cfg, src, nil)
}

// NewWithBatch builds an engine for a config that reads its selections
// from b, which may feed other engines too: b must have the config's
// batch and prompts (NewBatch of a config with the same batch, prompt,
// steps, seed and selection keys does).
func NewWithBatch(cfg config.Config, b *Batch) (*Engine, error) {
	if b == nil {
		return nil, fmt.Errorf("engine: NewWithBatch needs a batch")
	}
	return newEngine(cfg, nil, b)
}

func newEngine(cfg config.Config, src trace.Source, b *Batch) (*Engine, error) {
	layout, err := workload.New(cfg) // validates cfg
	if err != nil {
		return nil, err
	}
	if b, err = batchFor(cfg, layout, src, b); err != nil {
		return nil, err
	}
	e := &Engine{
		cfg: cfg, layout: layout, batch: b,
		timing: Timing{
			BandwidthGBs: cfg.Bandwidth, MissLatencyNs: cfg.MissLatency, HitLatencyNs: cfg.HitLatency, MLP: int64(cfg.MLP),
			KVBytes: int64(cfg.KVBytes), Paper: cfg.TimeModel == config.TimePaper,
		},
	}
	if err := e.buildCache(); err != nil {
		return nil, err
	}
	e.pageMask = -1
	if pt := cfg.PageTokens; pt&(pt-1) == 0 {
		e.pageMask = int32(pt - 1)
	}
	e.cur = StepStats{Layers: make([]LayerStats, cfg.Layers), Requests: make([]RequestStats, cfg.Batch)}
	e.last = StepStats{Step: -1, Layers: make([]LayerStats, cfg.Layers), Requests: make([]RequestStats, cfg.Batch)}
	e.requests = make([]RequestStats, cfg.Batch)
	e.history = make([]StepSummary, 0, cfg.Steps)
	e.startStep()
	return e, nil
}

// sizedSource is a source that knows its largest selection and the
// smallest prompt its indices fit in, as trace.Log does.
type sizedSource interface {
	MaxK() int
	MinPrompt() int
}

// checkSource refuses a source the config cannot run for a request with
// that prompt: too few layers or steps, selections larger than topk, or
// indices beyond the context.
func checkSource(cfg config.Config, prompt int, src trace.Source) error {
	if src.Layers() < cfg.Layers || src.Steps() < cfg.Steps {
		return fmt.Errorf("engine: the trace has %d layers and %d steps, the config asks for %d and %d",
			src.Layers(), src.Steps(), cfg.Layers, cfg.Steps)
	}
	if s, ok := src.(sizedSource); ok {
		if s.MaxK() > cfg.TopK {
			return fmt.Errorf("engine: the trace selects up to %d tokens, more than topk %d", s.MaxK(), cfg.TopK)
		}
		if s.MinPrompt() > prompt {
			return fmt.Errorf("engine: the trace selects tokens beyond the context: prompt must be at least %d, got %d", s.MinPrompt(), prompt)
		}
	}
	return nil
}

// RandomSeed is the seed of the Random replacement policy's victims for a
// config, so that another tool can reproduce the engine's cache.
func RandomSeed(c config.Config) uint64 { return c.Seed ^ seedStreamRandom }

// GeneratorParams maps a config onto the synthetic generator's parameters
// (of request 0; NewBatch derives the others').
func GeneratorParams(c config.Config) trace.Params {
	return trace.Params{
		Seed: c.Seed, Layers: c.Layers, TopK: c.TopK, Prompt: c.Prompt, Steps: c.Steps,
		StepOverlap: c.StepOverlap, LayerOverlap: c.LayerOverlap, ReturnRate: c.ReturnRate,
		Lookback: c.Lookback, Sinks: c.Sinks, Window: c.Window, Skew: c.Skew,
	}
}

// seedStreamRandom is mixed into the seed of the Random policy's victims,
// so that they do not reuse the trace's random numbers.
const seedStreamRandom = 0x7a2d0

// buildCache splits the LLC into the shared part and the reservation.
func (e *Engine) buildCache() error {
	c := e.cfg
	sets, ways := c.Sets(), c.Ways
	policy, err := cache.ParsePolicy(c.Policy)
	if err != nil {
		return err
	}
	opts := cache.Options{Policy: policy, Seed: RandomSeed(c), RegionShift: e.layout.RegionShift(), Regions: e.layout.Regions()}
	xor := c.Hash == config.HashXOR
	sharedWays := ways
	switch c.Mode {
	case config.ModeWays:
		kvWays := int(int64(c.Reserve) / c.WayBytes())
		sharedWays -= kvWays
		kvOpts := opts
		kvOpts.Policy = cache.LRU
		if e.kvWays, err = cache.New(cache.Geometry{Sets: sets, Ways: kvWays, XOR: xor}, kvOpts); err != nil {
			return err
		}
	case config.ModeTokens, config.ModePrevK, config.ModePages:
		// The reservation takes whole ways' worth of capacity from the
		// shared part, rounded up, so the total never exceeds capacity.
		sharedWays = int((int64(c.Capacity) - int64(c.Reserve)) / c.WayBytes())
		slots := int(int64(c.Reserve) / c.TokenStride())
		e.keys = KeySpace{Requests: c.Batch, Layers: c.Layers, PerLayer: e.layout.MaxContext()}
		switch c.Mode {
		case config.ModeTokens:
			e.tokens, err = cache.NewTokenLRU(slots, e.keys.Size())
		case config.ModePages:
			e.keys.PerLayer = e.layout.PagesPerLayer()
			pageSlots := slots / c.PageTokens
			e.tokens, err = cache.NewTokenLRU(pageSlots, e.keys.Size())
			e.pages = newPageUse(pageSlots, c.PageTokens)
		case config.ModePrevK:
			e.prevk = newPrevK(slots, e.keys)
		}
		if err != nil {
			return err
		}
	}
	e.shared, err = cache.New(cache.Geometry{Sets: sets, Ways: sharedWays, XOR: xor}, opts)
	return err
}

// Config returns the engine's config.
func (e *Engine) Config() config.Config { return e.cfg }

// Layout returns the memory layout (read-only).
func (e *Engine) Layout() *workload.Layout { return e.layout }

// Source returns the selection source of request 0.
func (e *Engine) Source() trace.Source { return e.batch.Request(0) }

// Batch returns the selection sources of every request (read-only): give
// it to NewWithBatch to run another engine on the same selections.
func (e *Engine) Batch() *Batch { return e.batch }

// Requests is the number of requests of the batch.
func (e *Engine) Requests() int { return e.batch.Requests() }

// ReservationKeys returns how the token store (TokenStore), or the prevk
// reservation, numbers (request, layer, token or page); the zero
// KeySpace in modes none and ways.
func (e *Engine) ReservationKeys() KeySpace { return e.keys }

// Shared returns the shared part of the LLC. Callers must only peek
// (PeekSet, Contains): the engine owns its state.
func (e *Engine) Shared() *cache.Partition { return e.shared }

// ReservedWays returns the KV ways of mode ways, or nil.
func (e *Engine) ReservedWays() *cache.Partition { return e.kvWays }

// TokenStore returns the token (mode tokens) or page (mode pages) store,
// or nil. Callers must only peek (Contains, SlotOf, KeyAt).
func (e *Engine) TokenStore() *cache.TokenLRU { return e.tokens }

// Step is the decode step the next layer belongs to.
func (e *Engine) Step() int { return e.step }

// Layer is the next layer to run.
func (e *Engine) Layer() int { return e.layer }

// Done reports whether every step of the run has been simulated.
func (e *Engine) Done() bool { return e.step >= e.cfg.Steps }

// Current returns the step in progress: the layers before Layer() are
// filled in.
func (e *Engine) Current() *StepStats { return &e.cur }

// LastStep returns the last completed step (Step -1 before the first).
func (e *Engine) LastStep() *StepStats { return &e.last }

// History returns one summary per completed step (read-only).
func (e *Engine) History() []StepSummary { return e.history }

// Totals returns the counts of every completed layer since the start.
func (e *Engine) Totals() ByClass { return e.total }

// Roofline returns the paper's model of every completed layer since the
// start: Roofline().Slowdown() is the run's slowdown.
func (e *Engine) Roofline() Roofline { return e.roofline }

// RequestTotals returns, per request of the batch, the counts of every
// completed step (read-only).
func (e *Engine) RequestTotals() []RequestStats { return e.requests }

// Seconds is the estimated time of the completed steps.
func (e *Engine) Seconds() float64 { return e.seconds }

// RunStats returns the run's figures so far (see RunStats).
func (e *Engine) RunStats() RunStats {
	return RunStats{Steps: len(e.history), Batch: e.Requests(), Class: e.total, Seconds: e.seconds}
}

// Clone returns a deep copy of the engine, sharing only the read-only
// layout and the trace source.
func (e *Engine) Clone() *Engine {
	c := *e
	c.shared = e.shared.Clone()
	if e.kvWays != nil {
		c.kvWays = e.kvWays.Clone()
	}
	if e.tokens != nil {
		c.tokens = e.tokens.Clone()
	}
	if e.pages != nil {
		c.pages = e.pages.clone()
	}
	if e.prevk != nil {
		c.prevk = e.prevk.clone()
	}
	c.cur.Layers = append([]LayerStats(nil), e.cur.Layers...)
	c.last.Layers = append([]LayerStats(nil), e.last.Layers...)
	c.cur.Requests = append([]RequestStats(nil), e.cur.Requests...)
	c.last.Requests = append([]RequestStats(nil), e.last.Requests...)
	c.requests = append([]RequestStats(nil), e.requests...)
	c.history = append(make([]StepSummary, 0, cap(e.history)), e.history...)
	c.ev = events{}
	return &c
}

func (e *Engine) startStep() {
	e.cur.Step = e.step
	e.cur.Context = e.cfg.Prompt + e.step
	e.cur.Class = ByClass{}
	e.cur.Roofline = Roofline{}
	e.cur.Seconds = 0
	clear(e.cur.Requests)
}

// AdvanceLayer simulates the next layer and returns its events appended
// to buf[:0], up to cap(buf) (it never allocates; events beyond the
// capacity are counted in Dropped). A nil buf records nothing. After the
// last step it does nothing.
func (e *Engine) AdvanceLayer(buf []Event) []Event {
	if buf != nil {
		buf = buf[:0]
	}
	e.ev = events{buf: buf}
	if e.Done() {
		return e.ev.buf
	}
	ls := &e.cur.Layers[e.layer]
	*ls = LayerStats{Layer: e.layer}
	e.runLayer(ls)
	ls.Seconds = e.timing.Seconds(ls)
	e.cur.Class.Add(&ls.Class)
	e.cur.Roofline.Add(ls.Roofline)
	e.cur.Seconds += ls.Seconds
	e.total.Add(&ls.Class)
	e.roofline.Add(ls.Roofline)
	e.layer++
	if e.layer == e.cfg.Layers {
		e.finishStep()
	}
	out := e.ev.buf
	e.dropped = e.ev.dropped
	e.ev = events{}
	return out
}

// Dropped is the number of events of the last AdvanceLayer that did not
// fit in the caller's buffer.
func (e *Engine) Dropped() int64 { return e.dropped }

// AdvanceStep runs the layers left in the current step.
func (e *Engine) AdvanceStep() {
	for s := e.step; e.step == s && !e.Done(); {
		e.AdvanceLayer(nil)
	}
}

// Run runs every remaining step.
func (e *Engine) Run() {
	for !e.Done() {
		e.AdvanceStep()
	}
}

func (e *Engine) finishStep() {
	e.seconds += e.cur.Seconds
	sum := e.cur.Class.Sum()
	e.history = append(e.history, StepSummary{
		Step: e.step, Accesses: sum.Accesses, Hits: sum.Hits(), ReservedHits: sum.ReservedHits,
		Misses: sum.Misses, BlockingMisses: e.cur.Class.BlockingMisses(), Evictions: sum.Evictions,
		KVAccesses: e.cur.Class[workload.KV].Accesses, KVHits: e.cur.Class[workload.KV].Hits(), Tokens: e.Requests(),
		Seconds: e.cur.Seconds,
	})
	e.last.Step, e.last.Context, e.last.Class, e.last.Seconds = e.cur.Step, e.cur.Context, e.cur.Class, e.cur.Seconds
	e.last.Roofline = e.cur.Roofline
	copy(e.last.Layers, e.cur.Layers)
	copy(e.last.Requests, e.cur.Requests)
	for r := range e.requests {
		e.requests[r].Class.Add(&e.cur.Requests[r].Class)
		e.requests[r].Roofline.Add(e.cur.Requests[r].Roofline)
	}
	e.step++
	e.layer = 0
	e.startStep()
}

// MaxEventsPerLayer is a buffer capacity that holds every event of any
// layer of this run, so that nothing is dropped: a range event per
// stream, and per request at most an access and an eviction event per
// gathered line, plus the prevk reservation's end-of-layer evictions.
func (e *Engine) MaxEventsPerLayer() int {
	perToken := 2*e.cfg.TokenLines() + 2
	perRequest := 1 + e.cfg.TopK*perToken
	if e.prevk != nil {
		perRequest += e.prevk.quota
	}
	return 1 + e.cfg.Batch*perRequest
}
