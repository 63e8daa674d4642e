package render

import "fmt"

// MaxCell is the largest number of device pixels a cell of the LLC picture
// is drawn with: beyond it a tiny cache would only look blocky.
const MaxCell = 48

// cellBorderFrom is the cell size from which every cell gets a one-pixel
// border in the Gap colour, so that neighbouring lines of one owner still
// read as separate lines.
const cellBorderFrom = 6

// Fold places a picture of a cache on screen. The picture has one or two
// parts side by side (the shared part, then the reservation), each a
// raster of Sets rows of Ways[p] cells (one row per set, one cell per
// way). Each part is folded into Columns columns of Rows sets, the ways of
// a set side by side. When the lines outnumber the pixels, each pixel
// shows a bin of BX ways by BY sets (see FillRGBA for what a bin shows);
// otherwise each line is a square of Cell device pixels.
type Fold struct {
	Sets    int    // rows of every part
	Ways    [2]int // cells per row of each part; Ways[1] == 0: one part
	Rows    int    // sets per column, a multiple of BY
	Columns int    // columns of each part: ceil(Sets / Rows)
	BX, BY  int    // a pixel shows BX ways by BY sets
	Cell    int    // device pixels per binned pixel along each side
	Gap     int    // device pixels between two columns of a part
	PartGap int    // device pixels between the two parts
}

// Parts is the number of parts of the picture: 1 or 2.
func (f Fold) Parts() int {
	if f.Ways[1] > 0 {
		return 2
	}
	return 1
}

// LinesPerPixel is BX * BY: how many lines one pixel stands for.
func (f Fold) LinesPerPixel() int { return f.BX * f.BY }

// ColumnWidth is the width in device pixels of one column of part p.
func (f Fold) ColumnWidth(p int) int { return (f.Ways[p] + f.BX - 1) / f.BX * f.Cell }

// PartWidth is the width in device pixels of part p: its columns and the
// gaps between them.
func (f Fold) PartWidth(p int) int {
	if f.Columns == 0 {
		return 0
	}
	return f.Columns*f.ColumnWidth(p) + (f.Columns-1)*f.Gap
}

// PartX is the left edge of part p in the picture.
func (f Fold) PartX(p int) int {
	if p == 0 {
		return 0
	}
	return f.PartWidth(0) + f.PartGap
}

// Size is the size of the picture in device pixels.
func (f Fold) Size() (w, h int) {
	if f.Columns == 0 {
		return 0, 0
	}
	w = f.PartWidth(0)
	if f.Parts() == 2 {
		w += f.PartGap + f.PartWidth(1)
	}
	return w, (f.Rows + f.BY - 1) / f.BY * f.Cell
}

// CellAt returns the part, set and way of the cell under picture pixel
// (x, y), or ok false for a gap or a pixel outside the picture. With bins
// it returns the first cell of the bin.
func (f Fold) CellAt(x, y int) (part, set, way int, ok bool) {
	w, h := f.Size()
	if x < 0 || y < 0 || x >= w || y >= h {
		return 0, 0, 0, false
	}
	if p1 := f.PartX(1); f.Parts() == 2 && x >= p1-f.PartGap {
		if x < p1 {
			return 0, 0, 0, false
		}
		part, x = 1, x-p1
	}
	cw := f.ColumnWidth(part) + f.Gap
	col, cx := x/cw, x%cw
	if cx >= f.ColumnWidth(part) {
		return 0, 0, 0, false
	}
	set = col*f.Rows + y/f.Cell*f.BY
	way = cx / f.Cell * f.BX
	if set >= min((col+1)*f.Rows, f.Sets) || way >= f.Ways[part] {
		return 0, 0, 0, false
	}
	return part, set, way, true
}

// FoldFor returns the fold of sets rows of ways[0] (and ways[1]) cells that
// fits in maxW x maxH device pixels with the fewest lines per pixel, then
// the largest cells, and ok false when nothing fits. Bins are BX ways by BY
// sets with BX a power of two; of the bins of one size, the one whose
// picture covers the most of the area wins, then the narrower (ways stay
// apart). gap and partGap are the least space between columns and between
// the parts; both grow with the cell size.
func FoldFor(sets int, ways [2]int, maxW, maxH, gap, partGap int) (Fold, bool) {
	if sets <= 0 || ways[0] <= 0 || ways[1] < 0 || maxW <= 0 || maxH <= 0 {
		return Fold{}, false
	}
	f := Fold{Sets: sets, Ways: ways}
	for cell := MaxCell; cell > 1; cell-- {
		if f.fit(1, 1, cell, gap, partGap, maxW, maxH) {
			return f, true
		}
	}
	lines := sets * (ways[0] + ways[1])
	for n := max(1, lines/(maxW*maxH)); n <= lines; n++ {
		// Of the bin shapes of n lines that fit, the one that fills the
		// most of the area; on a tie, the narrower bin.
		var best Fold
		bestArea := 0
		for bx := 1; bx <= n && bx < 2*max(ways[0], ways[1]); bx *= 2 {
			if n%bx == 0 && f.fit(bx, n/bx, 1, gap, partGap, maxW, maxH) {
				if w, h := f.Size(); w*h > bestArea {
					best, bestArea = f, w*h
				}
			}
		}
		if bestArea > 0 {
			return best, true
		}
	}
	return Fold{}, false
}

