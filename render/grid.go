package render

import "fmt"

// Cells is a raster of palette indices, one byte per cell (for the LLC
// picture, one cell per cache line), stored row by row: the cell at column
// x, row y is Idx[y*W+x].
type Cells struct {
	W, H int
	Idx  []byte
}

// BinnedSize returns the size in pixels of a w x h raster of cells when each
// pixel stands for a bin of bx x by cells. Partial bins at the right and
// bottom edges still get a pixel.
func BinnedSize(w, h, bx, by int) (pw, ph int) {
	if w <= 0 || h <= 0 || bx <= 0 || by <= 0 {
		return 0, 0
	}
	return (w + bx - 1) / bx, (h + by - 1) / by
}

// FillRGBA maps cells through the palette into dst, a picture of exactly
// the size BinnedSize gives.
// It does not allocate, so dst can be reused from frame to frame and
// uploaded with a single WritePixels.
//
// With bx = by = 1 each cell is one pixel. Otherwise each pixel is a bin of
// up to bx x by cells and shows:
//  1. the most urgent mark in the bin, if any (BlockingMiss, then Hit,
//     then Miss, then Evicted, fresh before faded; see Palette.Urgency), so
//     a single blocking miss among thousands of lines is never hidden by
//     binning;
//  2. else the owner held by the most cells of the bin, Empty included (a
//     mostly empty bin looks empty); a tie goes to the owner met first
//     reading the bin row by row.
func FillRGBA(dst Pixels, c Cells, bx, by int, p *Palette) error {
	if c.W < 0 || c.H < 0 || len(c.Idx) != c.W*c.H {
		return fmt.Errorf("render: %dx%d cells need %d indices, got %d", c.W, c.H, c.W*c.H, len(c.Idx))
	}
	if bx <= 0 || by <= 0 {
		return fmt.Errorf("render: bin size must be positive, got %dx%d", bx, by)
	}
	pw, ph := BinnedSize(c.W, c.H, bx, by)
	if len(dst) != pw*ph {
		return fmt.Errorf("render: %dx%d pixels need a picture of %d, got %d", pw, ph, pw*ph, len(dst))
	}
	var pix pixelTable
	p.pixels(&pix)
	if bx == 1 && by == 1 {
		for i, v := range c.Idx {
			dst[i] = pix[v]
		}
		return nil
	}
	var b binner
	for py := range ph {
		y0 := py * by
		y1 := min(y0+by, c.H)
		for px := range pw {
			x0 := px * bx
			x1 := min(x0+bx, c.W)
			v := b.pick(c, x0, x1, y0, y1, p)
			dst[py*pw+px] = pix[v]
		}
	}
	return nil
}

// binner chooses the index that represents one bin. Its count table lives
// in the value (on the caller's stack) and is cleared after each bin by
// walking only the indices the bin touched.
type binner struct {
	count   [256]int32
	touched [256]byte // indices seen in this bin, in order of first sight
	small   [2]byte   // the cells of a small bin
}

// pickSmall is pick for a bin of at most len(b.small) cells, by
// comparisons instead of counts: the same choice, faster for bins of two
// cells (from four on, counting wins: measured).
func (b *binner) pickSmall(c Cells, x0, x1, y0, y1 int, p *Palette) byte {
	n := 0
	var urgent byte
	var urgency uint8
	for y := y0; y < y1; y++ {
		for _, v := range c.Idx[y*c.W+x0 : y*c.W+x1] {
			if u := p.Urgency[v]; u > urgency {
				urgent, urgency = v, u
			}
			b.small[n] = v
			n++
		}
	}
	if urgency > 0 {
		return urgent
	}
	best, bestCount := b.small[0], 0
	for i, v := range b.small[:n] {
		k := 0
		for _, w := range b.small[i:n] {
			if w == v {
				k++
			}
		}
		// Strictly more: a tie keeps the owner met first.
		if k > bestCount {
			best, bestCount = v, k
		}
	}
	return best
}

func (b *binner) pick(c Cells, x0, x1, y0, y1 int, p *Palette) byte {
	if (x1-x0)*(y1-y0) <= len(b.small) {
		return b.pickSmall(c, x0, x1, y0, y1, p)
	}
	n := 0
	var urgent byte
	var urgency uint8
	for y := y0; y < y1; y++ {
		for _, v := range c.Idx[y*c.W+x0 : y*c.W+x1] {
			if u := p.Urgency[v]; u > urgency {
				urgent, urgency = v, u
			}
			if b.count[v] == 0 {
				b.touched[n] = v
				n++
			}
			b.count[v]++
		}
	}
	best, bestCount := byte(0), int32(0)
	for _, v := range b.touched[:n] {
		if b.count[v] > bestCount {
			best, bestCount = v, b.count[v]
		}
		b.count[v] = 0
	}
	if urgency > 0 {
		return urgent
	}
	return best
}
