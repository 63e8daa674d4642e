// Package render turns read-only pictures of the simulation into pixels
// without a GPU: palettes, palette-index rasters mapped to RGBA buffers, and
// the layout arithmetic that places them on screen. It is plain Go so that
// every picture can be tested exactly against small golden buffers.
//
// render never advances or mutates what it draws, and imports neither ui/
// nor cmd/ nor Ebiten. The app uploads the buffers it fills, once per frame:
//
//	pal := render.DefaultPalette()
//	cells := render.Cells{W: 64, H: 32, Idx: idx} // one palette index per cache line
//	w, h := render.BinnedSize(cells.W, cells.H, 2, 2)
//	pix := make([]byte, 4*w*h) // reused from frame to frame
//	if err := render.FillRGBA(pix, cells, 2, 2, &pal); err != nil { ... }
//	img.WritePixels(pix)
package render
