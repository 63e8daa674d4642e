package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// refEngine is the whole simulation written the most obvious way: every
// stream line by line, every set a slice (most recent first), the token
// reservation a slice of keys. It shares with the engine only the layout
// (addresses) and the set mapping of the geometry.
type refEngine struct {
	cfg      config.Config
	lay      *workload.Layout
	src      trace.Source
	setOf    func(uint64) int
	shared   [][]uint64
	sWays    int
	kv       [][]uint64 // mode ways
	kvWays   int
	res      []int64   // tokens/pages: keys, most recent first; prevk: unordered
	resL     [][]int64 // tokens in tokenScope layer: per layer, keys, most recent first
	slots    int
	used     map[int64]map[int]bool // pages: tokens used per resident page
	fill     int64
	pagesOut int64
	usedOut  int64
}

func newRef(t *testing.T, e *Engine) *refEngine {
	c := e.cfg
	r := &refEngine{cfg: c, lay: e.layout, src: e.src, setOf: e.shared.SetOf, used: map[int64]map[int]bool{}}
	r.sWays = e.shared.Geometry().Ways
	r.shared = make([][]uint64, c.Sets())
	switch c.Mode {
	case config.ModeWays:
		r.kvWays = e.kvWays.Geometry().Ways
		r.kv = make([][]uint64, c.Sets())
	case config.ModeTokens:
		r.slots = e.tokens.Slots()
		if c.TokenScope == config.ScopeLayer {
			r.resL = make([][]int64, c.Layers)
		}
	case config.ModePages:
		r.slots = e.tokens.Slots()
	case config.ModePrevK:
		r.slots = e.prevk.quota
	}
	return r
}

// lru accesses x in sets (most recent first) of the given ways, with the
// shared policy (LRU or FIFO) or, if forceLRU, LRU; allocate on a miss.
func (r *refEngine) lru(sets [][]uint64, ways int, x uint64, allocate bool, forceLRU ...bool) (hit, evicted bool) {
	s := r.setOf(x)
	if i := slices.Index(sets[s], x); i >= 0 {
		if r.cfg.Policy == config.PolicyLRU || len(forceLRU) > 0 {
			sets[s] = slices.Insert(slices.Delete(sets[s], i, i+1), 0, x)
		}
		return true, false
	}
	if !allocate {
		return false, false
	}
	if len(sets[s]) == ways {
		sets[s] = sets[s][:ways-1]
		evicted = true
	}
	sets[s] = slices.Insert(sets[s], 0, x)
	return false, evicted
}

func (r *refEngine) removeShared(x uint64) bool {
	s := r.setOf(x)
	i := slices.Index(r.shared[s], x)
	if i >= 0 {
		r.shared[s] = slices.Delete(r.shared[s], i, i+1)
	}
	return i >= 0
}

func (r *refEngine) count(c *Counts, hit, evicted bool, kind Outcome) {
	c.Accesses++
	switch {
	case hit && kind == ReservedHit:
		c.ReservedHits++
	case hit:
		c.SharedHits++
	default:
		c.Misses++
	}
	if evicted {
		c.Evictions++
	}
}

