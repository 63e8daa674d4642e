package din

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

// benchTrace is n din lines of random 48-bit addresses.
func benchTrace(n int) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	rng := rand.New(rand.NewPCG(3, 4))
	for range n {
		_ = w.Write(Record{Label: Label(rng.IntN(3)), Addr: rng.Uint64N(1 << 48)})
	}
	_ = w.Flush()
	return buf.Bytes()
}

func BenchmarkReader(b *testing.B) {
	const lines = 1 << 16
	data := benchTrace(lines)
	src := bytes.NewReader(data)
	r := NewReader(src, "bench")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		src.Reset(data)
		r.Reset(src, "bench")
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			}
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkWriter(b *testing.B) {
	const lines = 1 << 16
	w := NewWriter(io.Discard)
	b.ReportAllocs()
	for b.Loop() {
		for i := range uint64(lines) {
			_ = w.Write(Record{Label: Read, Addr: i * 0x40})
		}
	}
	_ = w.Flush()
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
