package workload

import (
	"slices"
	"testing"

	"dsaviz/sim/config"
)

func layoutFor(t *testing.T, layout string, kv, line, pageTokens int) (*Layout, config.Config) {
	t.Helper()
	c := config.DefaultConfig()
	c.Layout, c.KVBytes, c.Line, c.PageTokens = layout, kv, line, pageTokens
	c.Capacity = config.Size(64 * line * c.Ways)
	c.Layers, c.Prompt, c.Steps, c.TopK, c.Batch = 3, 300, 20, 16, 2
	c.Sinks, c.Window = 0, 0
	l, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return l, c
}

// TestTokenLines checks every token's lines against the byte layout
// written out directly, and that no two tokens of a layer share a line
// outside the packed layout.
func TestTokenLines(t *testing.T) {
	cases := []struct {
		name                   string
		layout                 string
		kv, line, pageTokens   int
		wantLinesPerTokenUpper int
	}{
		{"rounded 656B/128B", config.LayoutRounded, 656, 128, 64, 6},
		{"rounded exact", config.LayoutRounded, 128, 64, 64, 2},
		{"packed 656B/128B", config.LayoutPacked, 656, 128, 64, 6},
		{"packed 100B/64B", config.LayoutPacked, 100, 64, 64, 3},
		{"packed small", config.LayoutPacked, 24, 64, 64, 2},
		{"paged 656B/128B", config.LayoutPaged, 656, 128, 64, 6},
		{"paged tiny pages", config.LayoutPaged, 100, 32, 3, 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, c := layoutFor(t, tc.layout, tc.kv, tc.line, tc.pageTokens)
			if got := c.TokenLines(); got != tc.wantLinesPerTokenUpper {
				t.Errorf("config TokenLines() = %d, want %d", got, tc.wantLinesPerTokenUpper)
			}
			type owned struct{ r, layer, tok int }
			owner := map[uint64]owned{}
			for r := range c.Batch {
				for layer := range c.Layers {
					for tok := range l.MaxContext() {
						first, n := l.TokenLines(r, layer, tok)
						if n < 1 || n > c.TokenLines() {
							t.Fatalf("TokenLines(%d, %d, %d) spans %d lines, want 1..%d", r, layer, tok, n, c.TokenLines())
						}
						if cl, ll, ok := l.Owner(first); !ok || cl != KV || ll != layer || l.RequestOf(first) != r {
							t.Fatalf("Owner(first line of token %d of layer %d of request %d) = %v %d %v, request %d", tok, layer, r, cl, ll, ok, l.RequestOf(first))
						}
						for x := first; x < first+uint64(n); x++ {
							lo, hi := l.TokensOfLine(layer, x)
							if tok < lo || tok > hi {
								t.Fatalf("TokensOfLine(%d, %#x) = [%d, %d], want it to contain token %d of request %d", layer, x, lo, hi, tok, r)
							}
							prev, seen := owner[x]
							if seen && (tc.layout != config.LayoutPacked || prev.r != r || prev.layer != layer) {
								t.Fatalf("line %#x holds %+v and %+v", x, prev, owned{r, layer, tok})
							}
							owner[x] = owned{r, layer, tok}
						}
					}
				}
			}
		})
	}
}

// TestPagedLayoutShufflesFrames: pages land at a seeded permutation of
// frames, different per layer, each frame used once.
func TestPagedLayoutShufflesFrames(t *testing.T) {
	l, c := layoutFor(t, config.LayoutPaged, 128, 64, 4)
	inOrder := 0
	for rl := range c.Batch * c.Layers {
		r, layer := rl/c.Layers, rl%c.Layers
		seen := map[uint64]bool{}
		prev := uint64(0)
		for p := range l.PagesPerLayer() {
			first, n := l.PageLines(r, layer, p)
			if seen[first] {
				t.Fatalf("layer %d: two pages at line %#x", layer, first)
			}
			seen[first] = true
			if first > prev {
				inOrder++
			}
			prev = first
			if tf, _ := l.TokenLines(r, layer, p*c.PageTokens); tf != first {
				t.Fatalf("page %d starts at %#x, its first token at %#x", p, first, tf)
			}
			if n != c.PageTokens*2 && p != l.PagesPerLayer()-1 {
				t.Fatalf("page %d spans %d lines, want %d", p, n, c.PageTokens*2)
			}
		}
	}
	if total := c.Batch * c.Layers * l.PagesPerLayer(); inOrder > total*3/4 {
		t.Errorf("%d of %d pages follow their predecessor: frames look unshuffled", inOrder, total)
	}
}

func TestStreamsAndRegions(t *testing.T) {
	l, c := layoutFor(t, config.LayoutRounded, 656, 128, 64)
	c.IndexerBytes = 132
	for layer := range c.Layers {
		for r := range c.Batch {
			first, n := l.IndexerStream(r, layer, 1000)
			if want := uint64((1000*132 + 127) / 128); n != want {
				t.Errorf("IndexerStream(%d, %d, 1000) has %d lines, want %d", r, layer, n, want)
			}
			if cl, ll, ok := l.Owner(first + n - 1); !ok || cl != Indexer || ll != layer || l.RequestOf(first) != r {
				t.Errorf("Owner(last indexer line) = %v %d %v request %d, want indexer %d of request %d", cl, ll, ok, l.RequestOf(first), layer, r)
			}
		}
		wf, wn := l.WeightStream(layer)
		if want := (uint64(c.WeightBytes) + 127) / 128; wn != want {
			t.Errorf("WeightStream(%d) has %d lines, want %d", layer, wn, want)
		}
		if cl, ll, ok := l.Owner(wf); !ok || cl != Weights || ll != layer {
			t.Errorf("Owner(weight line) = %v %d %v, want weights %d", cl, ll, ok, layer)
		}
		if r := int((wf + wn - 1) >> l.RegionShift()); r >= l.Regions() || r != int(wf>>l.RegionShift()) {
			t.Errorf("weight stream of layer %d crosses regions or exceeds Regions()", layer)
		}
	}
	if _, _, ok := l.Owner(12345); ok {
		t.Error("Owner(12345) = ok, want a line outside every region")
	}
}

// TestPrompts: request 0 keeps the prompt, the others spread over
// PromptRange, and the draw is deterministic.
func TestPrompts(t *testing.T) {
	c := config.DefaultConfig()
	c.Prompt, c.Batch = 1000, 64
	p := Prompts(c)
	lo, hi := c.PromptRange()
	if len(p) != c.Batch || p[0] != c.Prompt {
		t.Fatalf("Prompts = %v, want %d prompts from %d", p, c.Batch, c.Prompt)
	}
	distinct := map[int]bool{}
	for r, n := range p {
		if n < lo || n > hi {
			t.Errorf("request %d: prompt %d outside [%d, %d]", r, n, lo, hi)
		}
		distinct[n] = true
	}
	if len(distinct) < c.Batch/2 {
		t.Errorf("Prompts = %v: want them varied", p)
	}
	if q := Prompts(c); !slices.Equal(p, q) {
		t.Errorf("Prompts differs between calls: %v, %v", p, q)
	}
	c.Batch = 1
	if p := Prompts(c); len(p) != 1 || p[0] != c.Prompt {
		t.Errorf("batch 1: Prompts = %v, want [%d]", p, c.Prompt)
	}
}