func (r *refEngine) layer(step, l int) ByClass {
	var b ByClass
	stream := func(class workload.Class, first, n uint64) {
		for x := first; x < first+n; x++ {
			hit, ev := r.lru(r.shared, r.sWays, x, !r.cfg.Bypass)
			r.count(&b[class], hit, ev, SharedHit)
		}
	}
	f, n := r.lay.IndexerStream(l, r.cfg.Prompt+step)
	stream(workload.Indexer, f, n)
	kv := &b[workload.KV]
	sel := r.src.Selection(step, l)
	maxCtx := int64(r.lay.MaxContext())
	tokKey := func(l, tok int) int64 { return int64(l)*maxCtx + int64(tok) }
	// held reports whether line x of layer l is in the reservation
	// through a resident token other than tok (packed neighbours).
	fetched := map[int64]bool{} // prevk: kept tokens already moved in this layer
	resident := func(key int64) bool {
		return slices.Contains(r.res, key) || fetched[key] || (r.resL != nil && slices.Contains(r.resL[key/maxCtx], key))
	}
	heldByOther := func(l, tok int, x uint64) bool {
		if r.cfg.Layout != config.LayoutPacked {
			return false
		}
		lo, hi := r.lay.TokensOfLine(l, x)
		for t := lo; t <= hi; t++ {
			if t != tok && resident(tokKey(l, t)) {
				return true
			}
		}
		return false
	}
	exclusive := func(l, tok int) {
		first, n := r.lay.TokenLines(l, tok)
		for x := first; x < first+uint64(n); x++ {
			switch {
			case heldByOther(l, tok, x):
				r.count(kv, true, false, ReservedHit)
			case r.removeShared(x):
				r.count(kv, true, false, SharedHit)
			default:
				r.count(kv, false, false, Miss)
			}
		}
	}
	switch r.cfg.Mode {
	case config.ModeNone, config.ModeWays:
		for _, tok := range sel {
			first, n := r.lay.TokenLines(l, int(tok))
			for x := first; x < first+uint64(n); x++ {
				if r.cfg.Mode == config.ModeNone {
					hit, ev := r.lru(r.shared, r.sWays, x, true)
					r.count(kv, hit, ev, SharedHit)
				} else {
					hit, ev := r.lru(r.kv, r.kvWays, x, true, true)
					r.count(kv, hit, ev, ReservedHit)
				}
			}
		}
	case config.ModeTokens:
		// The global scope is one list of every slot; the layer scope one
		// list per layer, of the layer's share: slots/layers, one more for
		// the first slots%layers layers.
		res, slots := &r.res, r.slots
		if r.resL != nil {
			res, slots = &r.resL[l], r.slots/r.cfg.Layers
			if l < r.slots%r.cfg.Layers {
				slots++
			}
		}
		for _, tok := range sel {
			key := tokKey(l, int(tok))
			_, n := r.lay.TokenLines(l, int(tok))
			if i := slices.Index(*res, key); i >= 0 {
				*res = slices.Insert(slices.Delete(*res, i, i+1), 0, key)
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
				continue
			}
			exclusive(l, int(tok))
			*res = slices.Insert(*res, 0, key)
			if len(*res) > slots {
				v := (*res)[slots]
				*res = (*res)[:slots]
				_, vn := r.lay.TokenLines(int(v/maxCtx), int(v%maxCtx))
				kv.Evictions += int64(vn)
			}
		}
	case config.ModePrevK:
		keep := sel[:min(r.slots, len(sel))]
		for i, tok := range sel {
			key := tokKey(l, int(tok))
			first, n := r.lay.TokenLines(l, int(tok))
			switch {
			case resident(key):
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
			case i < len(keep):
				exclusive(l, int(tok))
				fetched[key] = true
			default:
				for x := first; x < first+uint64(n); x++ {
					if heldByOther(l, int(tok), x) {
						r.count(kv, true, false, ReservedHit)
						continue
					}
					hit, ev := r.lru(r.shared, r.sWays, x, true)
					r.count(kv, hit, ev, SharedHit)
				}
			}
		}
		var next []int64
		for _, key := range r.res {
			if key/maxCtx != int64(l) {
				next = append(next, key)
				continue
			}
			if !slices.Contains(keep, int32(key%maxCtx)) {
				_, n := r.lay.TokenLines(l, int(key%maxCtx))
				kv.Evictions += int64(n)
			}
		}
		for _, tok := range keep {
			next = append(next, tokKey(l, int(tok)))
		}
		r.res = next
	case config.ModePages:
		pt, perLayer := r.cfg.PageTokens, int64(r.lay.PagesPerLayer())
		for _, tok := range sel {
			page := int(tok) / pt
			key := int64(l)*perLayer + int64(page)
			first, n := r.lay.TokenLines(l, int(tok))
			if i := slices.Index(r.res, key); i >= 0 {
				r.res = slices.Insert(slices.Delete(r.res, i, i+1), 0, key)
				r.used[key][int(tok)] = true
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
				continue
			}
			exclusive(l, int(tok))
			r.res = slices.Insert(r.res, 0, key)
			r.used[key] = map[int]bool{int(tok): true}
			if len(r.res) > r.slots {
				v := r.res[r.slots]
				r.res = r.res[:r.slots]
				_, vn := r.lay.PageLines(int(v/perLayer), int(v%perLayer))
				kv.Evictions += int64(vn)
				r.pagesOut++
				r.usedOut += int64(len(r.used[v]))
				delete(r.used, v)
			}
			pf, pn := r.lay.PageLines(l, page)
			for x := pf; x < pf+uint64(pn); x++ {
				if x >= first && x < first+uint64(n) {
					continue
				}
				if !r.removeShared(x) {
					r.fill++
				}
			}
		}
	}
	f, n = r.lay.WeightStream(l)
	stream(workload.Weights, f, n)
	return b
}

