package config_test

import (
	"errors"
	"flag"
	"io"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

// issueKeys are the keys other tools script against (issue 2, section 4):
// they must keep these exact names, or be read under them (lookback, now
// returnDistance). Issue 10 removed skew, which is refused with a reason
// (TestRemovedKey).
var issueKeys = strings.Fields(`capacity line ways policy hash reserve mode pageTokens layers topk
	kvBytes indexerBytes weightBytes prompt steps seed stepOverlap layerOverlap returnRate lookback
	sinks window layout bandwidth missLatency hitLatency mlp`)

func TestKeys(t *testing.T) {
	keys := config.Keys()
	for _, k := range issueKeys {
		if now, ok := config.RenamedKeys()[k]; ok {
			k = now
		}
		if !slices.Contains(keys, k) {
			t.Errorf("Keys() lacks %q", k)
		}
	}
	for old, now := range config.RenamedKeys() {
		if slices.Contains(keys, old) || !slices.Contains(keys, now) {
			t.Errorf("renamed key %q -> %q: the old name is still a key, or the new one is not", old, now)
		}
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Errorf("Keys() lists %q twice", k)
		}
		seen[k] = true
		if config.Help(k) == "" {
			t.Errorf("Help(%q) = \"\", want a description", k)
		}
	}
	if h := config.Help("nope"); h != "" {
		t.Errorf("Help(%q) = %q, want \"\"", "nope", h)
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		name, key, value string
		check            func(config.Config) bool
	}{
		{"size with unit", "capacity", "32MiB", func(c config.Config) bool { return c.Capacity == 32<<20 }},
		{"size in bytes", "reserve", "768", func(c config.Config) bool { return c.Reserve == 768 }},
		{"int", "ways", "8", func(c config.Config) bool { return c.Ways == 8 }},
		{"int with spaces", "ways", " 8 ", func(c config.Config) bool { return c.Ways == 8 }},
		{"negative int", "layers", "-3", func(c config.Config) bool { return c.Layers == -3 }},
		{"largest int", "prompt", strconv.Itoa(math.MaxInt), func(c config.Config) bool { return c.Prompt == math.MaxInt }},
		{"largest seed", "seed", "18446744073709551615", func(c config.Config) bool { return c.Seed == math.MaxUint64 }},
		{"float", "stepOverlap", "0.3", func(c config.Config) bool { return c.StepOverlap == 0.3 }},
		{"float exponent", "bandwidth", "1e3", func(c config.Config) bool { return c.Bandwidth == 1000 }},
		{"bool true", "bypass", "true", func(c config.Config) bool { return c.Bypass }},
		{"bool 1", "bypass", "1", func(c config.Config) bool { return c.Bypass }},
		{"name is lowered", "policy", "SRRIP", func(c config.Config) bool { return c.Policy == "srrip" }},
		{"name is trimmed", "mode", " tokens ", func(c config.Config) bool { return c.Mode == "tokens" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			if err := c.Set(tt.key, tt.value); err != nil {
				t.Fatalf("Set(%q, %q) = %v, want nil", tt.key, tt.value, err)
			}
			if !tt.check(c) {
				got, _ := c.Get(tt.key)
				t.Errorf("after Set(%q, %q), Get(%q) = %q", tt.key, tt.value, tt.key, got)
			}
		})
	}
}

func TestSetErrors(t *testing.T) {
	tests := []struct {
		name, key, value string
		allowed          string // a part of FieldError.Allowed
	}{
		{"size without number", "capacity", "lots", "a number of bytes"},
		{"negative size", "capacity", "-1KiB", "from 0 to 1PiB"},
		{"size fraction of a byte", "reserve", "0.5", "a whole number of bytes"},
		{"int with fraction", "ways", "1.5", "a whole number"},
		{"int above int range", "layers", "9223372036854775808", "a whole number from"},
		{"int below int range", "layers", "-9223372036854775809", "a whole number from"},
		{"int empty", "topk", "", "a whole number"},
		{"negative seed", "seed", "-1", "from 0 to 18446744073709551615"},
		{"seed above uint64", "seed", "18446744073709551616", "from 0 to"},
		{"float word", "reach", "high", "a finite number"},
		{"float NaN", "reach", "NaN", "a finite number"},
		{"float infinity", "bandwidth", "+Inf", "a finite number"},
		{"float overflow", "bandwidth", "1e400", "a finite number"},
		{"bool word", "bypass", "yes", "true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			err := c.Set(tt.key, tt.value)
			var fe *config.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Set(%q, %q) = %v, want a *FieldError", tt.key, tt.value, err)
			}
			if fe.Key != tt.key || fe.Value != strconv.Quote(tt.value) || !strings.Contains(fe.Allowed, tt.allowed) {
				t.Errorf("Set(%q, %q) = %#v, want key %q, value %q, allowed containing %q",
					tt.key, tt.value, fe, tt.key, strconv.Quote(tt.value), tt.allowed)
			}
			if c != config.DefaultConfig() {
				t.Errorf("Set(%q, %q) failed but changed the config", tt.key, tt.value)
			}
		})
	}
}

func TestUnknownKey(t *testing.T) {
	c := config.DefaultConfig()
	for _, key := range []string{"nope", "Capacity", "topK", ""} {
		err := c.Set(key, "1")
		if !errors.Is(err, config.ErrUnknownKey) || !strings.Contains(err.Error(), "capacity line ways") {
			t.Errorf("Set(%q, \"1\") = %v, want ErrUnknownKey listing the keys", key, err)
		}
		if _, err := c.Get(key); !errors.Is(err, config.ErrUnknownKey) {
			t.Errorf("Get(%q) = %v, want ErrUnknownKey", key, err)
		}
	}
}

