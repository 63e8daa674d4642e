package oracle

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
// O(log n) per access: the depth of a key last used at position q is the
// number of keys whose latest use is after q, a count a Fenwick tree over
// positions answers.
func (s *Sequence) StackDistances(layerScope bool, maxSlots int) *Histogram {
	parts, div := s.partitions(layerScope)
	maxDepth := maxSlots
	if layerScope {
		maxDepth = (maxSlots + parts - 1) / parts
	}
	// Positions are counted per partition: partition p's accesses are
	// numbered 0..count[p]-1, its tree at offset start[p].
	start := make([]int, parts+1)
	for _, k := range s.keys {
		start[k/div+1]++
	}
	for p := range parts {
		start[p+1] += start[p]
	}
	tree := make([]int32, len(s.keys)) // Fenwick trees over each partition's positions
	last := make([]int32, s.numKeys)   // key -> partition position+1 of its latest use, 0: none
	clock := make([]int32, parts)      // next position of each partition
	marks := make([]int32, parts)      // distinct keys seen per partition
	hist := make([][]int64, parts)
	for p := range hist {
		hist[p] = make([]int64, maxDepth+1)
	}
	for _, k := range s.keys {
		p := k / div
		t := tree[start[p]:start[p+1]]
		now := clock[p]
		clock[p]++
		if q := last[k]; q > 0 {
			depth := marks[p] - fenwickSum(t, q) // marks after position q-1
			hist[p][min(int(depth), maxDepth)]++
			fenwickAdd(t, q-1, -1)
		} else {
			marks[p]++
		}
		fenwickAdd(t, now, 1)
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
