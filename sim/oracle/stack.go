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
// O(log n) per access: the depth of a key last used at position q is the
// number of keys whose latest use is after q. Those latest uses are bits
// in a bitmap over positions, and a Fenwick tree over the bitmap's words
// counts them (a tree 64 times smaller than one over positions, so that
// it stays in cache). An access finds its key's previous position at its
// own index, written there by that previous use (through its next use),
// so a table by key is neither allocated nor read at random.
func (s *Sequence) StackDistances(layerScope bool, maxSlots int) *Histogram {
	parts := s.partitions(layerScope)
	maxDepth := maxSlots
	if layerScope {
		maxDepth = (maxSlots + parts - 1) / parts
	}
	// Positions are counted per partition: partition p's accesses are
	// numbered 0..count-1, its words at wordStart[p].
	count := make([]int, parts)
	for seg := range len(s.segStart) - 1 {
		count[s.segPartition(seg, layerScope)] += s.segStart[seg+1] - s.segStart[seg]
	}
	wordStart := make([]int, parts+1)
	for p, n := range count {
		wordStart[p+1] = wordStart[p] + (n+63)/64
	}
	bitmap, tree := make([]uint64, wordStart[parts]), make([]int32, wordStart[parts])
	states := make([]stackState, parts)
	for p := range states {
		lo, hi := wordStart[p], wordStart[p+1]
		states[p] = newStackState(bitmap[lo:hi:hi], tree[lo:hi:hi], maxDepth)
	}
	prev := make([]int32, len(s.keys)) // access -> partition position+1 of its key's previous use, 0: none
	for seg := range len(s.segStart) - 1 {
		st := &states[s.segPartition(seg, layerScope)]
		m := st.marks()
		for i := s.segStart[seg]; i < s.segStart[seg+1]; i++ {
			now := st.count(m, prev[i], maxDepth)
			if nx := s.next[i]; nx != noNext {
				prev[nx] = now + 1
			}
		}
	}
	h := &Histogram{layerScope: layerScope, maxSlots: maxSlots, cum: make([][]int64, parts), seq: s}
	for p, st := range states {
		c := make([]int64, maxDepth+1)
		for i := 1; i <= maxDepth; i++ {
			c[i] = c[i-1] + st.hist[i-1]
		}
		h.cum[p] = c
	}
	return h
}

// segPartition is the partition of segment seg's keys (layer seg%layers
// of step seg/layers) in a scope.
func (s keySplit) segPartition(seg int, layerScope bool) int {
	if layerScope {
		return seg % s.layers
	}
	return 0
}

// stackState is one partition's counting state: its latest uses as a
// markSet, and the depths counted.
//
// Depths of maxDepth or more share one bucket, and most reuses at scale
// are that deep (a dsv32-h100 step gathers twice the largest
// reservation), so they skip the tree. Once there are maxDepth marks,
// oldest is the position of the maxDepth-th newest: a key whose mark is
// older is that deep. oldest only moves forward (a new mark, or the move
// of one not newer, moves it to the next mark; the move of a newer one
// leaves it), a scan of the bitmap that costs O(1) amortised. Such a
// deep key's mark leaves the tree only when its word is oldest's or
// later: the words before are never queried alone again (every later
// query is of a newer mark), so the tree only counts skipped marks too
// many in every prefix a query reads.
type stackState struct {
	bits    []uint64
	tree    []int32 // Fenwick tree over the words of bits, as long as bits
	clock   int32   // next position
	seen    int32   // distinct keys seen
	hist    []int64 // hist[d] = accesses at depth d (the last: maxDepth or deeper)
	oldest  int32   // the maxDepth-th newest mark, once there are maxDepth; -1 before
	skipped int32   // marks removed from the bitmap but not from the tree
}

func newStackState(bits []uint64, tree []int32, maxDepth int) stackState {
	return stackState{bits: bits, tree: tree, hist: make([]int64, maxDepth+1), oldest: -1}
}

// marks is the partition's set of latest uses.
func (st *stackState) marks() markSet { return markSet{bits: st.bits, tree: st.tree} }

// count counts an access at the partition's next position, m its marks,
// of a key last used at position q-1 (q 0: never), and returns the
// position. Depths of maxDepth or more share the last bucket.
func (st *stackState) count(m markSet, q int32, maxDepth int) int32 {
	now := st.clock
	st.clock++
	if now%64 == 0 && now > 0 {
		m.seal(now/64 - 1) // the word before is complete: count it in the tree
	}
	switch from := q - 1; {
	case q == 0:
		st.seen++
		m.add(now)
		if int(st.seen) == maxDepth {
			st.oldest = m.next(0) // every mark counts: the first
			return now
		}
	case from < st.oldest: // at depth maxDepth or more
		st.hist[maxDepth]++
		if from/64 < st.oldest/64 { // a sealed word no query reads alone
			m.bits[from/64] &^= 1 << uint(from%64)
			m.add(now)
			st.skipped++
		} else {
			m.move(from, now)
		}
	default:
		depth := st.seen - (m.countBelow(q) - st.skipped) // marks after position q-1
		st.hist[min(int(depth), maxDepth)]++
		m.move(from, now)
		if from != st.oldest {
			return now // a newer mark moved: oldest stays
		}
	}
	if st.oldest >= 0 {
		st.oldest = m.next(st.oldest + 1)
	}
	return now
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
// costs no tree update; a word enters the tree once, when sealed. A
// caller may clear a member's bit without telling the tree (stackState
// skips the words no query reads alone); the tree then counts it still,
// and the caller corrects what countBelow returns.
type markSet struct {
	bits []uint64
	tree []int32 // Fenwick tree over words: tree[i-1] is node i of the 1-based form
}

// seal counts word w, now complete, in the tree.
func (m markSet) seal(w int32) {
	fenwickAdd(m.tree, w, int32(bits.OnesCount64(m.bits[w])))
}

// countBelow returns the number of members below position n, which is
// at most the newest position, so the words before n's are sealed (plus
// the members cleared from the bitmap alone).
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

// next returns the first member at or after position x, which must exist.
func (m markSet) next(x int32) int32 {
	w := x / 64
	if b := m.bits[w] >> uint(x%64); b != 0 {
		return x + int32(bits.TrailingZeros64(b))
	}
	for w++; m.bits[w] == 0; w++ {
	}
	return w*64 + int32(bits.TrailingZeros64(m.bits[w]))
}

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
