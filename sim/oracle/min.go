package oracle

import (
	"fmt"
	"math"
	"slices"
)

// MIN returns, step by step, the hits of Belady's MIN on the token store
// (none for slots <= 0):
// a reservation of slots (split as engine.LayerSlots does in the layer
// scope, each layer then an independent store), fully associative, one
// key a token of a layer. On a miss with the store (or the layer's share)
// full, it drops whichever of the residents and the incoming token is
// used furthest in the future; if that is the incoming token, it is not
// inserted (MIN may bypass, so that it bounds the policies that may
// too).
//
// Deciding during step t, MIN sees the rest of step t and steps
// t+1..t+horizon. Every token not used within that window counts as used
// furthest, and among those the least recently used goes first (the
// incoming token being the most recent). With horizon >= Steps()-1 it
// sees the whole run, and its hits are the most any policy of that
// capacity can have on the sequence; with less it is MIN with a limited
// look-ahead, a strong policy but not a bound.
func (s *Sequence) MIN(slots int, layerScope bool, horizon int) []int64 {
	slots = max(slots, 0)
	if !layerScope {
		return newBelady(s, 1, slots).run(horizon)
	}
	// Each layer is a store of its own that sees only its own accesses,
	// in the same steps: a run of MIN on each layer's sequence.
	hits := make([]int64, s.Steps())
	for l, share := range s.shares(slots, true) {
		for t, h := range newBelady(s.layerSequence(l), 1, share).run(horizon) {
			hits[t] += h
		}
	}
	return hits
}

// LineMIN returns, step by step, the line hits of Belady's MIN on a fully
// associative cache of the given number of lines that holds only the KV
// gather's lines, every token being linesPerToken lines of its own (the rounded and
// paged layouts; the packed layout shares lines between neighbours and is
// not modelled). Lines rank as their tokens do in MIN (next use, or
// beyond the horizon least recently used first), and within a token the
// last line goes first, so a token is always held as its first lines.
// With the whole LLC's lines and the full horizon it bounds the KV hits,
// reserved or shared, of every mode that reads only what it gathers and
// keeps each token in the reservation's slots (none, ways, tokens; not
// pages, which fetch whole pages, nor prevk, whose reservation holds the
// previous and the new selection together while a layer runs) on an LLC
// of that size: the streams only take room from the gather.
func (s *Sequence) LineMIN(lines, linesPerToken, horizon int) ([]int64, error) {
	if lines < 1 || linesPerToken < 1 || linesPerToken > 1<<16 {
		return nil, fmt.Errorf("oracle: a line cache needs at least one line and 1..65536 lines per token, got %d and %d", lines, linesPerToken)
	}
	return newBelady(s, int64(linesPerToken), lines).run(horizon), nil
}

// farBase is added to the priority of a resident whose next use is beyond
// the horizon: such residents go before any with a known next use (whose
// priorities are below 2^31 * 2^16).
const farBase = int64(1) << 50

// belady is one run of MIN on one store. Residents are tokens, each
// holding its first lines[slot] of n lines; a token's priority B ranks its
// line o as B+o. Blocks [B, B+n) of different tokens never overlap, so the
// order of tokens by B is the order of their lines, and the first token's
// last line is the line to evict. The residents are kept in two orders
// (far.go): those whose next use is beyond the window in a list by latest
// use, and the others as their next uses, members of a posSet, the
// largest first; slotAt maps a next use back to its resident.
type belady struct {
	seq  *Sequence
	n    int64 // lines per token: 1 for the token store
	cap  int   // lines
	used int   // lines resident

	// slotAt[j] is slot+1 of the resident whose next use is access j, 0
	// when that token is not resident: an access finds its token's slot
	// at its own position, read in order, where a table by key would be
	// read at random.
	slotAt []int32
	pend   []int32 // slot -> its next use (the position slotAt marks), or noNext
	last   []int32 // slot -> position of its latest use
	lines  []int32 // slot -> lines resident
	far    []bool  // slot -> in the far list, else its next use is in win
	free   []int32 // slots freed by partial evictions
	fresh  int32   // slots [0, fresh) have been used

	win posSet // the next uses, in the window, of the residents not far
	farList
}

// newBelady returns an empty store of capacity lines, each token n lines.
// Its slots grow as residents arrive: a line store of the whole LLC holds
// about lines/n tokens, not lines.
func newBelady(s *Sequence, n int64, capacity int) *belady {
	return &belady{
		seq: s, n: n, cap: capacity, slotAt: make([]int32, len(s.keys)),
		win: newPosSet(len(s.keys)), farList: farList{head: endOfList, tail: endOfList},
	}
}

// grow adds slots, doubling them up to one per line (every resident
// holds a line).
func (b *belady) grow() {
	n := min(max(2*len(b.pend), 1024), b.cap)
	b.pend, b.last, b.lines = resized(b.pend, n), resized(b.last, n), resized(b.lines, n)
	b.far, b.farList.prev, b.farList.next = resized(b.far, n), resized(b.farList.prev, n), resized(b.farList.next, n)
}

