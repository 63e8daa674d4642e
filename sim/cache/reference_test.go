package cache

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// refCache is the brute-force model the fast Partition must match: each
// set a plain slice, every operation written the most obvious way.
type refCache struct {
	ix     setIndex
	ways   int
	policy Policy
	sets   [][]uint64 // ordered: most recent first; physical: way -> line+1
	rrpv   [][]uint8
	seed   uint64
	draws  []uint64 // Random: evictions drawn per set
}

func newRef(g Geometry, o Options) *refCache {
	r := &refCache{ix: newSetIndex(g), ways: g.Ways, policy: o.Policy, seed: o.Seed, draws: make([]uint64, g.Sets)}
	r.sets = make([][]uint64, g.Sets)
	r.rrpv = make([][]uint8, g.Sets)
	for s := range r.sets {
		if !o.Policy.ordered() {
			r.sets[s] = make([]uint64, g.Ways)
			r.rrpv[s] = make([]uint8, g.Ways)
		}
	}
	return r
}

func (r *refCache) access(x uint64, allocate bool) (hit bool, victim uint64, evicted bool) {
	s := r.ix.set(x)
	set := r.sets[s]
	if r.policy.ordered() {
		if i := slices.Index(set, x+1); i >= 0 {
			if r.policy == LRU {
				set = slices.Delete(set, i, i+1)
				r.sets[s] = slices.Insert(set, 0, x+1)
			}
			return true, 0, false
		}
		if !allocate {
			return false, 0, false
		}
		if len(set) == r.ways {
			victim, evicted = set[len(set)-1]-1, true
			set = set[:len(set)-1]
		}
		r.sets[s] = slices.Insert(set, 0, x+1)
		return false, victim, evicted
	}
	if i := slices.Index(set, x+1); i >= 0 {
		r.rrpv[s][i] = 0
		return true, 0, false
	}
	if !allocate {
		return false, 0, false
	}
	w := slices.Index(set, 0)
	if w < 0 {
		if r.policy == Random {
			w = randomVictim(r.seed, s, r.draws[s], r.ways)
			r.draws[s]++
		} else {
			for w < 0 {
				for i, v := range r.rrpv[s] {
					if v == srripMax {
						w = i
						break
					}
				}
				if w < 0 {
					for i := range r.rrpv[s] {
						r.rrpv[s][i]++
					}
				}
			}
		}
		victim, evicted = set[w]-1, true
	}
	set[w] = x + 1
	r.rrpv[s][w] = srripMax - 1
	return false, victim, evicted
}

func (r *refCache) remove(x uint64) bool {
	s := r.ix.set(x)
	i := slices.Index(r.sets[s], x+1)
	if i < 0 {
		return false
	}
	if r.policy.ordered() {
		r.sets[s] = slices.Delete(r.sets[s], i, i+1)
	} else {
		r.sets[s][i] = 0
		r.rrpv[s][i] = 0
	}
	return true
}

func (r *refCache) peek(s int) []uint64 {
	out := make([]uint64, r.ways)
	for i := range out {
		out[i] = Empty
		if i < len(r.sets[s]) && r.sets[s][i] != 0 {
			out[i] = r.sets[s][i] - 1
		}
	}
	return out
}

// compareAll checks every set of p against the reference.
func compareAll(t *testing.T, p *Partition, r *refCache, when string) {
	t.Helper()
	buf := make([]uint64, p.ways)
	for s := range p.geo.Sets {
		got := p.PeekSet(s, buf)
		if want := r.peek(s); !slices.Equal(got, want) {
			t.Fatalf("%s: set %d = %x, want %x", when, s, got, want)
		}
	}
}

// TestPartitionMatchesReference drives the fast partition and the
// brute-force model with the same random operations: single accesses,
// lookups and removals over a few regions, and streams long and short,
// some long enough to flush. Every result and, periodically, every set
// must be identical.
func TestPartitionMatchesReference(t *testing.T) {
	geos := []Geometry{
		{Sets: 8, Ways: 4}, {Sets: 6, Ways: 3}, {Sets: 16, Ways: 8, XOR: true},
		{Sets: 12, Ways: 2, XOR: true}, {Sets: 1, Ways: 5}, {Sets: 32, Ways: 1},
	}
	const regionShift = 12
	for _, g := range geos {
		for _, pol := range []Policy{LRU, FIFO, Random, SRRIP} {
			for seed := uint64(1); seed <= 4; seed++ {
				name := fmt.Sprintf("%dx%d-xor%v-%v-seed%d", g.Sets, g.Ways, g.XOR, pol, seed)
				t.Run(name, func(t *testing.T) {
					o := Options{Policy: pol, Seed: seed, RegionShift: regionShift, Regions: 6}
					p, err := New(g, o)
					if err != nil {
						t.Fatal(err)
					}
					lazy := runDifferential(t, p, newRef(g, o), seed, regionShift, 3000)
					if pol.ordered() && g.Sets > 1 && lazy == 0 {
						t.Errorf("no stream went lazy: the fast path is untested")
					}
					t.Logf("%d lazy streams", lazy)
				})
			}
		}
	}
}

func runDifferential(t *testing.T, p *Partition, r *refCache, seed uint64, regionShift uint, ops int) (lazyStreams int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	// The mix of operations: mostly streams over few regions, so that
	// regions are often provably absent and streams go lazy.
	streamy := seed%2 == 0
	lines := uint64(p.geo.Lines())
	randLine := func() uint64 {
		region := rng.Uint64N(7) // region 6 is beyond the tracked ones
		return region<<regionShift + rng.Uint64N(lines*3)
	}
	for i := range ops {
		op := rng.IntN(20)
		if streamy && rng.IntN(4) != 0 {
			op = 19
		}
		switch {
		case op < 10:
			x := randLine()
			h1, v1, e1 := p.Access(x)
			h2, v2, e2 := r.access(x, true)
			if h1 != h2 || v1 != v2 || e1 != e2 {
				t.Fatalf("op %d: Access(%#x) = %v %#x %v, want %v %#x %v", i, x, h1, v1, e1, h2, v2, e2)
			}
		case op < 12:
			x := randLine()
			if got, want := p.Lookup(x), func() bool { h, _, _ := r.access(x, false); return h }(); got != want {
				t.Fatalf("op %d: Lookup(%#x) = %v, want %v", i, x, got, want)
			}
		case op < 15:
			x := randLine()
			if got, want := p.Remove(x), r.remove(x); got != want {
				t.Fatalf("op %d: Remove(%#x) = %v, want %v", i, x, got, want)
			}
		default:
			region := rng.Uint64N(7)
			n := rng.Uint64N(lines * 3)
			if rng.IntN(3) == 0 {
				n = lines*uint64(1+rng.IntN(3)) + rng.Uint64N(lines)
			}
			first := region<<regionShift + rng.Uint64N(1<<regionShift-n%(1<<regionShift)+1)
			bypass := rng.IntN(5) == 0
			got := p.Stream(first, n, bypass)
			var want StreamResult
			for x := first; x < first+n; x++ {
				hit, _, ev := r.access(x, !bypass)
				switch {
				case hit:
					want.Hits++
				default:
					want.Misses++
				}
				if ev {
					want.Evictions++
				}
			}
			if got.Lazy {
				lazyStreams++
			}
			got.Lazy = false
			if got != want {
				t.Fatalf("op %d: Stream(%#x, %d, %v) = %+v, want %+v", i, first, n, bypass, got, want)
			}
		}
		if i%97 == 0 {
			compareAll(t, p, r, fmt.Sprintf("after op %d", i))
		}
	}
	compareAll(t, p, r, "at the end")
	return lazyStreams
}
