package render

import (
	"bytes"
	"testing"
)

// G is Gap, short for the golden pictures below.
const G = Gap

func TestFillFolded(t *testing.T) {
	p := testPalette()
	part0 := make([]byte, 10) // set s holds 20+2s, 21+2s
	part1 := make([]byte, 5)  // set s holds 40+s
	for s := range 5 {
		part0[2*s], part0[2*s+1], part1[s] = byte(20+2*s), byte(21+2*s), byte(40+s)
	}
	tests := []struct {
		name  string
		f     Fold
		parts [2]Cells
		want  []byte
	}{
		{
			name:  "two parts, two columns, a short last column",
			f:     Fold{Sets: 5, Ways: [2]int{2, 1}, Rows: 3, Columns: 2, BX: 1, BY: 1, Cell: 1, Gap: 1, PartGap: 2},
			parts: [2]Cells{{W: 2, H: 5, Idx: part0}, {W: 1, H: 5, Idx: part1}},
			want: rgba(
				20, 21, G, 26, 27, G, G, 40, G, 43,
				22, 23, G, 28, 29, G, G, 41, G, 44,
				24, 25, G, G, G, G, G, 42, G, G,
			),
		},
		{
			name: "2x2 bins by majority",
			f:    Fold{Sets: 4, Ways: [2]int{4, 0}, Rows: 4, Columns: 1, BX: 2, BY: 2, Cell: 1},
			parts: [2]Cells{{W: 4, H: 4, Idx: []byte{
				KV(1), KV(1), Weights, Weights,
				KV(1), Empty, Weights, Indexer,
				Empty, Empty, Indexer, Indexer,
				Empty, KV(2), Indexer, Weights,
			}}},
			want: rgba(KV(1), Weights, Empty, Indexer),
		},
		{
			name:  "a blocking miss survives its bin",
			f:     Fold{Sets: 2, Ways: [2]int{2, 0}, Rows: 2, Columns: 1, BX: 2, BY: 2, Cell: 1},
			parts: [2]Cells{{W: 2, H: 2, Idx: []byte{Weights, Weights, Faded(Miss, 1, Weights), BlockingMiss}}},
			want:  rgba(BlockingMiss),
		},
		{
			name: "1x2 bins: the more urgent, else the first",
			f:    Fold{Sets: 4, Ways: [2]int{2, 0}, Rows: 4, Columns: 1, BX: 1, BY: 2, Cell: 1},
			parts: [2]Cells{{W: 2, H: 4, Idx: []byte{
				Weights, Hit,
				BlockingMiss, Weights,
				KV(1), KV(2),
				Empty, KV(2),
			}}},
			want: rgba(BlockingMiss, Hit, KV(1), KV(2)),
		},
		{
			name: "2x1 bins, the last one a single way",
			f:    Fold{Sets: 2, Ways: [2]int{3, 0}, Rows: 2, Columns: 1, BX: 2, BY: 1, Cell: 1},
			parts: [2]Cells{{W: 3, H: 2, Idx: []byte{
				Weights, Hit, Empty,
				KV(1), KV(2), BlockingMiss,
			}}},
			want: rgba(Hit, Empty, KV(1), BlockingMiss),
		},
		{
			name:  "cells of 3 pixels",
			f:     Fold{Sets: 1, Ways: [2]int{2, 0}, Rows: 1, Columns: 1, BX: 1, BY: 1, Cell: 3},
			parts: [2]Cells{{W: 2, H: 1, Idx: []byte{Hit, Miss}}},
			want: rgba(
				Hit, Hit, Hit, Miss, Miss, Miss,
				Hit, Hit, Hit, Miss, Miss, Miss,
				Hit, Hit, Hit, Miss, Miss, Miss,
			),
		},
		{
			name:  "cells of 6 pixels get a border",
			f:     Fold{Sets: 1, Ways: [2]int{1, 0}, Rows: 1, Columns: 1, BX: 1, BY: 1, Cell: 6},
			parts: [2]Cells{{W: 1, H: 1, Idx: []byte{Hit}}},
			want: rgba(
				Hit, Hit, Hit, Hit, Hit, G,
				Hit, Hit, Hit, Hit, Hit, G,
				Hit, Hit, Hit, Hit, Hit, G,
				Hit, Hit, Hit, Hit, Hit, G,
				Hit, Hit, Hit, Hit, Hit, G,
				G, G, G, G, G, G,
			),
		},
	}
	for _, tt := range tests {
		w, h := tt.f.Size()
		dst := NewPixels(w * h)
		if err := FillFolded(dst, tt.f, tt.parts, p); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !bytes.Equal(dst.Bytes(), tt.want) {
			t.Errorf("%s: FillFolded =\n%v\nwant\n%v", tt.name, dst.Bytes(), tt.want)
		}
	}
}

