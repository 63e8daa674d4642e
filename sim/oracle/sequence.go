package oracle

import (
	"fmt"
	"math"

	"dsaviz/sim/engine"
)

// noNext marks an access whose key is never used again.
const noNext = math.MaxInt32

// Sequence is a run's reservation accesses, flattened in the engine's
// order: step by step, layer by layer, the keys each layer gathers.
type Sequence struct {
	keys      []int32 // access i's key
	next      []int32 // access i's next use of the same key, or noNext
	stepStart []int   // step t's accesses are keys[stepStart[t]:stepStart[t+1]]
	numKeys   int     // keys are in [0, numKeys)
	layers    int
	layerDiv  int32 // key / layerDiv is the key's layer
}

// NewSequence reads every step of a key sequence. It refuses a run of
// 2^31 accesses or more: access positions are int32.
func NewSequence(k *engine.TokenKeys) (*Sequence, error) {
	s := newSequence(k.Steps(), k.Keys(), k.Layers())
	for t := range k.Steps() {
		for l := range k.Layers() {
			s.keys = k.Append(s.keys, t, l)
		}
		if len(s.keys) >= noNext {
			return nil, fmt.Errorf("oracle: the run has more than %d reservation accesses", noNext-1)
		}
		s.stepStart[t+1] = len(s.keys)
	}
	s.link()
	return s, nil
}

// fromSteps builds a sequence from each step's keys, in order, with keys
// in [0, numKeys) and key/(numKeys/layers) a key's layer.
func fromSteps(steps [][]int32, numKeys, layers int) *Sequence {
	s := newSequence(len(steps), numKeys, layers)
	for t, keys := range steps {
		s.keys = append(s.keys, keys...)
		s.stepStart[t+1] = len(s.keys)
	}
	s.link()
	return s
}

func newSequence(steps, numKeys, layers int) *Sequence {
	return &Sequence{stepStart: make([]int, steps+1), numKeys: numKeys, layers: layers, layerDiv: int32(numKeys / layers)}
}

// link finds every access's next use, in one backward pass.
func (s *Sequence) link() {
	s.next = make([]int32, len(s.keys))
	last := make([]int32, s.numKeys) // last[key] = position+1 of the latest access seen, 0: none
	for i := len(s.keys) - 1; i >= 0; i-- {
		key := s.keys[i]
		s.next[i] = noNext
		if p := last[key]; p > 0 {
			s.next[i] = p - 1
		}
		last[key] = int32(i) + 1
	}
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

// partitions returns the number of partitions of a scope and the divisor
// that maps a key to its partition.
func (s *Sequence) partitions(layerScope bool) (n int, div int32) {
	if layerScope {
		return s.layers, s.layerDiv
	}
	return 1, int32(s.numKeys)
}

// shares returns each partition's slots: all of them in the global scope,
// the engine's split (engine.LayerSlots) in the layer scope.
func (s *Sequence) shares(slots int, layerScope bool) []int {
	n, _ := s.partitions(layerScope)
	caps := make([]int, n)
	for p := range caps {
		caps[p] = slots
		if layerScope {
			caps[p] = engine.LayerSlots(slots, n, p)
		}
	}
	return caps
}
