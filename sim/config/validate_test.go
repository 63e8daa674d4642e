package config_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

func TestDefaultConfigValid(t *testing.T) {
	c := config.DefaultConfig()
	if err := c.Validate(); err != nil {
		t.Errorf("DefaultConfig().Validate() = %v, want nil", err)
	}
	if got, want := c.Sets(), 25600; got != want {
		t.Errorf("DefaultConfig().Sets() = %d, want %d (H100 L2)", got, want)
	}
	c.Ways = 1
	if config.DefaultConfig().Ways != 16 {
		t.Errorf("DefaultConfig() shares state between calls")
	}
}

// A validationRule breaks one rule of the default config and names the
// error Validate must give.
type validationRule struct {
	name    string
	modify  func(*config.Config)
	key     string // FieldError.Key
	value   string // FieldError.Value
	allowed string // a part of FieldError.Allowed: the allowed range
}

// validationRules has one row per rule of Validate.
var validationRules = []validationRule{
	{"line not a power of two", func(c *config.Config) { c.Line = 96 }, "line", "96", "a power of two from 8 to 65536"},
	{"line below 8", func(c *config.Config) { c.Line = 4 }, "line", "4", "a power of two from 8 to 65536"},
	{"line above 64KiB", func(c *config.Config) { c.Line = 1 << 17 }, "line", "131072", "a power of two from 8 to 65536"},
	{"line negative", func(c *config.Config) { c.Line = -128 }, "line", "-128", "a power of two from 8 to 65536"},
	{"ways zero", func(c *config.Config) { c.Ways = 0 }, "ways", "0", "1..64"},
	{"ways above 64", func(c *config.Config) { c.Ways = 65 }, "ways", "65", "1..64"},
	{"capacity zero", func(c *config.Config) { c.Capacity = 0 }, "capacity", "0", "1..1PiB"},
	{"capacity negative", func(c *config.Config) { c.Capacity = -1 }, "capacity", "-1", "1..1PiB"},
	{"capacity above 1PiB", func(c *config.Config) { c.Capacity = 2 * config.MaxSize }, "capacity", "2048TiB", "1..1PiB"},
	{"capacity not whole sets", func(c *config.Config) { c.Capacity += 128 }, "capacity", "52428928", "a multiple of line*ways = 2048 bytes"},
	{"capacity below one set", func(c *config.Config) { c.Capacity = 1 << 10 }, "capacity", "1KiB", "a multiple of line*ways = 2048 bytes"},
	{"capacity too many lines", func(c *config.Config) { c.Line, c.Ways, c.Capacity = 8, 1, 8*(config.MaxLines+1) }, "capacity", "67108872", "at most 8388608 lines"},
	{"policy unknown", func(c *config.Config) { c.Policy = "lfu" }, "policy", `"lfu"`, "one of lru, fifo, random, srrip"},
	{"policy in capitals", func(c *config.Config) { c.Policy = "LRU" }, "policy", `"LRU"`, "one of lru, fifo, random, srrip"},
	{"hash unknown", func(c *config.Config) { c.Hash = "crc" }, "hash", `"crc"`, "one of mod, xor"},
	{"mode unknown", func(c *config.Config) { c.Mode = "all" }, "mode", `"all"`, "one of none, ways, prevk, pages, tokens"},
	{"layout unknown", func(c *config.Config) { c.Layout = "" }, "layout", `""`, "one of rounded, packed, paged"},
	{"pageTokens zero", func(c *config.Config) { c.PageTokens = 0 }, "pageTokens", "0", "1..4096"},
	{"pageTokens above 4096", func(c *config.Config) { c.PageTokens = 4097 }, "pageTokens", "4097", "1..4096"},
	{"layers zero", func(c *config.Config) { c.Layers = 0 }, "layers", "0", "1..4096"},
	{"layers above 4096", func(c *config.Config) { c.Layers = 4097 }, "layers", "4097", "1..4096"},
	{"topk zero", func(c *config.Config) { c.TopK = 0 }, "topk", "0", "1..1048576"},
	{"topk above 2^20", func(c *config.Config) { c.Layers, c.TopK = 1, 1<<20+1 }, "topk", "1048577", "1..1048576"},
	{"kvBytes zero", func(c *config.Config) { c.KVBytes = 0 }, "kvBytes", "0", "1..1048576"},
	{"kvBytes above 1MiB", func(c *config.Config) { c.KVBytes = 1<<20 + 1 }, "kvBytes", "1048577", "1..1048576"},
	{"indexerBytes negative", func(c *config.Config) { c.IndexerBytes = -1 }, "indexerBytes", "-1", "0..1048576"},
	{"indexerBytes above 1MiB", func(c *config.Config) { c.IndexerBytes = 1<<20 + 1 }, "indexerBytes", "1048577", "0..1048576"},
	{"weightBytes negative", func(c *config.Config) { c.WeightBytes = -1 }, "weightBytes", "-1", "0..1TiB"},
	{"weightBytes above 1TiB", func(c *config.Config) { c.WeightBytes = 1<<40 + 1 }, "weightBytes", "1099511627777", "0..1TiB"},
	{"prompt zero", func(c *config.Config) { c.Prompt = 0 }, "prompt", "0", "1..16777215"},
	{"prompt at MaxContext", func(c *config.Config) { c.Prompt = config.MaxContext }, "prompt", "16777216", "1..16777215"},
	{"steps zero", func(c *config.Config) { c.Steps = 0 }, "steps", "0", "1..1048576"},
	{"steps above 2^20", func(c *config.Config) { c.Steps = 1<<20 + 1 }, "steps", "1048577", "1..1048576"},
	{"prompt+steps above MaxContext", func(c *config.Config) { c.Layers, c.Prompt, c.Steps = 1, config.MaxContext-10, 11 }, "steps", "11", "1..10 with prompt 16777206"},
	{"layers*(prompt+steps) above MaxTokenTable", func(c *config.Config) { c.Layers, c.Prompt, c.Steps = 4096, 1<<16, 64 }, "layers", "4096", "1..4092 with prompt+steps = 65600"},
	{"layers*topk above MaxSelections", func(c *config.Config) { c.Layers, c.TopK = 4096, 4097 }, "topk", "4097", "1..4096 with 4096 layers"},
	{"gather above MaxGatherLines", func(c *config.Config) { c.Layers, c.TopK, c.KVBytes = 1, 1<<20, 1<<20 }, "kvBytes", "1048576", "topk*(lines per token) <= 16777216"},
	{"indexer stream above MaxIndexerLines", func(c *config.Config) { c.Layers, c.Prompt, c.IndexerBytes = 1, 1<<20, 1<<20 }, "indexerBytes", "1048576", "(prompt+steps)*indexerBytes/line <= 67108864 lines"},
	{"stepOverlap negative", func(c *config.Config) { c.StepOverlap = -0.1 }, "stepOverlap", "-0.1", "0..1"},
	{"stepOverlap above 1", func(c *config.Config) { c.StepOverlap = 1.5 }, "stepOverlap", "1.5", "0..1"},
	{"stepOverlap NaN", func(c *config.Config) { c.StepOverlap = math.NaN() }, "stepOverlap", "NaN", "0..1"},
	{"layerOverlap infinite", func(c *config.Config) { c.LayerOverlap = math.Inf(1) }, "layerOverlap", "+Inf", "0..1"},
	{"layerOverlap negative", func(c *config.Config) { c.LayerOverlap = -1 }, "layerOverlap", "-1", "0..1"},
	{"returnRate above 1", func(c *config.Config) { c.ReturnRate = 2 }, "returnRate", "2", "0..1"},
	{"returnRate minus infinity", func(c *config.Config) { c.ReturnRate = math.Inf(-1) }, "returnRate", "-Inf", "0..1"},
	{"lookback below 1", func(c *config.Config) { c.Lookback = 0.5 }, "lookback", "0.5", "1..1000"},
	{"lookback above 1000", func(c *config.Config) { c.Lookback = 1001 }, "lookback", "1001", "1..1000"},
	{"sinks negative", func(c *config.Config) { c.Sinks = -1 }, "sinks", "-1", "0..1048576"},
	{"sinks above 2^20", func(c *config.Config) { c.Sinks = 1<<20 + 1 }, "sinks", "1048577", "0..1048576"},
	{"window negative", func(c *config.Config) { c.Window = -1 }, "window", "-1", "0..1048576"},
	{"window above 2^20", func(c *config.Config) { c.Window = 1<<20 + 1 }, "window", "1048577", "0..1048576"},
	{"sinks above topk", func(c *config.Config) { c.TopK, c.Sinks, c.Window = 16, 20, 0 }, "sinks", "20", "0..topk = 16"},
	{"sinks+window above topk", func(c *config.Config) { c.TopK, c.Sinks, c.Window = 16, 4, 13 }, "window", "13", "0..topk-sinks = 12"},
	{"skew negative", func(c *config.Config) { c.Skew = -1 }, "skew", "-1", "0..8"},
	{"skew above 8", func(c *config.Config) { c.Skew = 9 }, "skew", "9", "0..8"},
	{"bandwidth zero", func(c *config.Config) { c.Bandwidth = 0 }, "bandwidth", "0", "0.001..1e+07"},
	{"bandwidth above 1e7", func(c *config.Config) { c.Bandwidth = 2e7 }, "bandwidth", "2e+07", "0.001..1e+07"},
	{"missLatency negative", func(c *config.Config) { c.MissLatency = -1 }, "missLatency", "-1", "0..1e+09"},
	{"missLatency above 1e9", func(c *config.Config) { c.MissLatency = 2e9 }, "missLatency", "2e+09", "0..1e+09"},
	{"hitLatency negative", func(c *config.Config) { c.HitLatency = -1 }, "hitLatency", "-1", "0..1e+09"},
	{"hitLatency NaN", func(c *config.Config) { c.HitLatency = math.NaN() }, "hitLatency", "NaN", "0..1e+09"},
	{"mlp zero", func(c *config.Config) { c.MLP = 0 }, "mlp", "0", "1..1048576"},
	{"mlp above 2^20", func(c *config.Config) { c.MLP = 1<<20 + 1 }, "mlp", "1048577", "1..1048576"},
	{"batch zero", func(c *config.Config) { c.Batch = 0 }, "batch", "0", "1..256"},
	{"batch above MaxBatch", func(c *config.Config) { c.Batch = config.MaxBatch + 1 }, "batch", "257", "1..256"},
	{"batch*layers above MaxRequestLayers", func(c *config.Config) { c.Layers, c.TopK, c.Prompt, c.Steps, c.Batch = 4096, 20, 2, 1, 17 }, "batch", "17", "1..16 with 4096 layers (batch*layers at most 65536)"},
	{"batch*layers*topk above MaxSelections", func(c *config.Config) { c.Layers, c.TopK, c.Batch = 64, 8192, 33 }, "batch", "33", "1..32 with 64 layers and topk 8192"},
	{"batch prompts beyond MaxContext", func(c *config.Config) { c.Layers, c.Prompt, c.Steps, c.Batch = 1, 12_000_000, 64, 2 }, "batch", "2", "1 with prompt 12000000 and 64 steps"},
	{"batch*layers*context above MaxTokenTable", func(c *config.Config) { c.Layers, c.Prompt, c.Steps, c.Batch = 64, 1<<20, 0x80000, 3 }, "batch", "3", "1..2 with 64 layers and contexts up to 2097152 tokens"},
	{"timeModel unknown", func(c *config.Config) { c.TimeModel = "cycle" }, "timeModel", `"cycle"`, "one of mlp, paper"},
	{"reserve negative", func(c *config.Config) { c.Reserve = -1 }, "reserve", "-1", "0..1PiB"},
	{"reserve above capacity in mode none", func(c *config.Config) { c.Reserve = c.Capacity + 1 }, "reserve", "52428801", "0..capacity = 50MiB"},
	{"reserve below one way", withReserve(config.ModeWays, 1), "reserve", "1", "3200KiB..48000KiB in mode ways"},
	{"reserve leaves no way", withReserve(config.ModeWays, 50<<20), "reserve", "50MiB", "3200KiB..48000KiB in mode ways"},
	{"reserve below one token slot", withReserve(config.ModeTokens, 767), "reserve", "767", "768..48000KiB in mode tokens"},
	{"packed pages", func(c *config.Config) { c.Mode, c.Reserve, c.Layout = config.ModePages, 8<<20, config.LayoutPacked }, "layout", `"packed"`, `"rounded" or "paged" in mode pages`},
	{"reserve above capacity minus a way", withReserve(config.ModeTokens, 48000<<10+1), "reserve", "49152001", "768..48000KiB in mode tokens"},
	{"reserve below one prevk slot", withReserve(config.ModePrevK, 0), "reserve", "0", "768..48000KiB in mode prevk"},
	{"reserve below one page", withReserve(config.ModePages, 48<<10-1), "reserve", "49151", "48KiB..48000KiB in mode pages"},
	{"reserve below one packed token slot", func(c *config.Config) {
		c.Mode, c.Layout, c.KVBytes, c.Reserve = config.ModeTokens, config.LayoutPacked, 100, 128
	}, "reserve", "128", "256..48000KiB in mode tokens"},
}

