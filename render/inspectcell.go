package render

import (
	"dsaviz/sim/cache"
	"dsaviz/sim/engine"
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
