package config_test

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"testing"

	"dsaviz/sim/config"
)

// The seed corpora live in testdata/fuzz/Fuzz*; the f.Add calls below add
// the shipped presets, so that `go test` runs all of them.

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"50MiB", "1.5 KB", "32k", " 64 ", "-1", "1e3", "0x10", "NaN", "1024TiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := config.ParseSize(s)
		if err != nil {
			if v != 0 {
				t.Errorf("ParseSize(%q) = %d, %v, want 0 with the error", s, v, err)
			}
			return
		}
		if v < 0 || v > config.MaxSize {
			t.Errorf("ParseSize(%q) = %d, outside 0..MaxSize", s, v)
		}
		if back, err := config.ParseSize(v.String()); err != nil || back != v {
			t.Errorf("ParseSize(%q) = %d, but ParseSize(%q) = %d, %v", s, v, v.String(), back, err)
		}
	})
}

var (
	fuzzModes   = []string{config.ModeNone, config.ModeWays, config.ModePrevK, config.ModePages, config.ModeTokens, "bogus"}
	fuzzLayouts = []string{config.LayoutRounded, config.LayoutPacked, config.LayoutPaged, "bogus"}
)

func FuzzValidate(f *testing.F) {
	add := func(c config.Config) {
		mode := slices.Index(fuzzModes, c.Mode)
		layout := slices.Index(fuzzLayouts, c.Layout)
		f.Add(int64(c.Capacity), c.Line, c.Ways, int64(c.Reserve), uint8(mode), uint8(layout), c.PageTokens,
			c.Layers, c.TopK, c.KVBytes, c.Prompt, c.Steps, c.Sinks, c.Window, c.StepOverlap, c.Lookback)
	}
	add(config.DefaultConfig())
	for _, name := range config.PresetNames() {
		c, err := config.Preset(name)
		if err != nil {
			f.Fatal(err)
		}
		add(c)
	}
	f.Fuzz(func(t *testing.T, capacity int64, line, ways int, reserve int64, mode, layout uint8, pageTokens,
		layers, topk, kvBytes, prompt, steps, sinks, window int, stepOverlap, lookback float64) {
		c := config.DefaultConfig()
		c.Capacity, c.Line, c.Ways, c.Reserve = config.Size(capacity), line, ways, config.Size(reserve)
		c.Mode = fuzzModes[int(mode)%len(fuzzModes)]
		c.Layout = fuzzLayouts[int(layout)%len(fuzzLayouts)]
		c.PageTokens, c.Layers, c.TopK, c.KVBytes = pageTokens, layers, topk, kvBytes
		c.Prompt, c.Steps, c.Sinks, c.Window = prompt, steps, sinks, window
		c.StepOverlap, c.Lookback = stepOverlap, lookback

		err := c.Validate()
		for _, e := range unwrapAll(err) {
			var fe *config.FieldError
			if !errors.As(e, &fe) || !slices.Contains(config.Keys(), fe.Key) {
				t.Errorf("Validate() error %v is not a *FieldError for a config key", e)
			}
		}
		if err != nil {
			return
		}
		checkValid(t, c)
	})
}

// FuzzValidateBatch varies what a batch multiplies: every config Validate
// accepts keeps the batch's tables, regions and gathers within the limits.
func FuzzValidateBatch(f *testing.F) {
	f.Add(20, 128, 1000, 200, 8)
	f.Add(4096, 20, 2, 1, 16)
	f.Add(1, 1, 1, 1, 256)
	f.Add(64, 1<<14, 1<<20, 1<<19, 2)
	f.Fuzz(func(t *testing.T, layers, topk, prompt, steps, batch int) {
		c := config.DefaultConfig()
		c.Layers, c.TopK, c.Prompt, c.Steps, c.Batch = layers, topk, prompt, steps, batch
		c.Sinks, c.Window = 0, 0
		if c.Validate() != nil {
			return
		}
		checkValid(t, c)
		lo, hi := c.PromptRange()
		context := int64(hi) + int64(c.Steps)
		b, l := int64(c.Batch), int64(c.Layers)
		if lo < 1 || lo > c.Prompt || hi < c.Prompt || context > config.MaxContext || b*l > config.MaxRequestLayers ||
			b*l*int64(c.TopK) > config.MaxSelections || b*l*context > config.MaxTokenTable {
			t.Errorf("valid batch exceeds the limits: batch %d, layers %d, topk %d, prompts %d..%d, steps %d", c.Batch, c.Layers, c.TopK, lo, hi, c.Steps)
		}
	})
}