func withReserve(mode string, reserve config.Size) func(*config.Config) {
	return func(c *config.Config) { c.Mode, c.Reserve = mode, reserve }
}

func TestValidateRules(t *testing.T) {
	for _, tt := range validationRules {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			tt.modify(&c)
			errs := unwrapAll(c.Validate())
			if len(errs) != 1 {
				t.Fatalf("Validate() = %v, want exactly one error, for %s", errs, tt.key)
			}
			var fe *config.FieldError
			if !errors.As(errs[0], &fe) {
				t.Fatalf("Validate() = %v (%T), want a *FieldError", errs[0], errs[0])
			}
			if fe.Key != tt.key || fe.Value != tt.value || !strings.Contains(fe.Allowed, tt.allowed) {
				t.Errorf("Validate() = %#v, want key %q, value %q, allowed containing %q", fe, tt.key, tt.value, tt.allowed)
			}
			msg := fe.Error()
			for _, part := range []string{"config: " + tt.key + " must be ", fe.Allowed, "got " + tt.value} {
				if !strings.Contains(msg, part) {
					t.Errorf("Validate() message %q does not contain %q", msg, part)
				}
			}
		})
	}
}

// TestValidateRulesCoverKeys checks that every key with a range has a rule
// in the table above.
func TestValidateRulesCoverKeys(t *testing.T) {
	unchecked := []string{"bypass", "seed"} // every value is valid
	for _, key := range config.Keys() {
		if slices.Contains(unchecked, key) {
			continue
		}
		if !slices.ContainsFunc(validationRules, func(r validationRule) bool { return r.key == key }) {
			t.Errorf("no validation rule tested for %q", key)
		}
	}
}

