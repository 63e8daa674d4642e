package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/internal/fontface"
	"dsaviz/sim/compare"
	"dsaviz/sim/config"
)

// TestPartialRedrawMatchesFull: a Draw that keeps the screen redraws only
// the views that changed; frame after frame of runs playing, the pixels it
// leaves are those of drawing the whole scene, for one run, A and B of
// small and of large caches (whose pictures take turns), the charts, and
// the lecture theme. ReadPixels needs a running game, so it needs a
// display, which xvfb gives:
//
//	xvfb-run -a -s "-screen 0 1280x800x24" go test -run PartialRedraw ./render
func TestPartialRedrawMatchesFull(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip(`needs a display: xvfb-run -a -s "-screen 0 1280x800x24" go test -run PartialRedraw ./render`)
	}
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	large := func(c *config.Config) { c.Capacity = 8 << 20 }
	cases := []redrawCase{
		{name: "one run", runs: 1},
		{name: "A and B", runs: 2},
		{name: "A and B, large caches", runs: 2, edit: large},
		{name: "the charts of A and B", runs: 2, charts: true},
		{name: "the lecture theme", runs: 2, lecture: true, edit: large},
	}
	g := &redrawGame{t: t, font: font, cases: cases}
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowSize(1000, 600)
	if err := ebiten.RunGame(g); err != nil && err != ebiten.Termination {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.partial == 0 {
			t.Errorf("%s: no frame redrew only part of the scene", c.name)
		}
		t.Logf("%s: %d frames, %d of them partial, %d differing from a full redraw", c.name, c.frames, c.partial, c.differ)
	}
}

// redrawCase is one scene the test plays.
type redrawCase struct {
	name    string
	runs    int
	charts  bool
	lecture bool
	edit    func(*config.Config)

	frames, partial, differ int
}

// redrawFrames is the number of frames each case plays.
const redrawFrames = 40

// redrawGame plays each case for redrawFrames frames, a layer a frame.
type redrawGame struct {
	t     *testing.T
	font  *fontface.Font
	cases []redrawCase
	i     int // the case playing

	scene *Scene
	cmp   *compare.Comparison
	frame int
	full  *ebiten.Image
	a, b  []byte
}

func (g *redrawGame) start(c *redrawCase) error {
	a, err := config.Preset("small-demo")
	if err != nil {
		return err
	}
	a.Steps = 1000
	if c.edit != nil {
		c.edit(&a)
	}
	var b *config.Config
	if c.runs == 2 {
		bc := compare.DefaultB(a)
		b = &bc
	}
	if g.cmp, err = compare.New(a, b, compare.Options{}); err != nil {
		return err
	}
	g.scene = NewScene(g.font)
	g.scene.SetLecture(c.lecture)
	g.frame = 0
	return nil
}

func (g *redrawGame) Update() error {
	if g.i == len(g.cases) {
		return ebiten.Termination
	}
	c := &g.cases[g.i]
	if g.scene == nil {
		if err := g.start(c); err != nil {
			return err
		}
		return nil
	}
	if g.frame > 0 {
		g.cmp.Advance(true)
		for i := range g.cmp.Runs() {
			g.scene.Observe(i, g.cmp.View(i), g.cmp.Events(i))
		}
	}
	g.scene.Tick()
	return nil
}

func (g *redrawGame) runs() Runs {
	r := Runs{A: g.cmp.View(0)}
	if g.cmp.Runs() == 2 {
		r.B = g.cmp.View(1)
	}
	return r
}

func (g *redrawGame) Draw(screen *ebiten.Image) {
	if g.i == len(g.cases) || g.scene == nil {
		return
	}
	c := &g.cases[g.i]
	area := screen.Bounds()
	st := Status{Scale: 1, Zoom: 1, Playing: true, Speed: 2, TPS: 60, Charts: c.charts,
		FPS: float64(10 + g.frame%7), Kept: g.frame > 0}
	partBefore := g.scene.partialDraws
	if !g.scene.Draw(screen, area, g.runs(), st) {
		g.next(c)
		return
	}
	c.frames++
	if g.scene.partialDraws > partBefore {
		c.partial++
	}
	if g.full == nil || g.full.Bounds() != area {
		g.full = ebiten.NewImage(area.Dx(), area.Dy())
	}
	g.scene.drawAll(g.full, area, false)
	n := 4 * area.Dx() * area.Dy()
	g.a, g.b = resize(g.a, n), resize(g.b, n)
	screen.ReadPixels(g.a)
	g.full.ReadPixels(g.b)
	if !bytes.Equal(g.a, g.b) {
		c.differ++
		if c.differ == 1 {
			if dir := os.Getenv("DSAVIZ_REDRAW_DIR"); dir != "" {
				savePair(dir, c.name, area, g.a, g.b)
			}
			g.t.Errorf("%s, frame %d: the screen differs from a full redraw %s", c.name, g.frame, firstDiff(g.a, g.b, area.Dx()))
		}
	}
	g.next(c)
}

// next counts the frame and moves to the next case after the last.
func (g *redrawGame) next(c *redrawCase) {
	if g.frame++; g.frame == redrawFrames {
		g.i++
		g.scene = nil
	}
}

func (g *redrawGame) Layout(int, int) (int, int) { return 1000, 600 }

// firstDiff describes the first pixel at which two RGBA pictures w pixels
// wide differ.
func firstDiff(a, b []byte, w int) string {
	for i := 0; i+3 < len(a); i += 4 {
		if !bytes.Equal(a[i:i+4], b[i:i+4]) {
			p := image.Pt(i/4%w, i/4/w)
			return fmt.Sprintf("first at %v: %v against %v", p, a[i:i+4], b[i:i+4])
		}
	}
	return ""
}

// savePair writes the screen and the full redraw as PNGs into dir, to
// look at a difference.
func savePair(dir, name string, r image.Rectangle, a, b []byte) {
	for i, pix := range [][]byte{a, b} {
		img := &image.RGBA{Pix: pix, Stride: 4 * r.Dx(), Rect: image.Rect(0, 0, r.Dx(), r.Dy())}
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, [2]string{"screen", "full"}[i])))
		if err != nil {
			return
		}
		png.Encode(f, img)
		f.Close()
	}
}
