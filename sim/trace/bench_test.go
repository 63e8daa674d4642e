package trace

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkGenerator measures generation per (step, layer) at k = 2048: one
// op generates a fresh 8-layer, 32-step trace (its tables included).
func BenchmarkGenerator(b *testing.B) {
	for _, prompt := range []int{32768, 131072} {
		b.Run(fmt.Sprintf("N=%d", prompt), func(b *testing.B) {
			p := DefaultParams()
			p.Layers, p.Steps, p.Prompt = 8, 32, prompt
			b.ReportAllocs()
			for b.Loop() {
				g := mustGenerator(b, p)
				g.Selection(p.Steps-1, 0)
			}
			reportSelections(b, p.Layers*p.Steps)
		})
	}
}

// BenchmarkGeneratorUsedUp measures generation per (step, layer) at k =
// 2048 and N = 32768 over 128 steps, most of them after the layers have
// used up their context (after about 58 steps, see Generator), as in a
// long run of the dsv32-h100 preset.
func BenchmarkGeneratorUsedUp(b *testing.B) {
	p := DefaultParams()
	p.Layers, p.Steps = 8, 128
	b.ReportAllocs()
	for b.Loop() {
		g := mustGenerator(b, p)
		g.Selection(p.Steps-1, 0)
	}
	reportSelections(b, p.Layers*p.Steps)
}

// BenchmarkGeneratorDSV32 measures generation of the dsv32-h100 preset's
// steps (61 layers x top-2048, prompt 32768), one op a step, as the app
// asks for them (sim/compare's BenchmarkDSV32 has 100000 steps): the first
// step, which makes the tables, is generated before timing.
func BenchmarkGeneratorDSV32(b *testing.B) {
	p := DefaultParams()
	p.Steps = 100000
	g := mustGenerator(b, p)
	g.Selection(0, 0)
	t := 1
	b.ReportAllocs()
	for b.Loop() {
		g.Selection(t, 0)
		t++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	reportSelections(b, p.Layers)
}

// BenchmarkMeasure measures the statistics of a generated 8 x 40 trace.
func BenchmarkMeasure(b *testing.B) {
	p := calibrationParams()
	g := mustGenerator(b, p)
	g.Selection(p.Steps-1, 0) // generate before timing
	b.ReportAllocs()
	for b.Loop() {
		Measure(g)
	}
	reportSelections(b, p.Layers*p.Steps)
}

// BenchmarkMeterStats measures Stats of a Meter 40 steps into a k = 2048,
// 8-layer trace: what the app pays to show the statistics of a running
// trace, besides taking in each new step (BenchmarkMeasure's rate).
func BenchmarkMeterStats(b *testing.B) {
	p := calibrationParams()
	p.Steps = 41
	g := mustGenerator(b, p)
	g.Selection(p.Steps-1, 0) // generate before timing
	m := NewMeter(g)
	m.Advance(p.Steps - 1)
	b.ReportAllocs()
	for b.Loop() {
		m.Stats()
	}
}

// BenchmarkReadNPY measures reading an 8 x 40 x 2048 int32 log.
func BenchmarkReadNPY(b *testing.B) {
	p := calibrationParams()
	g := mustGenerator(b, p)
	var body []byte
	for t := range p.Steps {
		for l := range p.Layers {
			body = append(body, int32s(g.Selection(t, l)...)...)
		}
	}
	file := npyFile(fmt.Sprintf("{'descr': '<i4', 'fortran_order': False, 'shape': (%d, %d, %d), }\n", p.Steps, p.Layers, p.TopK), body)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadNPY(bytes.NewReader(file), "bench.npy"); err != nil {
			b.Fatal(err)
		}
	}
	reportSelections(b, p.Layers*p.Steps)
}

// calibrationParams are the defaults on fewer layers and steps, for speed.
func calibrationParams() Params {
	p := DefaultParams()
	p.Layers, p.Steps = 8, 40
	return p
}

// reportSelections adds the rate of (step, layer) selections per second,
// perOp of them being handled by each op.
func reportSelections(b *testing.B, perOp int) {
	b.ReportMetric(float64(perOp)*float64(b.N)/b.Elapsed().Seconds(), "selections/s")
}
