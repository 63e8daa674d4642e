package trace

import (
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestGeneratorInvariants(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Params)
	}{
		{"small defaults", func(*Params) {}},
		{"context grows past k", func(p *Params) { p.Prompt, p.TopK, p.Steps = 200, 256, 120 }},
		{"context always below k", func(p *Params) { p.Prompt, p.TopK = 10, 256 }},
		{"context barely above k", func(p *Params) { p.Prompt, p.TopK = 260, 256 }},
		{"k is 1", func(p *Params) { p.TopK, p.Sinks, p.Window = 1, 0, 0 }},
		{"k is all sinks and window", func(p *Params) { p.TopK, p.Sinks, p.Window = 20, 4, 16 }},
		{"no sinks, no window", func(p *Params) { p.Sinks, p.Window = 0, 0 }},
		{"keep nothing", func(p *Params) { p.StepOverlap = 0 }},
		{"keep everything", func(p *Params) { p.StepOverlap = 1 }},
		{"keep nothing, k of 4", func(p *Params) { p.StepOverlap, p.TopK = 0, 4 }},
		{"keep everything, k of 4", func(p *Params) { p.StepOverlap, p.TopK = 1, 4 }},
		{"no layer overlap", func(p *Params) { p.LayerOverlap = 0 }},
		{"full layer overlap", func(p *Params) { p.LayerOverlap = 1 }},
		{"never return", func(p *Params) { p.ReturnRate = 0 }},
		{"always return", func(p *Params) { p.ReturnRate = 1 }},
		{"return distance 1", func(p *Params) { p.ReturnDistance = 1 }},
		{"return distance 1000", func(p *Params) { p.ReturnDistance = 1000 }},
		{"shortest reach", func(p *Params) { p.Reach = 0.01 }},
		{"reach past the context", func(p *Params) { p.Reach = 1000 }},
		{"sinks and window", func(p *Params) { p.Sinks, p.Window = 4, 16 }},
		{"context about 2k, never return", func(p *Params) { p.Prompt, p.Steps, p.ReturnRate = 600, 80, 0 }},
		{"one layer, one step", func(p *Params) { p.Layers, p.Steps = 1, 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallParams()
			tt.change(&p)
			if err := checkGenerator(mustGenerator(t, p)); err != nil {
				t.Error(err)
			}
		})
	}
}

// traceHash is an FNV-1a hash of every selection of src, in order.
func traceHash(src Source) uint64 {
	h := fnv.New64a()
	var b [4]byte
	for t := 0; t < src.Steps(); t++ {
		for l := 0; l < src.Layers(); l++ {
			for _, tok := range src.Selection(t, l) {
				b[0], b[1], b[2], b[3] = byte(tok), byte(tok>>8), byte(tok>>16), byte(tok>>24)
				h.Write(b[:])
			}
			h.Write([]byte{0xff})
		}
	}
	return h.Sum64()
}

func TestGeneratorDeterministic(t *testing.T) {
	p := smallParams()
	a, b := mustGenerator(t, p), mustGenerator(t, p)
	// b is read backwards, layer-major: the first call generates all.
	want := make(map[[2]int][]int32)
	for l := p.Layers - 1; l >= 0; l-- {
		for s := p.Steps - 1; s >= 0; s-- {
			want[[2]int{s, l}] = b.Selection(s, l)
		}
	}
	for s := 0; s < p.Steps; s++ {
		for l := 0; l < p.Layers; l++ {
			if got := a.Selection(s, l); !slices.Equal(got, want[[2]int{s, l}]) {
				t.Fatalf("S(%d,%d) differs between call orders", s, l)
			}
		}
	}
}

// TestGeneratorGolden pins the trace of one seed, natively and under
// GOOS=js GOARCH=wasm alike. A deliberate change of the generator changes
// it: update the constant then.
func TestGeneratorGolden(t *testing.T) {
	p := smallParams()
	p.Sinks, p.Window = 2, 3
	const want uint64 = 0x5348502ecef0f3ed
	if got := traceHash(mustGenerator(t, p)); got != want {
		t.Errorf("traceHash(small params, 2 sinks, window 3) = %#x, want %#x", got, want)
	}
}

