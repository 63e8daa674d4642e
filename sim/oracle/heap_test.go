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
		if b.pos[b.heap[h].slot] != int32(h) {
			t.Fatalf("%s: slot %d at %d, pos says %d", when, b.heap[h].slot, h, b.pos[b.heap[h].slot])
		}
		if h > base {
			if parent := base + (h-base-1)/heapArity; b.heap[parent].prio < b.heap[h].prio {
				t.Fatalf("%s: entry %d (prio %d) above its parent %d (prio %d)", when, h, b.heap[h].prio, parent, b.heap[parent].prio)
			}
		}
	}
}

// TestHeapInvariant: random inserts, priority changes and root removals
// in two partitions keep both heaps ordered, the root their largest.
func TestHeapInvariant(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	b := newBelady(&Sequence{numKeys: 1000}, 1, false, []int{300, 200})
	next := int32(0)
	for op := range 20000 {
		p := r.IntN(2)
		switch {
		case b.size[p] < b.caps[p] && r.IntN(3) == 0:
			b.insert(p, next%1000, next, r.Int64N(1<<40))
			next++
		case b.size[p] > 0 && r.IntN(4) == 0:
			top := b.heap[b.off[p]].slot
			b.removeRoot(p)
			b.free[p] = append(b.free[p], top) // insert reuses it
		case b.size[p] > 0:
			h := b.off[p] + r.IntN(b.size[p])
			b.setPrio(p, b.heap[h].slot, r.Int64N(1<<40))
		}
		checkHeap(t, b, p, "after op "+strconv.Itoa(op))
	}
}
