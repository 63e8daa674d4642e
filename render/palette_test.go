package render

import (
	"math"
	"testing"
)

// luminance returns the WCAG relative luminance of an 8-bit sRGB colour.
func luminance(c [4]byte) float64 {
	return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
}

// contrast returns the WCAG contrast ratio of two luminances.
func contrast(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// The events as the scene shows them are light, middle and dark: a hit,
// a blocking miss, a stream's miss (at half strength over its line).
func TestPaletteEventsDifferInBrightness(t *testing.T) {
	p := DefaultPalette()
	hit, blocking := luminance(p.RGBA[Hit]), luminance(p.RGBA[BlockingMiss])
	for _, o := range []Index{Weights, Indexer} {
		miss := luminance(p.RGBA[Faded(Miss, 1, o)])
		if !(hit > blocking && blocking > miss) {
			t.Errorf("luminance hit %.3f, blocking miss %.3f, stream miss over %d %.3f: want strictly decreasing", hit, blocking, o, miss)
		}
		// 1.2 is enough to tell two flat patches apart side by side in grey.
		for _, pair := range []struct {
			name string
			a, b float64
		}{{"hit/blocking miss", hit, blocking}, {"blocking miss/stream miss", blocking, miss}} {
			if c := contrast(pair.a, pair.b); c < 1.2 {
				t.Errorf("%s contrast = %.2f, want >= 1.2", pair.name, c)
			}
		}
	}
}

func TestPaletteOwnersDimmerThanEvents(t *testing.T) {
	p := DefaultPalette()
	dimmestEvent := math.Inf(1)
	for _, e := range []Index{Hit, Miss, BlockingMiss} {
		dimmestEvent = min(dimmestEvent, luminance(p.RGBA[e]))
	}
	owners := []Index{Empty, ReservedEmpty, Indexer, Weights, Context}
	for l := range KVHues {
		owners = append(owners, KV(l), ReservedKV(l))
	}
	for _, o := range owners {
		if l := luminance(p.RGBA[o]); l >= dimmestEvent {
			t.Errorf("owner %d luminance %.3f >= dimmest event %.3f", o, l, dimmestEvent)
		}
		if p.RGBA[o][3] != 0xff {
			t.Errorf("owner %d is not opaque: %v", o, p.RGBA[o])
		}
	}
}

func TestPaletteDistinctColours(t *testing.T) {
	p := DefaultPalette()
	used := []Index{Empty, ReservedEmpty, Indexer, Weights, Evicted, Hit, Miss, BlockingMiss, Gap, Context, Selected, Resident}
	for l := range KVHues {
		used = append(used, KV(l), ReservedKV(l))
	}

	seen := map[[4]byte]Index{}
	for _, i := range used {
		if j, ok := seen[p.RGBA[i]]; ok {
			t.Errorf("indices %d and %d share colour %v", j, i, p.RGBA[i])
		}
		seen[p.RGBA[i]] = i
	}
}

func TestPaletteUrgencyOrder(t *testing.T) {
	p := DefaultPalette()
	order := []Index{Empty, Selected, Faded(Evicted, 1, Weights), Evicted, Faded(Miss, 1, KV(3)), Miss, Faded(Hit, 1, Empty), Hit, Faded(BlockingMiss, 1, ReservedEmpty), BlockingMiss}
	for i := 1; i < len(order); i++ {
		if p.Urgency[order[i]] <= p.Urgency[order[i-1]] {
			t.Errorf("Urgency[%d] = %d, want above Urgency[%d] = %d", order[i], p.Urgency[order[i]], order[i-1], p.Urgency[order[i-1]])
		}
	}
}

func TestKVWraps(t *testing.T) {
	if KV(0) != KVFirst || KV(KVHues) != KVFirst || KV(KVHues+1) != KVFirst+1 {
		t.Errorf("KV(0), KV(%d), KV(%d) = %d, %d, %d", KVHues, KVHues+1, KV(0), KV(KVHues), KV(KVHues+1))
	}
}

func TestFaded(t *testing.T) {
	p := DefaultPalette()
	for _, e := range []Index{Evicted, Hit, Miss, BlockingMiss} {
		if Faded(e, 0, Weights) != e {
			t.Errorf("Faded(%d, 0, Weights) = %d, want %d", e, Faded(e, 0, Weights), e)
		}
		for _, o := range fadeOwners {
			f := Faded(e, 1, o)
			if f < FadedFirst || p.RGBA[f][3] != 0xff {
				t.Errorf("Faded(%d, 1, %d) = %d, not an opaque faded colour", e, o, f)
			}
			if p.RGBA[f] == p.RGBA[e] || p.RGBA[f] == p.RGBA[o] {
				t.Errorf("Faded(%d, 1, %d) looks like the event or the owner", e, o)
			}
			if p.Urgency[f] == 0 || p.Urgency[f] >= p.Urgency[e] {
				t.Errorf("Faded(%d, 1, %d) urgency %d, want in (0, %d)", e, o, p.Urgency[f], p.Urgency[e])
			}
		}
		if Faded(e, 1, Gap) != Faded(e, 1, Empty) {
			t.Errorf("Faded(%d, 1, Gap) does not fade like Empty", e)
		}
	}
	if Faded(Weights, 1, Empty) != Weights {
		t.Errorf("Faded(Weights, 1, Empty) = %d, want Weights unchanged", Faded(Weights, 1, Empty))
	}
	if n := int(FadedFirst) + 4*len(fadeOwners); n > 256 {
		t.Errorf("faded colours end at index %d, beyond the palette", n-1)
	}
}

func TestLayerHue(t *testing.T) {
	tests := []struct{ layer, layers, want int }{
		{0, 4, 0}, {1, 4, 3}, {3, 4, 9}, {11, 12, 11}, {12, 61, 0}, {13, 61, 1},
	}
	for _, tt := range tests {
		if got := LayerHue(tt.layer, tt.layers); got != tt.want {
			t.Errorf("LayerHue(%d, %d) = %d, want %d", tt.layer, tt.layers, got, tt.want)
		}
	}
}
