package oracle

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// checkHeap fails unless partition p's heap orders every child below its
// parent and pos maps every slot to its place.
func checkHeap(t *testing.T, b *belady, p int, when string) {
	t.Helper()
	base, end := b.off[p], b.off[p]+b.size[p]
	for h := base; h < end; h++ {
		if b.pos[b.heap[h].slot()] != int32(h) {
			t.Fatalf("%s: slot %d at %d, pos says %d", when, b.heap[h].slot(), h, b.pos[b.heap[h].slot()])
		}
		if h > base {
			if parent := base + (h-base-1)/heapArity; b.heap[parent].next() < b.heap[h].next() {
				t.Fatalf("%s: entry %d (next use %d) above its parent %d (next use %d)", when, h, b.heap[h].next(), parent, b.heap[parent].next())
			}
		}
	}
}

// TestHeapInvariant: random inserts, priority changes and removals (of the
// root, or anywhere) in two partitions keep both heaps ordered, the root
// their largest.
func TestHeapInvariant(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const accesses = 20000
	seq := &Sequence{keys: make([]int32, accesses), next: make([]int32, accesses), numKeys: 1}
	for i := range seq.next {
		seq.next[i] = noNext
	}
	b := newBelady(seq, 1, false, []int{300, 200})
	next := int32(0)
	for op := range 20000 {
		p := r.IntN(2)
		switch {
		case b.size[p] < b.caps[p] && r.IntN(3) == 0:
			b.insert(p, next, r.Int32N(1<<30))
			next++
		case b.size[p] > 0 && r.IntN(4) == 0:
			h := b.off[p]
			if r.IntN(2) == 0 {
				h += r.IntN(b.size[p])
			}
			gone := b.heap[h].slot()
			b.remove(p, h)
			b.free[p] = append(b.free[p], gone) // insert reuses it
		case b.size[p] > 0:
			h := b.off[p] + r.IntN(b.size[p])
			b.setNext(p, b.heap[h].slot(), r.Int32N(1<<30))
		}
		checkHeap(t, b, p, "after op "+strconv.Itoa(op))
	}
}