// resized returns s with length n >= len(s), keeping its elements.
func resized[T any](s []T, n int) []T { return slices.Grow(s, n-len(s))[:n] }

// farUse is the next use of a token whose next use is beyond the window.
const farUse = -1

// priority is the rank B of a token used at position i whose next use is
// nx (farUse when beyond the window).
func (b *belady) priority(i, nx int32) int64 {
	if nx == farUse {
		return b.farPrio(i)
	}
	return int64(nx) * b.n
}

// farPrio is the rank B of a token used last at position i whose next use
// is beyond the window.
func (b *belady) farPrio(i int32) int64 { return farBase + int64(math.MaxInt32-i)*b.n }

// run replays the sequence and returns the line hits of each step.
func (b *belady) run(horizon int) []int64 {
	s := b.seq
	steps := s.Steps()
	hits := make([]int64, steps)
	for t := range steps {
		end := min(t+horizon+1, steps)
		if t > 0 && end == t+horizon+1 {
			b.reveal(end - 1)
		}
		winEnd := s.stepStart[end]
		for i := s.stepStart[t]; i < s.stepStart[t+1]; i++ {
			nx := s.next[i]
			if int(nx) >= winEnd {
				nx = farUse
			}
			hits[t] += b.access(int32(i), nx)
		}
	}
	return hits
}

// reveal brings step u into the window: a resident whose next use was
// beyond the horizon and falls in step u now has a known next use.
func (b *belady) reveal(u int) {
	s := b.seq
	for j := s.stepStart[u]; j < s.stepStart[u+1]; j++ {
		if slot := b.slotAt[j] - 1; slot >= 0 && b.far[slot] {
			b.farList.unlink(slot)
			b.place(slot, int32(j))
		}
	}
}

// access runs access i, of a token whose next use is nx (farUse when
// beyond the window), and returns the lines that hit: those resident. Its
// other lines come in, each evicting the last line of the top token,
// unless the line itself ranks above that (then it and the rest are
// bypassed). A new token takes the slot of the first token it empties, or
// a free one: one update of the ranks either way.
func (b *belady) access(i, nx int32) int64 {
	prio := b.priority(i, nx)
	slot := b.slotAt[i] - 1
	var m int64
	if slot >= 0 {
		m = int64(b.lines[slot])
		b.unplace(slot)
		b.use(slot, i)
		b.place(slot, nx)
	}
	var got int32 // lines taken while the token has no slot
	// Lines come in as many at a time as the free lines or the top token's
	// allow: blocks of different tokens never overlap, so the token's lines
	// rank all below the top's (evict) or all above (bypass), whichever
	// line.
	for need := b.n - m; need > 0; {
		take := min(need, int64(b.cap-b.used))
		if take > 0 {
			b.used += int(take)
		} else {
			top, topPrio, ok := b.top()
			if !ok {
				break // no room at all: the lines taken are the token's own
			}
			// Outside the ranks, the token ranks above its own lines: if
			// it is the top, the top's line ranks below this one too.
			if top == slot || prio+(b.n-need) > topPrio+int64(b.lines[top])-1 {
				break // this line ranks above every resident one: bypass it and the rest
			}
			take = min(need, int64(b.lines[top]))
			b.lines[top] -= int32(take)
			if b.lines[top] == 0 {
				b.unplace(top)
				if pend := b.pend[top]; pend != noNext {
					b.slotAt[pend] = 0
				}
				if slot < 0 { // the new token takes the slot
					slot = top
					b.lines[slot] = got
					b.use(slot, i)
					b.place(slot, nx)
				} else {
					b.free = append(b.free, top)
				}
			}
		}
		if slot >= 0 {
			b.lines[slot] += int32(take)
		} else {
			got += int32(take)
		}
		need -= take
	}
	if slot < 0 && got > 0 {
		slot = b.insert(i, nx)
		b.lines[slot] = got
	}
	return m
}

// insert makes the token of access i resident with no lines yet, in a
// free slot (there is always one: every resident token holds a line, and
// there are up to as many slots as lines).
func (b *belady) insert(i, nx int32) int32 {
	var slot int32
	if n := len(b.free); n > 0 {
		slot = b.free[n-1]
		b.free = b.free[:n-1]
	} else {
		if int(b.fresh) == len(b.pend) {
			b.grow()
		}
		slot = b.fresh
		b.fresh++
	}
	b.lines[slot] = 0
	b.use(slot, i)
	b.place(slot, nx)
	return slot
}

// use records that the token in slot is used at position i: its latest
// use, and where its next use will find it.
func (b *belady) use(slot, i int32) {
	b.last[slot] = i
	nx := b.seq.next[i]
	b.pend[slot] = nx
	if nx != noNext {
		b.slotAt[nx] = slot + 1
	}
}
