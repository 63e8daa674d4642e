package fontface

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

func TestFaceSizes(t *testing.T) {
	f, err := GoRegular()
	if err != nil {
		t.Fatal(err)
	}
	small, large := f.Face(10), f.Face(20)
	const s = "Hello, DSA"
	a, b := text.AdvanceAt(s, len(s), small), text.AdvanceAt(s, len(s), large)
	if a <= 0 || b < 1.9*a || b > 2.1*a {
		t.Errorf("advances %v at 10 px and %v at 20 px, want about double", a, b)
	}
	if m := large.Metrics(); m.HAscent < 15 || m.HAscent > 20 || m.HDescent <= 0 {
		t.Errorf("metrics at 20 px: %+v", m)
	}
	for _, size := range []float64{0, -3, 0.2} {
		if adv := text.AdvanceAt("x", 1, f.Face(size)); adv <= 0 {
			t.Errorf("a face of %v px draws nothing (advance %v): sizes are clamped to %v", size, adv, MinSize)
		}
	}
}
