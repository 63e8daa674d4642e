package engine

import (
	"testing"

	"dsaviz/sim/config"
)

func benchPreset(b *testing.B, name, mode string) { benchPresetEvents(b, name, mode, false) }

// benchPresetEvents runs steps of a preset, recording every layer's events
// (as the app does) when events is set.
func benchPresetEvents(b *testing.B, name, mode string, events bool) {
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
	var buf []Event
	if events {
		buf = make([]Event, 0, e.MaxEventsPerLayer())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for s := e.Step(); e.Step() == s; {
			buf = e.AdvanceLayer(buf)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkDSV32Tokens(b *testing.B) { benchPreset(b, "dsv32-h100", config.ModeTokens) }
func BenchmarkDSV32None(b *testing.B)   { benchPreset(b, "dsv32-h100", config.ModeNone) }

func BenchmarkDSV32TokensEvents(b *testing.B) {
	benchPresetEvents(b, "dsv32-h100", config.ModeTokens, true)
}
func BenchmarkDSV32NoneEvents(b *testing.B) {
	benchPresetEvents(b, "dsv32-h100", config.ModeNone, true)
}

// BenchmarkLevyTable4 runs the Table 4 preset: a batch of 8 requests of
// 20 layers, mode tokens, the paper's time model.
func BenchmarkLevyTable4(b *testing.B) { benchPreset(b, "levy-table4", config.ModeTokens) }
