package render

import (
	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// llcRaster is the LLC as palette indices, one per line, in two parts of
// sets rows each: part 0 the shared part (one cell per way), part 1 the
// reservation (mode ways: the KV ways of each set; modes tokens, prevk and
// pages: the capacity the reservation takes from the LLC, whole ways of
// every set, filled slot after slot with each slot's lines). owner is
// what each line holds, rebuilt from the engine only after it advanced
// (a token store's part holds only the Gap past its last slot: compose
// shows the slots there); shown adds the flashes of recent layers and is
// recomposed while they fade.
type llcRaster struct {
	mode      string
	sets      int
	ways      [2]int // cells per set of each part; ways[1] == 0 in mode none
	slotCells int    // token modes: cells per reservation slot

	owner [2][]Index
	shown [2][]Index
	flash [2]flashCells // per cell, for the set-associative parts
	band  flashCells    // per shared way: streams that cover every set
	top   [2][]uint8    // per set: flashes stacked from way 0 by this Observe
	end   [2][]uint8    // per set: evictions stacked from the last way

	regionShift uint
	regions     [2][]Index    // palette index of a line by its region, per part
	peek        []uint64      // scratch for PeekSet
	wayTable    []*[256]Index // scratch for compose: what each shared way shows of an owner
	bands       []bandState   // scratch for compose: each shared way's band
	tables      fadeTables
}

// reset sizes the raster for an engine's geometry, reusing storage.
func (r *llcRaster) reset(e engine.View) {
	cfg := e.Config()
	r.mode, r.sets = cfg.Mode, e.Shared().Geometry().Sets
	r.ways = [2]int{e.Shared().Geometry().Ways, 0}
	r.slotCells = 0
	switch cfg.Mode {
	case config.ModeWays:
		r.ways[1] = e.ReservedWays().Geometry().Ways
	case config.ModeTokens, config.ModePrevK, config.ModePages:
		r.ways[1] = cfg.Ways - r.ways[0]
		r.slotCells = cfg.TokenLines()
		if cfg.Mode == config.ModePages {
			r.slotCells *= cfg.PageTokens
		}
	}
	for p := range 2 {
		n := r.sets * r.ways[p]
		r.owner[p] = resize(r.owner[p], n)
		r.shown[p] = resize(r.shown[p], n)
		r.flash[p].resize(n)
		r.top[p] = resize(r.top[p], r.sets)
		r.end[p] = resize(r.end[p], r.sets)
	}
	if r.slotCells > 0 {
		// The token store's cells show its slots (see compose); past the
		// last slot, the part shows the Gap colour for good.
		for i := range r.owner[1] {
			r.owner[1][i] = Gap
		}
	}
	r.band.resize(r.ways[0])
	r.peek = resize(r.peek, max(r.ways[0], r.ways[1]))
	r.wayTable = resize(r.wayTable, r.ways[0])
	r.tables.build()

	// Region k+1 holds class k%3 of layer k/3 (see workload.Layout).
	lay := e.Layout()
	r.regionShift = lay.RegionShift()
	for p := range 2 {
		t := resize(r.regions[p], lay.Regions())
		for k := range t {
			t[k] = Empty
			if p == 1 {
				t[k] = ReservedEmpty
			}
		}
		for k := 1; k < len(t); k++ {
			layer := (k - 1) / int(workload.NumClasses)
			switch workload.Class((k - 1) % int(workload.NumClasses)) {
			case workload.Indexer:
				t[k] = Indexer
			case workload.Weights:
				t[k] = Weights
			case workload.KV:
				hue := LayerHue(layer, lay.Layers())
				t[k] = KV(hue)
				if p == 1 {
					t[k] = ReservedKV(hue)
				}
			}
		}
		r.regions[p] = t
	}
}

// resize returns s with length n, reallocated only when too small.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// ownerOf returns the palette index of a line in part p.
func (r *llcRaster) ownerOf(line uint64, p int) Index {
	return regionOwner(r.regions[p], r.regionShift, line)
}

// regionOwner returns the palette index of a line from the table of its
// part's regions: Empty (whose region lies beyond the table) and lines
// beyond the regions show as region 0, nothing. It inlines.
func regionOwner(regions []Index, shift uint, line uint64) Index {
	k := line >> shift
	if k >= uint64(len(regions)) {
		k = 0
	}
	return regions[k]
}

// rebuild reads what every line holds. kv, when not nil, receives every
// resident KV line of region kvRegion (for the token strip), up to its
// capacity. A token store is read as slots (slotModel.rebuild), not here.
func (r *llcRaster) rebuild(e engine.View, kvRegion uint64, kv *[]uint64) {
	r.rebuildPart(e.Shared(), 0, kvRegion, kv)
	if r.mode == config.ModeWays {
		r.rebuildPart(e.ReservedWays(), 1, kvRegion, kv)
	}
}

func (r *llcRaster) rebuildPart(part cache.PartitionView, p int, kvRegion uint64, kv *[]uint64) {
	w := r.ways[p]
	regions, shift := r.regions[p], r.regionShift
	for s := range r.sets {
		lines := part.PeekSet(s, r.peek)
		row := r.owner[p][s*w : (s+1)*w][:len(lines)]
		for i, x := range lines {
			row[i] = regionOwner(regions, shift, x)
		}
		if kv == nil {
			continue
		}
		for _, x := range lines {
			if x != cache.Empty && x>>shift == kvRegion && len(*kv) < cap(*kv) {
				*kv = append(*kv, x)
			}
		}
	}
}

// startObserve forgets the stacks of the previous Observe.
func (r *llcRaster) startObserve() {
	for p := range 2 {
		clear(r.top[p])
		clear(r.end[p])
	}
}

// markTop flashes the next free way of set s of part p, from way 0.
func (r *llcRaster) markTop(p, s int, ev Index, now uint32) {
	w := r.ways[p]
	if w == 0 || s < 0 || s >= r.sets {
		return
	}
	pos := int(r.top[p][s])
	if pos < w-1 {
		r.top[p][s]++
	}
	r.flash[p].mark(s*w+min(pos, w-1), ev, now)
}

// markEnd flashes the next free way of set s of part p, from the last way
// (where an LRU set loses its lines).
func (r *llcRaster) markEnd(p, s int, ev Index, now uint32) {
	w := r.ways[p]
	if w == 0 || s < 0 || s >= r.sets {
		return
	}
	pos := int(r.end[p][s])
	if pos < w-1 {
		r.end[p][s]++
	}
	r.flash[p].mark(s*w+w-1-min(pos, w-1), ev, now)
}

// markStream flashes a stream of n lines read through the shared part: one
// cell per line in its set, or, for a stream of at least one line per set,
// the first ceil(n/sets) ways of every set (exact for the common streams
// that cover every set evenly).
func (r *llcRaster) markStream(shared cache.PartitionView, first, n uint64, ev Index, now uint32) {
	if n < uint64(r.sets) {
		for x := first; x < first+n; x++ {
			r.markTop(0, shared.SetOf(x), ev|streamFlash, now)
		}
		return
	}
	depth := min(uint64(r.ways[0]), (n+uint64(r.sets)-1)/uint64(r.sets))
	for w := range int(depth) {
		r.band.mark(w, ev|streamFlash, now)
	}
}

// compose lays the flashes over the owners into shown. A cell without a
// flash of its own shows its owner through its way's table (the identity,
// or a stream band's event at its fade level); a cell with one shows the
// newer of its flash and its way's band (of one stamp, the more urgent),
// faded to its level, and forgets a flash that is gone. Every cell is a few
// table lookups, without a call: a playing dsv32-h100 composes 573,440
// cells each frame, most of them flashed, and calls cost dearly in Wasm.
// The slots must be composed first: the reservation shows them. It
// reports whether the picture changed (the owners past the token store's
// slots only change when read).
func (r *llcRaster) compose(c *flashClock, slots *slotModel) bool {
	fr := c.frame()
	var diff Index
	w := r.ways[0]
	r.bands = resize(r.bands, w)
	for way := range w {
		r.wayTable[way] = &r.tables.identity
		r.bands[way] = bandState{}
		if k := r.band.kind[way]; k != 0 {
			if l := fr.level(k, r.band.stamp[way]); l >= 0 {
				r.wayTable[way] = &r.tables.fade[eventRank(k&^streamFlash)][l]
				r.bands[way] = bandState{live: true, stamp: r.band.stamp[way], rank: int8(eventRank(k &^ streamFlash))}
			}
		}
	}
	f := &r.flash[0]
	for base := 0; base+w <= len(r.owner[0]); base += w {
		owner := r.owner[0][base : base+w]
		shown := r.shown[0][base : base+w][:len(owner)]
		kind := f.kind[base : base+w][:len(owner)]
		stamp := f.stamp[base : base+w][:len(owner)]
		tables := r.wayTable[:len(owner)]
		bands := r.bands[:len(owner)]
		for way, o := range owner {
			v := tables[way][o]
			if k := kind[way]; k != 0 {
				st := stamp[way]
				l := fr.level(k, st)
				rank := int8(eventRank(k &^ streamFlash))
				switch b := &bands[way]; {
				case l < 0:
					kind[way], stamp[way] = 0, 0 // gone
				case b.live && (b.stamp > st || (b.stamp == st && b.rank > rank)):
				default:
					v = r.tables.fade[rank][l][o]
				}
			}
			diff |= shown[way] ^ v
			shown[way] = v
		}
	}
	switch {
	case r.mode == config.ModeWays:
		f := &r.flash[1]
		for i, o := range r.owner[1] {
			v := r.tables.flashed(&fr, f.kind[i], f.stamp[i], o)
			diff |= r.shown[1][i] ^ v
			r.shown[1][i] = v
		}
	case r.slotCells > 0:
		n := min(len(slots.layer)*r.slotCells, len(r.shown[1]))
		for slot := 0; slot*r.slotCells < n; slot++ {
			v := slots.shown(slot)
			cells := r.shown[1][slot*r.slotCells : min((slot+1)*r.slotCells, n)]
			diff |= cells[0] ^ v // a slot's cells show one value
			for i := range cells {
				cells[i] = v
			}
		}
		copy(r.shown[1][n:], r.owner[1][n:])
	}
	return diff != 0
}

// bandState is what compose needs of a way's stream band: whether it shows,
// and the stamp and rank a cell's own flash must beat.
type bandState struct {
	live  bool
	rank  int8
	stamp uint32
}

// fadeTables holds what compose looks up: fade[rank][level][owner] is
// Faded(the event of that rank, level, owner), identity[owner] is owner.
type fadeTables struct {
	fade     [4][FadeLevels][256]Index
	identity [256]Index
	built    bool
}

func (t *fadeTables) build() {
	if t.built {
		return
	}
	for i := range t.identity {
		t.identity[i] = Index(i)
	}
	for _, e := range [...]Index{Evicted, Miss, Hit, BlockingMiss} {
		for l := range FadeLevels {
			for o := range 256 {
				t.fade[eventRank(e)][l][o] = Faded(e, l, Index(o))
			}
		}
	}
	t.built = true
}

// flashed returns what a cell of owner shows with a flash of kind k
// stamped st (k 0: none) at the moment of fr.
func (t *fadeTables) flashed(fr *fadeFrame, k Index, st uint32, owner Index) Index {
	if k == 0 {
		return owner
	}
	l := fr.level(k, st)
	if l < 0 {
		return owner
	}
	return t.fade[eventRank(k&^streamFlash)][l][owner]
}

// cells returns the shown rasters as the parts of a fold.
func (r *llcRaster) cells() [2]Cells {
	return [2]Cells{
		{W: r.ways[0], H: r.sets, Idx: r.shown[0]},
		{W: r.ways[1], H: r.sets, Idx: r.shown[1]},
	}
}
