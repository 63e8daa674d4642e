package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/din"
)

func TestReplayText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader("0 0\n1 40\n0 0\n3 0\n2 1000\n4 0\n0 3f\n"), stdout: &stdout, stderr: &stderr}
	code := runEnv(e, []string{"replay", "-trace", "-", "-capacity", "64KiB", "-line", "64", "-ways", "8"})
	want := "accesses 5\nhits 2\nmisses 3\nhitRate 0.4\nevictions 0\nreads 3\nwrites 1\nfetches 1\nskipped 2\n"
	if code != 0 || stdout.String() != want {
		t.Errorf("replay from stdin = exit %d, stdout:\n%s\nstderr %s\nwant:\n%s", code, stdout.String(), stderr.String(), want)
	}
}

// TestReplayAllocs proves replay allocates nothing per reference.
func TestReplayAllocs(t *testing.T) {
	data := randomDin(1<<14, 1<<12)
	cfg := benchConfig()
	llc, err := newPlainLLC(cfg)
	if err != nil {
		t.Fatal(err)
	}
	src := bytes.NewReader(data)
	r := din.NewReader(src, "allocs")
	allocs := testing.AllocsPerRun(10, func() {
		src.Reset(data)
		r.Reset(src, "allocs")
		if _, err := replay(r, llc, cfg.Line); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("replaying %d references allocates %v times, want 0", 1<<14, allocs)
	}
}

// randomDin is a din trace of n reads of random lines among span lines of
// 128 bytes, the workload of bench/replay.sh's random trace.
func randomDin(n int, span uint64) []byte {
	var buf bytes.Buffer
	w := din.NewWriter(&buf)
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		_ = w.Write(din.Record{Label: din.Read, Addr: rng.Uint64N(span) * 128})
	}
	_ = w.Flush()
	return buf.Bytes()
}

// benchConfig is the LLC the replay benchmark and bench/replay.c use: an
// H100 L2, 50 MiB of 128-byte lines, 16 ways (25,600 sets).
func benchConfig() config.Config {
	cfg := config.DefaultConfig()
	cfg.Capacity, cfg.Line, cfg.Ways = 50<<20, 128, 16
	return cfg
}

// BenchmarkReplay measures dsasim replay's loop, din parsing included, on
// random lines over twice the cache: references/s and allocations.
func BenchmarkReplay(b *testing.B) {
	cfg := benchConfig()
	const n = 1 << 20
	data := randomDin(n, 2*uint64(cfg.Capacity)/uint64(cfg.Line))
	llc, err := newPlainLLC(cfg)
	if err != nil {
		b.Fatal(err)
	}
	src := bytes.NewReader(data)
	r := din.NewReader(src, "bench")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src.Reset(data)
		r.Reset(src, "bench")
		if _, err := replay(r, llc, cfg.Line); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mrefs/s")
}
