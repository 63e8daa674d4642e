package config

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
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
	// MaxGatherLines bounds TopK*TokenLines, the lines one layer gathers:
	// a layer runs in one piece, so its work must stay bounded.
	MaxGatherLines = 1 << 24
	// MaxRequestLayers bounds Batch*Layers: each request's layer has its
	// own address regions, and line addresses must stay in 64 bits.
	MaxRequestLayers = 1 << 16
	// MaxIndexerLines bounds the lines of one layer's indexer stream,
	// (Prompt+Steps)*IndexerBytes/Line, for the same reason.
	MaxIndexerLines = 1 << 26
)

// FieldError is a refused value: which key, what was given and what is
// allowed. Its message is worded for the person who typed the value.
type FieldError struct {
	Key     string // the config key, as in JSON, URL and flags
	Value   string // the refused value: as Get formats it, or quoted text as typed
	Allowed string // what would have been accepted, with its range
}

// Error returns "config: KEY must be ALLOWED, got VALUE".
func (e *FieldError) Error() string {
	return fmt.Sprintf("config: %s must be %s, got %s", e.Key, e.Allowed, e.Value)
}

// Sets returns the number of sets, capacity / (line * ways) rounded down,
// or 0 if line, ways or capacity is not positive.
func (c Config) Sets() int {
	if c.Line <= 0 || c.Ways <= 0 || c.Capacity <= 0 {
		return 0
	}
	return int(int64(c.Capacity) / int64(c.Line) / int64(c.Ways))
}

// WayBytes is the capacity of one way across all sets: sets * line.
func (c Config) WayBytes() int64 { return int64(c.Sets()) * int64(c.Line) }

// Validate checks every field and returns all problems found, each a
// *FieldError, joined with errors.Join; nil means the config can run.
// Besides each field's own range (in its doc), it checks that the capacity
// is whole sets of at most MaxLines lines, that the context, the token
// tables and the selections stay under MaxContext, MaxTokenTable and
// MaxSelections, that sinks and window fit in topk, and that the
// reservation fits (see Reserve). A rule that depends on fields already
// refused is skipped, so each mistake is reported once.
func (c Config) Validate() error {
	v := validator{}
	geometryOK := c.validateGeometry(&v)
	v.oneOf("policy", c.Policy, PolicyLRU, PolicyFIFO, PolicyRandom, PolicySRRIP)
	v.oneOf("hash", c.Hash, HashMod, HashXOR)
	modeOK := v.oneOf("mode", c.Mode, ModeNone, ModeWays, ModePrevK, ModePages, ModeTokens)
	layoutOK := v.oneOf("layout", c.Layout, LayoutRounded, LayoutPacked, LayoutPaged)
	pageOK := v.intIn("pageTokens", c.PageTokens, 1, 4096)

	layersOK := v.intIn("layers", c.Layers, 1, 4096)
	topkOK := v.intIn("topk", c.TopK, 1, 1<<20)
	kvOK := v.intIn("kvBytes", c.KVBytes, 1, 1<<20)
	v.intIn("indexerBytes", c.IndexerBytes, 0, 1<<20)
	if c.WeightBytes < 0 || c.WeightBytes > 1<<40 {
		v.bad("weightBytes", c.WeightBytes.String(), "0..1TiB")
	}
	promptOK := v.intIn("prompt", c.Prompt, 1, MaxContext-1)
	stepsOK := v.intIn("steps", c.Steps, 1, 1<<20)
	batchOK := v.intIn("batch", c.Batch, 1, MaxBatch)
	contextOK := false
	if promptOK && stepsOK {
		context := int64(c.Prompt) + int64(c.Steps)
		switch {
		case context > MaxContext:
			v.bad("steps", fmt.Sprint(c.Steps), fmt.Sprintf("1..%d with prompt %d (prompt+steps at most %d tokens)", MaxContext-c.Prompt, c.Prompt, MaxContext))
		case layersOK && int64(c.Layers)*context > MaxTokenTable:
			v.bad("layers", fmt.Sprint(c.Layers), fmt.Sprintf("1..%d with prompt+steps = %d tokens (layers*(prompt+steps) at most %d)", MaxTokenTable/context, context, MaxTokenTable))
		default:
			contextOK = true
		}
	}
	selectionsOK := true
	if layersOK && topkOK && int64(c.Layers)*int64(c.TopK) > MaxSelections {
		v.bad("topk", fmt.Sprint(c.TopK), fmt.Sprintf("1..%d with %d layers (layers*topk at most %d)", MaxSelections/c.Layers, c.Layers, MaxSelections))
		selectionsOK = false
	}
	if batchOK && layersOK && topkOK && contextOK && selectionsOK {
		c.validateBatch(&v)
	}
	lineOK := c.Line >= 8 && c.Line <= 1<<16
	if lineOK && topkOK && c.KVBytes >= 1 && c.KVBytes <= 1<<20 {
		if per := int64(c.TokenLines()); int64(c.TopK)*per > MaxGatherLines {
			v.bad("kvBytes", fmt.Sprint(c.KVBytes), fmt.Sprintf("such that topk*(lines per token) <= %d, one layer's gather (topk %d, %d lines per token)", MaxGatherLines, c.TopK, per))
		}
	}
	if lineOK && promptOK && stepsOK && c.IndexerBytes >= 0 && c.IndexerBytes <= 1<<20 {
		bytes := (int64(c.Prompt) + int64(c.Steps)) * int64(c.IndexerBytes)
		if lines := (bytes + int64(c.Line) - 1) / int64(c.Line); lines > MaxIndexerLines {
			v.bad("indexerBytes", fmt.Sprint(c.IndexerBytes), fmt.Sprintf("such that (prompt+steps)*indexerBytes/line <= %d lines, one layer's indexer stream (%d lines)", MaxIndexerLines, lines))
		}
	}

	v.floatIn("stepOverlap", c.StepOverlap, 0, 1)
	v.floatIn("layerOverlap", c.LayerOverlap, 0, 1)
	v.floatIn("returnRate", c.ReturnRate, 0, 1)
	v.floatIn("lookback", c.Lookback, 1, 1000)
	sinksOK := v.intIn("sinks", c.Sinks, 0, 1<<20)
	windowOK := v.intIn("window", c.Window, 0, 1<<20)
	if topkOK && sinksOK && windowOK {
		// Sinks and window are always selected, so they must fit in topk.
		switch {
		case c.Sinks > c.TopK:
			v.bad("sinks", fmt.Sprint(c.Sinks), fmt.Sprintf("0..topk = %d (sinks are always selected)", c.TopK))
		case c.Sinks+c.Window > c.TopK:
			v.bad("window", fmt.Sprint(c.Window), fmt.Sprintf("0..topk-sinks = %d (sinks and window are always selected)", c.TopK-c.Sinks))
		}
	}
	v.floatIn("skew", c.Skew, 0, 8)

	v.floatIn("bandwidth", c.Bandwidth, 1e-3, 1e7)
	v.floatIn("missLatency", c.MissLatency, 0, 1e9)
	v.floatIn("hitLatency", c.HitLatency, 0, 1e9)
	v.intIn("mlp", c.MLP, 1, 1<<20)
	v.oneOf("timeModel", c.TimeModel, TimeMLP, TimePaper)

	if c.Reserve < 0 || c.Reserve > MaxSize {
		v.bad("reserve", c.Reserve.String(), "0..1PiB")
	} else if geometryOK && modeOK && layoutOK && pageOK && kvOK {
		if err := c.validateReserve(); err != nil {
			v.errs = append(v.errs, err)
		}
	}
	return errors.Join(v.errs...)
}

