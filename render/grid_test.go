package render

import (
	"bytes"
	"fmt"
	"testing"
)

// testPalette gives each index a colour whose red byte is the index itself,
// so golden buffers read as the indices they show.
func testPalette() *Palette {
	p := DefaultPalette()
	for i := range p.RGBA {
		p.RGBA[i] = [4]byte{byte(i), 0, 0, 0xff}
	}
	return &p
}

// rgba expands indices into the RGBA bytes testPalette gives them.
func rgba(idx ...byte) []byte {
	var out []byte
	for _, v := range idx {
		out = append(out, v, 0, 0, 0xff)
	}
	return out
}

func TestFillRGBA(t *testing.T) {
	kv0, kv1 := KV(0), KV(1)
	tests := []struct {
		name   string
		cells  Cells
		bx, by int
		want   []byte
	}{
		{
			name:  "one cell per pixel",
			cells: Cells{W: 3, H: 2, Idx: []byte{Empty, Hit, kv0, Miss, BlockingMiss, Weights}},
			bx:    1, by: 1,
			want: rgba(Empty, Hit, kv0, Miss, BlockingMiss, Weights),
		},
		{
			name: "2x2 bins with partial edges",
			// 5x3 cells -> 3x2 pixels.
			cells: Cells{W: 5, H: 3, Idx: []byte{
				kv0, kv0, Empty, Hit, Indexer,
				kv1, kv0, Empty, Miss, Indexer,
				Empty, Empty, kv1, kv1, BlockingMiss,
			}},
			bx: 2, by: 2,
			want: rgba(
				kv0, Hit, Indexer, // majority kv0; a KV hit beats a stream miss; edge column of two
				Empty, kv1, BlockingMiss, // edge row; last bin is a single cell
			),
		},
		{
			name:  "tie goes to the owner met first",
			cells: Cells{W: 4, H: 1, Idx: []byte{Weights, Empty, Empty, Weights}},
			bx:    4, by: 1,
			want: rgba(Weights),
		},
		{
			name:  "blocking miss survives a large bin",
			cells: Cells{W: 4, H: 4, Idx: append(bytes.Repeat([]byte{kv1}, 15), BlockingMiss)},
			bx:    4, by: 4,
			want: rgba(BlockingMiss),
		},
		{
			name:  "evicted loses to hit",
			cells: Cells{W: 3, H: 1, Idx: []byte{Evicted, Hit, Evicted}},
			bx:    3, by: 1,
			want: rgba(Hit),
		},
		{
			name:  "tall bins",
			cells: Cells{W: 2, H: 3, Idx: []byte{Indexer, Empty, Indexer, Empty, Weights, Evicted}},
			bx:    1, by: 3,
			want: rgba(Indexer, Evicted),
		},
		{
			name:  "empty raster",
			cells: Cells{},
			bx:    2, by: 2,
			want: []byte{},
		},
	}
	p := testPalette()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pw, ph := BinnedSize(tt.cells.W, tt.cells.H, tt.bx, tt.by)
			dst := NewPixels(pw * ph)
			if err := FillRGBA(dst, tt.cells, tt.bx, tt.by, p); err != nil {
				t.Fatalf("FillRGBA: %v", err)
			}
			if !bytes.Equal(dst.Bytes(), tt.want) {
				t.Errorf("FillRGBA(%dx%d bins) = %v, want %v", tt.bx, tt.by, dst.Bytes(), tt.want)
			}
		})
	}
}

func TestFillRGBAReusesBuffer(t *testing.T) {
	// A bin's counts must not leak into the next bin or the next call.
	p := testPalette()
	c := Cells{W: 4, H: 1, Idx: []byte{KV(3), KV(3), Indexer, Weights}}
	dst := NewPixels(2)
	for range 3 {
		if err := FillRGBA(dst, c, 2, 1, p); err != nil {
			t.Fatal(err)
		}
		if want := rgba(KV(3), Indexer); !bytes.Equal(dst.Bytes(), want) {
			t.Fatalf("FillRGBA = %v, want %v", dst.Bytes(), want)
		}
	}
}

func TestFillRGBAErrors(t *testing.T) {
	p := testPalette()
	tests := []struct {
		name   string
		dst    Pixels
		cells  Cells
		bx, by int
	}{
		{"short index slice", NewPixels(4), Cells{W: 2, H: 2, Idx: make([]byte, 3)}, 1, 1},
		{"zero bin", NewPixels(4), Cells{W: 2, H: 2, Idx: make([]byte, 4)}, 0, 1},
		{"short dst", NewPixels(3), Cells{W: 2, H: 2, Idx: make([]byte, 4)}, 1, 1},
		{"long dst for bins", NewPixels(4), Cells{W: 2, H: 2, Idx: make([]byte, 4)}, 2, 2},
	}
	for _, tt := range tests {
		if err := FillRGBA(tt.dst, tt.cells, tt.bx, tt.by, p); err == nil {
			t.Errorf("%s: FillRGBA = nil, want an error", tt.name)
		}
	}
}

func TestBinnedSize(t *testing.T) {
	tests := []struct{ w, h, bx, by, pw, ph int }{
		{5, 3, 2, 2, 3, 2},
		{4, 4, 1, 1, 4, 4},
		{4, 4, 4, 4, 1, 1},
		{0, 4, 1, 1, 0, 0},
		{4, 4, 0, 1, 0, 0},
	}
	for _, tt := range tests {
		pw, ph := BinnedSize(tt.w, tt.h, tt.bx, tt.by)
		if pw != tt.pw || ph != tt.ph {
			t.Errorf("BinnedSize(%d, %d, %d, %d) = %d, %d, want %d, %d", tt.w, tt.h, tt.bx, tt.by, pw, ph, tt.pw, tt.ph)
		}
	}
}

func BenchmarkFillRGBA(b *testing.B) {
	// The default LLC: 25,600 sets x 16 ways = 409,600 lines.
	const w, h = 16 * 64, 400
	idx := make([]byte, w*h)
	for i := range idx {
		idx[i] = KV(i / 977)
		if i%101 == 0 {
			idx[i] = Hit
		}
	}
	cells := Cells{W: w, H: h, Idx: idx}
	p := DefaultPalette()
	for _, bin := range []int{1, 2, 4} {
		pw, ph := BinnedSize(w, h, bin, bin)
		dst := NewPixels(pw * ph)
		b.Run(fmt.Sprintf("bin%d", bin), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := FillRGBA(dst, cells, bin, bin, &p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w*h)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
		})
	}
}
