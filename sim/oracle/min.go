package oracle

import (
	"fmt"
	"math"
)

// MIN returns, step by step, the hits of Belady's MIN on the token store:
// a reservation of slots (split as engine.LayerSlots does in the layer
// scope, each layer then an independent store), fully associative, one
// key a token of a layer. On a miss with the store (or the layer's share)
// full, it drops whichever of the residents and the incoming token is
// used furthest in the future; if that is the incoming token, it is not
// inserted (MIN may bypass, so that it bounds the policies that may too,
// such as prevk).
//
// Deciding during step t, MIN sees the rest of step t and steps
// t+1..t+horizon. Every token not used within that window counts as used
// furthest, and among those the least recently used goes first (the
// incoming token being the most recent). With horizon >= Steps()-1 it
// sees the whole run, and its hits are the most any policy of that
// capacity can have on the sequence; with less it is MIN with a limited
// look-ahead, a strong policy but not a bound.
func (s *Sequence) MIN(slots int, layerScope bool, horizon int) []int64 {
	n, div := s.partitions(layerScope)
	return newBelady(s, 1, div, s.shares(slots, layerScope)[:n]).run(horizon)
}

// LineMIN returns, step by step, the line hits of Belady's MIN (with the
// same rules as MIN) on a fully associative cache of lines KV lines that
// holds only the KV gather's lines, where every token is linesPerToken
// lines of its own (the rounded and paged layouts; the packed layout
// shares lines between neighbours and is not modelled). With the whole
// LLC's lines and the full horizon it bounds the KV hits, reserved or
// shared, of every mode that reads only what it is asked for (none, ways,
// tokens, prevk; not pages, which fetch whole pages) on an LLC of that
// size: the streams only take room from the gather. It refuses a
// sequence of 2^31 or more lines.
func (s *Sequence) LineMIN(lines, linesPerToken, horizon int) ([]int64, error) {
	if lines < 1 || linesPerToken < 1 {
		return nil, fmt.Errorf("oracle: a line cache needs at least one line and one line per token, got %d and %d", lines, linesPerToken)
	}
	if int64(s.Len())*int64(linesPerToken) >= noNext || int64(s.numKeys)*int64(linesPerToken) >= noNext {
		return nil, fmt.Errorf("oracle: %d token accesses of %d lines are too many for the line cache's MIN", s.Len(), linesPerToken)
	}
	return newBelady(s, int32(linesPerToken), int32(s.numKeys), []int{lines}).run(horizon), nil
}

// farBase is added to the priority of a resident whose next use is beyond
// the horizon: such residents go before any with a known next use.
const farBase = int64(1) << 40

// belady is one run of MIN over a sequence whose every key is expand
// sub-keys (lines) accessed in a row.
type belady struct {
	seq    *Sequence
	expand int32
	div    int32 // token key / div is the partition

	slotOf []int32     // expanded key -> slot+1, 0 when not resident
	key    []int32     // slot -> expanded key
	last   []int32     // slot -> expanded position of its latest use
	heap   []heapEntry // partition p's max-heap of slots is heap[off[p] : off[p]+size[p]]
	pos    []int32     // slot -> its index in heap
	off    []int       // partition p's slots (and heap) start at off[p]
	size   []int
	caps   []int
}

func newBelady(s *Sequence, expand, div int32, caps []int) *belady {
	total := 0
	off := make([]int, len(caps))
	for p, c := range caps {
		off[p] = total
		total += c
	}
	return &belady{
		seq: s, expand: expand, div: div,
		slotOf: make([]int32, s.numKeys*int(expand)),
		key:    make([]int32, total), last: make([]int32, total),
		heap: make([]heapEntry, total), pos: make([]int32, total),
		off: off, size: make([]int, len(caps)), caps: caps,
	}
}

// nextUse is the expanded position of the next use after expanded
// position x, or noNext.
func (b *belady) nextUse(x int32) int32 {
	i, o := x/b.expand, x%b.expand
	nx := b.seq.next[i]
	if nx == noNext {
		return noNext
	}
	return nx*b.expand + o
}

// priority of a key last used at x whose next use is nx, seen from a
// window that ends (exclusive) at winEnd.
func priority(x, nx int32, winEnd int64) int64 {
	if int64(nx) < winEnd {
		return int64(nx)
	}
	return farBase + int64(math.MaxInt32-x)
}

// run replays the sequence and returns the hits of each step.
func (b *belady) run(horizon int) []int64 {
	s := b.seq
	steps := s.Steps()
	hits := make([]int64, steps)
	e := b.expand
	for t := range steps {
		end := min(t+horizon+1, steps)
		winEnd := int64(s.stepStart[end]) * int64(e)
		if t > 0 && end == t+horizon+1 {
			b.reveal(end - 1)
		}
		for i := s.stepStart[t]; i < s.stepStart[t+1]; i++ {
			tokKey := s.keys[i]
			p := int(tokKey / b.div)
			for o := range e {
				x := int32(i)*e + o
				if b.access(p, tokKey*e+o, x, priority(x, b.nextUse(x), winEnd)) {
					hits[t]++
				}
			}
		}
	}
	return hits
}

// reveal brings step u into the window: a resident whose next use was
// beyond the horizon and falls in step u now has a known next use.
func (b *belady) reveal(u int) {
	s, e := b.seq, b.expand
	for j := s.stepStart[u]; j < s.stepStart[u+1]; j++ {
		p := int(s.keys[j] / b.div)
		for o := range e {
			k := s.keys[j]*e + o
			slot := b.slotOf[k] - 1
			if slot < 0 || b.heap[b.pos[slot]].prio < farBase {
				continue
			}
			if y := int32(j)*e + o; b.nextUse(b.last[slot]) == y {
				b.setPrio(p, slot, int64(y))
			}
		}
	}
}

// access uses key k (of partition p) at position x with its new priority,
// and reports a hit.
func (b *belady) access(p int, k, x int32, prio int64) bool {
	if slot := b.slotOf[k] - 1; slot >= 0 {
		b.last[slot] = x
		b.setPrio(p, slot, prio)
		return true
	}
	if b.caps[p] == 0 {
		return false
	}
	if b.size[p] < b.caps[p] {
		slot := int32(b.off[p] + b.size[p])
		b.key[slot], b.last[slot] = k, x
		b.slotOf[k] = slot + 1
		h := b.off[p] + b.size[p]
		b.put(h, heapEntry{prio, slot})
		b.size[p]++
		b.up(p, h)
		return false
	}
	root := b.off[p]
	top := b.heap[root]
	if prio > top.prio {
		return false // the incoming key is used furthest: bypass
	}
	b.slotOf[b.key[top.slot]] = 0
	b.key[top.slot], b.last[top.slot] = k, x
	b.slotOf[k] = top.slot + 1
	b.heap[root].prio = prio
	b.down(p, root)
	return false
}
