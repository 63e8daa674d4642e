// Package ui is dsaviz's control panel: a column on the right of the
// screen, built with ebitenui, holding the transport (play, step, layer,
// reset, speed, seed, preset) and every config key in collapsible groups
// (Cache, Reservation, Model, Selection, Timing).
//
// The panel reports through callbacks and is told through setters, so
// that the game stays in charge: a value the user types is checked with
// config's Set and Validate, then reported with OnConfig, or refused with
// the reason shown in the panel and the previous value put back.
//
//	p, err := ui.New(cfg, "small-demo",
//		ui.OnConfig(func(c config.Config, preset string) { g.restart(c, preset) }),
//		ui.OnCommand(g.command),
//		ui.OnSpeed(func(s float64) { g.speed = s }))
//	if err != nil {
//		return err
//	}
//
//	// Update:
//	w := p.Width(scale, render.UIZoom(cssW, cssH)) // the scene gets the rest
//	p.UI().Update()
//	if !p.TypingFocused() {
//		g.readShortcuts()
//	}
//	p.SetPlaying(g.playing)
//
//	// Draw, after the scene:
//	p.UI().Draw(screen)
//
// The panel sizes itself in device pixels from the device scale and the
// window zoom (Width), rebuilding its widgets when they change; Lecture
// selects a larger theme for projectors.
package ui
