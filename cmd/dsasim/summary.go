package main

import (
	"encoding/json"
	"math"
	"strconv"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// summary is what `dsasim run -json` prints: the totals of a run, every
// field deterministic (no wall-clock time), so two runs compare byte for
// byte.
type summary struct {
	Steps           int      `json:"steps"`
	Layers          int      `json:"layers"`
	Accesses        int64    `json:"accesses"`
	Hits            int64    `json:"hits"`
	ReservedHits    int64    `json:"reservedHits"`
	SharedHits      int64    `json:"sharedHits"`
	Misses          int64    `json:"misses"`
	BlockingMisses  int64    `json:"blockingMisses"`
	Evictions       int64    `json:"evictions"`
	HitRate         jsonReal `json:"hitRate"`
	KVHitRate       jsonReal `json:"kvHitRate"` // hit rate of the KV gather alone
	Seconds         jsonReal `json:"seconds"`   // estimated time of the whole run
	StepSeconds     jsonReal `json:"stepSeconds"`
	TokensPerSecond jsonReal `json:"tokensPerSecond"`
	// MissPages and Slowdown are the paper's roofline (Table 4) of the KV
	// gathers: distinct KV pages among the missed tokens of each gather,
	// and (T_ref + missPages*missLatency) / T_ref, T_ref one efficient
	// read of every gathered top-k (engine.Roofline), whatever timeModel.
	MissPages int64    `json:"missPages"`
	Slowdown  jsonReal `json:"slowdown"`
	// PageUtilization and EvictedPages (mode pages only): the mean share
	// of an evicted page's tokens that were used, over that many pages.
	PageUtilization *jsonReal   `json:"pageUtilization,omitempty"`
	EvictedPages    *int64      `json:"evictedPages,omitempty"`
	Classes         classCounts `json:"classes"`
	// Requests (batch > 1 only) are the totals of each request of the
	// batch: its indexer streams and gathers (weights are the batch's).
	Requests []requestSummary `json:"requests,omitempty"`
	Trace    string           `json:"trace,omitempty"` // the index log replayed, if any
	Config   config.Config    `json:"config"`
}

// requestSummary is one request's part of a run.
type requestSummary struct {
	Prompt         int           `json:"prompt"`
	BlockingMisses int64         `json:"blockingMisses"`
	KVHitRate      jsonReal      `json:"kvHitRate"`
	MissPages      int64         `json:"missPages"`
	Slowdown       jsonReal      `json:"slowdown"`
	Indexer        engine.Counts `json:"indexer"`
	KV             engine.Counts `json:"kv"`
}

// classCounts are the totals per class of access, named as in the app.
type classCounts struct {
	Indexer engine.Counts `json:"indexer"`
	KV      engine.Counts `json:"kv"`
	Weights engine.Counts `json:"weights"`
}

// summarize reads the totals of a finished (or partly run) engine.
func summarize(eng *engine.Engine, traceName string) summary {
	cfg := eng.Config()
	run := eng.RunStats() // the figures' one definition, as the app's HUD
	tot := run.Class
	sum := tot.Sum()
	s := summary{
		Steps: run.Steps, Layers: cfg.Layers,
		Accesses: sum.Accesses, Hits: sum.Hits(), ReservedHits: sum.ReservedHits, SharedHits: sum.SharedHits,
		Misses: sum.Misses, BlockingMisses: run.BlockingMisses(), Evictions: sum.Evictions,
		HitRate:         jsonReal(run.HitRate()),
		KVHitRate:       jsonReal(run.KVHitRate()),
		Seconds:         jsonReal(run.Seconds),
		StepSeconds:     jsonReal(run.StepSeconds()),
		TokensPerSecond: jsonReal(run.TokensPerSecond()),
		MissPages:       eng.Roofline().MissPages, Slowdown: jsonReal(eng.Roofline().Slowdown()),
		Classes: classCounts{Indexer: tot[workload.Indexer], KV: tot[workload.KV], Weights: tot[workload.Weights]},
		Trace:   traceName,
		Config:  cfg,
	}
	if cfg.Mode == config.ModePages {
		f, pages := eng.PageUtilization()
		util := jsonReal(f)
		s.PageUtilization, s.EvictedPages = &util, &pages
	}
	if eng.Requests() > 1 {
		for r, rs := range eng.RequestTotals() {
			kv := rs.Class[workload.KV]
			s.Requests = append(s.Requests, requestSummary{
				Prompt: eng.Layout().Prompt(r), BlockingMisses: rs.Class.BlockingMisses(),
				KVHitRate: ratio(kv.Hits(), kv.Accesses), MissPages: rs.Roofline.MissPages,
				Slowdown: jsonReal(rs.Roofline.Slowdown()), Indexer: rs.Class[workload.Indexer], KV: kv,
			})
		}
	}
	return s
}

func ratio(a, b int64) jsonReal {
	if b == 0 {
		return 0
	}
	return jsonReal(float64(a) / float64(b))
}

// jsonReal is a float64 that JSON writes as null when it is not finite
// (a run whose estimated time is 0 has infinite tokens/s), where
// encoding/json would fail.
type jsonReal float64

// MarshalJSON writes the shortest decimal that reads back exactly.
func (x jsonReal) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// String formats x for CSV and text: the shortest exact decimal, or
// +Inf.
func (x jsonReal) String() string { return strconv.FormatFloat(float64(x), 'g', -1, 64) }

// summaryColumns are the CSV columns of a run's totals (sweep rows), in
// order; their names are the JSON names.
var summaryColumns = []struct {
	name  string
	value func(*summary) string
}{
	{"steps", func(s *summary) string { return strconv.Itoa(s.Steps) }},
	{"accesses", func(s *summary) string { return itoa(s.Accesses) }},
	{"hits", func(s *summary) string { return itoa(s.Hits) }},
	{"reservedHits", func(s *summary) string { return itoa(s.ReservedHits) }},
	{"sharedHits", func(s *summary) string { return itoa(s.SharedHits) }},
	{"misses", func(s *summary) string { return itoa(s.Misses) }},
	{"blockingMisses", func(s *summary) string { return itoa(s.BlockingMisses) }},
	{"evictions", func(s *summary) string { return itoa(s.Evictions) }},
	{"hitRate", func(s *summary) string { return s.HitRate.String() }},
	{"kvHitRate", func(s *summary) string { return s.KVHitRate.String() }},
	{"seconds", func(s *summary) string { return s.Seconds.String() }},
	{"stepSeconds", func(s *summary) string { return s.StepSeconds.String() }},
	{"tokensPerSecond", func(s *summary) string { return s.TokensPerSecond.String() }},
	{"pageUtilization", func(s *summary) string {
		if s.PageUtilization == nil {
			return ""
		}
		return s.PageUtilization.String()
	}},
	{"missPages", func(s *summary) string { return itoa(s.MissPages) }},
	{"slowdown", func(s *summary) string { return s.Slowdown.String() }},
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
