package trace

import "slices"

// droppedStep lists, for one step t' and every layer, the tokens of S(t',l)
// that S(t'+1,l) dropped: the candidates to return with reuse distance t - t'.
// A token leaves its list when drawn, or when found selected again since
// (its stamp is no longer t'), so each list only shrinks and a draw costs
// O(1) amortized.
type droppedStep struct {
	toks       []int32
	start, end []int32 // layer l's live tokens are toks[start[l]:end[l]]
}

// droppedBuilder gathers one step's lists layer by layer.
type droppedBuilder struct {
	toks []int32
	ends []int32
}

func (b *droppedBuilder) reset() {
	b.toks, b.ends = b.toks[:0], b.ends[:0]
}

// add appends the tokens of prev whose stamp is still drop (not kept) as the
// next layer's list.
func (b *droppedBuilder) add(prev, last []int32, drop int32) {
	for _, tok := range prev {
		if last[tok] == drop {
			b.toks = append(b.toks, tok)
		}
	}
	b.ends = append(b.ends, int32(len(b.toks)))
}

// room returns storage for the next layer's list: n free slots after the
// lists so far, to be written and then claimed by close.
func (b *droppedBuilder) room(n int) []int32 {
	b.toks = slices.Grow(b.toks, n)
	return b.toks[len(b.toks) : len(b.toks)+n]
}

// close ends the next layer's list: the first n slots room returned.
func (b *droppedBuilder) close(n int) {
	b.toks = b.toks[:len(b.toks)+n]
	b.ends = append(b.ends, int32(len(b.toks)))
}

// finish returns the step's lists. The builder's storage becomes the
// step's, without a copy, and the builder takes over the storage of spare
// (a step no draw reaches any more; nil at first), so that once the oldest
// steps retire, building a step allocates nothing.
func (b *droppedBuilder) finish(spare *droppedStep) *droppedStep {
	d := spare
	if d == nil {
		// Storage for the next step, of this one's size: about the same.
		d = &droppedStep{toks: make([]int32, 0, cap(b.toks))}
	}
	d.toks, b.toks = b.toks, d.toks[:0]
	d.end = append(d.end[:0], b.ends...)
	d.start = resize(d.start, len(b.ends))
	for l := range d.start {
		d.start[l] = 0
		if l > 0 {
			d.start[l] = b.ends[l-1]
		}
	}
	return d
}

// take removes and returns a random token of layer l's list whose stamp in
// last is still want, or -1 when the list runs out. With avoid (a layer's
// last-selected table) it passes over, but keeps, up to avoidTries tokens
// stamped cur there, before it settles for any.
func (d *droppedStep) take(rng *randomBits, l int, last []int32, want int32, avoid []int32, cur int32) int32 {
	skips := 0
	if avoid == nil {
		skips = avoidTries
	}
	for d.end[l] > d.start[l] {
		list := d.toks[d.start[l]:d.end[l]]
		u := rng.uint32()
		i, ok := lemire(u, len(list)) // rng.intN(len(list))
		if !ok {
			i = rng.intNFrom(u, len(list))
		}
		if skips < avoidTries && last[list[i]] == want && avoid[list[i]] == cur {
			skips++
			continue // valid, left for a later draw
		}
		tok := swapToEnd(list, i)
		d.end[l]--
		if last[tok] == want {
			return tok
		}
	}
	return -1
}

// avoidTries bounds the tokens take passes over.
const avoidTries = 4
