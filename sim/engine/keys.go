package engine

import (
	"slices"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

// TokenKeys is the key sequence of mode tokens' reservation: for each
// decode step, layer by layer, the keys of the tokens the layer gathers,
// in the order the engine gathers them. The engine's own gather reads its
// keys through the same function (appendKeys), so a tool that replays the
// sequence (the oracle's Belady MIN, the LRU curve) sees exactly the
// accesses the engine's reservation sees.
type TokenKeys struct {
	src           trace.Source
	prompt, topK  int
	layers, steps int
	maxCtx        int
}

// NewTokenKeys returns the key sequence of a config's run over a source,
// nil meaning the config's synthetic generator, checked as New checks it.
func NewTokenKeys(cfg config.Config, src trace.Source) (*TokenKeys, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if src == nil {
		var err error
		if src, err = trace.NewGenerator(GeneratorParams(cfg)); err != nil {
			return nil, err
		}
	} else if err := checkSource(cfg, src); err != nil {
		return nil, err
	}
	return &TokenKeys{src: src, prompt: cfg.Prompt, topK: cfg.TopK, layers: cfg.Layers, steps: cfg.Steps, maxCtx: cfg.Prompt + cfg.Steps}, nil
}

// newTokenKeys is the engine's own sequence, over its checked source.
func newTokenKeys(cfg config.Config, src trace.Source) *TokenKeys {
	return &TokenKeys{src: src, prompt: cfg.Prompt, topK: cfg.TopK, layers: cfg.Layers, steps: cfg.Steps, maxCtx: cfg.Prompt + cfg.Steps}
}

// Source returns the selection source the keys come from.
func (k *TokenKeys) Source() trace.Source { return k.src }

// Steps is the number of decode steps.
func (k *TokenKeys) Steps() int { return k.steps }

// Layers is the number of layers.
func (k *TokenKeys) Layers() int { return k.layers }

// Keys is the size of the key space: every key is in [0, Keys()).
func (k *TokenKeys) Keys() int { return k.layers * k.maxCtx }

// MaxGather is the largest number of keys one layer of one step gathers.
func (k *TokenKeys) MaxGather() int { return k.topK }

// LayerOf returns the layer of a key.
func (k *TokenKeys) LayerOf(key int32) int { return int(key) / k.maxCtx }

// Token returns the token index of a key.
func (k *TokenKeys) Token(key int32) int32 { return key % int32(k.maxCtx) }

// Append appends to buf the keys that layer l gathers at a step, in the
// engine's order, and returns the extended buffer. It never allocates when
// buf has room for MaxGather more keys.
func (k *TokenKeys) Append(buf []int32, step, l int) []int32 {
	sel := clipSelection(k.src.Selection(step, l), k.prompt+step, k.topK)
	return k.appendKeys(buf, l, sel)
}

// appendKeys is the one place a layer's gather becomes reservation keys:
// key = layer*maxContext + token, in selection (index) order. A batch of
// requests gathers every request's selection at a layer before the next
// layer: it belongs in this loop, with key = (layer*requests +
// request)*maxContext + token, so that a key's layer stays key / (Keys() /
// Layers()) (LayerOf), which the oracle's layer scope relies on.
func (k *TokenKeys) appendKeys(buf []int32, l int, sel []int32) []int32 {
	n := len(buf)
	buf = slices.Grow(buf, len(sel))[:n+len(sel)]
	base := k.base(l)
	for i, tok := range sel {
		buf[n+i] = base + tok
	}
	return buf
}

// base is the key of token 0 of layer l.
func (k *TokenKeys) base(l int) int32 { return int32(l * k.maxCtx) }

// clipSelection drops, from a selection of a source that could not be
// checked up front, what a run with this context and topk cannot gather:
// tokens beyond the context (the selection is sorted, so they are its
// tail), negative padding, and entries beyond topk.
func clipSelection(sel []int32, context, topK int) []int32 {
	for len(sel) > 0 && int(sel[len(sel)-1]) >= context {
		sel = sel[:len(sel)-1]
	}
	for len(sel) > 0 && sel[0] < 0 {
		sel = sel[1:]
	}
	return sel[:min(len(sel), topK)]
}
