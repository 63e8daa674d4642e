package trace

import "sync"

// Generator is the synthetic Source: a seeded model of how DSA selections
// evolve from step to step and from layer to layer (DESIGN.md, "Selection").
// S(t,l) holds the Sinks first and the Window newest tokens, then:
//
//   - each other token of S(t-1,l) is kept with a probability drawn for
//     (t,l) from a Beta of mean StepOverlap; the draw comes from a uniform
//     value that stays with layer l from one step to the next with
//     probability regimeStay, so a layer goes through regimes of a few
//     steps, some volatile and some stable, as real layers do; a few
//     sticky tokens per layer (see isSticky) are dropped less often and
//     the others more, the step's mean unchanged, which gives runs the
//     paper's long tail;
//   - each slot left free is refilled by a returning token (probability
//     ReturnRate) that the layer last selected exactly d steps ago, d >= 2
//     geometric with mean ReturnDistance, or else by a token drawn at a
//     Gamma-distributed distance back from the current position, of mean
//     Reach*TopK, that is in neither S(t,l) nor S(t-1,l);
//   - independently, a refill is taken from S(t,l-1) with the probability
//     that brings the overlap with S(t,l-1) to a target drawn for (t,l)
//     from a Beta of mean LayerOverlap, counting what the kept tokens and
//     earlier refills already share.
//
// Every refill is new to S(t,l) against S(t-1,l), so the new-lookup
// fraction of (t,l) is exactly one minus its kept share. Nothing is used
// up: a distance draw may land on any token of the context, however long
// the run, so the statistics do not drift (TestNoDrift). Step 0 starts
// from an empty S(-1,l).
//
// Steps are generated forward, all layers of a step at a time, the first
// time a Selection at or beyond them is asked for, and kept: asking for step
// t costs the generation of every step up to t once. Memory grows to
// 4*Steps*Layers*min(TopK, Prompt+Steps) bytes for the selections, plus
// 4*Layers*(Prompt+Steps) bytes for a per-layer table of the step each token
// was last selected, plus the dropped tokens of the last steps a returning
// draw reaches (40 steps at the default ReturnDistance). Because one random
// stream is consumed in that fixed order, results never depend on the order
// of calls. A Generator is safe for concurrent use.
type Generator struct {
	p Params

	mu     sync.Mutex
	sel    [][]int32 // sel[t] holds the selections of step t, layer-major
	last   []int32   // last[l*ctx+tok] = stamp of the last step l selected tok
	regime []uint32  // regime[l]: the uniform value layer l's keep probability comes from
	retThr []uint64  // retThr[l]: layer l's return probability as a threshold
	words  int       // tokenSetWords(ctx)
	ctx    int       // Prompt+Steps: tokens in the largest context

	rng      *randomBits
	ret      *quantileTable // the layers' return probabilities
	stayThr  uint64         // regimeStay as a threshold
	reuse    reuseTable     // returning distances in steps
	keep     *quantileTable // keep probabilities
	overlap  *quantileTable // layer-overlap targets
	reach    *quantileTable // distances back, as a fraction of reachMax
	reachMax uint64         // gammaSpan*Reach*TopK tokens, the distance at fraction 1

	// Scratch, reused by every (step, layer).
	kept, refill, sortTmp []int32
	sortSet               tokenSet // for writeSelection; empty between selections
	draws                 []uint32 // keepOrDrop's draws, one per token
	pool                  abovePool
	drops                 droppedBuilder
	// dropped[t'] lists what step t'+1 dropped from step t', for returning
	// draws; nil once older than the longest return distance drawn.
	dropped []*droppedStep
}

// The generator's fixed shapes, calibrated against the paper's Table 3
// spreads (TestTable3): the Beta concentrations of the keep probability and
// of the layer-overlap target and of a layer's return probability (drawn
// once per layer: layers differ in how many distinct tokens they touch),
// the chance that a layer keeps its regime from one step to the next, and
// the Gamma shape of the distance back.
const (
	returnConcentration  = 8
	keepConcentration    = 3.0
	overlapConcentration = 2.5
	regimeStay           = 0.95
	reachShape           = 2.5
)

// Stamps in the last-selected table: stamp(t) = t+2, 0 means never. With
// cur = stamp(t), while step t is built a token is in S(t,l) if its stamp
// is cur, was dropped from S(t-1,l) if cur-1, and is free if below cur-1.
func stamp(t int) int32 { return int32(t) + 2 }

// NewGenerator validates p (see Params.Validate) and returns a generator.
// It allocates nothing large: tables are made at the first Selection.
func NewGenerator(p Params) (*Generator, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &Generator{
		p:        p,
		ctx:      p.Prompt + p.Steps,
		rng:      newRandomBits(p.Seed, 0x7472616365), // stream "trace"
		ret:      betaTable(p.ReturnRate, returnConcentration),
		stayThr:  threshold(regimeStay),
		reuse:    newReuseTable(p.ReturnDistance, p.Steps),
		keep:     betaTable(p.StepOverlap, keepConcentration),
		overlap:  betaTable(p.LayerOverlap, overlapConcentration),
		reach:    gammaTable(reachShape),
		reachMax: uint64(float64(gammaSpan*p.Reach) * float64(p.TopK)),
	}, nil
}

// Params returns the parameters the generator was built with.
func (g *Generator) Params() Params { return g.p }

// Layers returns Params.Layers.
func (g *Generator) Layers() int { return g.p.Layers }

// Steps returns Params.Steps.
func (g *Generator) Steps() int { return g.p.Steps }

// size returns |S(t,l)| = min(TopK, Prompt+t).
func (g *Generator) size(t int) int { return min(g.p.TopK, g.p.Prompt+t) }

// Selection returns S(step, layer), generating the steps up to step first
// if needed; nil when step or layer is out of range.
func (g *Generator) Selection(step, layer int) []int32 {
	if step < 0 || step >= g.p.Steps || layer < 0 || layer >= g.p.Layers {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for len(g.sel) <= step {
		g.generateStep(len(g.sel))
	}
	n := g.size(step)
	return g.sel[step][layer*n : (layer+1)*n : (layer+1)*n]
}

// generateStep appends step t, layer by layer.
func (g *Generator) generateStep(t int) {
	if g.last == nil {
		g.last = make([]int32, g.p.Layers*g.ctx)
		g.regime = make([]uint32, g.p.Layers)
		g.retThr = make([]uint64, g.p.Layers)
		g.words = tokenSetWords(g.ctx)
		g.sortSet = make(tokenSet, g.words)
	}
	n := g.size(t)
	out := make([]int32, g.p.Layers*n)
	g.drops.reset()
	for l := 0; l < g.p.Layers; l++ {
		var prev, above []int32
		if t > 0 {
			m := g.size(t - 1)
			prev = g.sel[t-1][l*m : (l+1)*m]
		}
		if l > 0 {
			above = out[(l-1)*n : l*n]
		}
		g.generate(t, l, prev, above, out[l*n:(l+1)*n])
	}
	g.sel = append(g.sel, out)
	if t > 0 {
		var spare *droppedStep
		if old := t - 1 - g.reuse.maxDistance(); old >= 0 {
			spare = g.dropped[old] // no draw reaches that far back
			g.dropped[old] = nil
		}
		g.dropped = append(g.dropped, g.drops.finish(spare))
	}
}

// Prompt returns Params.Prompt: the context at step 0, which Measure
// measures lookback from.
func (g *Generator) Prompt() int { return g.p.Prompt }
