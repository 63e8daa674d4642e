package cache

// The lazy log lets a sequential stream of lines known to be absent be
// applied to an ordered (LRU, FIFO) partition in O(1) plus the sets with
// empty ways, instead of one operation per line. Every such stream is a
// bulk entry with a sequence number; set s is explicit up to entry
// stamp(s), and is brought up to date (materialized) when it is next
// touched, by pushing, entry after entry, the stream lines that fall into
// it. Because a stream of distinct absent lines only ever pushes onto a
// set, the result is exactly what inserting every line would give.
//
// A stream that puts at least Ways lines in every set is a flush: it
// leaves every set holding only its own last Ways lines, so the log
// restarts from it, and any region with no insertion since is provably
// absent. That proof is what makes streams and gathers known-absent.

// bulk is one stream applied lazily: the lines of span in order.
type bulk struct {
	seq    uint32
	region int
	span
}

// maxTail bounds the entries after a flush; past it, every set is
// materialized and the log emptied.
const maxTail = 16

type lazyState struct {
	seq   uint32 // current sequence number; entries have seq <= it
	flush bulk   // the last flush still in the log (seq 0 when none)
	tail  []bulk

	// Absence proof: a region is absent when nothing of it was inserted
	// since the last flush, which was of another region.
	regionShift uint
	lastInsert  []uint32
	flushSeq    uint32
	flushRegion int
}

func (z *lazyState) init(regionShift uint, regions int) {
	z.seq = 1
	z.tail = make([]bulk, 0, maxTail)
	z.regionShift = regionShift
	z.lastInsert = make([]uint32, regions)
	z.flushSeq = 1 // the empty cache is a flush of no region
	z.flushRegion = -1
}

func (z lazyState) clone() lazyState {
	c := z
	c.tail = append(make([]bulk, 0, maxTail), z.tail...)
	c.lastInsert = append([]uint32(nil), z.lastInsert...)
	return c
}

// region returns the region of a line, or -1 when regions are not tracked
// or the line lies beyond them.
func (z *lazyState) region(line uint64) int {
	r := line >> z.regionShift
	if r >= uint64(len(z.lastInsert)) {
		return -1
	}
	return int(r)
}

// absent reports whether no line of line's region can be resident.
func (z *lazyState) absent(line uint64) bool {
	r := z.region(line)
	return r >= 0 && r != z.flushRegion && z.lastInsert[r] < z.flushSeq
}

// noteInsert records that a line of its region was inserted now.
func (z *lazyState) noteInsert(line uint64) {
	if r := z.region(line); r >= 0 {
		z.lastInsert[r] = z.seq
	}
}
