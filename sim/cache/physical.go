package cache

import "math/rand/v2"

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
		return int(boundedRand(&p.rng, uint64(p.ways)))
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

// boundedRand returns a uniform integer in [0, n) from r, by rejection
// (the same numbers on every platform).
func boundedRand(r *rand.PCG, n uint64) uint64 {
	limit := -n % n // 2^64 mod n
	for {
		v := r.Uint64()
		if v >= limit {
			return v % n
		}
	}
}
