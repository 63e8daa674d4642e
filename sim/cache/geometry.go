package cache

import (
	"fmt"
	"math/bits"
)

// Geometry is the shape of a set-associative partition: how many sets, how
// many ways per set, and how a line address picks its set.
type Geometry struct {
	// Sets is the number of sets, any positive integer (an H100's 50 MiB
	// L2 with 128-byte lines and 16 ways has 25,600).
	Sets int
	// Ways is the number of lines a set holds, 1..255.
	Ways int
	// XOR selects the hashed set index instead of line mod Sets.
	XOR bool
}

// Validate refuses impossible geometries.
func (g Geometry) Validate() error {
	if g.Sets < 1 || g.Sets > 1<<26 {
		return fmt.Errorf("cache: sets must be 1..%d, got %d", 1<<26, g.Sets)
	}
	if g.Ways < 1 || g.Ways > 255 {
		return fmt.Errorf("cache: ways must be 1..255, got %d", g.Ways)
	}
	return nil
}

// Lines is the number of lines the partition holds: Sets * Ways.
func (g Geometry) Lines() int { return g.Sets * g.Ways }

// setIndex maps line addresses to sets. Lines are grouped in rows of Sets
// consecutive lines (row = line / Sets, column = line mod Sets); inside a
// row every set receives exactly one line, for the modulo index and the
// hashed one alike. That bijection is what lets a sequential stream be
// applied a set at a time (see Partition.Stream): the lines of a range
// that fall into set s are one per row, found by arithmetic.
//
// The hashed index folds the row number into the column: for a power-of-two
// number of sets, column XOR (the row's bits folded by XOR into log2(Sets)
// bits), as CPUs hash addresses over sets and slices; for other set counts,
// the column rotated by a multiplicative hash of the row.
type setIndex struct {
	sets  uint64
	mask  uint64 // sets-1 when sets is a power of two, else 0
	shift uint   // log2(sets) when sets is a power of two
	pow2  bool
	xor   bool
}

func newSetIndex(g Geometry) setIndex {
	ix := setIndex{sets: uint64(g.Sets), xor: g.XOR}
	if g.Sets&(g.Sets-1) == 0 {
		ix.pow2 = true
		ix.mask = uint64(g.Sets - 1)
		ix.shift = uint(bits.TrailingZeros(uint(g.Sets)))
	}
	return ix
}

// split returns the row and column of a line.
func (ix *setIndex) split(line uint64) (row, col uint64) {
	if ix.pow2 {
		return line >> ix.shift, line & ix.mask
	}
	return line / ix.sets, line % ix.sets
}

// rowHash is the row's contribution to the hashed index, in [0, sets).
func (ix *setIndex) rowHash(row uint64) uint64 {
	if ix.pow2 {
		if ix.shift == 0 {
			return 0
		}
		var h uint64
		for r := row; r != 0; r >>= ix.shift {
			h ^= r & ix.mask
		}
		return h
	}
	return ((row * 0x9E3779B97F4A7C15) >> 32) % ix.sets
}

// set returns the set a line maps to.
func (ix *setIndex) set(line uint64) int {
	row, col := ix.split(line)
	if !ix.xor {
		return int(col)
	}
	h := ix.rowHash(row)
	if ix.pow2 {
		return int(col ^ h)
	}
	return int((col + h) % ix.sets)
}

// lineAt returns the one line of the given row that maps to set s.
func (ix *setIndex) lineAt(row uint64, s int) uint64 {
	col := uint64(s)
	if ix.xor {
		h := ix.rowHash(row)
		if ix.pow2 {
			col ^= h
		} else {
			col = (col + ix.sets - h) % ix.sets
		}
	}
	return row*ix.sets + col
}

// countIn returns how many lines of [first, first+n) map to set s.
func (ix *setIndex) countIn(s int, first, n uint64) uint64 {
	if n == 0 {
		return 0
	}
	last := first + n - 1
	r0, _ := ix.split(first)
	r1, _ := ix.split(last)
	if r0 == r1 {
		if x := ix.lineAt(r0, s); x >= first && x <= last {
			return 1
		}
		return 0
	}
	c := r1 - r0 - 1 // interior rows hold one line of s each
	if x := ix.lineAt(r0, s); x >= first {
		c++
	}
	if x := ix.lineAt(r1, s); x <= last {
		c++
	}
	return c
}

