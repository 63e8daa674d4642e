package config_test

import (
	"encoding/json"
	"flag"
	"io"
	"math/rand/v2"
	"net/url"
	"testing"

	"dsaviz/sim/config"
)

// pick returns one of names, uniformly.
func pick(r *rand.Rand, names ...string) string { return names[r.IntN(len(names))] }

// randomConfig returns a valid config with every field drawn at random
// within its range: full-precision floats, sizes that are and are not
// whole units, and a reservation that fits its mode.
func randomConfig(r *rand.Rand) config.Config {
	var c config.Config
	c.Line = 8 << r.IntN(10)
	c.Ways = 1 + r.IntN(32)
	sets := 1 + r.IntN(4096)
	c.Capacity = config.Size(sets * c.Line * c.Ways)
	c.Policy = pick(r, config.PolicyLRU, config.PolicyFIFO, config.PolicyRandom, config.PolicySRRIP)
	c.Hash = pick(r, config.HashMod, config.HashXOR)
	c.Bypass = r.IntN(2) == 0
	c.PageTokens = 1 + r.IntN(4096)
	c.Layers = 1 + r.IntN(128)
	c.TopK = 1 + r.IntN(4096)
	c.KVBytes = 1 + r.IntN(8192)
	c.IndexerBytes = r.IntN(1024)
	c.WeightBytes = config.Size(r.Int64N(1<<40 + 1))
	if r.IntN(2) == 0 {
		c.WeightBytes = config.Size(r.Int64N(1<<20)) << (10 * r.IntN(3))
	}
	c.Prompt = 1 + r.IntN(1<<17)
	c.Steps = 1 + r.IntN(1024)
	c.Batch = 1 + r.IntN(8)
	c.Seed = r.Uint64()
	c.StepOverlap = r.Float64()
	c.LayerOverlap = r.Float64()
	c.ReturnRate = r.Float64()
	c.Lookback = 1 + 999*r.Float64()
	c.Sinks = r.IntN(c.TopK + 1)
	c.Window = r.IntN(c.TopK - c.Sinks + 1)
	c.Skew = 8 * r.Float64()
	c.Layout = pick(r, config.LayoutRounded, config.LayoutPacked, config.LayoutPaged)
	c.Bandwidth = 1e-3 + 1e4*r.Float64()
	c.MissLatency = 1e3 * r.Float64()
	c.HitLatency = 1e3 * r.Float64()
	c.MLP = 1 + r.IntN(1024)
	c.TimeModel = pick(r, config.TimeMLP, config.TimePaper)

	c.Mode = pick(r, config.ModeNone, config.ModeWays, config.ModePrevK, config.ModePages, config.ModeTokens)
	unit := c.WayBytes()
	switch c.Mode {
	case config.ModePrevK, config.ModeTokens:
		unit = c.TokenStride()
	case config.ModePages:
		if c.Layout == config.LayoutPacked {
			c.Layout = config.LayoutPaged // pages need whole-line tokens
		}
		unit = c.TokenStride() * int64(c.PageTokens)
	}
	if maxReserve := int64(c.Capacity) - c.WayBytes(); c.Mode != config.ModeNone && unit <= maxReserve {
		c.Reserve = config.Size(unit + r.Int64N(maxReserve-unit+1))
	} else {
		c.Mode = config.ModeNone
		c.Reserve = config.Size(r.Int64N(int64(c.Capacity) + 1))
	}
	return c
}

// roundTripConfigs returns the defaults, every preset and n random valid
// configs, all drawn from a fixed seed.
func roundTripConfigs(t *testing.T, n int) []config.Config {
	configs := []config.Config{config.DefaultConfig()}
	for _, name := range config.PresetNames() {
		c, err := config.Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		configs = append(configs, c)
	}
	r := rand.New(rand.NewPCG(2026, 11))
	for range n {
		c := randomConfig(r)
		if err := c.Validate(); err != nil {
			t.Fatalf("randomConfig gave an invalid config: %v", err)
		}
		configs = append(configs, c)
	}
	return configs
}

func TestRoundTripJSON(t *testing.T) {
	for _, c := range roundTripConfigs(t, 300) {
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal(%v) = %v", c, err)
		}
		for _, base := range []config.Config{{}, config.DefaultConfig()} {
			if got, err := config.ParseJSON(data, base); err != nil || got != c {
				t.Errorf("ParseJSON(%s) = %+v, %v, want %+v, nil", data, got, err, c)
			}
		}
	}
}

func TestRoundTripQuery(t *testing.T) {
	base := config.DefaultConfig()
	for _, c := range roundTripConfigs(t, 300) {
		q := c.Query(base)
		for _, key := range config.Keys() {
			v, b := mustGet(t, c, key), mustGet(t, base, key)
			got, in := q[key]
			switch {
			case v == b && in:
				t.Errorf("Query(base)[%q] = %q, want it omitted: base has %q too", key, got, b)
			case v != b && (len(got) != 1 || got[0] != v):
				t.Errorf("Query(base)[%q] = %q, want [%q]", key, got, v)
			}
		}
		// Through the text of a link, as a browser would see it.
		q, err := url.ParseQuery(q.Encode())
		if err != nil {
			t.Fatalf("url.ParseQuery(%q) = %v", c.Query(base).Encode(), err)
		}
		got := base
		if err := got.ApplyQuery(q); err != nil || got != c {
			t.Errorf("ApplyQuery(%q) gave %+v, %v, want %+v, nil", q.Encode(), got, err, c)
		}
	}
}

func TestRoundTripGetSet(t *testing.T) {
	for _, c := range roundTripConfigs(t, 300) {
		got := config.DefaultConfig()
		for _, key := range config.Keys() {
			v := mustGet(t, c, key)
			if err := got.Set(key, v); err != nil {
				t.Errorf("Set(%q, %q) = %v, want nil", key, v, err)
			}
		}
		if got != c {
			t.Errorf("Set of every Get gave %+v, want %+v", got, c)
		}
	}
}

func TestRoundTripFlags(t *testing.T) {
	for i, c := range roundTripConfigs(t, 300) {
		var args []string
		for j, key := range config.Keys() {
			v := mustGet(t, c, key)
			switch {
			case key == "bypass": // a boolean flag takes its value only after =
				args = append(args, "-"+key+"="+v)
			case (i+j)%2 == 0:
				args = append(args, "-"+key, v)
			default:
				args = append(args, "--"+key+"="+v)
			}
		}
		var got config.Config
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		got.RegisterFlags(fs)
		if err := fs.Parse(args); err != nil || got != c || fs.NArg() != 0 {
			t.Errorf("Parse(%q) gave %+v, %v (%d arguments left), want %+v, nil", args, got, err, fs.NArg(), c)
		}
	}
}

// mustGet returns c.Get(key), failing the test on an error.
func mustGet(t *testing.T, c config.Config, key string) string {
	t.Helper()
	v, err := c.Get(key)
	if err != nil {
		t.Fatalf("Get(%q) = %v", key, err)
	}
	return v
}
