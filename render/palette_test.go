package render

import (
	"math"
	"testing"
)

// luminance returns the WCAG relative luminance of an 8-bit sRGB colour.
func luminance(c [4]byte) float64 {
	lin := func(b byte) float64 {
		v := float64(b) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast returns the WCAG contrast ratio of two luminances.
func contrast(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

func TestPaletteEventsDifferInBrightness(t *testing.T) {
	p := DefaultPalette()
	hit, miss, blocking := luminance(p.RGBA[Hit]), luminance(p.RGBA[Miss]), luminance(p.RGBA[BlockingMiss])
	if !(hit > miss && miss > blocking) {
		t.Errorf("luminance hit %.3f, miss %.3f, blocking miss %.3f: want strictly decreasing", hit, miss, blocking)
	}
	// 1.2 is enough to tell two flat patches apart side by side in grey.
	for _, pair := range []struct {
		name string
		a, b float64
	}{{"hit/miss", hit, miss}, {"miss/blocking miss", miss, blocking}} {
		if c := contrast(pair.a, pair.b); c < 1.2 {
			t.Errorf("%s contrast = %.2f, want >= 1.2", pair.name, c)
		}
	}
}

func TestPaletteOwnersDimmerThanEvents(t *testing.T) {
	p := DefaultPalette()
	dimmestEvent := math.Inf(1)
	for _, e := range []Index{Hit, Miss, BlockingMiss} {
		dimmestEvent = min(dimmestEvent, luminance(p.RGBA[e]))
	}
	owners := []Index{Empty, ReservedEmpty, Indexer, Weights}
	for l := range KVHues {
		owners = append(owners, KV(l))
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
	used := []Index{Empty, ReservedEmpty, Indexer, Weights, Evicted, Hit, Miss, BlockingMiss, Gap}
	for l := range KVHues {
		used = append(used, KV(l))
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
	order := []Index{Empty, Evicted, Hit, Miss, BlockingMiss}
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
