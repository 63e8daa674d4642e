package config

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// Limits that keep a run's memory and time bounded whatever a user types.
const (
	// MaxLines bounds capacity/line: the cache keeps a tag per line.
	MaxLines = 1 << 23
	// MaxContext bounds Prompt+Steps, the largest token index plus one.
	MaxContext = 1 << 24
	// MaxTokenTable bounds Layers*(Prompt+Steps), the per-token tables.
	MaxTokenTable = 1 << 28
	// MaxSelections bounds Layers*TopK, the tokens gathered per step.
	MaxSelections = 1 << 24
)

// FieldError is a refused value: which key, what was given and what is
// allowed. Its message is worded for the person who typed the value.
type FieldError struct {
	Key     string // the config key, as in JSON, URL and flags
	Value   string // the refused value, formatted
	Allowed string // what would have been accepted
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("config: %s must be %s, got %s", e.Key, e.Allowed, e.Value)
}

// Sets returns the number of sets, capacity / (line * ways); 0 if the
// geometry is not valid.
func (c Config) Sets() int {
	if c.Line <= 0 || c.Ways <= 0 {
		return 0
	}
	return int(int64(c.Capacity) / int64(c.Line) / int64(c.Ways))
}

// WayBytes is the capacity of one way across all sets: sets * line.
func (c Config) WayBytes() int64 { return int64(c.Sets()) * int64(c.Line) }

