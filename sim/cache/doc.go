// Package cache is the simulated last-level cache: a set-associative
// Partition on flat storage (LRU, FIFO, Random or SRRIP; modulo or
// XOR-hash set index; any number of sets) and the TokenLRU that holds the
// reservation's tokens or pages. State is plain data, so Clone is a deep
// copy.
//
// Long sequential streams cost far less than one operation per line, with
// exactly the result of accessing every line in turn: a stream whose lines
// are provably not resident is logged and applied to each set lazily when
// the set is next touched (LRU, FIFO), or one set at a time (SRRIP,
// Random); see lazy.go, overlay.go, srripstream.go and randomstream.go.
//
// Usage:
//
//	p, err := cache.New(cache.Geometry{Sets: 25600, Ways: 16}, cache.Options{Policy: cache.LRU})
//	hit, victim, evicted := p.Access(line)
//	res := p.Stream(first, n, false) // n lines from first, in order
//	ways := p.PeekSet(set, buf)      // what a set holds, changing nothing
package cache
