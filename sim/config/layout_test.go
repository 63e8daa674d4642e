package config_test

import (
	"math/rand/v2"
	"testing"

	"dsaviz/sim/config"
)

// spanLines is the number of lines of size line that bytes [start, end)
// touch, counted one line at a time.
func spanLines(start, end, line int64) int {
	n := 0
	for l := start / line; l*line < end; l++ {
		n++
	}
	return n
}

// bruteTokenLines is the most lines any token's KV entry spans, found by
// laying out tokens the way DESIGN.md describes each layout.
func bruteTokenLines(c config.Config, r *rand.Rand) int {
	kv, line := int64(c.KVBytes), int64(c.Line)
	stride := line // the rounded stride: the first multiple of line >= kv
	for stride < kv {
		stride += line
	}
	worst := 0
	switch c.Layout {
	case config.LayoutPacked:
		// Entry i at byte i*kv; the start offsets within a line repeat
		// after at most line entries.
		for i := int64(0); i <= line; i++ {
			worst = max(worst, spanLines(i*kv, (i+1)*kv, line))
		}
	case config.LayoutRounded:
		for i := int64(0); i <= line; i++ {
			worst = max(worst, spanLines(i*stride, i*stride+kv, line))
		}
	case config.LayoutPaged:
		// Pages of PageTokens entries at the rounded stride, at shuffled
		// frames of a region.
		page := int64(c.PageTokens) * stride
		frames := r.Perm(8)
		for i := range int64(8 * c.PageTokens) {
			start := int64(frames[i/int64(c.PageTokens)])*page + i%int64(c.PageTokens)*stride
			worst = max(worst, spanLines(start, start+kv, line))
		}
	}
	return worst
}

func TestTokenLines(t *testing.T) {
	tests := []struct {
		name   string
		layout string
		kv     int
		line   int
		want   int
	}{
		{"rounded one line", config.LayoutRounded, 128, 128, 1},
		{"rounded a byte over", config.LayoutRounded, 129, 128, 2},
		{"rounded DeepSeek", config.LayoutRounded, 656, 128, 6},
		{"paged DeepSeek", config.LayoutPaged, 656, 128, 6},
		{"packed DeepSeek", config.LayoutPacked, 656, 128, 6},
		{"packed half line", config.LayoutPacked, 64, 128, 1},
		{"packed odd small", config.LayoutPacked, 100, 128, 2},
		{"packed one byte", config.LayoutPacked, 1, 128, 1},
		{"packed coprime fits two lines", config.LayoutPacked, 129, 128, 2},
		{"packed coprime spans three lines", config.LayoutPacked, 131, 128, 3},
		{"rounded CPU MLA", config.LayoutRounded, 576, 64, 9},
		{"packed CPU MLA", config.LayoutPacked, 576, 64, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			c.Layout, c.KVBytes, c.Line = tt.layout, tt.kv, tt.line
			if got := c.TokenLines(); got != tt.want {
				t.Errorf("TokenLines() with layout %s, kvBytes %d, line %d = %d, want %d", tt.layout, tt.kv, tt.line, got, tt.want)
			}
			if got, want := c.TokenStride(), int64(tt.want*tt.line); got != want {
				t.Errorf("TokenStride() with layout %s, kvBytes %d, line %d = %d, want %d", tt.layout, tt.kv, tt.line, got, want)
			}
		})
	}
}

// TestTokenLinesBruteForce compares TokenLines with the lines tokens
// really span, for every layout, small lines and many entry sizes.
func TestTokenLinesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 3))
	c := config.DefaultConfig()
	for _, layout := range []string{config.LayoutRounded, config.LayoutPacked, config.LayoutPaged} {
		for _, line := range []int{8, 16, 32, 64, 128, 256} {
			for kv := 1; kv <= 3*line+5; kv++ {
				c.Layout, c.Line, c.KVBytes, c.PageTokens = layout, line, kv, 1+r.IntN(16)
				if got, want := c.TokenLines(), bruteTokenLines(c, r); got != want {
					t.Errorf("TokenLines() with layout %s, kvBytes %d, line %d = %d, want %d", layout, kv, line, got, want)
				}
			}
		}
	}
}

func TestTokenLinesInvalid(t *testing.T) {
	tests := []struct {
		name     string
		kv, line int
		want     int
	}{
		{"zero kvBytes", 0, 128, 0},
		{"negative kvBytes", -5, 128, 0},
		{"zero line", 656, 0, 0},
		{"huge kvBytes does not overflow", 1<<62 + 1, 2, 1<<61 + 1},
	}
	for _, tt := range tests {
		for _, layout := range []string{config.LayoutRounded, config.LayoutPacked} {
			c := config.DefaultConfig()
			c.Layout, c.KVBytes, c.Line = layout, tt.kv, tt.line
			if got := c.TokenLines(); got != tt.want {
				t.Errorf("%s: TokenLines() with layout %s, kvBytes %d, line %d = %d, want %d", tt.name, layout, tt.kv, tt.line, got, tt.want)
			}
		}
	}
}
