package engine

import (
	"reflect"
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
	"dsaviz/sim/workload"
)

// TestRooflineByHand checks the paper's time model on a gather worked out
// by hand: mode none with a flushing weight stream, so every selected
// token misses; tokens 0, 1, 2 share page 0, 17 is in page 1, 40 in page
// 2 (16 tokens a page): three blocking pages, five tokens read.
func TestRooflineByHand(t *testing.T) {
	log := textLog(t, "0 0 0 1 2 17 40\n")
	c := smallConfig(config.ModeNone)
	c.Layers, c.Steps, c.Prompt, c.TopK, c.Sinks, c.Window = 1, 1, 64, 5, 0, 0
	c.PageTokens, c.KVBytes, c.Bandwidth, c.MissLatency = 16, 128, 64, 200
	for _, model := range []string{config.TimeMLP, config.TimePaper} {
		c.TimeModel = model
		e := mustNew(t, c, log)
		e.Run()
		got := e.Roofline()
		// T_ref = 5 tokens * 128 B / 64 B/ns = 10 ns; stalls 3 * 200 ns.
		want := Roofline{MissPages: 3, RefSeconds: 10e-9, StallSeconds: 600e-9}
		if got.MissPages != want.MissPages || !near(got.RefSeconds, want.RefSeconds) || !near(got.StallSeconds, want.StallSeconds) {
			t.Errorf("%s: Roofline() = %+v, want %+v", model, got, want)
		}
		if s := got.Slowdown(); !near(s, 61) {
			t.Errorf("%s: Slowdown() = %v, want (10+600)/10 = 61", model, s)
		}
		if model == config.TimePaper && !near(e.Seconds(), 610e-9) {
			t.Errorf("paper: Seconds() = %v, want T_ref + stalls = 610 ns", e.Seconds())
		}
		if model == config.TimeMLP && near(e.Seconds(), 610e-9) {
			t.Errorf("mlp: Seconds() = %v, the paper's figure: the model is not applied", e.Seconds())
		}
	}
	if s := (Roofline{}).Slowdown(); s != 1 {
		t.Errorf("Slowdown of nothing gathered = %v, want 1", s)
	}
}

// textLog reads an index log in the text form.
func textLog(t *testing.T, text string) *trace.Log {
	t.Helper()
	log, err := trace.ReadText(strings.NewReader(text), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	return log
}

func near(a, b float64) bool { return a-b < 1e-9*b && b-a < 1e-9*b }

// TestBatchShape checks what a batch does that one request does not: each
// request reads its own indexer keys (its own context), every layer
// streams its weights once for the whole batch, and the requests' counts
// add up to the run's indexer and KV totals.
func TestBatchShape(t *testing.T) {
	c := smallConfig(config.ModeTokens)
	c.Batch, c.Steps = 4, 6
	e := mustNew(t, c, nil)
	e.Run()
	lay := e.Layout()
	var weights int64
	for l := range c.Layers {
		_, n := lay.WeightStream(l)
		weights += int64(n) * int64(c.Steps)
	}
	if got := e.Totals()[workload.Weights].Accesses; got != weights {
		t.Errorf("weight accesses = %d, want %d: once per layer for the batch", got, weights)
	}
	var sum ByClass
	for r, rs := range e.RequestTotals() {
		var idx int64
		for step := range c.Steps {
			for l := range c.Layers {
				_, n := lay.IndexerStream(r, l, lay.Prompt(r)+step)
				idx += int64(n)
			}
		}
		if got := rs.Class[workload.Indexer].Accesses; got != idx {
			t.Errorf("request %d (prompt %d): indexer accesses %d, want %d", r, lay.Prompt(r), got, idx)
		}
		if rs.Class[workload.Weights] != (Counts{}) {
			t.Errorf("request %d counts weights %+v: they are the batch's", r, rs.Class[workload.Weights])
		}
		sum.Add(&rs.Class)
	}
	tot := e.Totals()
	if sum[workload.KV] != tot[workload.KV] || sum[workload.Indexer] != tot[workload.Indexer] {
		t.Errorf("requests sum to %+v, the run's totals are %+v", sum, tot)
	}
	if lay.Prompt(1) == lay.Prompt(2) && lay.Prompt(2) == lay.Prompt(3) {
		t.Errorf("prompts %d %d %d: want them varied", lay.Prompt(1), lay.Prompt(2), lay.Prompt(3))
	}
}

// TestSharedBatch: two engines reading one Batch give what each gives on
// its own, and a clone of a batched engine runs as the original.
func TestSharedBatch(t *testing.T) {
	for _, mode := range allModes {
		c := smallConfig(mode)
		c.Batch, c.Steps = 3, 8
		alone := mustNew(t, c, nil)
		alone.Run()
		b, err := NewBatch(c)
		if err != nil {
			t.Fatal(err)
		}
		x, err := NewWithBatch(c, b)
		if err != nil {
			t.Fatal(err)
		}
		y, err := NewWithBatch(c, b)
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			x.AdvanceLayer(nil)
		}
		clone := x.Clone()
		for !x.Done() { // interleaved: the shared sources serve both
			x.AdvanceLayer(nil)
			y.AdvanceLayer(nil)
			clone.AdvanceLayer(nil)
		}
		y.Run() // five layers behind x
		for name, e := range map[string]*Engine{"shared": x, "second": y, "clone": clone} {
			if !reflect.DeepEqual(e.History(), alone.History()) || e.Totals() != alone.Totals() ||
				!reflect.DeepEqual(e.RequestTotals(), alone.RequestTotals()) || e.Roofline() != alone.Roofline() {
				t.Errorf("mode %s: %s engine differs from one run alone", mode, name)
			}
		}
	}
}

