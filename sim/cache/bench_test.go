package cache

import (
	"math/rand/v2"
	"testing"
)

// h100 is an H100-sized L2: 50 MiB of 128-byte lines, 16 ways.
var h100 = Geometry{Sets: 50 << 20 / 128 / 16, Ways: 16}

// BenchmarkRandomAccess measures random line accesses into the H100-sized
// cache, over a footprint of twice its lines (about half the accesses
// hit), for every policy.
func BenchmarkRandomAccess(b *testing.B) {
	for _, pol := range []Policy{LRU, FIFO, Random, SRRIP} {
		b.Run(pol.String(), func(b *testing.B) {
			p, err := New(h100, Options{Policy: pol, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			lines := make([]uint64, 1<<20)
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range lines {
				lines[i] = rng.Uint64N(2 * uint64(h100.Lines()))
			}
			for _, x := range lines { // warm: fill the cache
				p.Access(x)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				p.Access(lines[i&(len(lines)-1)])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "Maccesses/s")
		})
	}
}

// BenchmarkFlushStream measures a weight stream ten times the cache
// through an LRU partition that can prove the stream absent.
func BenchmarkFlushStream(b *testing.B) {
	p, _ := New(h100, Options{Policy: LRU, RegionShift: 40, Regions: 64})
	n := uint64(10 * h100.Lines())
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		p.Stream(uint64(1+i%63)<<40, n, false)
	}
	b.ReportMetric(float64(b.N)*float64(n)/b.Elapsed().Seconds()/1e9, "Glines/s")
}

func TestAccessDoesNotAllocate(t *testing.T) {
	for _, pol := range []Policy{LRU, FIFO, Random, SRRIP} {
		p, _ := New(Geometry{Sets: 64, Ways: 8}, Options{Policy: pol, RegionShift: 20, Regions: 4})
		rng := rand.New(rand.NewPCG(3, 3))
		allocs := testing.AllocsPerRun(1000, func() {
			x := rng.Uint64N(4 << 20)
			p.Access(x)
			p.Lookup(x + 1)
			p.Remove(x + 2)
			p.Stream(x, 100, false)
		})
		if allocs != 0 {
			t.Errorf("%v: %v allocations per access", pol, allocs)
		}
	}
}

func TestLongStreamsDoNotAllocate(t *testing.T) {
	for _, pol := range []Policy{LRU, FIFO, Random, SRRIP} {
		g := Geometry{Sets: 64, Ways: 8}
		p, _ := New(g, Options{Policy: pol, RegionShift: 30, Regions: 8})
		i := uint64(0)
		allocs := testing.AllocsPerRun(50, func() {
			i++
			p.Stream((1+i%7)<<30, uint64(5*g.Lines()), false)
			p.Access((1+(i+3)%7)<<30 + i)
		})
		if allocs != 0 {
			t.Errorf("%v: %v allocations per long stream", pol, allocs)
		}
	}
}
