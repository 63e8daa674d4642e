package engine

import (
	"fmt"
	"slices"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// KeySpace numbers what a reservation holds, a token (modes tokens and
// prevk) or a page (mode pages) of one layer of one request of the batch:
//
//	key = (request*Layers + layer)*PerLayer + unit
//
// where unit is the token index (PerLayer = Layout.MaxContext) or the page
// index (PerLayer = Layout.PagesPerLayer). With one request this is
// layer*PerLayer + unit, the keys from before batches. It is the one place
// that maps (request, layer, token) to a key: the engine, the pictures and
// any tool that replays the engine's key sequence use it. The engine looks
// keys up step by step, layer by layer, then request by request, each
// selection in index order (mode tokens: every selected token's key; mode
// pages: the page key of each selected token).
type KeySpace struct {
	Requests, Layers, PerLayer int
}

// Key returns the key of a unit of a request's layer.
func (k KeySpace) Key(request, layer, unit int) int32 {
	return int32((request*k.Layers+layer)*k.PerLayer + unit)
}

// Split is Key's inverse.
func (k KeySpace) Split(key int32) (request, layer, unit int) {
	rl, unit := int(key)/k.PerLayer, int(key)%k.PerLayer
	if k.Requests == 1 {
		return 0, rl, unit // no second division for the usual batch of one
	}
	return rl / k.Layers, rl % k.Layers, unit
}

// Size is the number of keys: every key is in [0, Size()).
func (k KeySpace) Size() int { return k.Requests * k.Layers * k.PerLayer }

// TokenKeys is the key sequence of mode tokens' reservation: for each
// decode step, layer by layer, request by request, the keys of the tokens
// the request's layer gathers, in the order the engine gathers them. The
// engine's own gather reads its keys through the same function
// (appendKeys), so a tool that replays the sequence (the oracle's Belady
// MIN, the LRU curve) sees exactly the accesses the engine's reservation
// sees.
type TokenKeys struct {
	batch *Batch
	space KeySpace
	topK  int
	steps int
}

// NewTokenKeys returns the key sequence of a config's run over a source,
// nil meaning the config's synthetic batch, checked as New checks it.
func NewTokenKeys(cfg config.Config, src trace.Source) (*TokenKeys, error) {
	return tokenKeysFor(cfg, src, nil)
}

// NewTokenKeysWithBatch is NewTokenKeys over a batch that may feed
// engines too (see NewWithBatch).
func NewTokenKeysWithBatch(cfg config.Config, b *Batch) (*TokenKeys, error) {
	if b == nil {
		return nil, fmt.Errorf("engine: NewTokenKeysWithBatch needs a batch")
	}
	return tokenKeysFor(cfg, nil, b)
}

func tokenKeysFor(cfg config.Config, src trace.Source, b *Batch) (*TokenKeys, error) {
	layout, err := workload.New(cfg) // validates cfg
	if err != nil {
		return nil, err
	}
	if b, err = batchFor(cfg, layout, src, b); err != nil {
		return nil, err
	}
	return newTokenKeys(cfg, b, KeySpace{Requests: cfg.Batch, Layers: cfg.Layers, PerLayer: layout.MaxContext()}), nil
}

// newTokenKeys is the engine's own sequence, over its checked batch.
func newTokenKeys(cfg config.Config, b *Batch, space KeySpace) *TokenKeys {
	return &TokenKeys{batch: b, space: space, topK: cfg.TopK, steps: cfg.Steps}
}

// Space returns the keys' numbering.
func (k *TokenKeys) Space() KeySpace { return k.space }

// Steps is the number of decode steps.
func (k *TokenKeys) Steps() int { return k.steps }

// Layers is the number of layers.
func (k *TokenKeys) Layers() int { return k.space.Layers }

// Keys is the size of the key space: every key is in [0, Keys()).
func (k *TokenKeys) Keys() int { return k.space.Size() }

// MaxGather is the largest number of keys one layer of one step gathers,
// over the whole batch.
func (k *TokenKeys) MaxGather() int { return k.space.Requests * k.topK }

// Append appends to buf the keys that layer l gathers at a step, every
// request in turn, in the engine's order, and returns the extended
// buffer. It never allocates when buf has room for MaxGather more keys.
func (k *TokenKeys) Append(buf []int32, step, l int) []int32 {
	for r := range k.batch.Requests() {
		sel := checked(k.batch.Request(r).Selection(step, l), k.batch.Prompt(r)+step, k.topK)
		buf = k.appendKeys(buf, r, l, sel)
	}
	return buf
}

// appendKeys is the one place a request's gather at a layer becomes
// reservation keys (KeySpace.Key), in selection (index) order.
func (k *TokenKeys) appendKeys(buf []int32, r, l int, sel []int32) []int32 {
	n := len(buf)
	buf = slices.Grow(buf, len(sel))[:n+len(sel)]
	base := k.space.Key(r, l, 0)
	for i, tok := range sel {
		buf[n+i] = base + tok
	}
	return buf
}
