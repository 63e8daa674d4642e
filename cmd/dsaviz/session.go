package main

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// maxEvents bounds the event buffer. MaxEventsPerLayer fits every preset
// many times over; a config built to gather millions of lines per layer
// loses the flashes beyond this (the engine counts them as dropped), not
// the counts.
const maxEvents = 1 << 20

// maxTokenTable bounds layers*(prompt+steps) in the app, below config's
// MaxTokenTable: the engine keeps several tables of that many entries
// (about 8 bytes each in all), and a WebAssembly program that runs out of
// memory dies with a dead canvas instead of an error. 2^25 entries is about
// 260 MB; dsasim runs larger configs.
const maxTokenTable = 1 << 25

// session is one run: a config that validates, the engine running it from
// step 0, and the buffer each layer's events are written to.
type session struct {
	cfg    config.Config
	preset string // the preset cfg started from, "" for the defaults
	eng    *engine.Engine
	events []engine.Event // the last layer's events
}

// newSession validates cfg and builds its engine at step 0. It reuses
// events' storage when it is large enough. An engine that panics while
// being built is reported as an error: the caller keeps its old session.
func newSession(cfg config.Config, preset string, events []engine.Event) (s *session, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if n := int64(cfg.Layers) * int64(cfg.Prompt+cfg.Steps); n > maxTokenTable {
		return nil, fmt.Errorf("layers*(prompt+steps) = %d is more than the app's %d: it would need over %d MB "+
			"(the command-line tool dsasim runs it)", n, maxTokenTable, n*8>>20)
	}
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("building the simulation failed: %v", r)
		}
	}()
	e, err := engine.New(cfg, nil)
	if err != nil {
		return nil, err
	}
	if n := min(e.MaxEventsPerLayer(), maxEvents); cap(events) < n {
		events = make([]engine.Event, 0, n)
	}
	return &session{cfg: cfg, preset: preset, eng: e, events: events[:0]}, nil
}

// advance runs the next layer, keeping its events.
func (s *session) advance() {
	s.events = s.eng.AdvanceLayer(s.events)
}

// stats fills the simulation's part of st: cumulative since step 0.
func (s *session) stats(st *Stats) {
	e := s.eng
	totals := e.Totals()
	sum := totals.Sum()
	st.Step = int64(len(e.History()))
	st.Layer = e.Layer()
	st.Accesses = sum.Accesses
	st.ReservedHits = sum.ReservedHits
	st.SharedHits = sum.SharedHits
	st.Hits = sum.Hits()
	st.Misses = sum.Misses
	st.BlockingMisses = totals.BlockingMisses()
	st.HitRate = 0
	if sum.Accesses > 0 {
		st.HitRate = float64(st.Hits) / float64(sum.Accesses)
	}
	st.TokensPerSecond = 0
	if secs := e.Seconds(); secs > 0 {
		st.TokensPerSecond = float64(len(e.History())) / secs
	}
	st.Done = e.Done()
}
