package oracle

// The residents of each partition whose next use is in the window form a
// heapArity-ary max-heap on next use (four children a node: half a binary
// heap's depth, and a node's children share a cache line), stored in
// b.heap[off[p] : off[p]+size[p]], with b.pos mapping a slot to its place,
// so that a resident's next use can change in O(log n). An entry packs the
// next use above the slot in one word: comparing entries compares next
// uses (they are unique: one access each), and a comparison reads one
// word, a node's four children 32 bytes.

// heapArity is the number of children of a heap node. Next uses are
// unique, so the arity changes no eviction, only the cost.
const heapArity = 4

// heapEntry is one resident in a heap: its next use, then its slot.
type heapEntry uint64

func newHeapEntry(nx, slot int32) heapEntry {
	return heapEntry(uint64(uint32(nx))<<32 | uint64(uint32(slot)))
}

// next is the entry's next use.
func (e heapEntry) next() int32 { return int32(e >> 32) }

// slot is the entry's slot.
func (e heapEntry) slot() int32 { return int32(uint32(e)) }

// setNext gives slot, in partition p's heap, the next use nx and restores
// the heap.
func (b *belady) setNext(p int, slot, nx int32) {
	h := int(b.pos[slot])
	old := b.heap[h]
	e := newHeapEntry(nx, slot)
	b.heap[h] = e
	if e > old {
		b.up(p, h)
	} else {
		b.down(p, h)
	}
}

// up moves the entry at heap index h towards the root while it beats its
// parent.
func (b *belady) up(p, h int) {
	base := b.off[p]
	e := b.heap[h]
	for h > base {
		parent := base + (h-base-1)/heapArity
		if e <= b.heap[parent] {
			break
		}
		b.put(h, b.heap[parent])
		h = parent
	}
	b.put(h, e)
}

// down moves the entry at heap index h towards the leaves while a child
// beats it.
func (b *belady) down(p, h int) {
	base, end := b.off[p], b.off[p]+b.size[p]
	e := b.heap[h]
	for {
		c := base + heapArity*(h-base) + 1
		if c >= end {
			break
		}
		last := min(c+heapArity, end)
		for r := c + 1; r < last; r++ { // the largest child
			if b.heap[r] > b.heap[c] {
				c = r
			}
		}
		if b.heap[c] <= e {
			break
		}
		b.put(h, b.heap[c])
		h = c
	}
	b.put(h, e)
}

// put stores e at heap index h.
func (b *belady) put(h int, e heapEntry) {
	b.heap[h] = e
	b.pos[e.slot()] = int32(h)
}

// push adds slot to partition p's heap with next use nx.
func (b *belady) push(p int, slot, nx int32) {
	h := b.off[p] + b.size[p]
	b.size[p]++
	b.put(h, newHeapEntry(nx, slot))
	b.up(p, h)
}

// remove drops the entry at heap index h of partition p's heap.
func (b *belady) remove(p, h int) {
	b.size[p]--
	last := b.off[p] + b.size[p]
	if h == last {
		return
	}
	old := b.heap[h]
	b.put(h, b.heap[last])
	if b.heap[h] > old {
		b.up(p, h)
	} else {
		b.down(p, h)
	}
}
