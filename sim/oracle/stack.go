package oracle

import "math/bits"

// Histogram holds the LRU stack distances of a sequence's accesses: for
// each partition (one in the global scope, one per layer in the layer
// scope), how many accesses found their key at each depth of the
// partition's LRU stack (0: the most recently used key). LRU keeps the
// keys at depths below its capacity, whatever the capacity (the stack
// property), so an access hits in a store of c slots exactly when its
// depth is below c: one pass gives the hits of every size.
type Histogram struct {
	layerScope bool
	maxSlots   int
	cum        [][]int64 // cum[p][c] = accesses of partition p at depth < c
	seq        *Sequence
}

// StackDistances counts the stack depths of every access of the
// sequence, in the global scope or the layer scope, for stores of up to
// maxSlots slots (deeper accesses miss at every such size). It takes
// O(log n) per access and no allocation: the depth of a key last used at
// position q is the number of keys whose latest use is after q. Those
// latest uses are bits in a bitmap over positions, and a Fenwick tree
// over the bitmap's words counts them (a tree 64 times smaller than one
// over positions, so that it stays in cache).
func (s *Sequence) StackDistances(layerScope bool, maxSlots int) *Histogram {
	parts := s.partitions(layerScope)
	maxDepth := maxSlots
	if layerScope {
		maxDepth = (maxSlots + parts - 1) / parts
	}
	// Positions are counted per partition: partition p's accesses are
	// numbered 0..count-1, its words at wordStart[p].
	count := make([]int, parts)
	for _, k := range s.keys {
		count[s.partition(k, layerScope)]++
	}
	wordStart := make([]int, parts+1)
	for p, n := range count {
		wordStart[p+1] = wordStart[p] + (n+63)/64
	}
	all := newMarkSet(wordStart[parts])
	marks := make([]markSet, parts)
	for p := range marks {
		marks[p] = all.part(wordStart[p], wordStart[p+1])
	}
	last := make([]int32, s.numKeys) // key -> partition position+1 of its latest use, 0: none
	clock := make([]int32, parts)    // next position of each partition
	seen := make([]int32, parts)     // distinct keys seen per partition
	hist := make([][]int64, parts)
	for p := range hist {
		hist[p] = make([]int64, maxDepth+1)
	}
	for _, k := range s.keys {
		p := s.partition(k, layerScope)
		m := &marks[p]
		now := clock[p]
		clock[p]++
		if now%64 == 0 && now > 0 {
			m.seal(now/64 - 1) // the word before is complete: count it in the tree
		}
		if q := last[k]; q > 0 {
			depth := seen[p] - m.countBelow(q) // marks after position q-1
			hist[p][min(int(depth), maxDepth)]++
			m.move(q-1, now)
		} else {
			seen[p]++
			m.add(now)
		}
		last[k] = now + 1
	}
	h := &Histogram{layerScope: layerScope, maxSlots: maxSlots, cum: make([][]int64, parts), seq: s}
	for p, d := range hist {
		c := make([]int64, maxDepth+1)
		for i := 1; i <= maxDepth; i++ {
			c[i] = c[i-1] + d[i-1]
		}
		h.cum[p] = c
	}
	return h
}

// Hits returns the token LRU's hits with a store of slots (split as
// engine.LayerSlots does in the layer scope), for any slots up to the
// histogram's maxSlots (larger ones count as maxSlots).
func (h *Histogram) Hits(slots int) int64 {
	var n int64
	for p, share := range h.seq.shares(min(max(slots, 0), h.maxSlots), h.layerScope) {
		c := h.cum[p]
		n += c[min(share, len(c)-1)]
	}
	return n
}

// markSet is a set of positions that only grows at its end: a bitmap,
// and a Fenwick tree of the number of members in each sealed word (every
// word before the one the newest position is in). Adding at the end then
// costs no tree update; a word enters the tree once, when sealed.
type markSet struct {
	bits []uint64
	tree []int32 // Fenwick tree over words: tree[i-1] is node i of the 1-based form
}

func newMarkSet(words int) markSet {
	return markSet{bits: make([]uint64, words), tree: make([]int32, words)}
}

// part returns the set over words [lo, hi): one partition's positions.
func (m markSet) part(lo, hi int) markSet {
	return markSet{bits: m.bits[lo:hi:hi], tree: m.tree[lo:hi:hi]}
}

// seal counts word w, now complete, in the tree.
func (m markSet) seal(w int32) {
	fenwickAdd(m.tree, w, int32(bits.OnesCount64(m.bits[w])))
}

// countBelow returns the number of members below position n, which is
// at most the newest position, so the words before n's are sealed.
func (m markSet) countBelow(n int32) int32 {
	w, b := n/64, uint(n%64)
	c := fenwickSum(m.tree, w)
	if b > 0 {
		c += int32(bits.OnesCount64(m.bits[w] << (64 - b)))
	}
	return c
}

// add adds the newest position i.
func (m markSet) add(i int32) { m.bits[i/64] |= 1 << uint(i%64) }

// move removes member from and adds the newest position to.
func (m markSet) move(from, to int32) {
	fw := from / 64
	m.bits[fw] &^= 1 << uint(from%64)
	m.add(to)
	if fw != to/64 { // from's word is sealed
		fenwickAdd(m.tree, fw, -1)
	}
}

// fenwickSum returns the sum of the first n positions (0..n-1) of a
// Fenwick tree, t[i-1] holding node i of the usual 1-based form.
func fenwickSum(t []int32, n int32) int32 {
	var s int32
	for ; n > 0; n -= n & -n {
		s += t[n-1]
	}
	return s
}

// fenwickAdd adds v at position i (0-based) of a Fenwick tree.
func fenwickAdd(t []int32, i, v int32) {
	for n := int32(len(t)); i+1 <= n; i += (i + 1) & -(i + 1) {
		t[i] += v
	}
}
