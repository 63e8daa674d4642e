package engine

import (
	"math"

	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// Counts are the outcomes of the line accesses of one class. Every access
// is exactly one of a reserved hit, a shared hit or a miss.
type Counts struct {
	Accesses     int64 `json:"accesses"`
	ReservedHits int64 `json:"reservedHits"`
	SharedHits   int64 `json:"sharedHits"`
	Misses       int64 `json:"misses"`
	// Evictions counts valid lines displaced by this class's fills (in
	// the reservation: the lines of the tokens or pages it evicted; in
	// the packed layout this includes a boundary line that a resident
	// neighbour still holds). Evicted tokens and pages are dropped, not
	// moved to the shared part, so in modes tokens and pages a KV line is
	// never in the shared part and KV shared hits stay 0.
	Evictions int64 `json:"evictions"`
}

// Hits is ReservedHits + SharedHits.
func (c Counts) Hits() int64 { return c.ReservedHits + c.SharedHits }

// Add accumulates o into c.
func (c *Counts) Add(o Counts) {
	c.Accesses += o.Accesses
	c.ReservedHits += o.ReservedHits
	c.SharedHits += o.SharedHits
	c.Misses += o.Misses
	c.Evictions += o.Evictions
}

// ByClass holds Counts per class of access.
type ByClass [workload.NumClasses]Counts

// Sum returns the counts of all classes together.
func (b ByClass) Sum() Counts {
	var s Counts
	for _, c := range b {
		s.Add(c)
	}
	return s
}

// Add accumulates o into b, class by class.
func (b *ByClass) Add(o *ByClass) {
	for i := range b {
		b[i].Add(o[i])
	}
}

// BlockingMisses are the misses of the KV gather: they stall the step.
func (b ByClass) BlockingMisses() int64 { return b[workload.KV].Misses }

// HitRate is the hits over the accesses of every class (0 when there were
// none). Streams dominate the accesses and almost always miss, so this
// figure stays near 0: KVHitRate is the one that tells the story.
func (b ByClass) HitRate() float64 {
	s := b.Sum()
	return ratio(s.Hits(), s.Accesses)
}

// KVHitRate is the hits over the accesses of the KV gather alone (0 when
// there were none): the share of the gathered lines that did not stall.
func (b ByClass) KVHitRate() float64 { return ratio(b[workload.KV].Hits(), b[workload.KV].Accesses) }

// RunStats are the figures of a run so far: the counts of every completed
// layer and the estimated time of the completed steps. It is the one
// definition of a run's hit rates and throughput, shared by the app's HUD,
// its JavaScript bridge and dsasim.
type RunStats struct {
	Steps   int     // completed decode steps
	Batch   int     // requests decoding at once: each step decodes Batch tokens
	Class   ByClass // every completed layer, the step in progress included
	Seconds float64 // estimated time of the completed steps
}

// HitRate is Class.HitRate: every access.
func (r RunStats) HitRate() float64 { return r.Class.HitRate() }

// KVHitRate is Class.KVHitRate: the KV gather's lines.
func (r RunStats) KVHitRate() float64 { return r.Class.KVHitRate() }

// BlockingMisses is Class.BlockingMisses.
func (r RunStats) BlockingMisses() int64 { return r.Class.BlockingMisses() }

// StepSeconds is the mean estimated time of a completed step (0 before the
// first).
func (r RunStats) StepSeconds() float64 {
	if r.Steps == 0 {
		return 0
	}
	return r.Seconds / float64(r.Steps)
}

// TokensPerSecond is the estimated throughput: the tokens of the completed
// steps (one per request each) over their estimated time; 0 before the
// first step completes, +Inf if they took no time.
func (r RunStats) TokensPerSecond() float64 {
	return tokensPerSecond(r.Steps*max(r.Batch, 1), r.Seconds)
}

// tokensPerSecond is the one definition of throughput: decoded tokens over
// their estimated time.
func tokensPerSecond(tokens int, seconds float64) float64 {
	if tokens == 0 {
		return 0
	}
	return perSecond(seconds / float64(tokens))
}

// LayerStats is what one layer of one step did.
type LayerStats struct {
	Layer int
	Class ByClass
	// StreamBytes is the memory traffic of the streams: indexer keys,
	// weights, and the page fills of the pages mode.
	StreamBytes int64
	// PageFillLines are lines read to complete a page brought into the
	// pages reservation beyond the token that was asked for.
	PageFillLines int64
	// Roofline is the paper's model of the layer's KV gathers, over the
	// batch.
	Roofline Roofline
	// Seconds is the estimated time of the layer (see Timing).
	Seconds float64
}

// add accumulates what one request did in a layer into the layer's stats
// (Seconds is the layer's, set once it has run).
func (s *LayerStats) add(o *LayerStats) {
	s.Class.Add(&o.Class)
	s.StreamBytes += o.StreamBytes
	s.PageFillLines += o.PageFillLines
	s.Roofline.Add(o.Roofline)
}

// RequestStats is what one request of the batch did, in a step or a run:
// its indexer streams and KV gathers. The weight stream is the batch's:
// it counts only in the totals, so the requests' counts sum to the totals
// of the indexer and KV classes.
type RequestStats struct {
	Class    ByClass
	Roofline Roofline
}

// Roofline is the paper's time model of the KV gathers (Table 4, §4.2):
// the top-k read in one efficient pass at the memory bandwidth, plus a
// blocking miss latency for each distinct KV page among the tokens that
// missed, serial over the layers and the requests of the batch. Streams
// and hits cost nothing in it. The engine computes it in every time model;
// with timeModel paper it is the estimated time.
type Roofline struct {
	// MissPages counts, over gathers, the distinct KV pages (token /
	// pageTokens) holding at least one token with a missed line.
	MissPages int64
	// RefSeconds is T_ref: per gather, tokens*kvBytes / bandwidth.
	RefSeconds float64
	// StallSeconds is MissPages * missLatency.
	StallSeconds float64
}

// Add accumulates o into r.
func (r *Roofline) Add(o Roofline) {
	r.MissPages += o.MissPages
	r.RefSeconds += o.RefSeconds
	r.StallSeconds += o.StallSeconds
}

// Slowdown is (T_ref + stalls) / T_ref: how much longer the gathers take
// than one efficient read of the top-k; 1 when nothing was gathered.
func (r Roofline) Slowdown() float64 {
	if r.RefSeconds <= 0 {
		return 1
	}
	return (r.RefSeconds + r.StallSeconds) / r.RefSeconds
}

// StepStats is what one decode step did, layer by layer.
type StepStats struct {
	Step     int // 0-based decode step
	Context  int // tokens in request 0's context: prompt + step
	Layers   []LayerStats
	Requests []RequestStats // per request of the batch, summed over the layers
	Class    ByClass        // sum over the layers
	Roofline Roofline       // sum over the layers
	Seconds  float64        // sum of the layers' estimates
}

// TokensPerSecond is the step's throughput: one decoded token per request
// over the step's estimated time.
func (s *StepStats) TokensPerSecond() float64 {
	return tokensPerSecond(max(len(s.Requests), 1), s.Seconds)
}

// StepSummary is one step reduced to the numbers a chart plots.
type StepSummary struct {
	Step           int
	Accesses       int64
	Hits           int64
	ReservedHits   int64
	Misses         int64
	BlockingMisses int64
	Evictions      int64
	// KVAccesses and KVHits are the KV gather's line reads and hits.
	KVAccesses, KVHits int64
	// Tokens is the tokens the step decoded: one per request.
	Tokens  int
	Seconds float64
}

// HitRate is hits over accesses, 0 when there were none.
func (s StepSummary) HitRate() float64 { return ratio(s.Hits, s.Accesses) }

// KVHitRate is the KV gather's hits over its line reads, 0 when none.
func (s StepSummary) KVHitRate() float64 { return ratio(s.KVHits, s.KVAccesses) }

// TokensPerSecond is the step's throughput, as StepStats.TokensPerSecond.
func (s StepSummary) TokensPerSecond() float64 { return tokensPerSecond(max(s.Tokens, 1), s.Seconds) }

// Timing turns counts into time. It is an estimate for teaching and
// comparing configurations, not a cycle-accurate model. With Paper false
// (timeModel mlp), per layer:
//
//	streamBytes / Bandwidth + ceil(blockingMisses / MLP) * MissLatency
//	+ kvHitLines * HitLatency / MLP
//
// With Paper (timeModel paper), the layer's Roofline: per request,
//
//	tokens * KVBytes / Bandwidth + missPages * MissLatency
//
// missPages being the distinct KV pages among the tokens that missed.
type Timing struct {
	BandwidthGBs  float64 // bytes per ns
	MissLatencyNs float64
	HitLatencyNs  float64
	MLP           int64
	KVBytes       int64 // bytes per token per layer, for T_ref
	Paper         bool  // the roofline is the time
}

// TimeFormula returns, for a help text, the estimated-time formula of a
// time model (config.TimeMLP or config.TimePaper), in the words of the
// config keys.
func TimeFormula(timeModel string) string {
	if timeModel == config.TimePaper {
		return "sum over layers and requests of (tokens*kvBytes/bandwidth + missPages*missLatency), " +
			"missPages the distinct KV pages (token/pageTokens) among the gather's missed tokens: " +
			"the paper's Table 4 roofline, streams and hits free; tokens/s = 1 / step time."
	}
	return "sum over layers of (streamBytes/bandwidth + ceil(blockingMisses/mlp)*missLatency + kvHitLines*hitLatency/mlp); " +
		"tokens/s = 1 / step time."
}

// Gather returns the roofline of one request's gather of tokens in one
// layer, missPages of which missed.
func (t Timing) Gather(tokens, missPages int64) Roofline {
	return Roofline{
		MissPages:    missPages,
		RefSeconds:   float64(tokens*t.KVBytes) / t.BandwidthGBs * 1e-9,
		StallSeconds: float64(missPages) * t.MissLatencyNs * 1e-9,
	}
}

// Seconds is the estimated time of a layer that has run.
func (t Timing) Seconds(ls *LayerStats) float64 {
	if t.Paper {
		return ls.Roofline.RefSeconds + ls.Roofline.StallSeconds
	}
	return t.LayerSeconds(ls.StreamBytes, &ls.Class)
}

// LayerSeconds applies the mlp formula to one layer.
func (t Timing) LayerSeconds(streamBytes int64, c *ByClass) float64 {
	kv := c[workload.KV]
	waves := (kv.Misses + t.MLP - 1) / t.MLP
	ns := float64(streamBytes)/t.BandwidthGBs +
		float64(waves)*t.MissLatencyNs +
		float64(kv.Hits())*t.HitLatencyNs/float64(t.MLP)
	return ns * 1e-9
}

func perSecond(seconds float64) float64 {
	if seconds <= 0 {
		return math.Inf(1)
	}
	return 1 / seconds
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
