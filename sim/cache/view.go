package cache

import "dsaviz/sim/internal/state"

// PartitionView is a read-only window on a Partition, for pictures and
// tooltips: its methods only peek, so nothing reached through a view
// changes what the partition holds, its replacement state or its lazy
// log. The zero PartitionView views nothing (Valid is false).
type PartitionView struct{ p *Partition }

// View returns a read-only view of p.
func (p *Partition) View() PartitionView { return PartitionView{p} }

// Valid reports whether the view has a partition behind it.
func (v PartitionView) Valid() bool { return v.p != nil }

// Geometry is the partition's shape.
func (v PartitionView) Geometry() Geometry { return v.p.geo }

// Policy is the partition's replacement policy.
func (v PartitionView) Policy() Policy { return v.p.policy }

// SetOf is the set a line maps to.
func (v PartitionView) SetOf(line uint64) int { return v.p.SetOf(line) }

// Contains reports whether a line is resident.
func (v PartitionView) Contains(line uint64) bool { return v.p.Contains(line) }

// PeekSet is Partition.PeekSet: the lines of set s, one per way.
func (v PartitionView) PeekSet(s int, dst []uint64) []uint64 { return v.p.PeekSet(s, dst) }

// RRPV is the re-reference prediction value of way w of set s under SRRIP
// (0 = re-referenced soon, 3 = the next victim), or -1 for another policy
// or a position out of range.
func (v PartitionView) RRPV(s, w int) int {
	p := v.p
	if p.policy != SRRIP || s < 0 || s >= p.geo.Sets || w < 0 || w >= p.ways {
		return -1
	}
	return int(p.rrpv[s*p.ways+w])
}

// SameState reports whether p and q hold the same lines in the same
// replacement state, with the same lazy log: whether every later access
// would give the same result in both. Scratch space is not compared.
func (p *Partition) SameState(q *Partition) bool {
	a, b := *p, *q
	a.base, a.scan, a.peek = nil, nil, nil
	b.base, b.scan, b.peek = nil, nil, nil
	return state.Equal(a, b)
}

// TokenView is a read-only window on a TokenLRU: residency and slots
// without touching recency. The zero TokenView views nothing.
type TokenView struct{ t *TokenLRU }

// View returns a read-only view of t.
func (t *TokenLRU) View() TokenView { return TokenView{t} }

// Valid reports whether the view has a store behind it.
func (v TokenView) Valid() bool { return v.t != nil }

// Slots is the store's capacity.
func (v TokenView) Slots() int { return v.t.Slots() }

// Len is the number of resident keys.
func (v TokenView) Len() int { return v.t.Len() }

// Contains reports whether key is resident.
func (v TokenView) Contains(key int32) bool { return v.t.Contains(key) }

// SlotOf returns the slot holding key, or -1.
func (v TokenView) SlotOf(key int32) int { return v.t.SlotOf(key) }

// KeyAt returns the key in a slot, or -1.
func (v TokenView) KeyAt(slot int) int32 { return v.t.KeyAt(slot) }

// Age returns how many resident keys were used more recently than the key
// in slot (0 for the most recent; Len()-1 is the next victim), or -1 for a
// free slot. It walks the recency list: O(Len), for tooltips.
func (v TokenView) Age(slot int) int {
	t := v.t
	if t.KeyAt(slot) < 0 {
		return -1
	}
	age := 0
	for s := t.head; s >= 0; s = t.next[s] {
		if int(s) == slot {
			return age
		}
		age++
	}
	return -1
}

// StateBytes is about the memory a Clone of p takes, in bytes.
func (p *Partition) StateBytes() int64 {
	n := 8*len(p.tags) + 8*len(p.meta) + len(p.rrpv) + 16*len(p.pend.ents) +
		4*(len(p.free.list)+len(p.free.pos)) + 4*len(p.lazy.lastInsert) + 16*len(p.lazy.tail) + 24*p.ways
	return int64(n)
}

// StateBytes is about the memory a Clone of t takes, in bytes.
func (t *TokenLRU) StateBytes() int64 {
	return int64(4 * (len(t.key) + len(t.prev) + len(t.next) + len(t.slot) + len(t.key)))
}
