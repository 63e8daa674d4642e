package render

import (
	"math/bits"

	"dsaviz/sim/cache"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// inspector writes what lies under the pointer as a tooltip's lines, in
// textbook terms. It reads the run only through its view (peeks that
// change no replacement state) and the model the pane draws, and its work
// is bounded: one set's peek for a cell, one recency walk for a slot, one
// binary search per step run for a token.
type inspector struct {
	peek []uint64 // scratch for PeekSet
}

// describe writes the tooltip of tg, a target of the pane drawing model m
// of run v, into t; name prefixes the first line ("A", "B"; "" alone).
func (in *inspector) describe(t *tipText, v engine.View, m *sceneModel, tg target, name string) {
	t.reset()
	if !v.Valid() {
		return
	}
	switch tg.kind {
	case targetCell:
		in.describeCell(t, v, m, tg, name)
	case targetSlot:
		b := appendPane(t.begin(), name)
		b = appendSlotName(b, v, m, tg.slot)
		t.end(b)
		if tg.slots > 1 {
			b = append(t.begin(), "1 px = "...)
			b = appendCommas(b, int64(tg.slots))
			t.end(append(b, " slots; the first:"...))
		}
		in.describeSlot(t, v, m, tg.slot)
	case targetToken:
		in.describeToken(t, v, m, tg, name)
	}
}

// appendPane appends the pane's name and a separator, if it has one.
func appendPane(b []byte, name string) []byte {
	if name == "" {
		return b
	}
	return append(append(b, name...), " · "...)
}

// describeCell writes a cell of the LLC picture: its part, set and way,
// the line it holds (address, block, tag, set index, offset), its owner,
// its replacement state and its last flash. A cell of a token store's part
// describes the slot it shows.
func (in *inspector) describeCell(t *tipText, v engine.View, m *sceneModel, tg target, name string) {
	l := &m.llc
	if tg.part < 0 || tg.part > 1 || tg.set < 0 || tg.set >= l.sets || tg.way < 0 || tg.way >= l.ways[tg.part] {
		return
	}
	slots := tg.part == 1 && l.slotCells > 0
	b := appendPane(t.begin(), name)
	switch {
	case slots:
		b = append(b, "Reserved part: set "...)
	case tg.part == 1:
		b = append(b, "KV ways (reserved): set "...)
	default:
		b = append(b, "Shared part: set "...)
	}
	b = appendCommas(b, int64(tg.set))
	b = append(b, ", way "...)
	b = appendCommas(b, int64(tg.way))
	b = append(b, " of "...)
	t.end(appendCommas(b, int64(l.ways[tg.part])))
	if n := tg.bx * tg.by; n > 1 {
		b = append(t.begin(), "1 px = "...)
		b = appendCommas(b, int64(n))
		b = append(b, " lines: sets "...)
		b = appendRange(b, tg.set, min(tg.set+tg.by, l.sets)-1)
		b = append(b, ", ways "...)
		b = appendRange(b, tg.way, min(tg.way+tg.bx, l.ways[tg.part])-1)
		t.end(append(b, "; the first:"...))
	}
	if slots {
		slot := m.slotOfCell(tg.set, tg.way)
		if slot < 0 {
			t.add("Reserved capacity past the last slot: unused")
			return
		}
		t.end(appendSlotName(t.begin(), v, m, slot))
		in.describeSlot(t, v, m, slot)
		return
	}
	part := v.Shared()
	if tg.part == 1 {
		part = v.ReservedWays()
	}
	in.peek = resize(in.peek, part.Geometry().Ways)
	line := part.PeekSet(tg.set, in.peek)[tg.way]
	if line == cache.Empty {
		t.add("Empty way: no block (invalid)")
	} else {
		appendAddress(t, v, part, line)
		t.end(appendOwner(t.begin(), v.Layout(), int64(v.Config().IndexerBytes), line))
		t.end(appendReplacement(t.begin(), part, tg.set, tg.way))
	}
	t.end(appendFlash(t.begin(), m.cellFlash(tg.part, tg.set, tg.way)))
}

// appendAddress writes a line's byte address and block number, and how
// the address splits into tag, set index and block offset.
func appendAddress(t *tipText, v engine.View, part cache.PartitionView, line uint64) {
	lineBytes := uint64(v.Layout().Line())
	offBits := bits.TrailingZeros64(lineBytes)
	geo := part.Geometry()
	sets := uint64(geo.Sets)
	b := append(t.begin(), "Address "...)
	b = appendHex(b, line*lineBytes)
	b = append(b, " · block "...)
	b = appendHex(b, line)
	b = append(b, " ("...)
	b = appendCommas(b, int64(lineBytes))
	t.end(append(b, " B)"...))

	b = append(t.begin(), "Tag "...)
	b = appendHex(b, line/sets)
	b = append(b, " · set index "...)
	b = appendCommas(b, int64(part.SetOf(line)))
	switch {
	case geo.XOR:
		b = append(b, " (XOR hash)"...)
	case sets&(sets-1) == 0 && sets > 1:
		b = append(b, " (bits "...)
		b = appendRange(b, offBits, offBits+bits.TrailingZeros64(sets)-1)
		b = append(b, ')')
	case sets > 1:
		b = append(b, " (block mod "...)
		b = appendCommas(b, int64(sets))
		b = append(b, ')')
	}
	b = append(b, " · offset bits "...)
	if offBits == 0 {
		t.end(append(b, "none"...))
		return
	}
	t.end(appendRange(b, 0, offBits-1))
}

// appendOwner appends what a line holds: its class, layer (1-based, as
// the HUD counts) and tokens (per: the indexer's bytes per token).
func appendOwner(b []byte, lay *workload.Layout, per int64, line uint64) []byte {
	class, layer, ok := lay.Owner(line)
	if !ok {
		return append(b, "Owner: none of the model's regions"...)
	}
	request := lay.RequestOf(line)
	switch class {
	case workload.KV:
		b = append(b, "KV of "...)
		b = appendLayer(b, lay, request, layer)
		lo, hi := lay.TokensOfLine(layer, line)
		if lo > hi {
			return append(b, ", past its last token"...)
		}
		if lo == hi {
			b = append(b, ", token "...)
		} else {
			b = append(b, ", tokens "...)
		}
		return appendRange(b, lo, hi)
	case workload.Indexer:
		b = append(b, "Indexer keys of "...)
		b = appendLayer(b, lay, request, layer)
		first, _ := lay.IndexerStream(request, layer, 1)
		if per <= 0 {
			return b
		}
		off := int64(line-first) * int64(lay.Line())
		b = append(b, ", tokens "...)
		return appendRange(b, int(off/per), int((off+int64(lay.Line())-1)/per))
	}
	b = append(b, "Weights of layer "...)
	b = appendCommas(b, int64(layer+1))
	first, n := lay.WeightStream(layer)
	b = append(b, ", line "...)
	b = appendCommas(b, int64(line-first+1))
	b = append(b, " of "...)
	return appendCommas(b, int64(n))
}

// appendLayer appends "layer 3" (1-based, as the HUD counts), or "request
// 2, layer 3" in a batch of several requests (requests count from 0, as
// the config's batch does).
func appendLayer(b []byte, lay *workload.Layout, request, layer int) []byte {
	if lay.Requests() > 1 {
		b = append(b, "request "...)
		b = appendCommas(b, int64(request))
		b = append(b, ", "...)
	}
	b = append(b, "layer "...)
	return appendCommas(b, int64(layer+1))
}

// appendReplacement appends a line's replacement state in its set.
// Ordered policies keep a set as a stack, most recent first, so the
// picture's way of an LRU or FIFO set is the line's age.
func appendReplacement(b []byte, part cache.PartitionView, set, way int) []byte {
	ways := int64(part.Geometry().Ways)
	switch part.Policy() {
	case cache.LRU:
		b = append(b, "LRU age "...)
		b = appendCommas(b, int64(way))
		b = append(b, " of "...)
		b = appendCommas(b, ways)
		return append(b, " (0 = most recent)"...)
	case cache.FIFO:
		b = append(b, "FIFO position "...)
		b = appendCommas(b, int64(way))
		b = append(b, " of "...)
		b = appendCommas(b, ways)
		return append(b, " (0 = newest)"...)
	case cache.SRRIP:
		b = append(b, "RRPV "...)
		b = appendCommas(b, int64(part.RRPV(set, way)))
		return append(b, " (3 = next victim)"...)
	}
	return append(b, "Random victim: no state"...)
}

// flashNow is the flash a cell or slot shows now: its kind (0 for none)
// and whether it is from the latest layer (held) rather than fading.
type flashNow struct {
	kind   Index
	latest bool
}

// cellFlash returns the flash a cell of part p shows now, as compose
// chooses it: its own or its way's stream band.
func (m *sceneModel) cellFlash(p, set, way int) flashNow {
	l := &m.llc
	fr := m.clock.frame()
	i := set*l.ways[p] + way
	if i < 0 || i >= len(l.flash[p].kind) {
		return flashNow{}
	}
	var kind Index
	var st uint32
	if k := l.flash[p].kind[i]; k != 0 && fr.level(k, l.flash[p].stamp[i]) >= 0 {
		kind, st = k, l.flash[p].stamp[i]
	}
	if p == 0 && way < len(l.band.kind) {
		k, bst := l.band.kind[way], l.band.stamp[way]
		newer := kind == 0 || bst > st || (bst == st && eventRank(k&^streamFlash) > eventRank(kind&^streamFlash))
		if k != 0 && fr.level(k, bst) >= 0 && newer {
			kind, st = k, bst
		}
	}
	return flashNow{kind, kind != 0 && st == m.clock.latest}
}

// appendFlash appends the flash a cell or slot shows. A cell's flash
// belongs to its set, not to the line it holds: each access of a layer
// lights the next way of its set from way 0, each eviction the next way
// from the last (see sceneModel.observe), and a stream covering every set
// lights whole ways.
func appendFlash(b []byte, f flashNow) []byte {
	b = append(b, "Flash here: "...)
	switch f.kind &^ streamFlash {
	case 0:
		return append(b, "none in the recent layers"...)
	case Hit:
		b = append(b, "hit"...)
	case Miss:
		b = append(b, "miss"...)
	case BlockingMiss:
		b = append(b, "blocking miss"...)
	case Evicted:
		b = append(b, "eviction"...)
	}
	if f.kind&streamFlash != 0 {
		b = append(b, " of a stream"...)
	}
	if f.latest {
		return append(b, " (latest layer)"...)
	}
	return append(b, " (an earlier layer, fading)"...)
}
