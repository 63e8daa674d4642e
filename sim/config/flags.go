package config

import (
	"flag"
	"reflect"
)

// RegisterFlags defines one flag per config key on fs, named as the key and
// writing into c when fs.Parse meets it, with Help(key) as its usage and
// c's value at registration as its default. Values take Set's forms
// ("-capacity 50MiB", "-policy=srrip"). Boolean keys are boolean flags:
// "-bypass" alone sets true, and false needs "-bypass=false" (as for every
// flag package boolean, "-bypass false" ends the flags). Like fs.Var, it
// panics if fs already defines a flag named as a config key.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	for _, key := range Keys() {
		fs.Var(&flagValue{c: c, key: key}, key, Help(key))
	}
}

// flagValue is the flag.Value of one config key.
type flagValue struct {
	c   *Config
	key string
}

// String returns the key's current value. The flag package calls it on a
// zero flagValue to detect zero defaults, hence the nil check.
func (v *flagValue) String() string {
	if v == nil || v.c == nil {
		return ""
	}
	s, err := v.c.Get(v.key)
	if err != nil {
		return ""
	}
	return s
}

// Set parses s into the key's field.
func (v *flagValue) Set(s string) error { return v.c.Set(v.key, s) }

// IsBoolFlag tells the flag package that the key's flag needs no value.
func (v *flagValue) IsBoolFlag() bool {
	if v == nil || v.c == nil {
		return false
	}
	f, err := v.c.field(v.key)
	return err == nil && f.Kind() == reflect.Bool
}

// Help returns the one-line description of key that command-line usage and
// tooltips show, or "" if key is not a config key. A word in backquotes
// names the flag's value in flag.PrintDefaults ("-capacity bytes").
func Help(key string) string { return keyHelp[key] }

var keyHelp = map[string]string{
	"capacity":     "LLC size in `bytes` (units: KiB MiB GiB TiB KB MB GB TB)",
	"line":         "cache line size in `bytes`, a power of two",
	"ways":         "LLC associativity (`ways` per set), 1..64",
	"policy":       "replacement `policy` of the shared part: lru, fifo, random or srrip",
	"hash":         "set index `function`: mod or xor",
	"bypass":       "indexer and weight streams bypass the LLC (non-temporal reads)",
	"reserve":      "`bytes` of the LLC reserved for KV (units as capacity)",
	"mode":         "reservation `mode`: none, ways, prevk, pages or tokens",
	"pageTokens":   "`tokens` per KV page (paged layout and pages mode)",
	"layers":       "transformer `layers` simulated",
	"topk":         "`tokens` each layer selects per step",
	"kvBytes":      "KV entry `bytes` per token per layer",
	"indexerBytes": "indexer key `bytes` per token per layer (0: no indexer stream)",
	"weightBytes":  "weight `bytes` streamed per layer per step (units as capacity)",
	"prompt":       "context `tokens` before the first decode step",
	"steps":        "decode `steps` of a run",
	"batch":        "concurrent `requests`, each with its own KV, prompt and selections",
	"seed":         "`seed` of every random choice",
	"stepOverlap":  "`probability` that a token selected at the previous step is kept",
	"layerOverlap": "`probability` that a refilled slot takes a token of the previous layer",
	"returnRate":   "`probability` that a refilled slot takes a returning token",
	"lookback":     "mean `steps` back to a returning token's last selection",
	"sinks":        "first `tokens` always selected",
	"window":       "most recent `tokens` always selected",
	"skew":         "`skew` of new tokens towards recent ones (0: uniform)",
	"layout":       "KV `layout`: rounded, packed or paged",
	"bandwidth":    "memory bandwidth in `GB/s`",
	"missLatency":  "LLC miss latency in `ns`",
	"hitLatency":   "LLC hit latency in `ns`",
	"mlp":          "`misses` in flight that overlap",
	"timeModel":    "time `model`: mlp (streams, overlapped misses) or paper (Table 4's roofline of the KV gather)",
}
