package render

import (
	"math"
	"testing"
)

// TestGroupsFor checks, for many layer counts and widths, that the groups
// hold every layer, that every bar has a pixel, lies inside its group and
// apart from every other bar, and that no fewer layers per group would do.
func TestGroupsFor(t *testing.T) {
	for _, runs := range []int{1, 2} {
		for layers := 1; layers <= 130; layers += 3 {
			for w := 3; w <= 500; w += 7 {
				g := groupsFor(layers, w, runs)
				if g.n*g.per < layers || (g.n-1)*g.per >= layers {
					t.Fatalf("groupsFor(%d, %d, %d) = %+v: groups do not hold the layers exactly", layers, w, runs, g)
				}
				fits := w/g.n >= runs+1
				if g.per > 1 && w/((layers+g.per-2)/(g.per-1)) >= runs+1 {
					t.Fatalf("groupsFor(%d, %d, %d) = %+v: %d layers a group would fit", layers, w, runs, g, g.per-1)
				}
				end := 0
				for k := range g.n {
					a, b := g.span(k)
					for i := range runs {
						x0, x1 := g.bar(k, i)
						if x1-x0 < 1 || x0 < a || x1 > b || x0 < end {
							t.Fatalf("groupsFor(%d, %d, %d): bar %d of group %d at [%d, %d) in group [%d, %d), previous bar ended at %d", layers, w, runs, i, k, x0, x1, a, b, end)
						}
						end = x1
					}
					if fits && k > 0 && g.gap < 1 {
						t.Fatalf("groupsFor(%d, %d, %d): no gap between groups", layers, w, runs)
					}
				}
				if end > w {
					t.Fatalf("groupsFor(%d, %d, %d): bars end at %d", layers, w, runs, end)
				}
			}
		}
	}
}

func TestGroupMean(t *testing.T) {
	g := groupsFor(5, 9, 2) // 2 layers a group: 3 groups of 3 pixels
	v := []float64{10, 30, math.NaN(), 8, math.NaN()}
	want := []float64{20, 8, math.NaN()}
	if g.per != 2 || g.n != 3 {
		t.Fatalf("groupsFor(5, 9, 2) = %+v, want 2 layers a group, 3 groups", g)
	}
	for k, w := range want {
		if got := g.mean(v, k); got != w && !(math.IsNaN(got) && math.IsNaN(w)) {
			t.Errorf("mean of group %d = %v, want %v", k, got, w)
		}
	}
}