// Validate checks every field and returns all problems found, each a
// *FieldError joined with errors.Join, or nil when the config can run.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, value, allowed string) {
		errs = append(errs, &FieldError{Key: key, Value: value, Allowed: allowed})
	}
	intIn := func(key string, v, lo, hi int) bool {
		if v < lo || v > hi {
			bad(key, fmt.Sprint(v), fmt.Sprintf("%d..%d", lo, hi))
			return false
		}
		return true
	}
	floatIn := func(key string, v, lo, hi float64) {
		if math.IsNaN(v) || v < lo || v > hi {
			bad(key, fmt.Sprint(v), fmt.Sprintf("%g..%g", lo, hi))
		}
	}
	oneOf := func(key, v string, allowed ...string) {
		for _, a := range allowed {
			if v == a {
				return
			}
		}
		bad(key, fmt.Sprintf("%q", v), fmt.Sprintf("one of %q", allowed))
	}

	geometryOK := true
	if c.Line < 8 || c.Line > 1<<16 || bits.OnesCount(uint(c.Line)) != 1 {
		bad("line", fmt.Sprint(c.Line), "a power of two from 8 to 65536 bytes")
		geometryOK = false
	}
	geometryOK = intIn("ways", c.Ways, 1, 64) && geometryOK
	if geometryOK {
		setBytes := int64(c.Line) * int64(c.Ways)
		switch {
		case c.Capacity < Size(setBytes) || int64(c.Capacity)%setBytes != 0:
			bad("capacity", c.Capacity.String(), fmt.Sprintf("a positive multiple of line*ways = %d bytes (whole sets)", setBytes))
			geometryOK = false
		case int64(c.Capacity)/int64(c.Line) > MaxLines:
			bad("capacity", c.Capacity.String(), fmt.Sprintf("at most %d lines (%s with %d-byte lines)", MaxLines, Size(int64(MaxLines)*int64(c.Line)), c.Line))
			geometryOK = false
		}
	}
	oneOf("policy", c.Policy, PolicyLRU, PolicyFIFO, PolicyRandom, PolicySRRIP)
	oneOf("hash", c.Hash, HashMod, HashXOR)
	oneOf("mode", c.Mode, ModeNone, ModeWays, ModePrevK, ModePages, ModeTokens)
	oneOf("layout", c.Layout, LayoutRounded, LayoutPacked, LayoutPaged)
	pageOK := intIn("pageTokens", c.PageTokens, 1, 4096)

	layersOK := intIn("layers", c.Layers, 1, 4096)
	topkOK := intIn("topk", c.TopK, 1, 1<<20)
	intIn("kvBytes", c.KVBytes, 1, 1<<20)
	intIn("indexerBytes", c.IndexerBytes, 0, 1<<20)
	if c.WeightBytes < 0 || c.WeightBytes > 1<<40 {
		bad("weightBytes", c.WeightBytes.String(), "0..1TiB")
	}
	promptOK := intIn("prompt", c.Prompt, 1, MaxContext-1)
	stepsOK := intIn("steps", c.Steps, 1, 1<<20)
	if promptOK && stepsOK && c.Prompt+c.Steps > MaxContext {
		bad("steps", fmt.Sprint(c.Steps), fmt.Sprintf("at most %d with prompt %d (context up to %d tokens)", MaxContext-c.Prompt, c.Prompt, MaxContext))
	} else if layersOK && promptOK && stepsOK && int64(c.Layers)*int64(c.Prompt+c.Steps) > MaxTokenTable {
		bad("layers", fmt.Sprint(c.Layers), fmt.Sprintf("such that layers*(prompt+steps) <= %d, got %d", MaxTokenTable, int64(c.Layers)*int64(c.Prompt+c.Steps)))
	}
	if layersOK && topkOK && int64(c.Layers)*int64(c.TopK) > MaxSelections {
		bad("topk", fmt.Sprint(c.TopK), fmt.Sprintf("such that layers*topk <= %d", MaxSelections))
	}

	floatIn("stepOverlap", c.StepOverlap, 0, 1)
	floatIn("layerOverlap", c.LayerOverlap, 0, 1)
	floatIn("returnRate", c.ReturnRate, 0, 1)
	floatIn("lookback", c.Lookback, 1, 1000)
	intIn("sinks", c.Sinks, 0, 1<<20)
	intIn("window", c.Window, 0, 1<<20)
	if topkOK && c.Sinks >= 0 && c.Window >= 0 && c.Sinks+c.Window > c.TopK {
		bad("window", fmt.Sprint(c.Window), fmt.Sprintf("at most topk-sinks = %d (sinks and window are always selected)", c.TopK-c.Sinks))
	}
	floatIn("skew", c.Skew, 0, 8)

	floatIn("bandwidth", c.Bandwidth, 1e-3, 1e7)
	floatIn("missLatency", c.MissLatency, 0, 1e9)
	floatIn("hitLatency", c.HitLatency, 0, 1e9)
	intIn("mlp", c.MLP, 1, 1<<20)

	if geometryOK && pageOK {
		if err := c.validateReserve(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// validateReserve checks that the reservation fits: at least one unit of
// the mode's granularity, and at least one way left to the shared part.
func (c Config) validateReserve() error {
	way := c.WayBytes()
	maxReserve := int64(c.Capacity) - way
	if c.Reserve < 0 || int64(c.Reserve) > int64(c.Capacity) {
		return &FieldError{"reserve", c.Reserve.String(), "0..capacity (" + c.Capacity.String() + ")"}
	}
	if c.Mode == ModeNone {
		return nil
	}
	unit, unitName := way, "one way (sets*line)"
	switch c.Mode {
	case ModePrevK, ModeTokens:
		unit, unitName = c.TokenStride(), "one token slot"
	case ModePages:
		unit, unitName = c.TokenStride()*int64(c.PageTokens), "one page slot (pageTokens token slots)"
	}
	if int64(c.Reserve) < unit || int64(c.Reserve) > maxReserve {
		return &FieldError{"reserve", c.Reserve.String(),
			fmt.Sprintf("from %s = %d bytes to capacity minus one way = %s in mode %s", unitName, unit, Size(maxReserve), c.Mode)}
	}
	return nil
}

// TokenLines is the largest number of lines one token's KV entry spans in
// the configured layout: ceil(kvBytes/line), or in the packed layout, where
// entry i starts at byte i*kvBytes, the span from the worst start offset in
// a line (line - gcd(kvBytes, line)).
func (c Config) TokenLines() int {
	if c.Line <= 0 || c.KVBytes <= 0 {
		return 0
	}
	worstOffset := 0
	if c.Layout == LayoutPacked {
		worstOffset = c.Line - gcd(c.KVBytes, c.Line)
	}
	return (worstOffset + c.KVBytes + c.Line - 1) / c.Line
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// TokenStride is the bytes one token slot of the reservation occupies:
// TokenLines lines.
func (c Config) TokenStride() int64 { return int64(c.TokenLines()) * int64(c.Line) }