// fit sets f to bins of bx x by drawn cell pixels large, with the fewest
// columns that fit maxH, and reports whether the result fits maxW.
func (f *Fold) fit(bx, by, cell, gap, partGap, maxW, maxH int) bool {
	pixRows := maxH / cell
	if pixRows < 1 {
		return false
	}
	f.BX, f.BY, f.Cell = bx, by, cell
	f.Gap, f.PartGap = max(gap, cell/2), max(partGap, 2*cell)
	cols := (f.Sets + pixRows*by - 1) / (pixRows * by)
	perCol := (f.Sets + cols - 1) / cols
	f.Rows = (perCol + by - 1) / by * by
	f.Columns = (f.Sets + f.Rows - 1) / f.Rows
	w, _ := f.Size()
	return w <= maxW
}

// FillFolded draws the parts of a fold into dst, a picture of exactly
// f.Size(): every column of every part, each bin as FillRGBA would show it,
// the gaps in the Gap colour. Part p's raster must be f.Ways[p] cells wide
// and f.Sets rows high. It does not allocate.
func FillFolded(dst Pixels, f Fold, parts [2]Cells, p *Palette) error {
	w, h := f.Size()
	if len(dst) != w*h {
		return fmt.Errorf("render: a %dx%d fold needs %d pixels, got %d", w, h, w*h, len(dst))
	}
	for i := range f.Parts() {
		c := parts[i]
		if c.W != f.Ways[i] || c.H != f.Sets || len(c.Idx) != c.W*c.H {
			return fmt.Errorf("render: part %d is %dx%d cells (%d indices), the fold wants %dx%d",
				i, c.W, c.H, len(c.Idx), f.Ways[i], f.Sets)
		}
	}
	var pix pixelTable
	p.pixels(&pix)
	gap := pix[Gap]
	for i := range dst {
		dst[i] = gap
	}
	border := f.BX == 1 && f.BY == 1 && f.Cell >= cellBorderFrom
	var b binner
	for part := range f.Parts() {
		c := parts[part]
		cw := f.ColumnWidth(part)
		for col := range f.Columns {
			x0 := f.PartX(part) + col*(cw+f.Gap)
			last := min((col+1)*f.Rows, f.Sets)
			for py, s := 0, col*f.Rows; s < last; py, s = py+1, s+f.BY {
				y1 := min(s+f.BY, last)
				top := py*f.Cell*w + x0
				row := dst[top : top+cw]
				if f.Cell == 1 && f.BX*(y1-s) <= 2 {
					fillRow(row, c, s, y1, f.BX, p, &pix)
					continue
				}
				for px, way := 0, 0; way < c.W; px, way = px+1, way+f.BX {
					v := b.pick(c, way, min(way+f.BX, c.W), s, y1, p)
					fillSpan(row[px*f.Cell:(px+1)*f.Cell], pix[v], gap, border)
				}
				// The other lines of a cell copy its first.
				for k := 1; k < f.Cell; k++ {
					line := dst[top+k*w : top+k*w+cw]
					if border && k == f.Cell-1 {
						fillSpan(line, gap, gap, false)
						continue
					}
					copy(line, row)
				}
			}
		}
	}
	return nil
}

// fillRow is FillFolded's loop for bins of one or two cells (one way of
// one or two sets, or two ways of one set; rows s to y1-1 of c), the common
// case of large caches, one pixel each: the choice made inline, as pick
// would make it (the more urgent; on a tie, the first).
func fillRow(row Pixels, c Cells, s, y1, bx int, p *Palette, pix *pixelTable) {
	a := c.Idx[s*c.W : (s+1)*c.W]
	switch {
	case bx == 2:
		for i := 0; i < len(a); i += 2 {
			v := a[i]
			if i+1 < len(a) && p.Urgency[a[i+1]] > p.Urgency[v] {
				v = a[i+1]
			}
			row[i/2] = pix[v]
		}
	case y1-s == 1:
		row = row[:len(a)]
		for i, v := range a {
			row[i] = pix[v]
		}
	default:
		b := c.Idx[(s+1)*c.W : (s+2)*c.W]
		b, row = b[:len(a)], row[:len(a)]
		for i, v := range a {
			if w := b[i]; p.Urgency[w] > p.Urgency[v] {
				v = w
			}
			row[i] = pix[v]
		}
	}
}

// fillSpan fills a span of pixels with colour c; with border, its last
// pixel takes colour b instead.
func fillSpan(span Pixels, c, b uint32, border bool) {
	for i := range span {
		span[i] = c
	}
	if border && len(span) >= 2 {
		span[len(span)-1] = b
	}
}