// checkValid checks what every config that Validate accepts promises the
// simulation.
func checkValid(t *testing.T, c config.Config) {
	t.Helper()
	sets := int64(c.Sets())
	if sets <= 0 || int64(c.Capacity) != sets*int64(c.Line)*int64(c.Ways) {
		t.Errorf("valid config has %d sets of %d ways of %d bytes, capacity %d", sets, c.Ways, c.Line, c.Capacity)
	}
	if lines := int64(c.Capacity) / int64(c.Line); lines > config.MaxLines {
		t.Errorf("valid config has %d lines, above MaxLines", lines)
	}
	if c.Reserve < 0 || c.Reserve > c.Capacity {
		t.Errorf("valid config reserves %d of %d bytes", c.Reserve, c.Capacity)
	}
	if c.Mode != config.ModeNone && int64(c.Reserve) > int64(c.Capacity)-c.WayBytes() {
		t.Errorf("valid config in mode %s leaves the shared part less than a way: reserve %d of %d", c.Mode, c.Reserve, c.Capacity)
	}
	if (c.Mode == config.ModeTokens || c.Mode == config.ModePrevK) && int64(c.Reserve) < c.TokenStride() {
		t.Errorf("valid config in mode %s reserves %d bytes, less than a token slot of %d", c.Mode, c.Reserve, c.TokenStride())
	}
	if c.TokenLines() <= 0 || c.TokenStride() < int64(c.KVBytes) {
		t.Errorf("valid config has %d lines (%d bytes) per token of %d bytes", c.TokenLines(), c.TokenStride(), c.KVBytes)
	}
	if int64(c.Prompt)+int64(c.Steps) > config.MaxContext || int64(c.Layers)*int64(c.TopK) > config.MaxSelections {
		t.Errorf("valid config exceeds the limits: prompt %d, steps %d, layers %d, topk %d", c.Prompt, c.Steps, c.Layers, c.TopK)
	}
	if c.Sinks < 0 || c.Window < 0 || c.Sinks+c.Window > c.TopK {
		t.Errorf("valid config has sinks %d and window %d for topk %d", c.Sinks, c.Window, c.TopK)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, name := range config.PresetNames() {
		c, err := config.Preset(name)
		if err != nil {
			f.Fatal(err)
		}
		data, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		base := config.DefaultConfig()
		c, err := config.ParseJSON(data, base)
		if err != nil {
			if c != base {
				t.Errorf("ParseJSON(%q) failed with %v but changed the config", data, err)
			}
			return
		}
		if c.Validate() == nil {
			checkValid(t, c)
		}
		// What ParseJSON accepts, it reads back the same once written.
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal(ParseJSON(%q)) = %v", data, err)
		}
		if back, err := config.ParseJSON(out, config.Config{}); err != nil || back != c {
			t.Errorf("ParseJSON(%s) = %+v, %v, want %+v", out, back, err, c)
		}
	})
}

func FuzzApplyQuery(f *testing.F) {
	for _, name := range config.PresetNames() {
		c, err := config.Preset(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c.Query(config.DefaultConfig()).Encode() + "&preset=" + name)
	}
	f.Fuzz(func(t *testing.T, query string) {
		// ParseQuery keeps what it could read even when it reports an
		// error, as a browser would: apply that.
		q, _ := url.ParseQuery(query)
		c := config.DefaultConfig()
		for _, e := range unwrapAll(c.ApplyQuery(q, "preset", "play")) {
			var fe *config.FieldError
			if !errors.Is(e, config.ErrUnknownKey) && !errors.As(e, &fe) {
				t.Errorf("ApplyQuery(%q) error %v is neither ErrUnknownKey nor a *FieldError", query, e)
			}
		}
		for key, vs := range q {
			if key == "preset" || key == "play" || len(vs) == 0 {
				continue
			}
			// Every key applies as Set alone would apply it.
			want := config.DefaultConfig()
			if want.Set(key, vs[len(vs)-1]) == nil {
				if got, w := mustGet(t, c, key), mustGet(t, want, key); got != w {
					t.Errorf("ApplyQuery(%q) set %s = %q, want %q", query, key, got, w)
				}
			}
		}
		if c.Validate() == nil {
			checkValid(t, c)
		}
		// Whatever it applied, a link to it gives it back.
		back := config.DefaultConfig()
		if err := back.ApplyQuery(c.Query(config.DefaultConfig())); err != nil || back != c {
			t.Errorf("ApplyQuery(%q) gave %+v, but its Query gives back %+v, %v", query, c, back, err)
		}
	})
}