func TestValidateReportsAll(t *testing.T) {
	c := config.DefaultConfig()
	c.Ways = 0
	c.TopK = 0
	c.Skew = -1
	c.Policy = "bogus"
	var keys []string
	for _, err := range unwrapAll(c.Validate()) {
		var fe *config.FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("Validate() error %v is not a *FieldError", err)
		}
		keys = append(keys, fe.Key)
	}
	if want := []string{"ways", "policy", "topk", "skew"}; !slices.Equal(keys, want) {
		t.Errorf("Validate() reported keys %q, want %q", keys, want)
	}
}

func TestValidateReserveEdges(t *testing.T) {
	tests := []struct {
		name    string
		mode    string
		reserve config.Size
	}{
		{"none with reserve equal to capacity", config.ModeNone, 50 << 20},
		{"ways with exactly one way", config.ModeWays, 3200 << 10},
		{"ways leaving exactly one way", config.ModeWays, 48000 << 10},
		{"ways with a part of a way", config.ModeWays, 5 << 20},
		{"tokens with one slot", config.ModeTokens, 768},
		{"prevk leaving one way", config.ModePrevK, 48000 << 10},
		{"pages with one page", config.ModePages, 48 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			c.Mode, c.Reserve = tt.mode, tt.reserve
			if err := c.Validate(); err != nil {
				t.Errorf("Validate() with mode %s, reserve %v = %v, want nil", tt.mode, tt.reserve, err)
			}
		})
	}
}
