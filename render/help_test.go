package render

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/trace"
)

// splitHeight is the tallest column of a split, by brute force.
func splitHeight(h []int, starts []int) int {
	tallest := 0
	for c := range starts {
		end := len(h)
		if c+1 < len(starts) {
			end = starts[c+1]
		}
		sum := 0
		for _, v := range h[starts[c]:end] {
			sum += v
		}
		tallest = max(tallest, sum)
	}
	return tallest
}

// bestSplit is the shortest tallest column over every split of h into at
// most cols contiguous columns, by enumeration.
func bestSplit(h []int, cols int) int {
	best := splitHeight(h, []int{0})
	if cols >= 2 {
		for a := 1; a < len(h); a++ {
			best = min(best, splitHeight(h, []int{0, a}))
			if cols >= 3 {
				for b := a + 1; b < len(h); b++ {
					best = min(best, splitHeight(h, []int{0, a, b}))
				}
			}
		}
	}
	return best
}

// TestBalancedSplit: the help's columns start at 0, in order, and their
// tallest is the shortest any split into as many columns gives.
func TestBalancedSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 500 {
		h := make([]int, 1+r.IntN(12))
		for j := range h {
			h[j] = 1 + r.IntN(300)
		}
		cols := 1 + r.IntN(3)
		starts, height := balancedSplit(h, cols)
		where := fmt.Sprintf("case %d: heights %v in %d columns: starts %v", i, h, cols, starts)
		if len(starts) == 0 || starts[0] != 0 || len(starts) > cols {
			t.Fatalf("%s: want 1 to %d columns, the first at 0", where, cols)
		}
		for c := 1; c < len(starts); c++ {
			if starts[c] <= starts[c-1] || starts[c] >= len(h) {
				t.Fatalf("%s: columns out of order or empty", where)
			}
		}
		if got := splitHeight(h, starts); got != height {
			t.Fatalf("%s: reported height %d, the split's tallest column is %d", where, height, got)
		}
		if want := bestSplit(h, cols); height != want {
			t.Fatalf("%s: tallest column %d, the best split's is %d", where, height, want)
		}
	}
}

// TestHelpPages: the help with everything measured (MIN's gap and Table
// 3) fits its box at 1280x800 less the panel, each page of it: on two
// pages at most in the default theme's size, three in the lecture one's.
func TestHelpPages(t *testing.T) {
	f := chartFonts(t)
	pal := DefaultPalette()
	st := trace.PaperStats()
	st.Steps, st.Layers, st.TopK = 8, 61, 2048
	m := &Measured{Stats: st, MIN: &MINGap{Steps: 8, Slots: 256, Scope: "global", Horizon: 64, LRU: 882, MIN: 1212, Gathered: 2048}}
	cfg, err := config.Preset("dsv32-h100")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		zoom     float64
		maxPages int
	}{{1, 2}, {LectureZoom, 3}} {
		f.setZoom(tc.zoom)
		var v helpView
		for page := 0; page == 0 || page < v.Pages(); page++ {
			v.layout(image.Rect(0, 0, 910, 800), f, &pal, newPainter(), cfg, m, page)
			if !v.fits {
				t.Errorf("zoom %.2f: page %d of %d overflows its box", tc.zoom, page+1, v.Pages())
			}
		}
		if v.Pages() > tc.maxPages {
			t.Errorf("zoom %.2f: %d pages, want at most %d", tc.zoom, v.Pages(), tc.maxPages)
		}
	}
}

// TestHelpPagesCoverEverySection: pages start at 0, in order, every
// section on exactly one page.
func TestHelpPagesCoverEverySection(t *testing.T) {
	f := chartFonts(t)
	secs := helpSections(config.DefaultConfig(), nil)
	for _, room := range []int{100, 300, 700, 5000} {
		starts := helpPages(secs, f, 800, 12, room)
		if starts[0] != 0 {
			t.Fatalf("room %d: pages %v do not start at 0", room, starts)
		}
		for i := 1; i < len(starts); i++ {
			if starts[i] <= starts[i-1] || starts[i] >= len(secs) {
				t.Fatalf("room %d: pages %v out of order", room, starts)
			}
		}
		if room == 5000 && len(starts) != 1 {
			t.Errorf("room %d: %d pages, want one", room, len(starts))
		}
	}
}
