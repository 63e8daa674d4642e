package cache

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLazyStreamsMatchReference replays the engine's pattern, where the
// lazy path matters: per layer, a short stream of one region, scattered
// accesses and removals in another, then a stream of a third region large
// enough to flush; regions come back after other flushes, so they are
// provably absent again.
func TestLazyStreamsMatchReference(t *testing.T) {
	geos := []Geometry{{Sets: 8, Ways: 4}, {Sets: 10, Ways: 3, XOR: true}, {Sets: 16, Ways: 2, XOR: true}, {Sets: 5, Ways: 6}}
	const regionShift = 14
	for _, g := range geos {
		for _, pol := range []Policy{LRU, FIFO} {
			for seed := uint64(1); seed <= 6; seed++ {
				t.Run(fmt.Sprintf("%dx%d-xor%v-%v-%d", g.Sets, g.Ways, g.XOR, pol, seed), func(t *testing.T) {
					o := Options{Policy: pol, Seed: seed, RegionShift: regionShift, Regions: 12}
					p, _ := New(g, o)
					r := newRef(g, o)
					rng := rand.New(rand.NewPCG(seed, 7))
					lines := uint64(g.Lines())
					lazy := 0
					for layer := range 60 {
						base := func(kind int) uint64 { return uint64((layer%4)*3+kind) << regionShift }
						steps := []func(){
							func() { // indexer-like stream, shorter than the cache
								n := 1 + rng.Uint64N(lines)
								lazy += checkStream(t, p, r, base(0)+rng.Uint64N(64), n, false)
							},
							func() { // gathers and moves to a reservation
								for range 1 + rng.IntN(int(lines)) {
									x := base(1) + rng.Uint64N(lines*4)
									if rng.IntN(3) == 0 {
										if a, b := p.Remove(x), r.remove(x); a != b {
											t.Fatalf("layer %d: Remove(%#x) = %v, want %v", layer, x, a, b)
										}
										continue
									}
									h1, v1, e1 := p.Access(x)
									h2, v2, e2 := r.access(x, true)
									if h1 != h2 || v1 != v2 || e1 != e2 {
										t.Fatalf("layer %d: Access(%#x) = %v %#x %v, want %v %#x %v", layer, x, h1, v1, e1, h2, v2, e2)
									}
								}
							},
							func() { // weight-like stream, sometimes a flush
								n := lines/2 + rng.Uint64N(lines*3)
								lazy += checkStream(t, p, r, base(2)+rng.Uint64N(64), n, rng.IntN(6) == 0)
							},
						}
						for _, i := range rng.Perm(3) {
							steps[i]()
						}
						if layer%7 == 0 {
							compareAll(t, p, r, fmt.Sprintf("layer %d", layer))
						}
					}
					compareAll(t, p, r, "end")
					if lazy < 5 {
						t.Errorf("only %d lazy streams", lazy)
					}
				})
			}
		}
	}
}

// checkStream runs one stream on both models, compares the counts and
// returns 1 if the fast model took the lazy path.
func checkStream(t *testing.T, p *Partition, r *refCache, first, n uint64, bypass bool) int {
	t.Helper()
	got := p.Stream(first, n, bypass)
	var want StreamResult
	for x := first; x < first+n; x++ {
		hit, _, ev := r.access(x, !bypass)
		if hit {
			want.Hits++
		} else {
			want.Misses++
		}
		if ev {
			want.Evictions++
		}
	}
	lazy := got.Lazy
	got.Lazy = false
	if got != want {
		t.Fatalf("Stream(%#x, %d, %v) = %+v, want %+v", first, n, bypass, got, want)
	}
	if lazy {
		return 1
	}
	return 0
}