func TestGeneratorSeeds(t *testing.T) {
	p := smallParams()
	a := traceHash(mustGenerator(t, p))
	p.Seed++
	if b := traceHash(mustGenerator(t, p)); a == b {
		t.Errorf("seeds %d and %d give the same trace", p.Seed-1, p.Seed)
	}
}

func TestGeneratorSlicesStay(t *testing.T) {
	g := mustGenerator(t, smallParams())
	first := g.Selection(0, 1)
	saved := slices.Clone(first)
	_ = append(first, -7) // capacity is capped: must not reach layer 2
	g.Selection(g.Steps()-1, 0)
	if !slices.Equal(first, saved) || !slices.Equal(g.Selection(0, 1), saved) {
		t.Error("S(0,1) changed after later steps were generated")
	}
	if g.Selection(0, 2)[0] == -7 {
		t.Error("append to S(0,1) overwrote S(0,2)")
	}
}

func TestGeneratorConcurrent(t *testing.T) {
	p := smallParams()
	want := traceHash(mustGenerator(t, p))
	g := mustGenerator(t, p)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := p.Steps - 1; s >= 0; s -= w + 1 {
				g.Selection(s, w%p.Layers)
			}
		}()
	}
	wg.Wait()
	if got := traceHash(g); got != want {
		t.Error("concurrent calls changed the trace")
	}
}

func TestNewGeneratorErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Params)
		want   string
	}{
		{"no layers", func(p *Params) { p.Layers = 0 }, "trace: layers must be 1..4096, got 0"},
		{"k zero", func(p *Params) { p.TopK = 0 }, "trace: topk must be 1..1048576, got 0"},
		{"no prompt", func(p *Params) { p.Prompt = 0 }, "trace: prompt must be 1..16777215, got 0"},
		{"no steps", func(p *Params) { p.Steps = 0 }, "trace: steps must be 1..1048576, got 0"},
		{"context too long", func(p *Params) { p.Prompt, p.Steps = 1<<24-10, 20 }, "trace: steps must be at most 10 with prompt 16777206"},
		{"token table too big", func(p *Params) { p.Layers, p.Prompt = 4096, 1<<20 }, "trace: layers must be such that layers*(prompt+steps) <= 268435456, got 4096"},
		{"selections too big", func(p *Params) { p.Layers, p.TopK = 4096, 1<<13 }, "trace: topk must be such that layers*topk <= 16777216, got 8192"},
		{"step overlap NaN", func(p *Params) { p.StepOverlap = nan() }, "trace: stepOverlap must be 0..1, got NaN"},
		{"layer overlap above 1", func(p *Params) { p.LayerOverlap = 1.5 }, "trace: layerOverlap must be 0..1, got 1.5"},
		{"negative return rate", func(p *Params) { p.ReturnRate = -0.1 }, "trace: returnRate must be 0..1, got -0.1"},
		{"return distance 0", func(p *Params) { p.ReturnDistance = 0 }, "trace: returnDistance must be 1..1000, got 0"},
		{"reach 0", func(p *Params) { p.Reach = 0 }, "trace: reach must be 0.01..1000, got 0"},
		{"negative sinks", func(p *Params) { p.Sinks = -1 }, "trace: sinks must be 0..1048576, got -1"},
		{"window too wide", func(p *Params) { p.Sinks, p.Window = 4, 253 }, "trace: window must be at most topk-sinks = 252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallParams()
			tt.change(&p)
			g, err := NewGenerator(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewGenerator(%+v) = %v, %v; want error containing %q", p, g, err, tt.want)
			}
		})
	}
}

func TestDefaultParamsValid(t *testing.T) {
	if err := DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
}
