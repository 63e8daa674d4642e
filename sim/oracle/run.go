package oracle

import (
	"errors"
	"slices"
	"sync"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// ErrPacked is returned for the packed layout, whose neighbouring tokens
// share lines: a token's reserved hits then depend on its neighbours'
// residency, which neither the stack distances nor MIN model.
var ErrPacked = errors.New("oracle: the packed layout shares lines between tokens; use rounded or paged")

// Run holds one run's reservation accesses and answers, for mode tokens'
// reservation at any size and in either scope, the LRU's reserved hits
// (what the engine would count, exactly) and MIN's, in lines.
type Run struct {
	cfg   config.Config
	seq   *Sequence
	lines int64         // lines per token
	once  [2]sync.Once  // by scope: global, layer
	hist  [2]*Histogram // by scope, counted at the first use
}

// NewRun reads the run of cfg over src (nil: the config's generator).
// Its methods are safe for concurrent use.
func NewRun(cfg config.Config, src trace.Source) (*Run, error) {
	return newRun(cfg, func() (*engine.TokenKeys, error) { return engine.NewTokenKeys(cfg, src) })
}

// NewRunWithBatch is NewRun over a batch that feeds engines too (see
// engine.NewWithBatch), so that the selections are generated once.
func NewRunWithBatch(cfg config.Config, b *engine.Batch) (*Run, error) {
	return newRun(cfg, func() (*engine.TokenKeys, error) { return engine.NewTokenKeysWithBatch(cfg, b) })
}

// newRun refuses the packed layout, then reads the keys keys returns.
func newRun(cfg config.Config, keys func() (*engine.TokenKeys, error)) (*Run, error) {
	if cfg.Layout == config.LayoutPacked {
		return nil, ErrPacked
	}
	k, err := keys()
	if err != nil {
		return nil, err
	}
	seq, err := NewSequence(k)
	if err != nil {
		return nil, err
	}
	return &Run{cfg: cfg, seq: seq, lines: int64(cfg.TokenLines())}, nil
}

// Sequence returns the run's accesses.
func (r *Run) Sequence() *Sequence { return r.seq }

// Slots is the number of token slots a reservation of reserve bytes
// holds.
func (r *Run) Slots(reserve int64) int { return int(reserve / r.cfg.TokenStride()) }

// MaxSlots is the largest reservation the config allows, in slots:
// capacity minus one way.
func (r *Run) MaxSlots() int { return r.Slots(int64(r.cfg.Capacity) - r.cfg.WayBytes()) }

// MinSlots is the smallest reservation of a scope, in slots: one, or one
// per layer in the layer scope.
func (r *Run) MinSlots(scope string) int {
	if scope == config.ScopeLayer {
		return r.cfg.Layers
	}
	return 1
}

// GatherLines is the number of KV lines the run gathers, whatever the
// reservation: each is a reserved hit or, in mode tokens, a blocking miss
// (the shared part never holds a KV line there).
func (r *Run) GatherLines() int64 { return int64(r.seq.Len()) * r.lines }

// Sizes returns the reservation sizes of a curve, in slots: points sizes
// evenly spread over 1..MaxSlots, and reserve's own (if the config allows
// it), sorted, each once. The app's chart and dsasim curve use the same.
func (r *Run) Sizes(points int, reserve int64) []int {
	most := r.MaxSlots()
	var slots []int
	for i := 1; i <= points; i++ {
		slots = append(slots, max(1, int(int64(i)*int64(most)/int64(points))))
	}
	if own := r.Slots(reserve); own >= 1 && own <= most {
		slots = append(slots, own)
	}
	slices.Sort(slots)
	return slices.Compact(slots)
}

// valid reports whether slots is a reservation the scope allows.
func (r *Run) valid(slots int, scope string) bool {
	return slots >= r.MinSlots(scope) && slots <= r.MaxSlots()
}

// LRU returns the reserved hits, in lines, of mode tokens' LRU with a
// reservation of slots in a scope (global or layer), and false for a size
// the config does not allow. The first call of a scope counts its stack
// distances (Sequence.StackDistances, up to MaxSlots); later ones cost
// O(1), or O(layers) in the layer scope.
func (r *Run) LRU(slots int, scope string) (int64, bool) {
	if !r.valid(slots, scope) {
		return 0, false
	}
	i := scopeIndex(scope)
	r.once[i].Do(func() { r.hist[i] = r.seq.StackDistances(i == 1, r.MaxSlots()) })
	return r.hist[i].Hits(slots) * r.lines, true
}

// MIN returns Belady's MIN's reserved hits, in lines, per step, at the
// same size and scope, seeing the config's horizon; false for a size the
// config does not allow. It costs about a run of the engine.
func (r *Run) MIN(slots int, scope string) ([]int64, bool) {
	if !r.valid(slots, scope) {
		return nil, false
	}
	hits := r.seq.MIN(slots, scope == config.ScopeLayer, r.cfg.Horizon)
	for t := range hits {
		hits[t] *= r.lines
	}
	return hits, true
}

// LineMIN returns the line MIN's KV hits per step for the config's whole
// LLC (see Sequence.LineMIN), seeing the config's horizon.
func (r *Run) LineMIN() ([]int64, error) {
	return r.seq.LineMIN(int(int64(r.cfg.Capacity)/int64(r.cfg.Line)), int(r.lines), r.cfg.Horizon)
}

func scopeIndex(scope string) int {
	if scope == config.ScopeLayer {
		return 1
	}
	return 0
}
