package workload

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"

	"dsaviz/sim/config"
)

// Class is what a line holds, and so how its access is counted.
type Class uint8

// The classes of accesses, in the order a layer issues them.
const (
	// Indexer is the sequential stream of indexer keys (non-blocking).
	Indexer Class = iota
	// KV is the top-k gather of KV entries (blocking: its misses stall).
	KV
	// Weights is the layer's weight stream (non-blocking).
	Weights
	// NumClasses is the number of classes.
	NumClasses
)

var classNames = [NumClasses]string{"indexer", "kv", "weights"}

func (c Class) String() string {
	if c < NumClasses {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", uint8(c))
}

// regionBits places region r at byte address (r+1) << regionBits: 64 TiB
// apart, more than any valid config's largest region.
const regionBits = 46

// seedStreamPages is the PCG stream of the paged layout's frame shuffle.
const seedStreamPages = 0x9a9e5

// seedStreamPrompts is the PCG stream of the batch's prompt lengths.
const seedStreamPrompts = 0xba7c4

// Layout maps (request, layer, token) and streams to line addresses.
// Region ((request*layers + layer)*3 + class) starts at byte
// (region+1) << 46, so a line's region is line >> RegionShift() - 1, and
// regions never share a line or a set row. Request 0's regions are
// numbered as before batches (layer*3 + class); the weight regions of
// other requests stay empty, since weights stream once for the batch.
type Layout struct {
	line       uint64
	lineShift  uint
	kvBytes    uint64
	stride     uint64 // rounded and paged: bytes per token, a whole number of lines
	packed     bool
	paged      bool
	pageTokens int
	layers     int
	maxContext int // the largest prompt + steps
	requests   int
	prompts    []int // per request
	idxBytes   uint64
	wBytes     uint64
	frames     []int32 // paged: frame of (request, layer, block), (request*layers+layer)*blocks + block
	blocks     int     // pages per layer
}

// New lays out the model of a valid config.
func New(c config.Config) (*Layout, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	l := &Layout{
		line: uint64(c.Line), lineShift: uint(bits.TrailingZeros(uint(c.Line))),
		kvBytes: uint64(c.KVBytes), packed: c.Layout == config.LayoutPacked, paged: c.Layout == config.LayoutPaged,
		pageTokens: c.PageTokens, layers: c.Layers, requests: c.Batch, prompts: Prompts(c),
		idxBytes: uint64(c.IndexerBytes), wBytes: uint64(c.WeightBytes),
	}
	l.maxContext = slices.Max(l.prompts) + c.Steps
	l.stride = (l.kvBytes + l.line - 1) / l.line * l.line
	l.blocks = (l.maxContext + c.PageTokens - 1) / c.PageTokens
	if l.paged {
		// Request 0's layers draw first, so one request shuffles as
		// before batches.
		rng := rand.New(rand.NewPCG(c.Seed, seedStreamPages))
		l.frames = make([]int32, l.requests*l.layers*l.blocks)
		for rl := range l.requests * l.layers {
			f := l.frames[rl*l.blocks : (rl+1)*l.blocks]
			for i := range f {
				f[i] = int32(i)
			}
			rng.Shuffle(len(f), func(i, j int) { f[i], f[j] = f[j], f[i] })
		}
	}
	return l, nil
}

// Prompts returns the prompt length of each request of a valid config's
// batch: request 0 has c.Prompt; each other request draws its own
// uniformly from c.PromptRange(), seeded by c.Seed (its own PCG stream).
func Prompts(c config.Config) []int {
	p := make([]int, max(c.Batch, 1))
	p[0] = c.Prompt
	lo, hi := c.PromptRange()
	rng := rand.New(rand.NewPCG(c.Seed, seedStreamPrompts))
	for r := 1; r < len(p); r++ {
		p[r] = lo + rng.IntN(hi-lo+1)
	}
	return p
}

// Requests is the number of requests of the batch.
func (l *Layout) Requests() int { return l.requests }

// Prompt is the prompt length of a request: its context at decode step t
// holds Prompt(r) + t tokens.
func (l *Layout) Prompt(request int) int { return l.prompts[request] }

// Line is the line size in bytes.
func (l *Layout) Line() int { return int(l.line) }

// Layers is the number of layers.
func (l *Layout) Layers() int { return l.layers }

// MaxContext is the largest context of the run, the largest prompt of the
// batch + steps: token indices are below it.
func (l *Layout) MaxContext() int { return l.maxContext }

// PagesPerLayer is the number of KV pages of a layer at MaxContext.
func (l *Layout) PagesPerLayer() int { return l.blocks }

// PageTokens is the number of tokens per page.
func (l *Layout) PageTokens() int { return l.pageTokens }

// RegionShift is the shift that turns a line address into its region
// number plus one (0 is below every region).
func (l *Layout) RegionShift() uint { return regionBits - l.lineShift }

// Regions is the number of region numbers a line can have, for a cache's
// absence tracking: line >> RegionShift() is below it.
func (l *Layout) Regions() int { return int(NumClasses)*l.requests*l.layers + 1 }

func (l *Layout) base(request, layer int, c Class) uint64 {
	return regionBase(request*l.layers+layer, c)
}

// regionBase is the first byte of class c's region of rl = request*layers
// + layer.
func regionBase(rl int, c Class) uint64 { return uint64(rl*int(NumClasses)+int(c)+1) << regionBits }

// tokenAddr is the byte address of a token's KV entry in the region of
// rl = request*layers + layer (computed by the caller: this stays small
// enough to inline).
func (l *Layout) tokenAddr(rl, token int) uint64 {
	b := regionBase(rl, KV)
	switch {
	case l.packed:
		return b + uint64(token)*l.kvBytes
	case l.paged:
		frame := uint64(l.frames[rl*l.blocks+token/l.pageTokens])
		return b + (frame*uint64(l.pageTokens)+uint64(token%l.pageTokens))*l.stride
	default:
		return b + uint64(token)*l.stride
	}
}

// TokenLines returns the lines of a request's token's KV entry in a
// layer: n consecutive lines from first.
func (l *Layout) TokenLines(request, layer, token int) (first uint64, n int) {
	return l.KV(request, layer).TokenLines(token)
}

// KVRegion is the KV region of one layer of one request: a gather looks up
// many tokens of it.
type KVRegion struct {
	l  *Layout
	rl int // request*layers + layer
}

// KV returns the KV region of a request's layer.
func (l *Layout) KV(request, layer int) KVRegion { return KVRegion{l, request*l.layers + layer} }

// TokenLines returns the lines of a token's KV entry: n consecutive lines
// from first.
func (k KVRegion) TokenLines(token int) (first uint64, n int) {
	l := k.l
	a := l.tokenAddr(k.rl, token)
	first = a >> l.lineShift
	last := (a + l.kvBytes - 1) >> l.lineShift
	return first, int(last - first + 1)
}

// PageLines returns the lines of a KV page (pageTokens consecutive
// tokens, fewer for the last page): n consecutive lines from first. In the
// packed layout a page's boundary line may be shared with the next page.
func (l *Layout) PageLines(request, layer, page int) (first uint64, n int) {
	t0 := page * l.pageTokens
	t1 := min(t0+l.pageTokens, l.maxContext) - 1
	first, _ = l.TokenLines(request, layer, t0)
	last, m := l.TokenLines(request, layer, t1)
	return first, int(last + uint64(m) - first)
}

// TokensOfLine returns the range of tokens [lo, hi] whose KV entries touch
// a KV line of the layer (of the request whose region holds the line, see
// RequestOf). Outside the packed layout a line holds at most one token; a
// line past the region's tokens gives lo > hi.
func (l *Layout) TokensOfLine(layer int, line uint64) (lo, hi int) {
	request := l.RequestOf(line)
	off := line<<l.lineShift - l.base(request, layer, KV)
	if !l.packed {
		if l.paged {
			frame, slot := off/(uint64(l.pageTokens)*l.stride), off%(uint64(l.pageTokens)*l.stride)/l.stride
			rl := request*l.layers + layer
			for b, f := range l.frames[rl*l.blocks : (rl+1)*l.blocks] {
				if uint64(f) == frame {
					t := b*l.pageTokens + int(slot)
					return t, t
				}
			}
			return 1, 0
		}
		t := int(off / l.stride)
		return t, t
	}
	lo = int(off / l.kvBytes)
	hi = int((off + l.line - 1) / l.kvBytes)
	return lo, min(hi, l.maxContext-1)
}

// IndexerStream returns the lines holding the indexer keys of a request's
// layer's first context tokens: n consecutive lines from first (n = 0 when
// the indexer is disabled).
func (l *Layout) IndexerStream(request, layer, context int) (first, n uint64) {
	bytes := uint64(context) * l.idxBytes
	if bytes == 0 {
		return 0, 0
	}
	b := l.base(request, layer, Indexer)
	return b >> l.lineShift, (bytes + l.line - 1) >> l.lineShift
}

// WeightStream returns the lines of a layer's weights, read once for the
// whole batch: n consecutive lines from first.
func (l *Layout) WeightStream(layer int) (first, n uint64) {
	if l.wBytes == 0 {
		return 0, 0
	}
	return l.base(0, layer, Weights) >> l.lineShift, (l.wBytes + l.line - 1) >> l.lineShift
}

// Owner returns the class and layer of the region a line belongs to; ok
// is false for a line outside every region (such as a din trace's).
// RequestOf tells which request's region it is.
func (l *Layout) Owner(line uint64) (c Class, layer int, ok bool) {
	r := int(line>>l.RegionShift()) - 1
	if r < 0 || r >= int(NumClasses)*l.requests*l.layers {
		return 0, 0, false
	}
	return Class(r % int(NumClasses)), r / int(NumClasses) % l.layers, true
}

// RequestOf returns the request whose region holds a line (0 for the
// weights, which the batch shares, and for a line outside every region).
func (l *Layout) RequestOf(line uint64) int {
	r := int(line>>l.RegionShift()) - 1
	if r < 0 || r >= int(NumClasses)*l.requests*l.layers {
		return 0
	}
	return r / int(NumClasses) / l.layers
}
