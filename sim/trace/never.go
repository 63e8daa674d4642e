package trace

// drawNever returns a token this layer never selected, drawn from the
// skewed popularity, or failing that uniformly; -1 if none turns up.
// seen holds the tokens of [0, n) the layer selected, fresh counts the
// others.
func (g *Generator) drawNever(seen tokenSet, n, fresh int) int32 {
	if fresh == 0 {
		// Every draw would miss (the usual case once the layer has used up
		// its context): skip the look-ups but consume the random stream
		// exactly as the draws would.
		g.rng.skip(drawTries) // each age takes one uint32
		g.rng.skipIntN(drawTries, n)
		return -1
	}
	if fresh*8 < n {
		// Few tokens are fresh, so most draws miss: see drawNeverBulk.
		return g.drawNeverBulk(seen, n)
	}
	for range drawTries {
		tok := n - 1 - g.age.age(g.rng.uint32(), n)
		if !seen.has(tok) {
			return int32(tok)
		}
	}
	for range drawTries {
		if tok := g.rng.intN(n); !seen.has(tok) {
			return int32(tok)
		}
	}
	return -1
}

// drawNeverBulk is drawNever for when most draws miss: it takes each loop's
// drawTries draws at once (randomBits.fill), which costs less than one at a
// time, then rewinds the stream and advances it past the draws used, so
// that it returns the same token and leaves the stream in the same state.
func (g *Generator) drawNeverBulk(seen tokenSet, n int) int32 {
	var draws [drawTries]uint32
	start := *g.rng
	g.rng.fill(draws[:])
	for i, v := range draws {
		if tok := n - 1 - g.age.age(v, n); !seen.has(tok) {
			*g.rng = start
			g.rng.skip(i + 1)
			return int32(tok)
		}
	}
	// The uniform draws, by intN: a draw u gives u*n>>32 unless intN
	// rejects it and draws again, which the bulk draws leave to intN.
	un := uint64(uint32(n))
	reject := -uint32(n) % uint32(n)
	start = *g.rng
	g.rng.fill(draws[:])
	for i, u := range draws {
		m := uint64(u) * un
		if uint32(m) < reject { // rare: n/2^32 per draw
			*g.rng = start
			g.rng.skip(i)
			for range drawTries - i {
				if tok := g.rng.intN(n); !seen.has(tok) {
					return int32(tok)
				}
			}
			return -1
		}
		if tok := int(m >> 32); !seen.has(tok) {
			*g.rng = start
			g.rng.skip(i + 1)
			return int32(tok)
		}
	}
	return -1
}
