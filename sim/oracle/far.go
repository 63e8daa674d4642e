package oracle

// The residents whose next use is beyond the window all rank above those
// with one in it, and among themselves by latest use, the least recent
// first. A resident becomes one of them only when it is used (revealing a
// next use only takes one out), and the position of a use is later than
// any before it, so they form a list in order of latest use: a new one
// joins at the tail, the head goes first, each in O(1). In the dsv32-h100
// benchmark a third of the accesses are to tokens never used again, which
// only ever pass through this list.

// endOfList marks the ends of the far list.
const endOfList = -1

// farList holds the far residents as a doubly linked list over slots.
type farList struct {
	prev, next []int32 // slot -> its neighbours in the list
	head, tail int32   // the first (least recent) and last slot
}

// append puts slot at the tail of the list.
func (l *farList) append(slot int32) {
	l.prev[slot], l.next[slot] = l.tail, endOfList
	if l.tail == endOfList {
		l.head = slot
	} else {
		l.next[l.tail] = slot
	}
	l.tail = slot
}

// unlink takes slot out of the list.
func (l *farList) unlink(slot int32) {
	prev, next := l.prev[slot], l.next[slot]
	if prev == endOfList {
		l.head = next
	} else {
		l.next[prev] = next
	}
	if next == endOfList {
		l.tail = prev
	} else {
		l.prev[next] = prev
	}
}

// place ranks slot, a resident in neither order, by its next use nx (or
// farUse): in the far list, or as a member of the window's next uses.
func (b *belady) place(slot, nx int32) {
	b.far[slot] = nx == farUse
	if b.far[slot] {
		b.farList.append(slot)
		return
	}
	b.win.add(nx)
}

// unplace takes slot out of the order that holds it (its next use, when
// in the window, is b.pend[slot]).
func (b *belady) unplace(slot int32) {
	if b.far[slot] {
		b.farList.unlink(slot)
	} else {
		b.win.remove(b.pend[slot])
	}
}

// top returns the resident that goes first and its priority, or ok false
// when there is none.
func (b *belady) top() (slot int32, prio int64, ok bool) {
	if s := b.farList.head; s != endOfList {
		return s, b.farPrio(b.last[s]), true
	}
	j, ok := b.win.max()
	if !ok {
		return 0, 0, false
	}
	return b.slotAt[j] - 1, int64(j) * b.n, true
}
