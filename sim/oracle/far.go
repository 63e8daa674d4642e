package oracle

// A partition's residents whose next use is beyond the window all rank
// above those with one in it, and among themselves by latest use, the
// least recent first. A resident becomes one of them only when it is used
// (revealing a next use only takes one out), and the position of a use is
// later than any before it, so they form a list in order of latest use:
// a new one joins at the tail, the head goes first, each in O(1), no heap
// needed. In the dsv32-h100 benchmark a third of the accesses are to
// tokens never used again, which only ever pass through this list.

// inFar is the heap index (belady.pos) of a resident in the far list.
const inFar = -1

// endOfList marks the ends of a far list.
const endOfList = -1

// farList holds each partition's far residents as a doubly linked list
// over slots.
type farList struct {
	prev, next []int32 // slot -> its neighbours in its list
	head, tail []int32 // per partition, its first (least recent) and last slot
}

func newFarList(slots, partitions int) farList {
	l := farList{
		prev: make([]int32, slots), next: make([]int32, slots),
		head: make([]int32, partitions), tail: make([]int32, partitions),
	}
	for p := range partitions {
		l.head[p], l.tail[p] = endOfList, endOfList
	}
	return l
}

// append puts slot at the tail of partition p's list.
func (l *farList) append(p int, slot int32) {
	l.prev[slot], l.next[slot] = l.tail[p], endOfList
	if l.tail[p] == endOfList {
		l.head[p] = slot
	} else {
		l.next[l.tail[p]] = slot
	}
	l.tail[p] = slot
}

// unlink takes slot out of partition p's list.
func (l *farList) unlink(p int, slot int32) {
	prev, next := l.prev[slot], l.next[slot]
	if prev == endOfList {
		l.head[p] = next
	} else {
		l.next[prev] = next
	}
	if next == endOfList {
		l.tail[p] = prev
	} else {
		l.prev[next] = prev
	}
}

// place ranks slot, a resident in neither order, by its next use nx (or
// farUse).
func (b *belady) place(p int, slot, nx int32) {
	if nx == farUse {
		b.pos[slot] = inFar
		b.farList.append(p, slot)
		return
	}
	b.push(p, slot, nx)
}

// unplace takes slot out of the order that holds it.
func (b *belady) unplace(p int, slot int32) {
	if h := b.pos[slot]; h == inFar {
		b.farList.unlink(p, slot)
	} else {
		b.remove(p, int(h))
	}
}

// rerank gives a resident slot a new next use nx (or farUse); its last use
// (b.last) is already the one before nx.
func (b *belady) rerank(p int, slot, nx int32) {
	if b.pos[slot] != inFar && nx != farUse {
		b.setNext(p, slot, nx)
		return
	}
	b.unplace(p, slot)
	b.place(p, slot, nx)
}

// top returns partition p's resident that goes first and its priority, or
// ok false when it has none.
func (b *belady) top(p int) (slot int32, prio int64, ok bool) {
	if s := b.farList.head[p]; s != endOfList {
		return s, b.farPrio(b.last[s]), true
	}
	if b.size[p] == 0 {
		return 0, 0, false
	}
	e := b.heap[b.off[p]]
	return e.slot(), int64(e.next()) * b.n, true
}
