package cache

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// checkRun reads a run of lines through AccessRun and, line by line,
// through the reference, and fails on the first line whose hit, eviction
// or (with victims) victim differs.
func checkRun(t *testing.T, p *Partition, r *refCache, first uint64, n int, withVictims bool) {
	t.Helper()
	var victims []uint64
	if withVictims {
		victims = make([]uint64, n)
	}
	hits, evicted := p.AccessRun(first, n, victims)
	for i := range n {
		x := first + uint64(i)
		hit, victim, ev := r.access(x, true)
		gotHit, gotEv := hits>>i&1 == 1, evicted>>i&1 == 1
		if gotHit != hit || gotEv != ev || (withVictims && ev && victims[i] != victim) {
			got := uint64(0)
			if withVictims {
				got = victims[i]
			}
			t.Fatalf("AccessRun(%#x, %d): line %#x hit %v evicted %v victim %#x, want %v %v %#x", first, n, x, gotHit, gotEv, got, hit, ev, victim)
		}
	}
	if hits>>n != 0 || evicted>>n != 0 {
		t.Fatalf("AccessRun(%#x, %d) set bits beyond the run: %x %x", first, n, hits, evicted)
	}
}

// TestAccessRunMatchesReference mixes runs of consecutive lines (KV
// tokens) with single accesses, removals and streams long and short, over
// a few regions and every policy and index, and compares every outcome and
// the sets with the brute-force model.
func TestAccessRunMatchesReference(t *testing.T) {
	geos := []Geometry{
		{Sets: 8, Ways: 4}, {Sets: 6, Ways: 3}, {Sets: 16, Ways: 8, XOR: true},
		{Sets: 12, Ways: 2, XOR: true}, {Sets: 1, Ways: 5}, {Sets: 32, Ways: 1}, {Sets: 40, Ways: 16},
	}
	const regionShift = 12
	for _, g := range geos {
		for _, pol := range []Policy{LRU, FIFO, Random, SRRIP} {
			for seed := uint64(1); seed <= 3; seed++ {
				t.Run(fmt.Sprintf("%dx%d-xor%v-%v-seed%d", g.Sets, g.Ways, g.XOR, pol, seed), func(t *testing.T) {
					o := Options{Policy: pol, Seed: seed, RegionShift: regionShift, Regions: 6}
					p, _ := New(g, o)
					r := newRef(g, o)
					rng := rand.New(rand.NewPCG(seed, 17))
					lines := uint64(g.Lines())
					region := func() uint64 { return rng.Uint64N(7) << regionShift } // 6 is untracked
					for i := range 1500 {
						switch op := rng.IntN(10); {
						case op < 5: // a run, sometimes across a region's end
							n := 1 + rng.IntN(min(MaxRun, 3*g.Sets))
							first := region() + rng.Uint64N(3*lines)
							if rng.IntN(8) == 0 {
								first = region() + 1<<regionShift - uint64(rng.IntN(n))
							}
							checkRun(t, p, r, first, n, rng.IntN(2) == 0)
						case op < 6:
							x := region() + rng.Uint64N(3*lines)
							if a, b := p.Remove(x), r.remove(x); a != b {
								t.Fatalf("op %d: Remove(%#x) = %v, want %v", i, x, a, b)
							}
						case op < 7:
							checkRun(t, p, r, region()+rng.Uint64N(3*lines), 1, true)
						default: // streams: short (tail entries) or flushes
							n := 1 + rng.Uint64N(lines)
							if rng.IntN(2) == 0 {
								n = lines*uint64(2+rng.IntN(2)) + rng.Uint64N(lines)
							}
							checkStream(t, p, r, region()+rng.Uint64N(64), n, rng.IntN(6) == 0)
						}
						if i%101 == 0 {
							compareAll(t, p, r, fmt.Sprintf("after op %d", i))
						}
					}
					compareAll(t, p, r, "at the end")
				})
			}
		}
	}
}

// TestAccessRunOverlays replays the engine's gather pattern (a flush, a
// short stream, then runs of a KV region), so that the runs take the
// overlay path, hitting each other's lines at times; every outcome and
// every set must match the reference, and the overlays must be used.
func TestAccessRunOverlays(t *testing.T) {
	for _, g := range []Geometry{{Sets: 64, Ways: 16}, {Sets: 50, Ways: 4}, {Sets: 32, Ways: 8, XOR: true}, {Sets: 7, Ways: 3}} {
		for _, pol := range []Policy{LRU, FIFO} {
			o := Options{Policy: pol, RegionShift: 16, Regions: 8}
			p, _ := New(g, o)
			r := newRef(g, o)
			rng := rand.New(rand.NewPCG(5, uint64(g.Sets)))
			overlaid := 0
			for round := range 20 {
				checkStream(t, p, r, uint64(1+round%2)<<16, uint64(2*g.Lines()+g.Sets+rng.IntN(g.Sets)), false)
				checkStream(t, p, r, 3<<16+rng.Uint64N(99), uint64(1+rng.IntN(2*g.Sets)), false)
				kv := uint64(4+round%3) << 16
				for range 2 * g.Sets {
					tok := rng.Uint64N(uint64(4 * g.Sets))
					checkRun(t, p, r, kv+tok*6, 6, round%2 == 0)
				}
				overlaid += len(p.pend.ents)
				compareAll(t, p, r, fmt.Sprintf("%+v %v round %d", g, pol, round))
			}
			if overlaid == 0 {
				t.Errorf("%+v %v: no line went on an overlay", g, pol)
			}
		}
	}
}

func TestAccessRunDoesNotAllocate(t *testing.T) {
	g := Geometry{Sets: 64, Ways: 8}
	p, _ := New(g, Options{Policy: LRU, RegionShift: 20, Regions: 4})
	victims := make([]uint64, MaxRun)
	i := uint64(0)
	allocs := testing.AllocsPerRun(200, func() {
		i++
		if i%16 == 0 {
			p.Stream((1+i%2)<<20, uint64(3*g.Lines()), false)
		}
		p.AccessRun(3<<20+i*37%4096, 1+int(i%MaxRun), victims)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run", allocs)
	}
}

func TestAccessRunRefusesBadLengths(t *testing.T) {
	p, _ := New(Geometry{Sets: 4, Ways: 2}, Options{})
	for _, n := range []int{0, -1, MaxRun + 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("AccessRun of %d lines did not panic", n)
				}
			}()
			p.AccessRun(0, n, nil)
		}()
	}
}
