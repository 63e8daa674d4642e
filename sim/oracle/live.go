package oracle

import (
	"errors"
	"math/bits"
	"slices"

	"dsaviz/sim/engine"
)

// errLiveFull is returned when a partition has seen 2^31 accesses: the
// positions are int32.
var errLiveFull = errors.New("oracle: the live curve has more than 2^31-1 accesses in one partition")

// stackCounter counts LRU stack depths as StackDistances does, but an
// access at a time, with no end known in advance: its bitmaps and
// Fenwick trees grow by doubling (a tree is rebuilt from its sealed words
// when it grows, so each access costs amortised O(log n)).
type stackCounter struct {
	keySplit
	layerScope bool
	maxSlots   int          // larger sizes count as maxSlots
	maxDepth   int          // depths >= maxDepth share the last bucket
	last       []int32      // key -> partition position+1 of its latest use, 0: none
	parts      []stackState // one per partition
	cum        []int64      // hitsInto's scratch: per partition, hits below each depth
}

func newStackCounter(split keySplit, numKeys int, layerScope bool, maxSlots int) *stackCounter {
	parts := split.partitions(layerScope)
	maxDepth := maxSlots
	if layerScope {
		maxDepth = (maxSlots + parts - 1) / parts
	}
	c := &stackCounter{keySplit: split, layerScope: layerScope, maxSlots: maxSlots, maxDepth: maxDepth,
		last: make([]int32, numKeys), parts: make([]stackState, parts)}
	for p := range c.parts {
		c.parts[p] = newStackState(nil, nil, maxDepth)
	}
	return c
}

// reset forgets every access, keeping the storage.
func (c *stackCounter) reset() {
	clear(c.last)
	for p := range c.parts {
		st := &c.parts[p]
		clear(st.bits)
		clear(st.tree)
		clear(st.hist)
		st.clock, st.seen, st.oldest, st.skipped = 0, 0, -1, 0
	}
}

// addLayer counts the accesses of keys, in order, all of layer l (a
// layer's gather): one partition for all of them, found once.
func (c *stackCounter) addLayer(keys []int32, l int) error {
	p := 0
	if c.layerScope {
		p = l
	}
	return c.addTo(p, keys)
}

// addTo counts the accesses of keys, all of partition p, in order.
func (c *stackCounter) addTo(p int, keys []int32) error {
	st := &c.parts[p]
	m := st.marks()
	for _, k := range keys {
		if st.clock == noNext-1 {
			return errLiveFull
		}
		if int(st.clock/64) >= len(st.bits) {
			st.grow()
			m = st.marks()
		}
		c.last[k] = st.count(m, c.last[k], c.maxDepth) + 1
	}
	return nil
}

// grow doubles a partition's bitmap and rebuilds its tree from the
// sealed words, those before the newest position's (clock-1): exact
// again, no marks skipped.
func (st *stackState) grow() {
	n := max(64, 2*len(st.bits))
	b := make([]uint64, n)
	copy(b, st.bits)
	st.bits, st.tree, st.skipped = b, make([]int32, n), 0
	sealed := int32(0)
	if st.clock > 0 {
		sealed = (st.clock - 1) / 64
	}
	for w := range sealed {
		fenwickAdd(st.tree, w, int32(bits.OnesCount64(st.bits[w])))
	}
}

// hitsInto writes to dst, for each size in slots (split as
// engine.LayerSlots does in the layer scope), the accesses that hit in an
// LRU of that size; sizes above maxSlots count as maxSlots, as
// Histogram.Hits counts them. It reuses the counter's scratch and dst's
// storage, so it allocates nothing once they are large enough.
func (c *stackCounter) hitsInto(dst []int64, slots []int) []int64 {
	c.cum = slices.Grow(c.cum[:0], len(c.parts)*(c.maxDepth+1))[:len(c.parts)*(c.maxDepth+1)]
	for p, st := range c.parts {
		cum := c.cum[p*(c.maxDepth+1) : (p+1)*(c.maxDepth+1)]
		cum[0] = 0
		for i := 1; i <= c.maxDepth; i++ {
			cum[i] = cum[i-1] + st.hist[i-1]
		}
	}
	dst = slices.Grow(dst[:0], len(slots))[:len(slots)]
	n := len(c.parts)
	for i, s := range slots {
		s = min(max(s, 0), c.maxSlots)
		dst[i] = 0
		for p := range n {
			share := s
			if c.layerScope {
				share = engine.LayerSlots(s, n, p)
			}
			dst[i] += c.cum[p*(c.maxDepth+1)+min(share, c.maxDepth)]
		}
	}
	return dst
}

// accesses is the number of accesses counted.
func (c *stackCounter) accesses() int64 {
	n := int64(0)
	for p := range c.parts {
		n += int64(c.parts[p].clock)
	}
	return n
}

// LiveCurve is the token LRU's reserved-hit curve over a run's first
// steps, counted a step at a time, for a chart that follows a run: every
// size's hits after Advance(t) are those of Run.LRU over steps 0..t-1
// (the same stack distances, a test). Going back recounts from step 0.
type LiveCurve struct {
	keys    *engine.TokenKeys
	counter *stackCounter
	lines   int64
	steps   int
	buf     []int32
}

// NewLiveCurve returns an empty curve of a run's keys in a scope (layer
// or global) for sizes up to maxSlots, each token worth lines lines.
func NewLiveCurve(k *engine.TokenKeys, layerScope bool, maxSlots, lines int) *LiveCurve {
	sp := k.Space()
	split := keySplit{layers: sp.Layers, requests: sp.Requests, perLayer: int32(sp.PerLayer)}
	return &LiveCurve{keys: k, counter: newStackCounter(split, sp.Size(), layerScope, maxSlots), lines: int64(lines)}
}

// Steps is the number of steps counted.
func (c *LiveCurve) Steps() int { return c.steps }

// Advance counts steps until the curve covers steps 0..to-1 (at most the
// run's steps), recounting from the start if it covers more.
func (c *LiveCurve) Advance(to int) error {
	to = min(max(to, 0), c.keys.Steps())
	if to < c.steps {
		c.counter.reset()
		c.steps = 0
	}
	for ; c.steps < to; c.steps++ {
		for l := range c.keys.Layers() {
			c.buf = c.keys.Append(c.buf[:0], c.steps, l)
			if err := c.counter.addLayer(c.buf, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// Hits returns the reserved hits, in lines, of the token LRU at each size
// in slots over the steps counted.
func (c *LiveCurve) Hits(slots []int) []int64 { return c.HitsInto(nil, slots) }

// HitsInto is Hits into dst's storage: it allocates nothing once dst and
// the curve's scratch are large enough (a chart redrawn every step).
func (c *LiveCurve) HitsInto(dst []int64, slots []int) []int64 {
	dst = c.counter.hitsInto(dst, slots)
	for i := range dst {
		dst[i] *= c.lines
	}
	return dst
}

// Lines is the number of KV lines the steps counted gather: every size's
// hits are at most this.
func (c *LiveCurve) Lines() int64 { return c.counter.accesses() * c.lines }
