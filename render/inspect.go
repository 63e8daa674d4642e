package render

import "image"

// targetKind is what kind of thing lies under the pointer.
type targetKind uint8

const (
	targetNone  targetKind = iota
	targetCell             // a cell (or bin) of the LLC picture
	targetSlot             // a slot (or bin) of the reservation view
	targetToken            // a token (or bin) of the token strip
)

// target is what lies under the pointer in a pane: plain numbers, so that
// two targets compare with ==.
type target struct {
	kind targetKind
	// targetCell: the part, set and way of the (first) cell of the bin,
	// and the bin's size in ways and sets (1 x 1: one line).
	part, set, way int
	bx, by         int
	// targetSlot: the first slot of the bin, and how many slots it holds.
	slot, slots int
	// targetToken: the first token of the bin, and how many tokens it
	// holds.
	token, tokens int
}

// inspect returns what lies under pt (device pixels) in the pane as it was
// last laid out: a cell of the LLC picture (CellAt), a slot of the
// reservation view, or a token of the strip; targetNone over anything else
// (titles, gaps, the HUD). It reads only the pane's geometry.
func (p *pane) inspect(pt image.Point) target {
	if !p.model.eng.Valid() {
		return target{}
	}
	if v := &p.llc; v.ok {
		if part, set, way, ok := v.fold.CellAt(pt.X-v.at.X, pt.Y-v.at.Y); ok {
			return target{kind: targetCell, part: part, set: set, way: way, bx: v.fold.BX, by: v.fold.BY}
		}
	}
	if v := &p.res; v.ok {
		if _, row, col, ok := v.fold.CellAt(pt.X-v.at.X, pt.Y-v.at.Y); ok {
			w := p.model.slots.gridWidth()
			slot := row*w + col
			if slot < len(p.model.slots.layer) {
				return target{kind: targetSlot, slot: slot, slots: v.fold.LinesPerPixel()}
			}
		}
	}
	if v := &p.strip; v.ok {
		t := &p.model.strip
		x, y := pt.X-v.at.X, pt.Y-v.at.Y
		h := StripRows*v.rowH + (StripRows-1)*v.rowGap
		if x >= 0 && y >= 0 && x < t.Width && y < h {
			tok := x / t.PixelsPer * t.PerPixel
			if tok < t.maxCtx {
				return target{kind: targetToken, token: tok, tokens: min(t.PerPixel, t.maxCtx-tok)}
			}
		}
	}
	return target{}
}

// slotOfCell returns the slot whose lines a cell of the token store's part
// of the LLC picture shows (compose fills the part slot after slot, each
// with its lines), or -1 past the last slot.
func (m *sceneModel) slotOfCell(set, way int) int {
	l := &m.llc
	if l.slotCells <= 0 {
		return -1
	}
	slot := (set*l.ways[1] + way) / l.slotCells
	if slot >= len(m.slots.layer) {
		return -1
	}
	return slot
}

// cellRect is the rectangle of picture pixels that shows the bin holding
// cell (set, way) of part p: the inverse of Fold.CellAt.
func cellRect(f Fold, p, set, way int) image.Rectangle {
	col, row := set/f.Rows, set%f.Rows/f.BY
	x := f.PartX(p) + col*(f.ColumnWidth(p)+f.Gap) + way/f.BX*f.Cell
	y := row * f.Cell
	return image.Rect(x, y, x+f.Cell, y+f.Cell)
}

// targetRect is where a target is drawn on screen (device pixels), for
// the tooltip's outline of it; empty for none.
func (p *pane) targetRect(tg target) image.Rectangle {
	switch tg.kind {
	case targetCell:
		return cellRect(p.llc.fold, tg.part, tg.set, tg.way).Add(p.llc.at)
	case targetSlot:
		w := p.model.slots.gridWidth()
		return cellRect(p.res.fold, 0, tg.slot/w, tg.slot%w).Add(p.res.at)
	case targetToken:
		t := &p.model.strip
		x := p.strip.at.X + tg.token/t.PerPixel*t.PixelsPer
		h := StripRows*p.strip.rowH + (StripRows-1)*p.strip.rowGap
		return image.Rect(x, p.strip.at.Y, x+t.PixelsPer, p.strip.at.Y+h)
	}
	return image.Rectangle{}
}