// TestStreamLargerThanCacheEqualsLineByLine: a weight stream several
// times the cache, applied lazily (LRU, FIFO) or a set at a time (SRRIP,
// Random),
// leaves every set exactly as inserting its lines one by one does (the
// partition without region tracking cannot prove absence, so it goes line
// by line), with the same counts, for both set indexes, after scattered
// traffic with hits, and again after a second and a third stream.
func TestStreamLargerThanCacheEqualsLineByLine(t *testing.T) {
	for _, g := range []Geometry{{Sets: 1000, Ways: 16}, {Sets: 1024, Ways: 12, XOR: true}, {Sets: 999, Ways: 7, XOR: true}, {Sets: 64, Ways: 3}} {
		for _, pol := range []Policy{LRU, FIFO, SRRIP, Random} {
			fast, _ := New(g, Options{Policy: pol, Seed: 5, RegionShift: 32, Regions: 8})
			plain, _ := New(g, Options{Policy: pol, Seed: 5})
			rng := rand.New(rand.NewPCG(1, uint64(g.Sets)))
			for round := range 3 {
				for range 3 * g.Lines() {
					x := 1<<32 + rng.Uint64N(uint64(2*g.Lines()))
					if round == 1 && rng.IntN(2) == 0 {
						x = 2<<32 + rng.Uint64N(uint64(2*g.Lines())) // lines the stream starts with
					}
					fast.Access(x)
					plain.Access(x)
				}
				n := uint64((5+round)*g.Lines() + rng.IntN(g.Sets))
				// Rounds 0 and 1 stream the same region: the second
				// time its lines may be resident (LRU still takes one
				// pass over the sets; the others go line by line).
				first := uint64(2+round/2)<<32 + rng.Uint64N(100)
				a, b := fast.Stream(first, n, false), plain.Stream(first, n, false)
				if wantLazy := round != 1 || pol == LRU; a.Lazy != wantLazy || b.Lazy {
					t.Fatalf("%+v %v round %d: fast lazy=%v, plain lazy=%v; want %v and false", g, pol, round, a.Lazy, b.Lazy, wantLazy)
				}
				a.Lazy = false
				if a != b {
					t.Errorf("%+v %v round %d: fast stream %+v, line by line %+v", g, pol, round, a, b)
				}
				x, y := make([]uint64, g.Ways), make([]uint64, g.Ways)
				for s := range g.Sets {
					if p, q := fast.PeekSet(s, x), plain.PeekSet(s, y); !slices.Equal(p, q) {
						t.Fatalf("%+v %v round %d: set %d = %x after the fast stream, %x line by line", g, pol, round, s, p, q)
					}
				}
				if pol == SRRIP && !slices.Equal(fast.rrpv, plain.rrpv) {
					t.Fatalf("%+v round %d: re-reference values differ", g, round)
				}
			}
		}
	}
}

// TestOverlayMatchesReference: scattered accesses right after a flush go
// on overlays (no set materialized), and the sets, the victims and later
// streams still match the line-by-line model exactly.
func TestOverlayMatchesReference(t *testing.T) {
	for _, g := range []Geometry{{Sets: 16, Ways: 4}, {Sets: 12, Ways: 3, XOR: true}, {Sets: 8, Ways: 8, XOR: true}} {
		for _, pol := range []Policy{LRU, FIFO} {
			o := Options{Policy: pol, RegionShift: 16, Regions: 8}
			p, _ := New(g, o)
			r := newRef(g, o)
			rng := rand.New(rand.NewPCG(4, 4))
			overlaid := 0
			for round := range 30 {
				checkStream(t, p, r, uint64(1+round%2)<<16, uint64(2*g.Lines()+g.Sets), false) // a flush
				if round%3 == 1 {
					checkStream(t, p, r, 3<<16, uint64(g.Sets/2+1), false) // a tail entry
				}
				for range g.Lines() {
					x := uint64(4+rng.IntN(2))<<16 + rng.Uint64N(uint64(g.Lines()))
					h1, v1, e1 := p.Access(x)
					h2, v2, e2 := r.access(x, true)
					if h1 != h2 || v1 != v2 || e1 != e2 {
						t.Fatalf("%+v %v round %d: Access(%#x) = %v %#x %v, want %v %#x %v", g, pol, round, x, h1, v1, e1, h2, v2, e2)
					}
					if rng.IntN(9) == 0 {
						if a, b := p.Remove(x^1), r.remove(x^1); a != b {
							t.Fatalf("Remove(%#x) = %v, want %v", x^1, a, b)
						}
					}
				}
				overlaid += len(p.pend.ents)
				compareAll(t, p, r, fmt.Sprintf("%+v %v round %d", g, pol, round))
				c := p.Clone()
				compareAll(t, c, r, "clone")
			}
			if overlaid == 0 {
				t.Errorf("%+v %v: no access went on an overlay", g, pol)
			}
		}
	}
}
