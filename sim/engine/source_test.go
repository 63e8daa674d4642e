package engine

import (
	"math/rand/v2"
	"slices"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// randomSource is a trace source for tests independent of the generator:
// each (step, layer) selects min(k, N) distinct tokens at random, with
// heavy reuse of a small hot set so that reservations see hits.
type randomSource struct {
	layers, steps int
	sel           [][]int32
}

func newRandomSource(seed uint64, layers, steps, k, prompt int) *randomSource {
	rng := rand.New(rand.NewPCG(seed, 11))
	s := &randomSource{layers: layers, steps: steps}
	for t := range steps {
		n := prompt + t
		for range layers {
			size := min(k, n)
			pick := map[int32]bool{}
			for len(pick) < size {
				tok := int32(rng.IntN(n))
				if rng.IntN(2) == 0 {
					tok = int32(rng.IntN(min(n, 2*k)))
				}
				pick[tok] = true
			}
			sel := make([]int32, 0, size)
			for tok := range pick {
				sel = append(sel, tok)
			}
			slices.Sort(sel)
			s.sel = append(s.sel, sel)
		}
	}
	return s
}

func (s *randomSource) Layers() int { return s.layers }
func (s *randomSource) Steps() int  { return s.steps }
func (s *randomSource) Selection(step, layer int) []int32 {
	if step < 0 || step >= s.steps || layer < 0 || layer >= s.layers {
		return nil
	}
	return s.sel[step*s.layers+layer]
}

var _ trace.Source = (*randomSource)(nil)

// newRandomBatch is a batch of randomSources, one per request of c, with
// the prompts the layout gives them.
func newRandomBatch(c config.Config) *Batch {
	b := &Batch{prompts: workload.Prompts(c)}
	for r, prompt := range b.prompts {
		b.srcs = append(b.srcs, newRandomSource(c.Seed+uint64(r), c.Layers, c.Steps, c.TopK, prompt))
	}
	return b
}
