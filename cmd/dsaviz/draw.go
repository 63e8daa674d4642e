package main

import (
	"image"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/render"
)

// drawnScreen is what a frame left on the screen: its size, and whether it
// holds the whole picture (the scene and the panel drawn without a panic,
// and nothing of the live panel over the scene).
type drawnScreen struct {
	size  image.Point
	whole bool
}

// fullRedrawFrames is how often, in frames, everything is drawn again even
// when the screen holds it (a safety net, e.g. for a lost GL context).
const fullRedrawFrames = 600

// Draw draws the scene left of the panel (with the error banner and the
// help), then the panel. Each part recovers its own panics, so a broken
// scene still leaves the controls, and the error shows in the panel.
func (g *Game) Draw(screen *ebiten.Image) {
	start := time.Now()
	kept := g.screenKept(screen)
	sceneOK := g.drawScene(screen, kept)
	live, panelOK := g.drawPanel(screen, kept)
	g.drawn(screen, sceneOK, panelOK, live)
	if g.screen.exportPNG {
		g.screen.exportPNG = false
		g.savePNG(screen)
	}
	g.screen.frames++
	g.screen.drawMs.addSince(start)
	g.host.frameDrawn(g.screen.frames)
}

// screenKept reports whether screen still holds the whole last frame, so
// that this one may draw only what changed.
func (g *Game) screenKept(screen *ebiten.Image) bool {
	sc := &g.screen
	return sc.keepScreen && sc.lastDraw.whole && sc.lastDraw.size == screen.Bounds().Size() && sc.frames%fullRedrawFrames != 0
}

// drawn records what a frame left on screen. A live panel may have drawn
// over the scene (a tooltip, an open list): the next frame draws
// everything again.
func (g *Game) drawn(screen *ebiten.Image, sceneOK, panelOK, live bool) {
	g.screen.lastDraw = drawnScreen{size: screen.Bounds().Size(), whole: sceneOK && panelOK && !live}
}

// drawScene draws the scene left of the panel and reports whether it got
// through without a panic.
func (g *Game) drawScene(screen *ebiten.Image, kept bool) (ok bool) {
	defer g.recoverFrame("Draw")
	sc := &g.screen
	if sc.panicDraw {
		sc.panicDraw = false
		panic("test panic requested through dsaviz.testPanic(\"draw\")")
	}
	b := screen.Bounds()
	area := image.Rect(b.Min.X, b.Min.Y, max(b.Min.X, b.Max.X-sc.panelW), b.Max.Y)
	pt := sc.pointer()
	sc.scene.Draw(screen, area, g.run.views(), render.Status{
		Playing:   g.run.play.playing,
		Speed:     g.run.play.speed,
		FPS:       sc.fps,
		TPS:       sc.tps,
		Scale:     sc.scale,
		Zoom:      g.zoom(),
		ShowHelp:  g.showHelp,
		HelpPage:  g.helpPage,
		Seek:      g.run.seekShown(),
		Charts:    g.link.launched.charts,
		Curve:     sc.curve,
		Measured:  sc.measured,
		Error:     g.errMsg,
		Caption:   g.caption(),
		Kept:      kept,
		Pointer:   pt,
		PointerIn: pt.In(area),
	})
	g.mail.publishHover(newHoverInfo(sc.scene.Hover(), sc.scale))
	return true
}

// pointer is where the first touch is, or else the mouse cursor, in
// device pixels: Ebiten gives both in the screen's coordinates, which
// Layout makes device pixels.
func (sc *screenState) pointer() image.Point {
	sc.touches = ebiten.AppendTouchIDs(sc.touches[:0])
	if len(sc.touches) > 0 {
		return image.Pt(ebiten.TouchPosition(sc.touches[0]))
	}
	return image.Pt(ebiten.CursorPosition())
}

// drawPanel draws the panel and reports whether it drew the live UI (see
// panelCache.draw) and whether it got through without a panic.
func (g *Game) drawPanel(screen *ebiten.Image, kept bool) (live, ok bool) {
	defer g.recoverFrame("the panel's Draw")
	sc := &g.screen
	if g.link.launched.embed {
		return false, true
	}
	return sc.panelPic.draw(screen, sc.panelW, sc.panel.UI().Draw, kept), true
}

// Layout returns the screen size in device pixels, so that the picture is
// sharp on HiDPI screens: Ebiten passes the window size in CSS pixels (or
// device-independent pixels on the desktop).
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.screen.scale = s
	g.screen.cssW, g.screen.cssH = outsideWidth, outsideHeight
	return int(math.Ceil(float64(outsideWidth) * s)), int(math.Ceil(float64(outsideHeight) * s))
}

// screenSize is the screen in device pixels, as Layout returned it.
func (g *Game) screenSize() (int, int) {
	sc := &g.screen
	return int(math.Ceil(float64(sc.cssW) * sc.scale)), int(math.Ceil(float64(sc.cssH) * sc.scale))
}

// windowMean is the mean of durations over windows of windowFrames
// samples: mean holds the last complete window, in milliseconds. Windows
// (rather than a running average) let the slow first frames, which compile
// shaders and cache glyphs, drop out entirely.
type windowMean struct {
	mean float64
	sum  time.Duration
	n    int
}

const windowFrames = 30

func (m *windowMean) addSince(start time.Time) {
	m.sum += time.Since(start)
	m.n++
	if m.n == windowFrames {
		m.mean = float64(m.sum.Microseconds()) / 1000 / windowFrames
		m.sum, m.n = 0, 0
	}
}
