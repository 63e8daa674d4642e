package render

import (
	"math"
	"testing"
)

func TestBinFor(t *testing.T) {
	tests := []struct {
		name                string
		w, h, maxW, maxH, b int
	}{
		{"fits already", 100, 50, 200, 100, 1},
		{"exact fit", 200, 100, 200, 100, 1},
		{"one too wide", 201, 100, 200, 100, 2},
		{"height decides", 100, 1000, 200, 100, 10},
		{"default LLC in 1200x700", 16 * 64, 400, 1200, 700, 1},
		{"409600 lines as 16x25600", 16, 25600, 1200, 700, 37},
		{"no area", 10, 10, 0, 10, 0},
		{"no cells", 0, 10, 10, 10, 0},
	}
	for _, tt := range tests {
		b := BinFor(tt.w, tt.h, tt.maxW, tt.maxH)
		if b != tt.b {
			t.Errorf("%s: BinFor(%d, %d, %d, %d) = %d, want %d", tt.name, tt.w, tt.h, tt.maxW, tt.maxH, b, tt.b)
		}
		if b > 0 {
			pw, ph := BinnedSize(tt.w, tt.h, b, b)
			if pw > tt.maxW || ph > tt.maxH {
				t.Errorf("%s: bin %d gives %dx%d, larger than %dx%d", tt.name, b, pw, ph, tt.maxW, tt.maxH)
			}
			if b > 1 {
				pw, ph := BinnedSize(tt.w, tt.h, b-1, b-1)
				if pw <= tt.maxW && ph <= tt.maxH {
					t.Errorf("%s: bin %d is not the smallest: %d fits too", tt.name, b, b-1)
				}
			}
		}
	}
}

func TestIntScale(t *testing.T) {
	tests := []struct{ w, h, maxW, maxH, s int }{
		{100, 50, 1280, 800, 12},
		{100, 50, 250, 800, 2},
		{100, 50, 50, 50, 1}, // never below 1
		{0, 0, 100, 100, 1},
	}
	for _, tt := range tests {
		if s := IntScale(tt.w, tt.h, tt.maxW, tt.maxH); s != tt.s {
			t.Errorf("IntScale(%d, %d, %d, %d) = %d, want %d", tt.w, tt.h, tt.maxW, tt.maxH, s, tt.s)
		}
	}
}

func TestUIZoom(t *testing.T) {
	tests := []struct {
		w, h, want float64
	}{
		{1100, 720, 1},
		{1280, 800, 1.1},  // min(1.16, 1.11), floored to 0.05
		{1920, 1080, 1.5}, // projector: capped at 1.5
		{3840, 2160, 1.5},
		{640, 400, 0.6}, // min(0.58, 0.56), raised to the floor of 0.6
		{200, 100, 0.6},
		{1000, 640, 0.85}, // min(0.909, 0.889) -> 0.85
	}
	for _, tt := range tests {
		if got := UIZoom(tt.w, tt.h); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("UIZoom(%v, %v) = %v, want %v", tt.w, tt.h, got, tt.want)
		}
	}
}
