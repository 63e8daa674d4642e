package engine

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// randomConfig returns a small valid config, varied by rng.
func randomConfig(rng *rand.Rand, mode string) config.Config {
	c := config.DefaultConfig()
	c.Line = 1 << (4 + rng.IntN(3))
	c.Ways = 1 + rng.IntN(8)
	sets := 1 + rng.IntN(24)
	c.Capacity = config.Size(sets * c.Line * c.Ways)
	c.Policy = []string{config.PolicyLRU, config.PolicyFIFO}[rng.IntN(2)]
	c.Hash = []string{config.HashMod, config.HashXOR}[rng.IntN(2)]
	c.Bypass = rng.IntN(4) == 0
	c.Layout = []string{config.LayoutRounded, config.LayoutPacked, config.LayoutPaged}[rng.IntN(3)]
	c.Mode = mode
	if mode == config.ModePages && c.Layout == config.LayoutPacked {
		c.Layout = config.LayoutPaged // pages need whole-line tokens
	}
	c.PageTokens = 1 + rng.IntN(8)
	c.Layers = 1 + rng.IntN(4)
	c.TopK = 1 + rng.IntN(24)
	c.KVBytes = 1 + rng.IntN(3*c.Line)
	c.IndexerBytes = rng.IntN(9)
	c.WeightBytes = config.Size(rng.IntN(3 * int(c.Capacity)))
	c.Prompt = 1 + rng.IntN(80)
	c.Steps = 1 + rng.IntN(12)
	c.Seed = rng.Uint64()
	c.Sinks = rng.IntN(2)
	c.Window = rng.IntN(3)
	if c.Sinks+c.Window > c.TopK {
		c.Sinks, c.Window = 0, 0
	}
	if c.Mode != config.ModeNone {
		if c.Ways < 2 {
			c.Ways = 2
			c.Capacity = config.Size(sets * c.Line * c.Ways)
		}
		unit := c.WayBytes()
		switch c.Mode {
		case config.ModeTokens, config.ModePrevK:
			unit = c.TokenStride()
		case config.ModePages:
			unit = c.TokenStride() * int64(c.PageTokens)
		}
		max := int64(c.Capacity) - c.WayBytes()
		if unit > max {
			c.Mode = config.ModeNone
		} else {
			c.Reserve = config.Size(unit + rng.Int64N(max-unit+1))
		}
	}
	return c
}

// TestEngineMatchesReference runs random small configs of every mode
// through the engine and the reference, comparing every layer's counts
// and roofline and every request's counts: one request in the first 60
// configs of a mode, batches of 2 to 4 in the others; odd ones read
// randomSource selections, the others the generator's.
func TestEngineMatchesReference(t *testing.T) {
	modes := []string{config.ModeNone, config.ModeWays, config.ModeTokens, config.ModePrevK, config.ModePages}
	for _, mode := range modes {
		for i := range 100 {
			rng := rand.New(rand.NewPCG(uint64(i), 3))
			c := randomConfig(rng, mode)
			if i >= 60 {
				c.Batch = 2 + rng.IntN(3)
			}
			if i%3 == 0 {
				c.TimeModel = config.TimePaper
			}
			t.Run(fmt.Sprintf("%s/%d", mode, i), func(t *testing.T) {
				if err := c.Validate(); err != nil {
					t.Fatalf("random config invalid: %v", err)
				}
				var e *Engine
				var err error
				switch {
				case i%2 == 0:
					e, err = New(c, nil)
				case c.Batch == 1:
					e, err = New(c, newRandomSource(c.Seed, c.Layers, c.Steps, c.TopK, c.Prompt))
				default:
					e, err = NewWithBatch(c, newRandomBatch(c))
				}
				if err != nil {
					t.Fatal(err)
				}
				r := newRef(t, e)
				wantReq := make([]ByClass, c.Batch)
				var fill int64
				for !e.Done() {
					step, l := e.Step(), e.Layer()
					want := r.layer(step, l)
					e.AdvanceLayer(nil)
					got := e.Current().Layers[l]
					if e.Layer() == 0 {
						got = e.LastStep().Layers[l]
					}
					if got.Class != want.class {
						t.Fatalf("config %+v\nstep %d layer %d: got %+v\nwant %+v", c, step, l, got.Class, want.class)
					}
					wantRoof := Roofline{}
					for req := range c.Batch {
						wantRoof.Add(e.timing.Gather(want.tokens[req], want.missPages[req]))
					}
					if got.Roofline != wantRoof {
						t.Fatalf("config %+v\nstep %d layer %d: roofline %+v, want %+v", c, step, l, got.Roofline, wantRoof)
					}
					if wantSec := e.timing.LayerSeconds(got.StreamBytes, &got.Class); c.TimeModel == config.TimePaper {
						if got.Seconds != got.Roofline.RefSeconds+got.Roofline.StallSeconds {
							t.Fatalf("step %d layer %d: paper time %v, roofline %+v", step, l, got.Seconds, got.Roofline)
						}
					} else if got.Seconds != wantSec {
						t.Fatalf("step %d layer %d: mlp time %v, want %v", step, l, got.Seconds, wantSec)
					}
					fill += got.PageFillLines
					for req := range wantReq {
						wantReq[req].Add(&want.requests[req])
					}
					if e.Layer() == 0 { // the step is over
						for req, w := range wantReq {
							if g := e.LastStep().Requests[req].Class; g != w {
								t.Fatalf("step %d request %d: got %+v\nwant %+v", step, req, g, w)
							}
						}
						clear(wantReq)
					}
				}
				var sum ByClass
				for _, rs := range e.RequestTotals() {
					sum.Add(&rs.Class)
				}
				tot := e.Totals()
				if sum[workload.KV] != tot[workload.KV] || sum[workload.Indexer] != tot[workload.Indexer] {
					t.Errorf("requests' totals %+v do not sum to the run's %+v in indexer and kv", sum, tot)
				}
				if fill != r.fill {
					t.Errorf("page fill lines = %d, want %d", fill, r.fill)
				}
				if frac, pages := e.PageUtilization(); pages != r.pagesOut || (pages > 0 && frac != float64(r.usedOut)/float64(pages*int64(c.PageTokens))) {
					t.Errorf("page utilization = %v over %d pages, want %d pages with %d tokens used", frac, pages, r.pagesOut, r.usedOut)
				}
			})
		}
	}
}
