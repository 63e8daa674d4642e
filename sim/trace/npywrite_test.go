package trace

import (
	"bytes"
	"testing"
)

// TestWriteRoundTrip checks that what WriteNPY and WriteText write of a
// generated trace, its first steps shorter than k, Read gives back, and
// that the .npy header is 64-byte aligned as NumPy writes it.
func TestWriteRoundTrip(t *testing.T) {
	p := smallParams()
	p.Layers, p.TopK, p.Prompt, p.Steps = 3, 40, 30, 25
	g := mustGenerator(t, p)
	writers := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"gen.npy", func(b *bytes.Buffer) error { return WriteNPY(b, g) }},
		{"gen.txt", func(b *bytes.Buffer) error { return WriteText(b, g) }},
	}
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if w.name == "gen.npy" {
			if n := 10 + int(buf.Bytes()[8]) + int(buf.Bytes()[9])<<8; n%64 != 0 {
				t.Errorf("npy data starts at byte %d, want a multiple of 64", n)
			}
		}
		lg, err := Read(&buf, w.name)
		if err != nil {
			t.Fatalf("Read(%s) = %v", w.name, err)
		}
		if lg.Steps() != p.Steps || lg.Layers() != p.Layers || traceHash(lg) != traceHash(g) {
			t.Errorf("Read(%s) = %v, want the generator's %d x %d selections", w.name, lg, p.Steps, p.Layers)
		}
		if Measure(lg).NewLookups != Measure(g).NewLookups {
			t.Errorf("%s: statistics differ after the round trip", w.name)
		}
	}
}
