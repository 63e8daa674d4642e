package trace

import "math/bits"

// drawBack returns a token at a distance back from the current position
// N = len(last) drawn from the Reach distribution, that is in neither
// S(t,l) nor S(t-1,l) (its stamp is below cur-1), nor with v.avoid in
// S(t,l-1): the distance d >= 1 in tokens gives token N-d. Draws that fall
// before token 0 or on a token passed over are redrawn, up to drawTries
// times; -1 if none lands.
func (g *Generator) drawBack(v *layerView, cur int32) int32 {
	last := v.last
	n := uint64(len(last))
	for range drawTries {
		hi, lo := bits.Mul64(g.reach.at(g.rng.uint32()), g.reachMax)
		d := hi<<32 | lo>>32 // fraction * reachMax / 2^32
		if d >= n {
			continue
		}
		tok := n - 1 - d
		if last[tok] < cur-1 && !(v.avoid && v.above[tok] == cur) {
			return int32(tok)
		}
	}
	return -1
}
