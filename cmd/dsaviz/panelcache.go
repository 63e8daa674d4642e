package main

import (
	"image"

	"dsaviz/sim/config"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// panelCache keeps the panel's last picture, so that while nobody touches
// it (the pointer over the scene, no key, nothing it shows changed) a frame
// draws one image instead of running ebitenui's Draw, which allocates a few
// hundred objects and costs milliseconds of the main thread in the browser.
type panelCache struct {
	img     *ebiten.Image
	sub     *ebiten.Image   // img's panel column, made once per size
	subRect image.Rectangle // of sub
	usable  bool            // nothing touched the panel this tick: a picture may stand in
	stale   bool            // the picture may be older than what the panel shows
	age     int             // frames since the picture was drawn
	shown   panelShows
	mouse   image.Point
	keys    []ebiten.Key     // scratch
	touches []ebiten.TouchID // scratch
}

// panelShows is what, outside its own widgets, changes the panel's picture.
type panelShows struct {
	playing bool
	err     string
	speed   float64
	cfg     config.Config
	preset  string
	w, h    int
	panelW  int
	step    int // the step field's, -1 while playing
	compare bool
	editB   bool
	lecture bool // the theme: a switch draws the panel again
	request int  // the request row's
}

// panelRefresh is the most frames a cached picture is shown before it is
// drawn again anyway (a safety net for changes nothing here tracks).
const panelRefresh = 600

// invalidateOnInput forgets the picture when the pointer is over the panel,
// moved, clicked or scrolled, a key is down, or what the panel shows
// changed. It runs in Update, where Ebiten reports input.
func (c *panelCache) invalidateOnInput(now panelShows, typing bool) {
	x, y := ebiten.CursorPosition()
	mouse := image.Pt(x, y)
	_, wy := ebiten.Wheel()
	c.keys = inpututil.AppendPressedKeys(c.keys[:0])
	c.touches = ebiten.AppendTouchIDs(c.touches[:0])
	c.usable = !(typing || now != c.shown || mouse != c.mouse || wy != 0 || len(c.keys) > 0 || len(c.touches) > 0 ||
		ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) || inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) ||
		x >= now.w-now.panelW)
	c.shown, c.mouse = now, mouse
	if !c.usable {
		// Ebiten may run more ticks than frames: the next frame draws the
		// picture again even if a later tick finds nothing touched.
		c.stale = true
	}
}

// draw draws the panel onto screen: from the cached picture when it is
// still valid, else by drawing the UI into the cache first. With kept (the
// screen still holds the last frame), an unchanged picture is not drawn
// again. It reports whether it drew the live UI straight onto the screen,
// which may have drawn outside the panel's column (tooltips, open lists).
func (c *panelCache) draw(screen *ebiten.Image, panelW int, drawUI func(*ebiten.Image), kept bool) (live bool) {
	b := screen.Bounds()
	if !c.usable {
		// Touched: draw straight to the screen, tooltips and open
		// lists included; the picture is out of date.
		drawUI(screen)
		c.stale = true
		return true
	}
	if c.img == nil || c.img.Bounds().Size() != b.Size() {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img = ebiten.NewImage(b.Dx(), b.Dy())
		c.sub, c.stale = nil, true
	}
	changed := false
	if c.stale || c.age >= panelRefresh {
		c.img.Clear()
		drawUI(c.img)
		c.stale, c.age, changed = false, 0, true
	}
	c.age++
	if r := image.Rect(b.Max.X-panelW, b.Min.Y, b.Max.X, b.Max.Y); c.sub == nil || r != c.subRect {
		c.sub, c.subRect, changed = c.img.SubImage(r).(*ebiten.Image), r, true
	}
	if kept && !changed {
		return false // the screen shows this picture already
	}
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(float64(c.subRect.Min.X), float64(c.subRect.Min.Y))
	screen.DrawImage(c.sub, &op)
	return false
}
