package cache

import "fmt"

// Policy is a replacement policy.
type Policy uint8

// The replacement policies. LRU and FIFO keep each set as an ordered
// stack (most recent first), which lets long sequential streams be applied
// lazily; Random and SRRIP keep lines at physical ways.
const (
	LRU Policy = iota
	FIFO
	Random
	SRRIP
)

// ParsePolicy returns the policy named lru, fifo, random or srrip.
func ParsePolicy(name string) (Policy, error) {
	for p, n := range policyNames {
		if n == name {
			return Policy(p), nil
		}
	}
	return 0, fmt.Errorf("cache: unknown policy %q (lru, fifo, random, srrip)", name)
}

var policyNames = [...]string{"lru", "fifo", "random", "srrip"}

func (p Policy) String() string {
	if int(p) < len(policyNames) {
		return policyNames[p]
	}
	return fmt.Sprintf("Policy(%d)", uint8(p))
}

// ordered reports whether the policy keeps sets as recency/age stacks.
func (p Policy) ordered() bool { return p == LRU || p == FIFO }

// srripMax is the largest re-reference prediction value of 2-bit SRRIP;
// lines are inserted at srripMax-1 ("long") and promoted to 0 on a hit.
const srripMax = 3

// Options configures a Partition beyond its geometry.
type Options struct {
	// Policy is the replacement policy (default LRU).
	Policy Policy
	// Seed seeds the Random policy's victim choice.
	Seed uint64
	// RegionShift and Regions let the partition prove that no line of a
	// region is resident (line >> RegionShift is the region number, below
	// Regions). With Regions == 0 no such proof is attempted and streams
	// are applied line by line.
	RegionShift uint
	Regions     int
}

// Partition is a set-associative cache partition on flat storage: the tag
// of way w of set s is at index s*Ways+w. All state is plain data (slices
// and integers), so Clone is a deep copy and a checkpoint is a clone.
//
// For LRU and FIFO, position 0 of a set is its most recently used (LRU) or
// most recently inserted (FIFO) line, and the valid lines are a prefix of
// the set. For Random and SRRIP, lines stay at the physical way they were
// filled into.
type Partition struct {
	geo    Geometry
	ix     setIndex
	policy Policy
	ways   int
	// tags holds the ways of set s at s*Ways (line+1, 0 for empty): with
	// 16 ways a set is two whole host cache lines, so an access costs at
	// most two memory reads. meta holds, per set, the lazy stamp (low 32
	// bits) and, for the ordered policies, the number of valid lines
	// (bits 32-39): 8 bytes a set, small enough to stay in the host's
	// cache.
	tags []uint64
	meta []uint64
	rrpv []uint8 // SRRIP, s*Ways+w
	seed uint64  // Random
	lazy lazyState
	free emptySets
	pend pending  // overlays of lazy sets (overlay.go)
	base []uint64 // scratch for overlays' lazy content, Ways long
	scan []uint64 // scratch for pushRange, Ways long
	peek []uint64 // scratch for Contains, Ways long
}

// New returns an empty partition, or an error for an impossible geometry.
func New(g Geometry, o Options) (*Partition, error) {
	if err := g.Validate(); err != nil {
		return nil, err
	}
	if o.Policy > SRRIP {
		return nil, fmt.Errorf("cache: unknown policy %d", o.Policy)
	}
	if o.Regions < 0 || o.Regions > 1<<20 || o.RegionShift > 63 {
		return nil, fmt.Errorf("cache: regions must be 0..%d with a shift below 64", 1<<20)
	}
	p := &Partition{
		geo: g, ix: newSetIndex(g), policy: o.Policy, ways: g.Ways,
		tags: make([]uint64, g.Lines()), meta: make([]uint64, g.Sets),
		seed: o.Seed,
		scan: make([]uint64, g.Ways),
		peek: make([]uint64, g.Ways),
		base: make([]uint64, g.Ways),
	}
	if o.Policy == SRRIP {
		p.rrpv = make([]uint8, g.Lines())
	}
	p.lazy.init(o.RegionShift, o.Regions)
	for s := range g.Sets {
		p.setStamp(s, p.lazy.seq)
	}
	p.free.init(g.Sets)
	return p, nil
}

// Geometry returns the partition's shape.
func (p *Partition) Geometry() Geometry { return p.geo }

// Policy returns the replacement policy.
func (p *Partition) Policy() Policy { return p.policy }

// SetOf returns the set a line maps to.
func (p *Partition) SetOf(line uint64) int { return p.ix.set(line) }

// Clone returns a deep copy: the copy and the original evolve independently.
func (p *Partition) Clone() *Partition {
	q := *p
	q.tags = append([]uint64(nil), p.tags...)
	q.meta = append([]uint64(nil), p.meta...)
	q.rrpv = append([]uint8(nil), p.rrpv...)
	q.scan = make([]uint64, p.ways)
	q.peek = make([]uint64, p.ways)
	q.base = make([]uint64, p.ways)
	q.pend = p.pend.clone()
	q.lazy = p.lazy.clone()
	q.free = p.free.clone()
	return &q
}

