package engine

import (
	"testing"

	"dsaviz/sim/config"
)

func benchPreset(b *testing.B, name, mode string) {
	c, err := config.Preset(name)
	if err != nil {
		b.Fatal(err)
	}
	c.Mode = mode
	c.Steps = b.N + 1
	if mode == config.ModeNone {
		c.Reserve = 0
	}
	e, err := New(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	e.AdvanceStep() // warm: the cold first step fills every set
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		e.AdvanceStep()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkDSV32Tokens(b *testing.B) { benchPreset(b, "dsv32-h100", config.ModeTokens) }
func BenchmarkDSV32None(b *testing.B)   { benchPreset(b, "dsv32-h100", config.ModeNone) }
