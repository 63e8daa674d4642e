//go:build !js

package e2e

import (
	"context"
	"image"
	"image/color"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// cssRect mirrors a rectangle of window.dsaviz.hover(), in CSS pixels.
type cssRect struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// rect is r as an image rectangle.
func (r cssRect) rect() image.Rectangle { return image.Rect(r.X, r.Y, r.X+r.W, r.Y+r.H) }

// hoverState mirrors window.dsaviz.hover().
type hoverState struct {
	Lines []string `json:"lines"`
	Box   *cssRect `json:"box"`
	LLC   *cssRect `json:"llc"`
}

// tipBorder is the tooltip's border: the palette's muted text colour.
var tipBorder = color.RGBA{0xa8, 0xb0, 0xbc, 0xff}

// testHover rests the mouse on the first cell of the LLC picture of a
// paused small-demo after three steps (set 0, way 0: its most recent
// line): dsaviz.hover() must name the line's tag and set, and the
// screenshot must show the tooltip's box, framed in its border colour,
// where there was none; moving away must hide it. On a HiDPI screen the
// pointer must find the same cell. ctx is a browser of its own (the main
// one's 90 s are spent by the subtests before).
func testHover(t *testing.T, ctx context.Context, h http.Handler) {
	tab := newTab(t, ctx, h, "?preset=small-demo&play=0", viewportW, viewportH, 1)
	waitReady(t, tab, nil)
	for range 3 {
		call(t, tab, `dsaviz.stepOnce()`)
	}
	waitStats(t, tab, `s => s.step === 3 && s.layer === 0`)
	none := waitFor[hoverState](t, tab, `dsaviz.hover()`, `h => h.llc !== null && h.lines.length === 0`)
	plain := screenshot(t, tab, "hover-none.png")

	at := none.LLC.rect().Min.Add(image.Pt(3, 3))
	if err := chromedp.Do(tab, chromedp.MouseEvent(chromedp.MouseMoved, float64(at.X), float64(at.Y))); err != nil {
		t.Fatalf("move the mouse to %v: %v", at, err)
	}
	got := waitFor[hoverState](t, tab, `dsaviz.hover()`,
		`h => h.box !== null && h.lines.some(l => l.startsWith("Tag ")) && h.lines.some(l => l.includes("set 0, way 0"))`)
	t.Logf("hovering %v (the LLC picture is %+v): tooltip %+v:\n  %s", at, *none.LLC, *got.Box, strings.Join(got.Lines, "\n  "))
	s := evaluate[stats](t, tab, `dsaviz.stats()`)
	waitStats(t, tab, `s => s.frames >= `+itoa(s.Frames+3))
	shot := screenshot(t, tab, "hover.png")

	box := got.Box.rect()
	if !box.In(plain.Bounds()) || box.Dx() < 100 || box.Dy() < 40 {
		t.Fatalf("tooltip box %v: want one of at least 100x40 inside the %v screenshot", box, plain.Bounds())
	}
	differ := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if !near(shot.At(x, y), plain.At(x, y), 8) {
				differ++
			}
		}
	}
	if area := box.Dx() * box.Dy(); differ < area/2 {
		t.Errorf("only %d of the tooltip box's %d pixels differ from the picture without it", differ, area)
	}
	mid := image.Pt((box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2)
	for _, p := range []image.Point{{mid.X, box.Min.Y}, {mid.X, box.Max.Y - 1}, {box.Min.X, mid.Y}, {box.Max.X - 1, mid.Y}} {
		if c := shot.At(p.X, p.Y); !near(c, tipBorder, 24) {
			t.Errorf("the tooltip's border at %v is %v, want about %v", p, c, tipBorder)
		}
	}

	if err := chromedp.Do(tab, chromedp.MouseEvent(chromedp.MouseMoved, 2, 2)); err != nil {
		t.Fatal(err)
	}
	waitFor[hoverState](t, tab, `dsaviz.hover()`, `h => h.box === null && h.lines.length === 0`)

	// At two device pixels per CSS pixel the pointer still finds the cell
	// under it: Ebiten's cursor is in the screen's (device) pixels.
	hidpi := newTab(t, ctx, h, "?preset=small-demo&play=0", 640, 400, 2)
	waitReady(t, hidpi, nil)
	llc := waitFor[hoverState](t, hidpi, `dsaviz.hover()`, `h => h.llc !== null`).LLC.rect()
	at = llc.Min.Add(image.Pt(2, 2))
	if err := chromedp.Do(hidpi, chromedp.MouseEvent(chromedp.MouseMoved, float64(at.X), float64(at.Y))); err != nil {
		t.Fatal(err)
	}
	got = waitFor[hoverState](t, hidpi, `dsaviz.hover()`, `h => h.box !== null && h.lines.some(l => l.includes("set 0, way 0"))`)
	if box := got.Box.rect(); !box.In(image.Rect(0, 0, 640, 400)) {
		t.Errorf("HiDPI: tooltip box %v (CSS pixels) leaves the 640x400 window", box)
	}
	screenshot(t, hidpi, "hover-hidpi.png")
}

// near reports whether two colours differ by at most d in each channel.
func near(a, b color.Color, d int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	diff := func(x, y uint32) bool { return abs(int(x>>8)-int(y>>8)) <= d }
	return diff(ar, br) && diff(ag, bg) && diff(ab, bb)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
