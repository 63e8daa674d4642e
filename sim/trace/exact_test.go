package trace

import (
	"hash"
	"hash/fnv"
	"testing"
)

// exactCase is one row of TestGeneratorExact: the parameters of one or
// more generators (a batch: one per request) and how many of their first
// steps to hash.
type exactCase struct {
	name  string
	reqs  []Params // the generators, hashed one after the other
	steps int      // the first steps hashed (0: all)
	want  uint64
}

// withParams returns DefaultParams changed by change.
func withParams(change func(*Params)) Params {
	p := DefaultParams()
	change(&p)
	return p
}

// batchParams returns the generators of a batch as the engine builds them
// (engine.NewBatch): request r gets the seed seed + r*0x9e3779b97f4a7c15
// and prompts[r].
func batchParams(base Params, prompts []int) []Params {
	reqs := make([]Params, len(prompts))
	for r, prompt := range prompts {
		reqs[r] = base
		reqs[r].Seed = base.Seed + uint64(r)*0x9e3779b97f4a7c15
		reqs[r].Prompt = prompt
	}
	return reqs
}

// exactCases are the configurations whose selections TestGeneratorExact
// pins: the shipped presets (the long ones cut to their first steps), a
// batch, sinks and window, and every knob at its extremes.
func exactCases() []exactCase {
	one := func(change func(*Params)) []Params { return []Params{withParams(change)} }
	small := func(change func(*Params)) []Params {
		p := smallParams()
		change(&p)
		return []Params{p}
	}
	levy := withParams(func(p *Params) { p.Layers, p.TopK, p.Prompt, p.Steps = 20, 128, 1000, 200 })
	return []exactCase{
		{"small-demo", one(func(p *Params) { p.Layers, p.TopK, p.Prompt, p.Steps = 4, 32, 512, 40 }), 0, 0xde46b2093d563394},
		{"dsv32-h100 first 3 steps", one(func(*Params) {}), 3, 0x5bda8c8524746c38},
		{"8 layers k 2048 used up", one(func(p *Params) { p.Layers, p.Steps = 8, 100 }), 0, 0xd963ee4f8cd240c5},
		{"llama70b-h200", one(func(p *Params) { p.Layers, p.TopK = 20, 128 }), 0, 0xfceb309937c7418f},
		{"levy-table4 batch of 8, first 60 steps", batchParams(levy, []int{1000, 1114, 1021, 1169, 1160, 1012, 574, 1197}), 60, 0xeebb18d5cd7421ff},
		{"sorted by radix", one(func(p *Params) { p.Layers, p.TopK, p.Prompt, p.Steps = 6, 64, 100000, 30 }), 0, 0xe317d89f7b44447c},
		{"sinks 4, window 16", small(func(p *Params) { p.Sinks, p.Window = 4, 16 }), 0, 0xe4c5b2be8660b662},
		{"sinks and window at k 2048", one(func(p *Params) { p.Layers, p.Steps, p.Sinks, p.Window = 6, 12, 64, 1024 }), 0, 0x44c7f3634c3aa86e},
		{"all sinks and window", small(func(p *Params) { p.TopK, p.Sinks, p.Window = 20, 4, 16 }), 0, 0x7e61b5d5d3d2e15},
		{"context grows past k", small(func(p *Params) { p.Prompt, p.TopK, p.Steps = 200, 256, 120 }), 0, 0xa06688a783cee35d},
		{"context about 2k, never return", small(func(p *Params) { p.Prompt, p.Steps, p.ReturnRate = 600, 80, 0 }), 0, 0xe86bb6cd032e1b90},
		{"k is 1", small(func(p *Params) { p.TopK = 1 }), 0, 0x51537653f9fbd55e},
		{"keep nothing", small(func(p *Params) { p.StepOverlap = 0 }), 0, 0x17d6ef6995647697},
		{"keep everything", small(func(p *Params) { p.StepOverlap = 1 }), 0, 0x227588eb16ee6e95},
		{"keep everything, window 8", small(func(p *Params) { p.StepOverlap, p.Window = 1, 8 }), 0, 0x74d94a79d1bb7447},
		{"no layer overlap", small(func(p *Params) { p.LayerOverlap = 0 }), 0, 0x2711918748f115ab},
		{"full layer overlap", small(func(p *Params) { p.LayerOverlap = 1 }), 0, 0x421047a261231558},
		{"never return", small(func(p *Params) { p.ReturnRate = 0 }), 0, 0xedf42ac805d40458},
		{"always return", small(func(p *Params) { p.ReturnRate = 1 }), 0, 0x46cbc2361000fef6},
		{"return distance 1", small(func(p *Params) { p.ReturnDistance = 1 }), 0, 0x129161be7def691f},
		{"return distance 1000", small(func(p *Params) { p.ReturnDistance, p.Steps = 1000, 60 }), 0, 0xffb0613cab134ee},
		{"shortest reach", small(func(p *Params) { p.Reach = 0.01 }), 0, 0x995efb9f5d035573},
		{"reach past the context", small(func(p *Params) { p.Reach = 1000 }), 0, 0x6a33eeb7b029a90b},
		{"seed 12345", small(func(p *Params) { p.Seed = 12345 }), 0, 0x8640be23a81db20e},
	}
}

// TestGeneratorExact guards the generator's output bit for bit: each want
// is the hash that the generator of commit 0a175f9 (before the speed work
// of the genspeed branch) gave, natively and under GOOS=js GOARCH=wasm
// alike. A faster generator must give the same selections; only a
// deliberate change of the model may change these constants (and then the
// golden tests of sim/engine and the Table 3 calibration move too).
func TestGeneratorExact(t *testing.T) {
	for _, tt := range exactCases() {
		t.Run(tt.name, func(t *testing.T) {
			h := fnv.New64a()
			for _, p := range tt.reqs {
				steps := p.Steps
				if tt.steps > 0 {
					steps = tt.steps
				}
				hashSteps(h, mustGenerator(t, p), steps)
			}
			if got := h.Sum64(); got != tt.want {
				t.Errorf("hash of %s = %#x, want %#x", tt.name, got, tt.want)
			}
		})
	}
}

// hashSteps writes every selection of the first steps of g to h, as
// traceHash does.
func hashSteps(h hash.Hash64, g *Generator, steps int) {
	var b [4]byte
	for t := range steps {
		for l := range g.Layers() {
			for _, tok := range g.Selection(t, l) {
				b[0], b[1], b[2], b[3] = byte(tok), byte(tok>>8), byte(tok>>16), byte(tok>>24)
				h.Write(b[:])
			}
			h.Write([]byte{0xff})
		}
	}
}
