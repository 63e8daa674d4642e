package oracle

// The residents of each partition form a binary max-heap on priority,
// stored in b.heap[off[p] : off[p]+size[p]], with b.pos mapping a slot to
// its place, so that a resident's priority can change in O(log n).

// fix restores the heap after slot's priority changed.
func (b *belady) fix(p int, slot int32) {
	h := int(b.pos[slot])
	if !b.up(p, h) {
		b.down(p, h)
	}
}

// up moves the entry at heap index h towards the root while it beats its
// parent, and reports whether it moved.
func (b *belady) up(p, h int) bool {
	base := b.off[p]
	moved := false
	for h > base {
		parent := base + (h-base-1)/2
		if b.prio[b.heap[h]] <= b.prio[b.heap[parent]] {
			break
		}
		b.swap(h, parent)
		h, moved = parent, true
	}
	return moved
}

// down moves the entry at heap index h towards the leaves while a child
// beats it.
func (b *belady) down(p, h int) {
	base, end := b.off[p], b.off[p]+b.size[p]
	for {
		c := base + 2*(h-base) + 1
		if c >= end {
			return
		}
		if r := c + 1; r < end && b.prio[b.heap[r]] > b.prio[b.heap[c]] {
			c = r
		}
		if b.prio[b.heap[c]] <= b.prio[b.heap[h]] {
			return
		}
		b.swap(h, c)
		h = c
	}
}

func (b *belady) swap(i, j int) {
	b.heap[i], b.heap[j] = b.heap[j], b.heap[i]
	b.pos[b.heap[i]], b.pos[b.heap[j]] = int32(i), int32(j)
}
