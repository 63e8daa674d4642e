package oracle

import (
	"fmt"
	"math"

	"dsaviz/sim/engine"
)

// noNext marks an access whose key is never used again.
const noNext = math.MaxInt32

// Sequence is a run's reservation accesses, flattened in the engine's
// order: step by step, layer by layer, the keys each layer gathers (every
// request's in turn), numbered as engine.KeySpace numbers them.
type Sequence struct {
	keys      []int32 // access i's key
	next      []int32 // access i's next use of the same key, or noNext
	stepStart []int   // step t's accesses are keys[stepStart[t]:stepStart[t+1]]
	segStart  []int   // layer l of step t: keys[segStart[t*layers+l]:segStart[t*layers+l+1]]
	numKeys   int     // keys are in [0, numKeys)
	keySplit
}

// keySplit tells a key's layer, as engine.KeySpace numbers keys.
type keySplit struct {
	layers   int
	requests int
	perLayer int32 // keys per request's layer (engine.KeySpace)
}

// NewSequence reads every step of a key sequence. It refuses a run of
// 2^31 accesses or more: access positions are int32.
func NewSequence(k *engine.TokenKeys) (*Sequence, error) {
	sp := k.Space()
	s := newSequence(k.Steps(), sp.Layers, sp.Requests, sp.PerLayer)
	s.keys = make([]int32, 0, k.Steps()*k.Layers()*min(k.MaxGather(), 1<<16))
	for t := range k.Steps() {
		for l := range k.Layers() {
			s.keys = k.Append(s.keys, t, l)
			s.segStart[t*s.layers+l+1] = len(s.keys)
		}
		if len(s.keys) >= noNext {
			return nil, fmt.Errorf("oracle: the run has more than %d reservation accesses", noNext-1)
		}
		s.stepStart[t+1] = len(s.keys)
	}
	s.link()
	return s, nil
}

// fromSteps builds a sequence of one request from each step's keys, in
// order, with keys in [0, numKeys), key/(numKeys/layers) a key's layer,
// and each step's keys grouped by layer in layer order, as the engine
// gathers them.
func fromSteps(steps [][]int32, numKeys, layers int) *Sequence {
	s := newSequence(len(steps), layers, 1, numKeys/layers)
	for t, keys := range steps {
		i := 0
		for l := range layers {
			s.segStart[t*layers+l] = len(s.keys) + i
			for i < len(keys) && s.layerOf(keys[i]) == l {
				i++
			}
		}
		if i != len(keys) {
			panic("oracle: fromSteps needs each step's keys grouped by layer, in layer order")
		}
		s.keys = append(s.keys, keys...)
		s.stepStart[t+1] = len(s.keys)
	}
	s.segStart[len(steps)*layers] = len(s.keys)
	s.link()
	return s
}

func newSequence(steps, layers, requests, perLayer int) *Sequence {
	return &Sequence{
		stepStart: make([]int, steps+1), segStart: make([]int, steps*layers+1),
		numKeys:  requests * layers * perLayer,
		keySplit: keySplit{layers: layers, requests: requests, perLayer: int32(perLayer)},
	}
}

// layerOf returns a key's layer (engine.KeySpace.Split).
func (s keySplit) layerOf(key int32) int {
	rl := int(key / s.perLayer)
	if s.requests == 1 {
		return rl
	}
	return rl % s.layers
}

// inLayer numbers a key among its layer's keys: request*perLayer + token.
func (s keySplit) inLayer(key int32) int32 {
	rl, unit := key/s.perLayer, key%s.perLayer
	return rl/int32(s.layers)*s.perLayer + unit
}

// inLayerOf is inLayer of a key known to be of layer l: with one
// request, a subtraction instead of two divisions.
func (s keySplit) inLayerOf(key int32, l int) int32 {
	if s.requests == 1 {
		return key - int32(l)*s.perLayer
	}
	return s.inLayer(key)
}

// link finds every access's next use, a layer at a time: a key is used
// again only in its own layer, so the table of latest uses holds one
// layer's tokens and stays in cache.
func (s *Sequence) link() {
	s.next = make([]int32, len(s.keys))
	last := make([]int32, s.requests*int(s.perLayer)) // inLayer -> position+1 of the latest access seen, 0: none
	for l := range s.layers {
		clear(last)
		for t := s.Steps() - 1; t >= 0; t-- {
			seg := t*s.layers + l
			for i := s.segStart[seg+1] - 1; i >= s.segStart[seg]; i-- {
				tok := s.inLayerOf(s.keys[i], l)
				s.next[i] = noNext
				if p := last[tok]; p > 0 {
					s.next[i] = p - 1
				}
				last[tok] = int32(i) + 1
			}
		}
	}
}

// layerSequence returns layer l's accesses alone, in the same steps, as
// a sequence of one layer whose keys are numbered within the layer
// (inLayer): in the layer scope each layer is a store of its own, which
// sees only its own accesses.
func (s *Sequence) layerSequence(l int) *Sequence {
	sub := newSequence(s.Steps(), 1, s.requests, int(s.perLayer))
	n := 0
	for t := range s.Steps() {
		n += s.segStart[t*s.layers+l+1] - s.segStart[t*s.layers+l]
	}
	sub.keys = make([]int32, 0, n)
	for t := range s.Steps() {
		seg := t*s.layers + l
		for _, k := range s.keys[s.segStart[seg]:s.segStart[seg+1]] {
			sub.keys = append(sub.keys, s.inLayerOf(k, l))
		}
		sub.stepStart[t+1] = len(sub.keys)
		sub.segStart[t+1] = len(sub.keys)
	}
	sub.link()
	return sub
}

// Len is the number of accesses.
func (s *Sequence) Len() int { return len(s.keys) }

// Steps is the number of decode steps.
func (s *Sequence) Steps() int { return len(s.stepStart) - 1 }

// Layers is the number of layers.
func (s *Sequence) Layers() int { return s.layers }

// StepAccesses returns the number of accesses of each step.
func (s *Sequence) StepAccesses() []int64 {
	n := make([]int64, s.Steps())
	for t := range n {
		n[t] = int64(s.stepStart[t+1] - s.stepStart[t])
	}
	return n
}

// partitions returns the number of partitions of a scope.
func (s keySplit) partitions(layerScope bool) int {
	if layerScope {
		return s.layers
	}
	return 1
}

// shares returns each partition's slots: all of them in the global scope,
// the engine's split (engine.LayerSlots) in the layer scope.
func (s keySplit) shares(slots int, layerScope bool) []int {
	n := s.partitions(layerScope)
	caps := make([]int, n)
	for p := range caps {
		caps[p] = slots
		if layerScope {
			caps[p] = engine.LayerSlots(slots, n, p)
		}
	}
	return caps
}