// validateBatch checks that a batch of valid layers, topk, prompt and
// steps fits the limits, which grow with the batch: requests*layers (the
// address regions), the tokens gathered per step, and the per-token tables
// of every request at the largest prompt of PromptRange. One request
// always fits: the same limits hold for it without a batch.
func (c Config) validateBatch(v *validator) {
	if c.Batch == 1 {
		return
	}
	_, hi := c.PromptRange()
	context := int64(hi) + int64(c.Steps)
	largest := func(limit int64) int64 { return max(1, limit) }
	switch rl := int64(c.Layers); {
	case int64(c.Batch)*rl > MaxRequestLayers:
		v.bad("batch", fmt.Sprint(c.Batch), fmt.Sprintf("1..%d with %d layers (batch*layers at most %d)", largest(MaxRequestLayers/rl), c.Layers, MaxRequestLayers))
	case int64(c.Batch)*rl*int64(c.TopK) > MaxSelections:
		v.bad("batch", fmt.Sprint(c.Batch), fmt.Sprintf("1..%d with %d layers and topk %d (batch*layers*topk, the tokens gathered per step, at most %d)", largest(MaxSelections/(rl*int64(c.TopK))), c.Layers, c.TopK, MaxSelections))
	case context > MaxContext:
		v.bad("batch", fmt.Sprint(c.Batch), fmt.Sprintf("1 with prompt %d and %d steps (the requests of a batch have prompts up to prompt+prompt/2 = %d, and their prompt+steps must stay at most %d tokens)", c.Prompt, c.Steps, hi, MaxContext))
	case int64(c.Batch)*rl*context > MaxTokenTable:
		v.bad("batch", fmt.Sprint(c.Batch), fmt.Sprintf("1..%d with %d layers and contexts up to %d tokens (batch*layers*(largest prompt+steps), the per-token tables, at most %d)", largest(MaxTokenTable/(rl*context)), c.Layers, context, MaxTokenTable))
	}
}

// PromptRange returns the smallest and the largest prompt of the batch's
// requests: prompt alone for one request; otherwise request 0 has prompt
// and each other request draws its own uniformly from
// [prompt-prompt/2, prompt+prompt/2] (so prompt 1000 spans the paper's
// 500..1500 tokens).
func (c Config) PromptRange() (lo, hi int) {
	if c.Batch <= 1 {
		return c.Prompt, c.Prompt
	}
	return c.Prompt - c.Prompt/2, c.Prompt + c.Prompt/2
}

