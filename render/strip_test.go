package render

import (
	"bytes"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

func TestStripBins(t *testing.T) {
	tests := []struct {
		maxCtx, maxW           int
		width, perPixel, pxPer int
	}{
		{20, 64, 60, 1, 3},
		{552, 830, 552, 1, 1},
		{32832, 830, 821, 40, 1},
		{100, 100, 100, 1, 1},
		{101, 100, 51, 2, 1},
	}
	for _, tt := range tests {
		s := tokenStrip{maxCtx: tt.maxCtx}
		s.setWidth(tt.maxW)
		if s.Width != tt.width || s.PerPixel != tt.perPixel || s.PixelsPer != tt.pxPer {
			t.Errorf("%d tokens in %d px: width %d, %d a pixel, %d px each; want %d, %d, %d",
				tt.maxCtx, tt.maxW, s.Width, s.PerPixel, s.PixelsPer, tt.width, tt.perPixel, tt.pxPer)
		}
		if s.Width > tt.maxW {
			t.Errorf("%d tokens in %d px: %d px wide", tt.maxCtx, tt.maxW, s.Width)
		}
	}
}

func TestStripMark(t *testing.T) {
	s := tokenStrip{maxCtx: 10}
	s.setWidth(5) // 2 tokens a pixel
	row := s.idx[RowOutcomes*s.Width : (RowOutcomes+1)*s.Width]
	for i := range row {
		row[i] = Empty
	}
	s.mark(RowOutcomes, 0, 1, Hit)
	s.mark(RowOutcomes, 1, 2, BlockingMiss) // same pixel: more urgent wins
	s.mark(RowOutcomes, 2, 3, BlockingMiss)
	s.mark(RowOutcomes, 3, 4, Evicted) // same pixel: less urgent loses
	s.mark(RowOutcomes, 4, 9, Evicted) // a page of 5 tokens
	s.mark(RowOutcomes, 9, 12, Hit)    // clipped to the context
	want := []byte{BlockingMiss, BlockingMiss, Evicted, Evicted, Hit}
	if !bytes.Equal(row, want) {
		t.Errorf("row = %v, want %v", row, want)
	}
}

// TestStripEvictionRun: an eviction event covering lines of several
// tokens (the engine reports consecutive victims as one) marks every one
// of those tokens as evicted.
func TestStripEvictionRun(t *testing.T) {
	c := tinyConfig(config.ModeNone)
	c.KVBytes = 128 // two lines a token
	e, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	var s tokenStrip
	s.reset(e.View())
	first, n := e.Layout().TokenLines(0, 0, 3)
	if n != 2 {
		t.Fatalf("token 3 has %d lines, want 2", n)
	}
	// Token 3's second line and tokens 4 and 5 whole.
	ev := []engine.Event{{Line: first + 1, N: 5, Token: -1, Class: workload.KV, Outcome: engine.Evicted}}
	s.observe(e.View(), ev, 0, 0)
	if len(s.marks) != 1 || s.marks[0].token != 3 || s.marks[0].n != 3 || s.marks[0].ev != Evicted {
		t.Errorf("marks %+v, want tokens 3 to 5 evicted", s.marks)
	}
}
