package oracle

import (
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// benchSteps is the run length of the dsv32-h100 benchmarks.
const benchSteps = 8

// benchRun returns the dsv32-h100 preset cut to benchSteps steps, and its
// selections, generated once so that every benchmark times only its own
// work (the engine and the oracle share one source in dsasim too).
func benchRun(b *testing.B) (config.Config, trace.Source) {
	c, err := config.Preset("dsv32-h100")
	if err != nil {
		b.Fatal(err)
	}
	c.Steps = benchSteps
	src, err := trace.NewGenerator(engine.GeneratorParams(c))
	if err != nil {
		b.Fatal(err)
	}
	src.Selection(c.Steps-1, c.Layers-1) // generates every step
	return c, src
}

// BenchmarkPlainRun is the yardstick: an engine run of the same steps.
func BenchmarkPlainRun(b *testing.B) {
	c, src := benchRun(b)
	b.ReportAllocs()
	reportCPU(b, func() {
		e, err := engine.New(c, src)
		if err != nil {
			b.Fatal(err)
		}
		e.Run()
	})
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkMIN is the token MIN at the preset's reservation, sequence
// included.
func BenchmarkMIN(b *testing.B) { benchMIN(b, false) }

// BenchmarkLayerMIN is the same in the layer scope (a run on each layer's
// own sequence).
func BenchmarkLayerMIN(b *testing.B) { benchMIN(b, true) }

func benchMIN(b *testing.B, layerScope bool) {
	c, src := benchRun(b)
	slots := int(int64(c.Reserve) / c.TokenStride())
	b.ReportAllocs()
	reportCPU(b, func() { sequenceOf(b, c, src).MIN(slots, layerScope, c.Horizon) })
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkCurve is the LRU curve of both scopes at every size, sequence
// included.
func BenchmarkCurve(b *testing.B) {
	c, src := benchRun(b)
	most := int((int64(c.Capacity) - c.WayBytes()) / c.TokenStride())
	b.ReportAllocs()
	reportCPU(b, func() {
		s := sequenceOf(b, c, src)
		for _, layer := range []bool{false, true} {
			h := s.StackDistances(layer, most)
			for slots := 1; slots <= most; slots += most / 64 {
				h.Hits(slots)
			}
		}
	})
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkLineMIN is the line MIN of the whole LLC, sequence included.
func BenchmarkLineMIN(b *testing.B) {
	c, src := benchRun(b)
	b.ReportAllocs()
	reportCPU(b, func() {
		if _, err := sequenceOf(b, c, src).LineMIN(int(int64(c.Capacity)/int64(c.Line)), c.TokenLines(), c.Horizon); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkSequence is the part of the others that reads the selections:
// the keys and their next uses.
func BenchmarkSequence(b *testing.B) {
	c, src := benchRun(b)
	b.ReportAllocs()
	reportCPU(b, func() { sequenceOf(b, c, src) })
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkLiveCurve is what the app's curve chart costs: both scopes'
// live curves counted over the run's steps, one step at a time, and read
// at 128 sizes after each.
func BenchmarkLiveCurve(b *testing.B) {
	c, src := benchRun(b)
	k, err := engine.NewTokenKeys(c, src)
	if err != nil {
		b.Fatal(err)
	}
	most := int((int64(c.Capacity) - c.WayBytes()) / c.TokenStride())
	sizes := make([]int, 128)
	for i := range sizes {
		sizes[i] = i * most / (len(sizes) - 1)
	}
	var dst []int64
	b.ReportAllocs()
	reportCPU(b, func() {
		for _, layer := range []bool{false, true} {
			lc := NewLiveCurve(k, layer, most, c.TokenLines())
			for t := 1; t <= c.Steps; t++ {
				if err := lc.Advance(t); err != nil {
					b.Fatal(err)
				}
				dst = lc.HitsInto(dst, sizes)
			}
		}
	})
	b.ReportMetric(float64(b.N*benchSteps)/b.Elapsed().Seconds(), "steps/s")
}