// validateGeometry checks line, ways and capacity, and reports whether
// all three are valid.
func (c Config) validateGeometry(v *validator) bool {
	ok := true
	if c.Line < 8 || c.Line > 1<<16 || bits.OnesCount(uint(c.Line)) != 1 {
		v.bad("line", fmt.Sprint(c.Line), "a power of two from 8 to 65536 bytes")
		ok = false
	}
	ok = v.intIn("ways", c.Ways, 1, 64) && ok
	if c.Capacity < 1 || c.Capacity > MaxSize {
		v.bad("capacity", c.Capacity.String(), "1..1PiB")
		return false
	}
	if !ok {
		return false
	}
	setBytes := int64(c.Line) * int64(c.Ways)
	if int64(c.Capacity)%setBytes != 0 {
		v.bad("capacity", c.Capacity.String(), fmt.Sprintf("a multiple of line*ways = %d bytes (whole sets)", setBytes))
		return false
	}
	if lines := int64(c.Capacity) / int64(c.Line); lines > MaxLines {
		v.bad("capacity", c.Capacity.String(), fmt.Sprintf("at most %d lines = %s with %d-byte lines", MaxLines, Size(int64(MaxLines)*int64(c.Line)), c.Line))
		return false
	}
	return true
}

// validator collects the problems Validate finds.
type validator struct{ errs []error }

func (v *validator) bad(key, value, allowed string) {
	v.errs = append(v.errs, &FieldError{Key: key, Value: value, Allowed: allowed})
}

func (v *validator) intIn(key string, x, lo, hi int) bool {
	if x < lo || x > hi {
		v.bad(key, fmt.Sprint(x), fmt.Sprintf("%d..%d", lo, hi))
		return false
	}
	return true
}

func (v *validator) floatIn(key string, x, lo, hi float64) {
	if math.IsNaN(x) || x < lo || x > hi {
		v.bad(key, strconv.FormatFloat(x, 'g', -1, 64), fmt.Sprintf("%g..%g", lo, hi))
	}
}

func (v *validator) oneOf(key, x string, allowed ...string) bool {
	if slices.Contains(allowed, x) {
		return true
	}
	v.bad(key, strconv.Quote(x), "one of "+strings.Join(allowed, ", "))
	return false
}

// validateReserve checks that the reservation fits: in mode none, anything
// from 0 to the capacity (it is ignored); in the other modes at least one
// unit of the mode's granularity, and at most the capacity minus one way,
// so that the shared part keeps at least one way. It needs valid geometry,
// mode, layout, pageTokens and kvBytes.
func (c Config) validateReserve() error {
	if c.Mode == ModeNone {
		if c.Reserve > c.Capacity {
			return &FieldError{"reserve", c.Reserve.String(), "0..capacity = " + c.Capacity.String()}
		}
		return nil
	}
	way := c.WayBytes()
	maxReserve := int64(c.Capacity) - way
	unit, unitName := way, "one way (sets*line)"
	switch c.Mode {
	case ModePrevK, ModeTokens:
		unit, unitName = c.TokenStride(), "one token slot"
	case ModePages:
		unit, unitName = c.TokenStride()*int64(c.PageTokens), "one page of token slots (pageTokens*tokenStride)"
	}
	if int64(c.Reserve) < unit || int64(c.Reserve) > maxReserve {
		return &FieldError{"reserve", c.Reserve.String(),
			fmt.Sprintf("%s..%s in mode %s: from %s to capacity minus one way", Size(unit), Size(maxReserve), c.Mode, unitName)}
	}
	if c.Mode == ModePages && c.Layout == LayoutPacked {
		// Packed pages share their boundary lines: whole pages could not
		// be kept or evicted without holding a line twice.
		return &FieldError{"layout", fmt.Sprintf("%q", c.Layout), `"rounded" or "paged" in mode pages (packed pages share boundary lines)`}
	}
	return nil
}

// TokenLines is the largest number of lines one token's KV entry spans in
// the configured layout, 0 if line or kvBytes is not positive. In the
// rounded and paged layouts every entry starts on a line (paged pages hold
// pageTokens entries at that stride, at line-aligned frames), so it is
// ceil(kvBytes/line). In the packed layout entry i starts at byte
// i*kvBytes of a line-aligned region; the starts fall at every multiple of
// g = gcd(kvBytes, line) within a line, so the worst entry starts at
// offset line-g and spans ceil((line-g+kvBytes)/line) lines.
func (c Config) TokenLines() int {
	if c.Line <= 0 || c.KVBytes <= 0 {
		return 0
	}
	worst := 0
	if c.Layout == LayoutPacked {
		worst = c.Line - gcd(c.KVBytes, c.Line)
	}
	// ceil((worst+kvBytes)/line), written so that no sum can overflow.
	rest := uint64(worst) + uint64(c.KVBytes%c.Line)
	lines := c.KVBytes/c.Line + int(rest/uint64(c.Line))
	if rest%uint64(c.Line) != 0 {
		lines++
	}
	return lines
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// TokenStride is the bytes one token slot of the reservation occupies:
// TokenLines whole lines, enough for any token's entry in the layout.
func (c Config) TokenStride() int64 { return int64(c.TokenLines()) * int64(c.Line) }