func TestFillFoldedErrors(t *testing.T) {
	p := testPalette()
	f := Fold{Sets: 2, Ways: [2]int{2, 0}, Rows: 2, Columns: 1, BX: 1, BY: 1, Cell: 1}
	ok := Cells{W: 2, H: 2, Idx: make([]byte, 4)}
	if err := FillFolded(NewPixels(4), f, [2]Cells{ok}, p); err != nil {
		t.Fatalf("a good fill: %v", err)
	}
	if err := FillFolded(NewPixels(3), f, [2]Cells{ok}, p); err == nil {
		t.Error("a short buffer: no error")
	}
	if err := FillFolded(NewPixels(4), f, [2]Cells{{W: 1, H: 4, Idx: make([]byte, 4)}}, p); err == nil {
		t.Error("a raster of the wrong shape: no error")
	}
}

func TestCellAt(t *testing.T) {
	f := Fold{Sets: 5, Ways: [2]int{2, 1}, Rows: 3, Columns: 2, BX: 1, BY: 1, Cell: 1, Gap: 1, PartGap: 2}
	tests := []struct {
		x, y, part, set, way int
		ok                   bool
	}{
		{0, 0, 0, 0, 0, true},
		{4, 1, 0, 4, 1, true},
		{2, 0, 0, 0, 0, false}, // a gap
		{5, 0, 0, 0, 0, false}, // between the parts
		{7, 2, 1, 2, 0, true},
		{9, 1, 1, 4, 0, true},
		{9, 2, 0, 0, 0, false}, // past the last set
		{10, 0, 0, 0, 0, false},
	}
	for _, tt := range tests {
		part, set, way, ok := f.CellAt(tt.x, tt.y)
		if ok != tt.ok || (ok && (part != tt.part || set != tt.set || way != tt.way)) {
			t.Errorf("CellAt(%d, %d) = %d, %d, %d, %v, want %d, %d, %d, %v", tt.x, tt.y, part, set, way, ok, tt.part, tt.set, tt.way, tt.ok)
		}
	}
}

func TestFoldFor(t *testing.T) {
	tests := []struct {
		name       string
		sets       int
		ways       [2]int
		maxW, maxH int
		lpp, cell  int // want
		bx         int
	}{
		{"small-demo tokens", 128, [2]int{4, 4}, 550, 480, 1, 14, 1},
		{"dsv32-h100 tokens", 25600, [2]int{9, 7}, 560, 490, 2, 1, 1},
		{"dsv32-h100 tokens, wide: bins across ways fill more", 25600, [2]int{9, 7}, 900, 490, 2, 1, 2},
		{"dsv32-h100 none, large", 25600, [2]int{16, 0}, 1600, 900, 1, 1, 1},
		{"one line", 1, [2]int{1, 0}, 1000, 1000, 1, MaxCell, 1},
	}
	for _, tt := range tests {
		f, ok := FoldFor(tt.sets, tt.ways, tt.maxW, tt.maxH, 2, 14)
		if !ok {
			t.Errorf("%s: no fold", tt.name)
			continue
		}
		w, h := f.Size()
		if w > tt.maxW || h > tt.maxH {
			t.Errorf("%s: %dx%d does not fit %dx%d", tt.name, w, h, tt.maxW, tt.maxH)
		}
		if f.LinesPerPixel() != tt.lpp || f.Cell != tt.cell || f.BX != tt.bx {
			t.Errorf("%s: %d lines a pixel (%d ways) in cells of %d, want %d (%d) in %d",
				tt.name, f.LinesPerPixel(), f.BX, f.Cell, tt.lpp, tt.bx, tt.cell)
		}
		if f.Columns*f.Rows < f.Sets || (f.Columns-1)*f.Rows >= f.Sets || f.Rows%f.BY != 0 {
			t.Errorf("%s: %d columns of %d rows for %d sets", tt.name, f.Columns, f.Rows, f.Sets)
		}
		// Nothing finer fits.
		if f.Cell > 1 && f.Cell < MaxCell {
			g := f
			if g.fit(1, 1, f.Cell+1, 2, 14, tt.maxW, tt.maxH) {
				t.Errorf("%s: cells of %d fit too", tt.name, f.Cell+1)
			}
		}
		for bx := 1; bx*1 < f.LinesPerPixel(); bx *= 2 {
			for by := 1; bx*by < f.LinesPerPixel(); by++ {
				g := f
				if g.fit(bx, by, 1, 2, 14, tt.maxW, tt.maxH) {
					t.Errorf("%s: %dx%d bins fit too", tt.name, bx, by)
				}
			}
		}
	}
	if _, ok := FoldFor(100, [2]int{16, 0}, 0, 100, 1, 1); ok {
		t.Error("FoldFor with no width: ok")
	}
	if _, ok := FoldFor(0, [2]int{16, 0}, 100, 100, 1, 1); ok {
		t.Error("FoldFor with no sets: ok")
	}
}
