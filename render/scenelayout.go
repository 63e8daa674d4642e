package render

import (
	"image"
	"math"
)

// Design sizes of the scene's layout, in design pixels (times the zoom).
const (
	legendWidthSize = 300 // the right column: legend and reservation view
	stripRowSize    = 16  // one row of the token strip
	stripNameSize   = 66  // the names left of the strip's rows
)

// lineH is the height of a line of text of a face of size pixels.
func lineH(size float64) int { return int(math.Ceil(size * 1.3)) }

// px converts design pixels to device pixels at zoom z, at least 1.
func px(design, z float64) int { return max(1, int(math.Round(design*z))) }

// sceneRects places the parts of the scene in its area, in device pixels:
// the HUD along the top, the token strip along the bottom, the LLC view in
// the middle, and on its right the legend above the reservation view.
type sceneRects struct {
	HUD, LLC, Legend, Reservation, Strip image.Rectangle
}

// layoutScene lays out an area at zoom z. legendH is the height the legend
// needs; the reservation view gets what the legend leaves in the right
// column (nothing when withSlots is false or too little is left).
func layoutScene(area image.Rectangle, z float64, legendH int, withSlots bool) sceneRects {
	var r sceneRects
	m := px(marginSize, z)
	in := area.Inset(m)
	if in.Empty() {
		return r
	}
	body := lineH(bodySize * z)
	hudH := lineH(titleSize*z) + 2*body
	r.HUD = clip(image.Rect(in.Min.X, in.Min.Y, in.Max.X, in.Min.Y+hudH), in)
	stripH := body + StripRows*px(stripRowSize, z) + (StripRows-1)*px(2, z)
	r.Strip = clip(image.Rect(in.Min.X, in.Max.Y-stripH, in.Max.X, in.Max.Y), in)
	mid := image.Rect(in.Min.X, r.HUD.Max.Y+m, in.Max.X, r.Strip.Min.Y-m)
	if mid.Dy() <= 0 {
		return r
	}
	legW := min(px(legendWidthSize, z), mid.Dx()*2/5)
	right := image.Rect(mid.Max.X-legW, mid.Min.Y, mid.Max.X, mid.Max.Y)
	r.Legend = image.Rect(right.Min.X, right.Min.Y, right.Max.X, right.Min.Y+min(legendH, right.Dy()))
	if withSlots {
		res := image.Rect(right.Min.X, r.Legend.Max.Y+m, right.Max.X, right.Max.Y)
		if res.Dy() >= 3*body {
			r.Reservation = res
		}
	}
	r.LLC = image.Rect(mid.Min.X, mid.Min.Y, right.Min.X-m, mid.Max.Y)
	if r.LLC.Dx() <= 0 {
		r.LLC = image.Rectangle{}
	}
	return r
}

// clip returns r inside bounds, or the empty rectangle.
func clip(r, bounds image.Rectangle) image.Rectangle {
	r = r.Intersect(bounds)
	if r.Empty() {
		return image.Rectangle{}
	}
	return r
}

// compareRects places two panes side by side, the comparison line over
// them and the legend in a column on their right.
type compareRects struct {
	Line   image.Rectangle
	Panes  [2]sceneRects
	Legend image.Rectangle
}

// layoutCompare lays out a comparison in area at zoom z. Each pane is laid
// out by layoutStacked: no legend of its own, its reservation view under
// its LLC view.
func layoutCompare(area image.Rectangle, z float64, legendH int, withSlots [2]bool) compareRects {
	var r compareRects
	m := px(marginSize, z)
	in := area.Inset(m)
	if in.Empty() {
		return r
	}
	r.Line = clip(image.Rect(in.Min.X, in.Min.Y, in.Max.X, in.Min.Y+lineH(bodySize*z)), in)
	body := image.Rect(in.Min.X, r.Line.Max.Y+m, in.Max.X, in.Max.Y)
	if body.Dy() <= 0 {
		return r
	}
	legW := min(px(legendWidthSize, z), body.Dx()/4)
	r.Legend = image.Rect(body.Max.X-legW, body.Min.Y, body.Max.X, body.Min.Y+min(legendH, body.Dy()))
	paneW := (body.Dx() - legW - 2*m) / 2
	for i := range 2 {
		x := body.Min.X + i*(paneW+m)
		r.Panes[i] = layoutStacked(image.Rect(x, body.Min.Y, x+paneW, body.Max.Y), z, withSlots[i])
	}
	return r
}

// layoutStacked lays out one pane of a comparison in r: the HUD along the
// top, the token strip along the bottom, the LLC view between them with
// the reservation view under it (when withSlots and there is room).
func layoutStacked(r image.Rectangle, z float64, withSlots bool) sceneRects {
	var s sceneRects
	if r.Dx() <= 0 || r.Dy() <= 0 {
		return s
	}
	m := px(marginSize, z)
	body := lineH(bodySize * z)
	hudH := lineH(titleSize*z) + 2*body
	s.HUD = clip(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+hudH), r)
	stripH := body + StripRows*px(stripRowSize, z) + (StripRows-1)*px(2, z)
	s.Strip = clip(image.Rect(r.Min.X, r.Max.Y-stripH, r.Max.X, r.Max.Y), r)
	mid := image.Rect(r.Min.X, s.HUD.Max.Y+m, r.Max.X, s.Strip.Min.Y-m)
	if mid.Dy() <= 0 {
		return s
	}
	s.LLC = mid
	if withSlots && mid.Dy() >= 9*body {
		split := mid.Min.Y + mid.Dy()*3/5
		s.LLC = image.Rect(mid.Min.X, mid.Min.Y, mid.Max.X, split)
		s.Reservation = image.Rect(mid.Min.X, split+m, mid.Max.X, mid.Max.Y)
	}
	return s
}
