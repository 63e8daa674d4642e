// Package render draws a run of the simulation: the LLC view (one cell per
// cache line, sets folded into columns, the reservation beside the shared
// part), the reservation's slots, the token strip, the HUD, the legend, the
// help overlay and the error banner. It reads the engine through peeks and
// never changes it, and imports neither ui/ nor cmd/.
//
// The app drives a Scene from its Game, as Ebiten's split of time asks:
//
//	font, err := render.LoadFont()
//	s := render.NewScene(font)
//	s.Reset(e)                                // a new engine, or the run reset
//	// In Update:
//	s.Observe(e, e.AdvanceLayer(buf))        // after each layer
//	s.Tick()                                  // once per Update: flashes fade
//	// In Draw:
//	s.Draw(screen, area, e, render.Status{Playing: true, Scale: 2, Zoom: 1.2})
//
// Every picture is first a raster of palette indices built in plain Go
// (sceneModel: llcRaster, slotModel, tokenStrip), then mapped to RGBA by
// pure functions (FillFolded, FillRGBA) into a reused buffer, and uploaded
// with one WritePixels when it changed; so the pictures are tested exactly
// against small golden buffers, without a GPU. Text that changes while
// playing is drawn from glyphs rendered once per zoom into reused buffers,
// so that Draw allocates nothing of its own.
//
// The lower layer is usable alone:
//
//	pal := render.DefaultPalette()
//	f, ok := render.FoldFor(sets, [2]int{ways, 0}, maxW, maxH, 2, 14)
//	pix := render.NewPixels(w * h) // w, h := f.Size(); reused from frame to frame
//	err := render.FillFolded(pix, f, [2]render.Cells{{W: ways, H: sets, Idx: idx}}, &pal)
//	img.WritePixels(pix.Bytes())
package render
