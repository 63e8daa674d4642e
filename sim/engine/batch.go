package engine

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// Batch is the selection source of a batch of concurrent requests: one
// trace.Source per request, each with its own prompt. Like its sources it
// is read-only or memoizes deterministically, so one Batch can feed
// several engines (two configurations on the same selections).
type Batch struct {
	srcs    []trace.Source
	prompts []int
}

// NewBatch returns the synthetic selections of a valid config's batch: one
// generator per request, request r seeded by RequestSeed(c.Seed, r) with
// the prompt workload.Prompts gives it. With batch 1 it is the generator
// of GeneratorParams(c).
func NewBatch(c config.Config) (*Batch, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b := &Batch{prompts: workload.Prompts(c)}
	for r, prompt := range b.prompts {
		p := GeneratorParams(c)
		p.Seed, p.Prompt = RequestSeed(c.Seed, r), prompt
		g, err := trace.NewGenerator(p)
		if err != nil {
			return nil, err
		}
		b.srcs = append(b.srcs, g)
	}
	return b, nil
}

// RequestSeed is the generator seed of request r of a batch: the config's
// seed for request 0, a distinct one for each other request.
func RequestSeed(seed uint64, r int) uint64 {
	return seed + uint64(r)*0x9e3779b97f4a7c15 // odd: distinct for every r
}

// Requests is the number of requests.
func (b *Batch) Requests() int { return len(b.srcs) }

// Request returns the selections of request r.
func (b *Batch) Request(r int) trace.Source { return b.srcs[r] }

// Prompt returns the prompt length of request r.
func (b *Batch) Prompt(r int) int { return b.prompts[r] }

// batchFor returns the batch an engine runs: b if given, after checking
// it against the config; else the config's synthetic batch if src is nil;
// else a one-request batch of src (a real log is one request, so the
// config's batch must be 1).
func batchFor(cfg config.Config, layout *workload.Layout, src trace.Source, b *Batch) (*Batch, error) {
	switch {
	case b != nil:
		if b.Requests() != layout.Requests() {
			return nil, fmt.Errorf("engine: the batch source has %d requests, the config's batch is %d", b.Requests(), layout.Requests())
		}
		for r := range b.Requests() {
			if b.Prompt(r) != layout.Prompt(r) {
				return nil, fmt.Errorf("engine: request %d of the batch source has prompt %d, the config gives it %d", r, b.Prompt(r), layout.Prompt(r))
			}
			if err := checkSource(cfg, b.Prompt(r), b.Request(r)); err != nil {
				return nil, fmt.Errorf("%w (request %d)", err, r)
			}
		}
		return b, nil
	case src == nil:
		return NewBatch(cfg)
	case cfg.Batch != 1:
		return nil, fmt.Errorf("engine: a trace log holds one request: batch must be 1, got %d", cfg.Batch)
	}
	if err := checkSource(cfg, cfg.Prompt, src); err != nil {
		return nil, err
	}
	return &Batch{srcs: []trace.Source{src}, prompts: []int{cfg.Prompt}}, nil
}
