package cache

import "math/bits"

// Operations on the physical-way policies (Random, SRRIP).

// wayOf returns the way holding line in set s, or -1.
func (p *Partition) wayOf(s int, line uint64) int {
	tag := line + 1
	for w, t := range p.set(s) {
		if t == tag {
			return w
		}
	}
	return -1
}

func (p *Partition) accessPhysical(s int, line uint64) (hit bool, victim uint64, evicted bool) {
	set := p.set(s)
	if w := p.wayOf(s, line); w >= 0 {
		if p.policy == SRRIP {
			p.rrpv[s*p.ways+w] = 0
		}
		return true, 0, false
	}
	w := p.emptyWay(s)
	if w < 0 {
		w = p.victimWay(s)
		victim, evicted = set[w]-1, true
	}
	set[w] = line + 1
	if p.policy == SRRIP {
		p.rrpv[s*p.ways+w] = srripMax - 1
	}
	return false, victim, evicted
}

// emptyWay returns the lowest empty way of set s, or -1.
func (p *Partition) emptyWay(s int) int {
	for w, t := range p.set(s) {
		if t == 0 {
			return w
		}
	}
	return -1
}

// victimWay picks the way to evict from full set s.
func (p *Partition) victimWay(s int) int {
	if p.policy == Random {
		k := p.randomDraws(s)
		p.setRandomDraws(s, k+1)
		return randomVictim(p.seed, s, k, p.ways)
	}
	// SRRIP: the first way predicted to be re-referenced in the distant
	// future; if there is none, age every way until there is.
	rr := p.rrpv[s*p.ways : (s+1)*p.ways]
	oldest := uint8(0)
	for _, v := range rr {
		oldest = max(oldest, v)
	}
	if d := srripMax - oldest; d > 0 {
		for w := range rr {
			rr[w] += d
		}
	}
	for w, v := range rr {
		if v == srripMax {
			return w
		}
	}
	return 0 // unreachable: aging made some way srripMax
}

// randomVictim is the Random policy's choice for the k-th eviction of set
// s: a counter-based draw (a hash of the seed, the set and k), so that
// each set's choices do not depend on the other sets' traffic and a
// stream can be applied a set at a time (randomstream.go). The same
// numbers on every platform.
func randomVictim(seed uint64, s int, k uint64, ways int) int {
	h := seed ^ uint64(s)*0x9E3779B97F4A7C15 ^ k*0xD1B54A32D192ED03
	h ^= h >> 31
	h *= 0x7FB5D329728EA185
	h ^= h >> 27
	h *= 0x81DADEF4BC2DD44D
	h ^= h >> 33
	hi, _ := bits.Mul64(h, uint64(ways))
	return int(hi)
}

// randomDraws is how many evictions set s has drawn (Random policy: kept
// in the high half of the set's metadata word).
func (p *Partition) randomDraws(s int) uint64 { return p.meta[s] >> 32 }

func (p *Partition) setRandomDraws(s int, k uint64) {
	p.meta[s] = p.meta[s]&(1<<32-1) | k<<32
}