// span is a range of lines [first, last] with last's column precomputed,
// so that a lazy set can find its lines without a division.
type span struct {
	first, last, lastCol uint64
}

func (ix *setIndex) span(first, n uint64) span {
	_, col := ix.split(first + n - 1)
	return span{first: first, last: first + n - 1, lastCol: col}
}

// lastInRange writes into dst, most recent first, the last len(dst) (or
// fewer) lines of span r that map to set s, and returns how many it wrote.
// Cost: one step per line written, plus, for the hashed index, at most two
// rows visited without a line.
func (ix *setIndex) lastInRange(s int, r span, dst []uint64) int {
	if !ix.xor {
		// The lines of set s are s, s+sets, s+2*sets...: step down
		// from the last one not after r.last.
		x, ok := ix.lastOf(s, &r)
		if !ok {
			return 0
		}
		k := 0
		for ; k < len(dst) && x >= r.first; k++ {
			dst[k] = x
			if x < ix.sets {
				return k + 1
			}
			x -= ix.sets
		}
		return k
	}
	r0, _ := ix.split(r.first)
	k := 0
	for row, _ := ix.split(r.last); k < len(dst); row-- {
		if x := ix.lineAt(row, s); x >= r.first && x <= r.last {
			dst[k] = x
			k++
		}
		if row == r0 {
			break
		}
	}
	return k
}

// recentIn returns the *j-th most recent line (0 = the last) of span r
// that maps to set s, if r puts it among the visible top of the set (at
// most ways of r's lines are); otherwise it subtracts r's visible lines
// from *j and returns false.
func (ix *setIndex) recentIn(s int, r span, j *int, ways int) (uint64, bool) {
	if !ix.xor {
		return ix.recentInMod(s, &r, j, ways)
	}
	m := ix.countIn(s, r.first, r.last-r.first+1)
	visible := int(min(m, uint64(ways)))
	if *j >= visible {
		*j -= visible
		return 0, false
	}
	return ix.nthIn(s, r.first, m-1-uint64(*j)), true
}

// lastOf returns, for the modulo index, the last line of span r that maps
// to set s, without a division; ok is false when r has none.
func (ix *setIndex) lastOf(s int, r *span) (x uint64, ok bool) {
	x = r.last - r.lastCol + uint64(s)
	if uint64(s) > r.lastCol {
		if x < ix.sets {
			return 0, false
		}
		x -= ix.sets
	}
	return x, x >= r.first
}

// recentInMod is recentIn for the modulo index: the lines of set s in r
// are x, x-sets, x-2*sets... down to r.first, from x = lastOf(s, r).
func (ix *setIndex) recentInMod(s int, r *span, j *int, ways int) (uint64, bool) {
	x, ok := ix.lastOf(s, r)
	if !ok {
		return 0, false // no line of s in r: none visible
	}
	return ix.stepBack(x, r.first, j, ways)
}

// stepBack is recentInMod for a span from first whose last line of the
// set is x: the *j-th most recent is found by a multiplication, and
// counting the span's lines costs a division only when it has more than
// two of the set.
func (ix *setIndex) stepBack(x, first uint64, j *int, ways int) (uint64, bool) {
	if d := x - first; *j < ways && d >= uint64(*j)*ix.sets {
		return x - uint64(*j)*ix.sets, true
	}
	*j -= int(min(ix.rowsTo(x-first), uint64(ways)))
	return 0, false
}

// rowsTo is d/sets + 1 (the lines of a set from one of them up to d lines
// later), with no division in the usual cases.
func (ix *setIndex) rowsTo(d uint64) uint64 {
	switch {
	case d < ix.sets:
		return 1
	case d < 2*ix.sets:
		return 2
	}
	return d/ix.sets + 1
}