// randomConfig returns a small valid config, varied by rng.
func randomConfig(rng *rand.Rand, mode string) config.Config {
	c := config.DefaultConfig()
	c.Line = 1 << (4 + rng.IntN(3))
	c.Ways = 1 + rng.IntN(8)
	sets := 1 + rng.IntN(24)
	c.Capacity = config.Size(sets * c.Line * c.Ways)
	c.Policy = []string{config.PolicyLRU, config.PolicyFIFO}[rng.IntN(2)]
	c.Hash = []string{config.HashMod, config.HashXOR}[rng.IntN(2)]
	c.Bypass = rng.IntN(4) == 0
	c.Layout = []string{config.LayoutRounded, config.LayoutPacked, config.LayoutPaged}[rng.IntN(3)]
	c.Mode = mode
	if mode == config.ModePages && c.Layout == config.LayoutPacked {
		c.Layout = config.LayoutPaged // pages need whole-line tokens
	}
	c.PageTokens = 1 + rng.IntN(8)
	c.Layers = 1 + rng.IntN(4)
	c.TopK = 1 + rng.IntN(24)
	c.KVBytes = 1 + rng.IntN(3*c.Line)
	c.IndexerBytes = rng.IntN(9)
	c.WeightBytes = config.Size(rng.IntN(3 * int(c.Capacity)))
	c.Prompt = 1 + rng.IntN(80)
	c.Steps = 1 + rng.IntN(12)
	c.Seed = rng.Uint64()
	c.Sinks = rng.IntN(2)
	c.Window = rng.IntN(3)
	if c.Sinks+c.Window > c.TopK {
		c.Sinks, c.Window = 0, 0
	}
	if c.Mode != config.ModeNone {
		if c.Ways < 2 {
			c.Ways = 2
			c.Capacity = config.Size(sets * c.Line * c.Ways)
		}
		unit := c.WayBytes()
		switch c.Mode {
		case config.ModeTokens, config.ModePrevK:
			unit = c.TokenStride()
		case config.ModePages:
			unit = c.TokenStride() * int64(c.PageTokens)
		}
		max := int64(c.Capacity) - c.WayBytes()
		if unit > max {
			c.Mode = config.ModeNone
		} else {
			c.Reserve = config.Size(unit + rng.Int64N(max-unit+1))
		}
		if c.Mode == config.ModeTokens && rng.IntN(2) == 0 && int64(c.Reserve) >= unit*int64(c.Layers) {
			c.TokenScope = config.ScopeLayer
		}
	}
	return c
}

// TestEngineMatchesReference runs random small configs of every mode
// through the engine and the reference, comparing every layer's counts.
func TestEngineMatchesReference(t *testing.T) {
	modes := []string{config.ModeNone, config.ModeWays, config.ModeTokens, config.ModePrevK, config.ModePages}
	for _, mode := range modes {
		for i := range 60 {
			rng := rand.New(rand.NewPCG(uint64(i), 3))
			c := randomConfig(rng, mode)
			t.Run(fmt.Sprintf("%s/%d", mode, i), func(t *testing.T) {
				if err := c.Validate(); err != nil {
					t.Fatalf("random config invalid: %v", err)
				}
				var src trace.Source
				if i%2 == 1 {
					src = newRandomSource(c.Seed, c.Layers, c.Steps, c.TopK, c.Prompt)
				}
				e, err := New(c, src)
				if err != nil {
					t.Fatal(err)
				}
				r := newRef(t, e)
				var fill int64
				for !e.Done() {
					step, l := e.Step(), e.Layer()
					want := r.layer(step, l)
					e.AdvanceLayer(nil)
					got := e.Current().Layers[l]
					if e.Layer() == 0 {
						got = e.LastStep().Layers[l]
					}
					if got.Class != want {
						t.Fatalf("config %+v\nstep %d layer %d: got %+v\nwant %+v", c, step, l, got.Class, want)
					}
					fill += got.PageFillLines
				}
				if fill != r.fill {
					t.Errorf("page fill lines = %d, want %d", fill, r.fill)
				}
				if frac, pages := e.PageUtilization(); pages != r.pagesOut || (pages > 0 && frac != float64(r.usedOut)/float64(pages*int64(c.PageTokens))) {
					t.Errorf("page utilization = %v over %d pages, want %d pages with %d tokens used", frac, pages, r.pagesOut, r.usedOut)
				}
			})
		}
	}
}
