package oracle

// The residents of each partition form a heapArity-ary max-heap on
// priority (four children a node: half a binary heap's depth, and the
// children of a node share a cache line or two),
// stored in b.heap[off[p] : off[p]+size[p]] with each entry's priority
// beside its slot (one memory read per comparison), and b.pos mapping a
// slot to its place, so that a resident's priority can change in
// O(log n).

// heapArity is the number of children of a heap node. Priorities are
// unique (a next-use position, or beyond the horizon the latest use's),
// so the arity changes no eviction, only the cost.
const heapArity = 4

// heapEntry is one resident in a heap.
type heapEntry struct {
	prio int64 // eviction priority: the largest goes first
	slot int32
}

// setPrio gives slot a new priority and restores the heap.
func (b *belady) setPrio(p int, slot int32, prio int64) {
	h := int(b.pos[slot])
	old := b.heap[h].prio
	b.heap[h].prio = prio
	if prio > old {
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
		if e.prio <= b.heap[parent].prio {
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
			if b.heap[r].prio > b.heap[c].prio {
				c = r
			}
		}
		if b.heap[c].prio <= e.prio {
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
	b.pos[e.slot] = int32(h)
}

// removeRoot drops the top entry of partition p's heap.
func (b *belady) removeRoot(p int) {
	root := b.off[p]
	b.size[p]--
	if last := root + b.size[p]; last > root {
		b.put(root, b.heap[last])
		b.down(p, root)
	}
}