// TestBatchSourcesRefused: a source that does not fit the batch is an
// error from New or NewWithBatch, never a panic later.
func TestBatchSourcesRefused(t *testing.T) {
	log := textLog(t, "0 0 1 5 9\n")
	c := smallConfig(config.ModeTokens)
	c.Layers, c.Steps, c.TopK, c.Prompt, c.Sinks, c.Window = 1, 1, 3, 100, 0, 0
	c.Batch = 2
	if _, err := New(c, log); err == nil || !strings.Contains(err.Error(), "batch must be 1") {
		t.Errorf("New(batch 2, a log) = %v, want an error about the batch", err)
	}
	other := c
	other.Batch = 3
	b, err := NewBatch(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewWithBatch(c, b); err == nil || !strings.Contains(err.Error(), "3 requests") {
		t.Errorf("NewWithBatch(batch 2, 3 requests) = %v, want an error about the requests", err)
	}
	other.Batch, other.Prompt = 2, 200
	if b, err = NewBatch(other); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWithBatch(c, b); err == nil || !strings.Contains(err.Error(), "prompt") {
		t.Errorf("NewWithBatch(other prompts) = %v, want an error about the prompts", err)
	}
	if _, err := NewWithBatch(c, nil); err == nil {
		t.Error("NewWithBatch(nil) = nil error")
	}
}

// TestKeySpace: Key and Split are inverses over the whole space, and keys
// fill [0, Size()) once each.
func TestKeySpace(t *testing.T) {
	for _, k := range []KeySpace{{1, 3, 7}, {4, 2, 5}, {3, 1, 1}} {
		seen := make([]bool, k.Size())
		for r := range k.Requests {
			for l := range k.Layers {
				for u := range k.PerLayer {
					key := k.Key(r, l, u)
					if key < 0 || int(key) >= k.Size() || seen[key] {
						t.Fatalf("%+v: Key(%d, %d, %d) = %d, out of range or taken", k, r, l, u, key)
					}
					seen[key] = true
					if gr, gl, gu := k.Split(key); gr != r || gl != l || gu != u {
						t.Fatalf("%+v: Split(%d) = %d %d %d, want %d %d %d", k, key, gr, gl, gu, r, l, u)
					}
				}
			}
		}
	}
}

// TestTimeFormula: each model's help names the keys its formula uses.
func TestTimeFormula(t *testing.T) {
	for model, keys := range map[string][]string{
		config.TimeMLP:   {"bandwidth", "mlp", "missLatency", "hitLatency"},
		config.TimePaper: {"kvBytes", "bandwidth", "missLatency", "pageTokens"},
	} {
		f := TimeFormula(model)
		for _, k := range keys {
			if !strings.Contains(f, k) {
				t.Errorf("TimeFormula(%q) = %q, want it to name %s", model, f, k)
			}
		}
	}
}