func TestGet(t *testing.T) {
	c := config.DefaultConfig()
	c.Seed = math.MaxUint64
	tenth := 0.1
	c.StepOverlap = tenth + 0.2 // not exactly 0.3 in float64
	tests := []struct{ key, want string }{
		{"capacity", "50MiB"},
		{"weightBytes", "64MiB"},
		{"reserve", "0"},
		{"line", "128"},
		{"seed", "18446744073709551615"},
		{"stepOverlap", "0.30000000000000004"},
		{"returnDistance", "3.3"},
		{"lookback", "3.3"}, // its earlier name
		{"bypass", "false"},
		{"policy", "lru"},
	}
	for _, tt := range tests {
		if got, err := c.Get(tt.key); err != nil || got != tt.want {
			t.Errorf("Get(%q) = %q, %v, want %q, nil", tt.key, got, err, tt.want)
		}
	}
}

func TestQuery(t *testing.T) {
	base := config.DefaultConfig()
	if q := base.Query(base); len(q) != 0 {
		t.Errorf("base.Query(base) = %v, want no keys", q)
	}
	c := base
	c.Mode = config.ModeTokens
	c.Reserve = 20 << 20
	c.Bypass = true
	want := "bypass=true&mode=tokens&reserve=20MiB"
	if got := c.Query(base).Encode(); got != want {
		t.Errorf("Query(base).Encode() = %q, want %q", got, want)
	}
}

func TestApplyQuery(t *testing.T) {
	q, err := url.ParseQuery("ways=8&preset=small-demo&play=1&bogus=3&layers=many&policy=FIFO&topk=1&topk=64&steps=")
	if err != nil {
		t.Fatal(err)
	}
	c := config.DefaultConfig()
	err = c.ApplyQuery(q, "preset", "play")
	want := config.DefaultConfig()
	want.Ways = 8
	want.Policy = config.PolicyFIFO
	want.TopK = 64 // the last value wins
	if c != want {
		t.Errorf("ApplyQuery applied %v, want only the good keys: %v", c.Query(config.DefaultConfig()), want.Query(config.DefaultConfig()))
	}
	errs := unwrapAll(err)
	if len(errs) != 3 {
		t.Fatalf("ApplyQuery = %v, want 3 errors (bogus, layers, steps)", err)
	}
	if !errors.Is(errs[0], config.ErrUnknownKey) || !strings.Contains(errs[0].Error(), `"bogus"`) {
		t.Errorf("ApplyQuery error 0 = %v, want unknown key \"bogus\"", errs[0])
	}
	for i, key := range []string{"layers", "steps"} {
		var fe *config.FieldError
		if !errors.As(errs[i+1], &fe) || fe.Key != key {
			t.Errorf("ApplyQuery error %d = %v, want a *FieldError for %s", i+1, errs[i+1], key)
		}
	}

	c = config.DefaultConfig()
	if err := c.ApplyQuery(url.Values{"ways": {}, "preset": {"x"}}, "preset"); err != nil || c != config.DefaultConfig() {
		t.Errorf("ApplyQuery of a key with no values = %v and changed %v, want nil and no change", err, c.Query(config.DefaultConfig()))
	}
}

// unwrapAll returns the errors joined in err, or err alone.
func unwrapAll(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestRenamedKey checks that an earlier key name still sets its field
// through Set, a link and a flag.
func TestRenamedKey(t *testing.T) {
	c := config.DefaultConfig()
	if err := c.Set("lookback", "7"); err != nil || c.ReturnDistance != 7 {
		t.Errorf("Set(lookback, 7) = %v, returnDistance %v; want nil, 7", err, c.ReturnDistance)
	}
	if err := c.ApplyQuery(url.Values{"lookback": {"8"}}); err != nil || c.ReturnDistance != 8 {
		t.Errorf("ApplyQuery(lookback=8) = %v, returnDistance %v; want nil, 8", err, c.ReturnDistance)
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	c.RegisterFlags(fs)
	if err := fs.Parse([]string{"-lookback", "9"}); err != nil || c.ReturnDistance != 9 {
		t.Errorf("-lookback 9: %v, returnDistance %v; want nil, 9", err, c.ReturnDistance)
	}
}

// TestRemovedKey checks that a key of earlier versions with no equivalent
// is refused with its reason, as an unknown key.
func TestRemovedKey(t *testing.T) {
	c := config.DefaultConfig()
	err := c.Set("skew", "1")
	if !errors.Is(err, config.ErrUnknownKey) || !strings.Contains(err.Error(), "removed (new tokens are now drawn at a distance back set by reach") {
		t.Errorf("Set(skew, 1) = %v, want an unknown key error saying why", err)
	}
	if err := c.ApplyQuery(url.Values{"skew": {"1"}, "ways": {"8"}}); !errors.Is(err, config.ErrUnknownKey) || c.Ways != 8 {
		t.Errorf("ApplyQuery(skew=1&ways=8) = %v, ways %d; want an unknown key error and ways 8", err, c.Ways)
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.RegisterFlags(fs)
	if err := fs.Parse([]string{"-skew", "1"}); err == nil || !strings.Contains(err.Error(), "it was removed") {
		t.Errorf("-skew 1: %v, want the reason it was removed", err)
	}
}
