package cache

// A stream of provably absent lines through a Random partition, a set at
// a time. Every access misses; a set first fills its empty ways in order,
// then each miss evicts the way its counter-based draw names. The final
// content only depends on the last draw that named each way, so the draws
// are walked backwards from the set's last miss until every way is named:
// about Ways*ln(Ways) draws per set instead of one per line.

// randomSet applies m absent lines (the set's lines of the stream from
// first) to set s. It returns the evictions and whether every way now
// holds a line of the stream.
func (p *Partition) randomSet(s int, first, m uint64) (evictions uint64, refilled bool) {
	set := p.set(s)
	var fresh [256]bool
	left := p.ways
	i := uint64(0)
	for ; i < m; i++ {
		w := p.emptyWay(s)
		if w < 0 {
			break
		}
		set[w] = p.ix.nthIn(s, first, i) + 1
		fresh[w] = true
		left--
	}
	rest := m - i
	k0 := p.randomDraws(s)
	var named [256]bool
	unnamed := p.ways
	for k := rest; k > 0 && unnamed > 0; k-- {
		w := randomVictim(p.seed, s, k0+k-1, p.ways)
		if named[w] {
			continue
		}
		named[w] = true
		unnamed--
		set[w] = p.ix.nthIn(s, first, i+k-1) + 1
		if !fresh[w] {
			fresh[w] = true
			left--
		}
	}
	p.setRandomDraws(s, k0+rest)
	return rest, left == 0
}
