package render

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

// TestBrushLine draws random segments, thin and thick, and checks against
// what a line must be: both ends painted, every pixel inside the
// segment's box (grown by the thickness), every column between the ends
// painted, and each column's pixels touching the next column's.
func TestBrushLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	for range 2000 {
		l := &chartLayout{W: 60, H: 40, Plot: image.Rect(0, 0, 60, 40)}
		dst := make([]Index, l.W*l.H)
		thick := 1 + rng.IntN(3)
		b := brush{l: l, dst: dst, v: ChartA, thick: thick}
		x0, x1 := 5+rng.IntN(45), 5+rng.IntN(45)
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		y0, y1 := 5+rng.IntN(30), 5+rng.IntN(30)
		b.line(x0, y0, x1, y1)
		painted := func(x, y int) bool { return dst[y*l.W+x] == ChartA }
		if !painted(x0, y0) || !painted(x1, y1) {
			t.Fatalf("line (%d,%d)-(%d,%d) thick %d: an end is not painted", x0, y0, x1, y1, thick)
		}
		box := image.Rect(x0, min(y0, y1)-(thick-1)/2, x1+thick, max(y0, y1)+thick/2+1)
		lo, hi := make([]int, l.W), make([]int, l.W)
		for x := range l.W {
			lo[x], hi[x] = -1, -1
			for y := range l.H {
				if !painted(x, y) {
					continue
				}
				if !image.Pt(x, y).In(box) {
					t.Fatalf("line (%d,%d)-(%d,%d) thick %d: (%d,%d) painted outside %v", x0, y0, x1, y1, thick, x, y, box)
				}
				if lo[x] < 0 {
					lo[x] = y
				}
				hi[x] = y
			}
		}
		for x := x0; x <= x1; x++ {
			if lo[x] < 0 {
				t.Fatalf("line (%d,%d)-(%d,%d): column %d not painted", x0, y0, x1, y1, x)
			}
			if x < x1 && (lo[x+1] > hi[x]+1 || hi[x+1] < lo[x]-1) {
				t.Fatalf("line (%d,%d)-(%d,%d): columns %d and %d do not touch", x0, y0, x1, y1, x, x+1)
			}
		}
	}
}

// TestRasterLinesFlat: a constant series is a level line at its value's
// row, from its first step's column to its last's, and NaN leaves a gap.
func TestRasterLinesFlat(t *testing.T) {
	m := smallMetrics()
	s := &Series{}
	for i := range 100 {
		v := 50.0
		if i >= 40 && i < 60 {
			v = math.NaN()
		}
		s.Push(v)
	}
	spec := hitRateSpec()
	spec.names[1] = ""
	l := &chartLayout{}
	runs := [2]*Series{s}
	l.layoutLines(200, 100, &spec, &m, runs)
	dst := make([]Index, 200*100)
	l.rasterLines(dst, &m, runs)
	row := l.rowOf(50)
	for j := range ChartWindow {
		x := l.slotCol(j)
		want := j < 40 || (j >= 60 && j < 100)
		if j == 39 || j == 60 || j == 99 {
			continue // the ends of a run share a column with a neighbour
		}
		if got := dst[row*l.W+x] == ChartA; got != want {
			t.Errorf("step %d (column %d, row %d): drawn %v, want %v", j+1, x, row, got, want)
		}
	}
}
