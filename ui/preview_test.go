package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
)

// TestPreview opens a window with the panel alone, reads the screen on
// the third frame and writes it to a PNG, for a person to look at. It runs
// only with DSAVIZ_PREVIEW=1, under a display:
//
//	DSAVIZ_PREVIEW=1 xvfb-run -a -s "-screen 0 1280x800x24" go test -run Preview ./ui
//
// DSAVIZ_PREVIEW_SIZE=WxH sets the window (default 1280x800),
// DSAVIZ_PREVIEW_LECTURE=1 the lecture theme, and DSAVIZ_PREVIEW_STATE one
// of: default, refused (a refused value and an outside error), open (every
// group open), list (the mode list open), edit (the seed being edited),
// scrolled (every group open, scrolled, top-k being edited), tooltip (the
// capacity row's tooltip, drawn where ebitenui shows it).
func TestPreview(t *testing.T) {
	if os.Getenv("DSAVIZ_PREVIEW") != "1" {
		t.Skip("set DSAVIZ_PREVIEW=1 and run under xvfb-run to write a screenshot")
	}
	w, h := 1280, 800
	if s := os.Getenv("DSAVIZ_PREVIEW_SIZE"); s != "" {
		if _, err := fmt.Sscanf(s, "%dx%d", &w, &h); err != nil {
			t.Fatalf("DSAVIZ_PREVIEW_SIZE=%q: %v", s, err)
		}
	}
	state := os.Getenv("DSAVIZ_PREVIEW_STATE")
	cfg, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(cfg, "small-demo", Lecture(os.Getenv("DSAVIZ_PREVIEW_LECTURE") == "1"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(os.TempDir(), "dsaviz-ui-preview")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := "panel-" + strconv.Itoa(w) + "x" + strconv.Itoa(h)
	if state != "" {
		name += "-" + state
	}
	if p.opts.lecture {
		name += "-lecture"
	}
	g := &previewGame{p: p, state: state, out: filepath.Join(dir, name+".png")}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("dsaviz ui preview")
	if err := ebiten.RunGame(g); err != nil && err != ebiten.Termination {
		t.Fatal(err)
	}
	if g.err != nil {
		t.Fatal(g.err)
	}
	t.Logf("wrote %s", g.out)
}

type previewGame struct {
	p      *Panel
	tip    *widget.Container // state "tooltip": drawn where the capacity row's tooltip appears
	state  string
	out    string
	frames int
	err    error
	scale  float64
	w, h   int
}

func (g *previewGame) Update() error {
	if g.frames >= 3 {
		return ebiten.Termination
	}
	g.p.Width(g.scale, previewZoom(float64(g.w)/g.scale, float64(g.h)/g.scale))
	if g.frames == 0 {
		g.setUp()
	}
	g.p.UI().Update()
	return nil
}

// setUp puts the panel in the state asked for, through the same calls a
// user's clicks make.
func (g *previewGame) setUp() {
	p := g.p
	switch g.state {
	case "refused":
		p.v.fields["ways"].text.commit("0")
		p.v.fields["capacity"].text.commit("abc")
		p.SetError("Unknown key \"wayz\" in the link: using the preset's value.")
	case "open":
		for i := range groups {
			if !p.open[i] {
				p.toggleGroup(i)
			}
		}
	case "list":
		p.v.fields["mode"].list.SetContentVisible(true)
	case "edit":
		p.v.seed.in.Focus(true)
	case "tooltip":
		th := p.v.th
		g.tip = tooltipBox(th, newMessage(th, keyHelp("capacity"), th.c.text, th.px(300)))
		g.tip.GetWidget().SetTheme(th.base)
		g.tip.Validate()
	case "scrolled":
		for i := range groups {
			if !p.open[i] {
				p.toggleGroup(i)
			}
		}
		p.v.scrollBar.Current = 400
		p.v.fields["topk"].text.in.Focus(true)
	}
}

func (g *previewGame) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0x12, 0x14, 0x18, 0xff}) // the scene's background
	g.p.UI().Draw(screen)
	if g.tip != nil {
		row := g.p.v.fields["capacity"].text.GetWidget().Parent().Rect
		w, h := g.tip.PreferredSize()
		x := row.Min.X - g.p.v.th.px(14) - w
		g.tip.SetLocation(image.Rect(x, row.Min.Y, x+w, row.Min.Y+h))
		g.tip.Render(screen)
	}
	g.frames++
	if g.frames == 3 {
		g.err = writePNG(g.out, screen)
	}
}

func (g *previewGame) Layout(w, h int) (int, int) {
	g.scale = ebiten.Monitor().DeviceScaleFactor()
	if g.scale <= 0 {
		g.scale = 1
	}
	g.w, g.h = int(float64(w)*g.scale), int(float64(h)*g.scale)
	return g.w, g.h
}

func writePNG(path string, screen *ebiten.Image) error {
	b := screen.Bounds()
	im := image.NewRGBA(b)
	screen.ReadPixels(im.Pix)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, im); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// previewZoom is render.UIZoom's rule (design size 1100x720, zoom 0.6..1.5
// in steps of 0.05), restated so that this package's tests build while the
// render package changes under them.
func previewZoom(cssW, cssH float64) float64 {
	z := max(0.6, min(1.5, min(cssW/1100, cssH/720)))
	return math.Floor(z*20) / 20
}
