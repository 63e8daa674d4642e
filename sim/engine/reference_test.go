package engine

import (
	"slices"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// refEngine is the whole simulation written the most obvious way: every
// stream line by line, every set a slice (most recent first), the token
// reservation a slice of (request, layer, unit) keys. It shares with the
// engine only the layout (addresses), the set mapping of the geometry and
// the selections.
type refEngine struct {
	cfg      config.Config
	lay      *workload.Layout
	batch    *Batch
	setOf    func(uint64) int
	shared   [][]uint64
	sWays    int
	kv       [][]uint64 // mode ways
	kvWays   int
	res      []refKey // tokens/pages: most recent first; prevk: unordered
	slots    int
	used     map[refKey]map[int]bool // pages: tokens used per resident page
	fill     int64
	pagesOut int64
	usedOut  int64
}

// refKey is what the reservation holds: a token (or page) of a layer of a
// request.
type refKey struct{ r, l, unit int }

func newRef(t *testing.T, e *Engine) *refEngine {
	c := e.cfg
	r := &refEngine{cfg: c, lay: e.layout, batch: e.batch, setOf: e.shared.SetOf, used: map[refKey]map[int]bool{}}
	r.sWays = e.shared.Geometry().Ways
	r.shared = make([][]uint64, c.Sets())
	switch c.Mode {
	case config.ModeWays:
		r.kvWays = e.kvWays.Geometry().Ways
		r.kv = make([][]uint64, c.Sets())
	case config.ModeTokens:
		r.slots = e.tokens.Slots()
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

func (r *refEngine) stream(b *ByClass, class workload.Class, first, n uint64) {
	for x := first; x < first+n; x++ {
		hit, ev := r.lru(r.shared, r.sWays, x, !r.cfg.Bypass)
		r.count(&b[class], hit, ev, SharedHit)
	}
}

// refLayer is what the reference computes for one layer: the counts of
// the layer and of each request, and the distinct KV pages among the
// missed tokens of each request's gather.
type refLayer struct {
	class     ByClass
	requests  []ByClass
	missPages []int64
	tokens    []int64 // tokens gathered per request
}

func (r *refEngine) layer(step, l int) refLayer {
	var out refLayer
	for req := range r.batch.Requests() {
		var b ByClass
		ctx := r.batch.Prompt(req) + step
		f, n := r.lay.IndexerStream(req, l, ctx)
		r.stream(&b, workload.Indexer, f, n)
		sel := r.batch.Request(req).Selection(step, l)
		missed := r.gather(&b[workload.KV], req, l, sel)
		pages := map[int]bool{}
		for _, tok := range missed {
			pages[tok/r.cfg.PageTokens] = true
		}
		out.class.Add(&b)
		out.requests = append(out.requests, b)
		out.missPages = append(out.missPages, int64(len(pages)))
		out.tokens = append(out.tokens, int64(len(sel)))
	}
	f, n := r.lay.WeightStream(l)
	r.stream(&out.class, workload.Weights, f, n)
	return out
}

// gather runs one request's KV gather and returns the tokens that had at
// least one missed line.
func (r *refEngine) gather(kv *Counts, req, l int, sel []int32) (missed []int) {
	// prevk: kept tokens already moved in this layer
	fetched := map[refKey]bool{}
	resident := func(key refKey) bool { return slices.Contains(r.res, key) || fetched[key] }
	// heldByOther reports whether line x of layer l is in the reservation
	// through a resident token other than tok (packed neighbours).
	heldByOther := func(tok int, x uint64) bool {
		if r.cfg.Layout != config.LayoutPacked {
			return false
		}
		lo, hi := r.lay.TokensOfLine(l, x)
		for t := lo; t <= hi; t++ {
			if t != tok && resident(refKey{req, l, t}) {
				return true
			}
		}
		return false
	}
	exclusive := func(tok int) {
		first, n := r.lay.TokenLines(req, l, tok)
		for x := first; x < first+uint64(n); x++ {
			switch {
			case heldByOther(tok, x):
				r.count(kv, true, false, ReservedHit)
			case r.removeShared(x):
				r.count(kv, true, false, SharedHit)
			default:
				r.count(kv, false, false, Miss)
			}
		}
	}
	for i, tok32 := range sel {
		tok, before := int(tok32), kv.Misses
		key := refKey{req, l, tok}
		first, n := r.lay.TokenLines(req, l, tok)
		switch r.cfg.Mode {
		case config.ModeNone, config.ModeWays:
			for x := first; x < first+uint64(n); x++ {
				if r.cfg.Mode == config.ModeNone {
					hit, ev := r.lru(r.shared, r.sWays, x, true)
					r.count(kv, hit, ev, SharedHit)
				} else {
					hit, ev := r.lru(r.kv, r.kvWays, x, true, true)
					r.count(kv, hit, ev, ReservedHit)
				}
			}
		case config.ModeTokens:
			if i := slices.Index(r.res, key); i >= 0 {
				r.res = slices.Insert(slices.Delete(r.res, i, i+1), 0, key)
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
				break
			}
			exclusive(tok)
			r.res = slices.Insert(r.res, 0, key)
			if len(r.res) > r.slots {
				v := r.res[r.slots]
				r.res = r.res[:r.slots]
				_, vn := r.lay.TokenLines(v.r, v.l, v.unit)
				kv.Evictions += int64(vn)
			}
		case config.ModePrevK:
			switch {
			case resident(key):
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
			case i < min(r.slots, len(sel)):
				exclusive(tok)
				fetched[key] = true
			default:
				for x := first; x < first+uint64(n); x++ {
					if heldByOther(tok, x) {
						r.count(kv, true, false, ReservedHit)
						continue
					}
					hit, ev := r.lru(r.shared, r.sWays, x, true)
					r.count(kv, hit, ev, SharedHit)
				}
			}
		case config.ModePages:
			page := tok / r.cfg.PageTokens
			pkey := refKey{req, l, page}
			if i := slices.Index(r.res, pkey); i >= 0 {
				r.res = slices.Insert(slices.Delete(r.res, i, i+1), 0, pkey)
				r.used[pkey][tok] = true
				for range n {
					r.count(kv, true, false, ReservedHit)
				}
				break
			}
			exclusive(tok)
			r.res = slices.Insert(r.res, 0, pkey)
			r.used[pkey] = map[int]bool{tok: true}
			if len(r.res) > r.slots {
				v := r.res[r.slots]
				r.res = r.res[:r.slots]
				_, vn := r.lay.PageLines(v.r, v.l, v.unit)
				kv.Evictions += int64(vn)
				r.pagesOut++
				r.usedOut += int64(len(r.used[v]))
				delete(r.used, v)
			}
			pf, pn := r.lay.PageLines(req, l, page)
			for x := pf; x < pf+uint64(pn); x++ {
				if x >= first && x < first+uint64(n) {
					continue
				}
				if !r.removeShared(x) {
					r.fill++
				}
			}
		}
		if kv.Misses > before {
			missed = append(missed, tok)
		}
	}
	if r.cfg.Mode == config.ModePrevK {
		keep := sel[:min(r.slots, len(sel))]
		var next []refKey
		for _, key := range r.res {
			if key.r != req || key.l != l {
				next = append(next, key)
				continue
			}
			if !slices.Contains(keep, int32(key.unit)) {
				_, n := r.lay.TokenLines(req, l, key.unit)
				kv.Evictions += int64(n)
			}
		}
		for _, tok := range keep {
			next = append(next, refKey{req, l, int(tok)})
		}
		r.res = next
	}
	return missed
}
