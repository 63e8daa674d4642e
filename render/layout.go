package render

import "math"

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

// Design size of the app's layout in CSS pixels: at this window size text
// and panels have their nominal sizes.
const (
	DesignWidth  = 1100
	DesignHeight = 720
)

// UIZoom returns how much to scale text and panels for a window of cssW x
// cssH CSS pixels: below the design size everything shrinks to fit (down to
// 0.6), and on large screens, such as a lecture hall's projector at
// 1920x1080, it grows (up to 1.5) so it reads from the back. The result is
// a multiple of 0.05, so that resizing a window rebuilds text only at a few
// sizes.
func UIZoom(cssW, cssH float64) float64 {
	z := min(cssW/DesignWidth, cssH/DesignHeight)
	z = max(0.6, min(1.5, z))
	return math.Floor(z*20) / 20
}
