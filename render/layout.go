package render

// BinFor returns the smallest square bin size b such that a w x h raster of
// cells, binned b x b, fits in maxW x maxH pixels. It returns 0 when nothing
// fits (an empty raster or an area with no pixels).
func BinFor(w, h, maxW, maxH int) int {
	if w <= 0 || h <= 0 || maxW <= 0 || maxH <= 0 {
		return 0
	}
	b := max((w+maxW-1)/maxW, (h+maxH-1)/maxH)
	// ceil(w/b) <= maxW holds for b >= ceil(w/maxW), so b is already the
	// smallest bin that fits both ways.
	return b
}

// IntScale returns the largest whole number of screen pixels per image
// pixel that keeps a w x h image inside maxW x maxH, at least 1. Whole
// numbers keep every cell the same size and its edges sharp.
func IntScale(w, h, maxW, maxH int) int {
	if w <= 0 || h <= 0 {
		return 1
	}
	return max(1, min(maxW/w, maxH/h))
}