// Access reads one line: on a hit it updates the replacement state; on a
// miss it allocates the line, evicting a victim when the set is full.
// It returns whether the access hit and, if a valid line was evicted,
// that line.
func (p *Partition) Access(line uint64) (hit bool, victim uint64, evicted bool) {
	return p.access(line, true)
}

// Touch is Access without the victim's address: the same state change and
// counts, and cheaper when nobody looks at what was evicted.
func (p *Partition) Touch(line uint64) (hit, evicted bool) {
	hit, _, evicted = p.access(line, false)
	return hit, evicted
}

func (p *Partition) access(line uint64, wantVictim bool) (hit bool, victim uint64, evicted bool) {
	hit, victim, evicted = p.accessAt(p.ix.set(line), line, wantVictim)
	if !hit {
		p.lazy.noteInsert(line)
	}
	return hit, victim, evicted
}

// accessAt is access of a line that maps to set s, without noting the
// insertion in the absence proof.
func (p *Partition) accessAt(s int, line uint64, wantVictim bool) (hit bool, victim uint64, evicted bool) {
	switch {
	case p.policy.ordered() && p.overlayable(s, line):
		hit, victim, evicted = p.accessOverlay(s, line, wantVictim)
	case p.policy.ordered():
		p.materialize(s)
		hit, victim, evicted = p.accessOrdered(s, line)
	default:
		hit, victim, evicted = p.accessPhysical(s, line)
	}
	return hit, victim, evicted
}

// Lookup reads one line without allocating it on a miss (a non-temporal
// read); a hit updates the replacement state as Access does.
func (p *Partition) Lookup(line uint64) bool {
	if p.lazy.absent(line) {
		return false
	}
	s := p.ix.set(line)
	if p.policy.ordered() {
		p.materialize(s)
		r := p.rankOf(s, line)
		if r >= 0 && p.policy == LRU {
			p.promote(s, r)
		}
		return r >= 0
	}
	w := p.wayOf(s, line)
	if w >= 0 && p.policy == SRRIP {
		p.rrpv[s*p.ways+w] = 0
	}
	return w >= 0
}

// Contains reports whether a line is resident, changing nothing (a peek).
func (p *Partition) Contains(line uint64) bool {
	if p.lazy.absent(line) {
		return false
	}
	s := p.ix.set(line)
	if p.policy.ordered() {
		n := p.content(s, p.peek)
		for _, t := range p.peek[:n] {
			if t == line+1 {
				return true
			}
		}
		return false
	}
	return p.wayOf(s, line) >= 0
}

// Absent reports whether the partition can prove, in O(1), that no line
// of line's region is resident (no insertion of that region since the last
// flush by another region). False means "maybe resident", not "resident".
func (p *Partition) Absent(line uint64) bool { return p.lazy.absent(line) }

// Remove invalidates a line if it is resident and reports whether it was.
// The engine uses it to move a line into a reservation, so that no line is
// ever held twice.
func (p *Partition) Remove(line uint64) bool {
	if p.lazy.absent(line) {
		return false
	}
	s := p.ix.set(line)
	set := p.set(s)
	if p.policy.ordered() {
		p.materialize(s)
		r := p.rankOf(s, line)
		if r < 0 {
			return false
		}
		n := p.count(s)
		copy(set[r:n-1], set[r+1:n])
		set[n-1] = 0
		p.setCount(s, n-1)
		p.free.add(s)
		return true
	}
	w := p.wayOf(s, line)
	if w < 0 {
		return false
	}
	set[w] = 0
	if p.rrpv != nil {
		p.rrpv[s*p.ways+w] = 0
	}
	return true
}

// Empty marks an empty way in PeekSet's output.
const Empty = ^uint64(0)

// PeekSet writes the lines of set s into dst (len >= Ways), one entry per
// way, Empty for an empty way, without changing any state, and returns dst.
// Like every method it is not safe for concurrent use (it uses scratch
// space).
// For LRU and FIFO entry 0 is the most recent line and valid lines come
// first; for Random and SRRIP entry w is physical way w.
func (p *Partition) PeekSet(s int, dst []uint64) []uint64 {
	dst = dst[:p.ways]
	if p.policy.ordered() {
		n := p.content(s, dst)
		for i := range dst {
			dst[i]-- // 0 (empty) wraps to Empty
			if i >= n {
				dst[i] = Empty
			}
		}
		return dst
	}
	for w, t := range p.set(s) {
		dst[w] = t - 1 // 0 (empty) wraps to Empty
	}
	return dst
}

// set returns the ways of set s.
func (p *Partition) set(s int) []uint64 {
	b := s * p.ways
	return p.tags[b : b+p.ways : b+p.ways]
}

// count is the number of valid lines of explicit ordered set s.
func (p *Partition) count(s int) int { return int(p.meta[s] >> 32 & 0xff) }

func (p *Partition) setCount(s, n int) {
	h := &p.meta[s]
	*h = *h&^(0xff<<32) | uint64(n)<<32
}

// stamp is the lazy log entry set s is explicit up to.
func (p *Partition) stamp(s int) uint32 { return uint32(p.meta[s]) }

func (p *Partition) setStamp(s int, seq uint32) {
	h := &p.meta[s]
	*h = *h&^0xffffffff | uint64(seq)
}
