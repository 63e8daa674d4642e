package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/workload"
)

// plainPartition is a partition of p's shape and policy that tracks no
// regions: it can never prove a line absent, so every stream and every
// gather goes line by line through Access (the path the cache's reference
// tests check), with no lazy log and no overlay.
func plainPartition(t *testing.T, p *cache.Partition, seed uint64) *cache.Partition {
	t.Helper()
	if p == nil {
		return nil
	}
	q, err := cache.New(p.Geometry(), cache.Options{Policy: p.Policy(), Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// refEvents is a layer's events written the obvious way, for the modes
// that gather through a partition (none, ways): the streams and every
// gathered line go through plain partitions (plainPartition) one Access
// at a time, each line's hit or miss and each eviction (naming the victim
// and its owner) written down, then grouped as the engine reports them
// (groupLines).
type refEvents struct {
	e              *Engine // for the layout, the config and the selections
	shared, kvWays *cache.Partition
}

func (r *refEvents) layer(step, l int) []Event {
	var out []Event
	lay, c := r.e.layout, r.e.cfg
	stream := func(class workload.Class, first, n uint64) {
		if n == 0 {
			return
		}
		res := r.shared.Stream(first, n, c.Bypass)
		o := Miss
		if res.Hits == n {
			o = SharedHit
		}
		out = append(out, Event{Line: first, N: n, Token: -1, Class: class, Outcome: o})
	}
	first, n := lay.IndexerStream(0, l, c.Prompt+step) // request 0: batches of one
	stream(workload.Indexer, first, n)
	p, hitKind := r.shared, SharedHit
	if c.Mode == config.ModeWays {
		p, hitKind = r.kvWays, ReservedHit
	}
	for _, tok := range checked(r.e.batch.Request(0).Selection(step, l), c.Prompt+step, c.TopK) {
		first, n := lay.TokenLines(0, l, int(tok))
		var lines []refLine
		for x := first; x < first+uint64(n); x++ {
			hit, victim, evicted := p.Access(x)
			o := Miss
			if hit {
				o = hitKind
			}
			lines = append(lines, refLine{line: x, outcome: o, victim: victim, evicted: evicted})
		}
		for c := 0; c < len(lines); c += cache.MaxRun { // the engine's runs
			out = groupLines(out, lay, tok, lines[c:min(c+cache.MaxRun, len(lines))])
		}
	}
	first, n = lay.WeightStream(l)
	stream(workload.Weights, first, n)
	return out
}

// refLine is one gathered line's outcome, and its victim if it evicted one.
type refLine struct {
	line, victim uint64
	outcome      Outcome
	evicted      bool
}

// groupLines appends the events of a run of a token's lines, written line
// by line in lines, as the engine groups them: each stretch of lines with
// one outcome as one event, then that stretch's victims, consecutive
// victims in one region (line >> RegionShift) as one event.
func groupLines(out []Event, lay *workload.Layout, tok int32, lines []refLine) []Event {
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].outcome == lines[i].outcome {
			j++
		}
		out = append(out, Event{Line: lines[i].line, N: uint64(j - i), Token: tok, Class: workload.KV, Outcome: lines[i].outcome})
		start := len(out)
		for _, x := range lines[i:j] {
			if !x.evicted {
				continue
			}
			if k := len(out) - 1; k >= start && out[k].Line+out[k].N == x.victim && out[k].Line>>lay.RegionShift() == x.victim>>lay.RegionShift() {
				out[k].N++
				continue
			}
			class, _, ok := lay.Owner(x.victim)
			if !ok {
				class = workload.KV
			}
			out = append(out, Event{Line: x.victim, N: 1, Token: -1, Class: class, Outcome: Evicted})
		}
		i = j
	}
	return out
}

// TestGatherEventsMatchLineByLine: in the modes that gather through a
// partition (none, ways), every event of every layer (each line's hit or
// miss, each eviction with its victim and owner) is exactly what refEvents
// gives line by line. Random small configs, and small copies of
// dsv32-h100 whose weight streams flush the cache, so that the gathers
// land on lazily flushed sets (overlays).
func TestGatherEventsMatchLineByLine(t *testing.T) {
	var configs []config.Config
	for _, mode := range []string{config.ModeNone, config.ModeWays} {
		for i := range 40 {
			configs = append(configs, randomConfig(rand.New(rand.NewPCG(uint64(i), 11)), mode))
		}
		c, err := config.Preset("dsv32-h100")
		if err != nil {
			t.Fatal(err)
		}
		c.Capacity, c.Layers, c.TopK, c.Prompt, c.Steps = 1<<20, 3, 300, 1500, 4
		c.WeightBytes, c.Sinks, c.Window = 3<<20, 4, 16
		c.Mode, c.Reserve = mode, 0
		if mode == config.ModeWays {
			c.Reserve = config.Size(4 * c.WayBytes())
		}
		configs = append(configs, c)
	}
	for i, c := range configs {
		t.Run(fmt.Sprintf("%s/%d", c.Mode, i), func(t *testing.T) {
			e := mustNew(t, c, nil)
			r := &refEvents{e: e, shared: plainPartition(t, e.shared, RandomSeed(c)), kvWays: plainPartition(t, e.kvWays, RandomSeed(c))}
			buf := make([]Event, 0, e.MaxEventsPerLayer())
			for !e.Done() {
				step, l := e.Step(), e.Layer()
				want := r.layer(step, l)
				if buf = e.AdvanceLayer(buf); !slices.Equal(buf, want) {
					t.Fatalf("config %+v\nstep %d layer %d: events\n%v\nline by line\n%v", c, step, l, buf, want)
				}
			}
		})
	}
}
