package trace

import "sync"

// Generator is the synthetic Source: a seeded model of how DSA selections
// evolve from step to step and from layer to layer (DESIGN.md, "Selection").
// S(t,l) holds the Sinks first and the Window newest tokens, then:
//
//   - each other token of S(t-1,l) is kept with probability StepOverlap;
//   - each slot left free is refilled by a returning token (probability
//     ReturnRate) that the layer last selected exactly d steps ago, d >= 2
//     geometric with mean Lookback, or else by a token the layer never
//     selected, drawn from a popularity skewed to recent tokens (Skew);
//   - independently, a refill is taken from S(t,l-1) with the probability
//     that brings the expected overlap with S(t,l-1) to LayerOverlap,
//     counting what the kept tokens and earlier refills already share.
//
// So the measured statistics follow the knobs: 1 - new fraction is about
// StepOverlap, persistence about 1/(1-StepOverlap), lookback about Lookback
// and inter-layer overlap LayerOverlap. Step 0 starts from an empty S(-1,l).
// When a layer has selected nearly all of its context (after about
// Prompt / ((1-ReturnRate)*(1-StepOverlap)*TopK) steps), fresh refills
// become returning ones, which keeps the statistics.
//
// Steps are generated forward, all layers of a step at a time, the first
// time a Selection at or beyond them is asked for, and kept: asking for step
// t costs the generation of every step up to t once. Memory grows to
// 4*Steps*Layers*min(TopK, Prompt+Steps) bytes for the selections, plus
// 4*Layers*(Prompt+Steps) bytes for a per-layer table of the step each token
// was last selected and an eighth of that for a bitmap of the tokens ever
// selected, plus the dropped tokens of the last steps a returning
// draw reaches (40 steps at the default Lookback). Because one random
// stream is consumed in that fixed order, results never depend on the order
// of calls. A Generator is safe for concurrent use.
type Generator struct {
	p Params

	mu    sync.Mutex
	sel   [][]int32 // sel[t] holds the selections of step t, layer-major
	last  []int32   // last[l*ctx+tok] = stamp of the last step l selected tok
	used  []int32   // used[l] counts the tokens layer l ever selected
	seen  tokenSet  // layer l's ever-selected tokens: words [l*words, (l+1)*words)
	words int       // tokenSetWords(ctx)
	ctx   int       // Prompt+Steps: tokens in the largest context

	rng      *randomBits
	keepThr  uint64 // StepOverlap as a threshold
	retThr   uint64 // ReturnRate as a threshold
	layerFix uint64 // LayerOverlap in 32-bit fixed point
	look     lookbackTable
	age      *ageTable

	// Scratch, reused by every (step, layer).
	kept, refill, sortTmp []int32
	sortSet               tokenSet // for writeSelection; empty between selections
	draws                 []uint32 // keepOrDrop's draws, one per token
	pool                  abovePool
	drops                 droppedBuilder
	// dropped[t'] lists what step t'+1 dropped from step t', for returning
	// draws; nil once older than the longest lookback drawn.
	dropped []*droppedStep
}

// Stamps in the last-selected table: stamp(t) = t+2, 0 means never. With
// cur = stamp(t), while step t is built a token is in S(t,l) if its stamp
// is cur, was dropped from S(t-1,l) if cur-1, and is free if below cur-1.
const never = 0

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
		keepThr:  threshold(p.StepOverlap),
		retThr:   threshold(p.ReturnRate),
		layerFix: uint64(p.LayerOverlap * (1 << 32)),
		look:     newLookbackTable(p.Lookback, p.Steps),
		age:      newAgeTable(p.Skew),
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
		g.used = make([]int32, g.p.Layers)
		g.words = tokenSetWords(g.ctx)
		g.seen = make(tokenSet, g.p.Layers*g.words)
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
		if old := t - 1 - g.look.maxDistance(); old >= 0 {
			spare = g.dropped[old] // no draw reaches that far back
			g.dropped[old] = nil
		}
		g.dropped = append(g.dropped, g.drops.finish(spare))
	}
}
