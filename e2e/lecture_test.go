//go:build !js

package e2e

import (
	"context"
	"image"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// testLecture opens a link with lecture=1 (issue 12): the page is light in
// its palette and in its pixels, the link still opens small-demo, and the
// L key switches to the dark theme and back.
func testLecture(t *testing.T, ctx context.Context, h http.Handler) {
	tab := newTab(t, ctx, h, "?lecture=1&play=0", viewportW, viewportH, 1)
	waitReady(t, tab, nil)
	evaluate[bool](t, tab, `(document.querySelector('canvas').focus(), true)`)
	if c := evaluate[appConfig](t, tab, `dsaviz.config()`); c.Preset != "small-demo" {
		t.Errorf("lecture=1&play=0 opened preset %q, want small-demo", c.Preset)
	}
	checkTheme(t, tab, true, "lecture-on.png")
	if q := evaluate[string](t, tab, `location.search`); !strings.Contains(q, "lecture=1") {
		t.Errorf("the shared link %q lost lecture=1", q)
	}
	press(t, tab, chromedp.KeyEvent("l"))
	checkTheme(t, tab, false, "lecture-off.png")
	press(t, tab, chromedp.KeyEvent("l"))
	checkTheme(t, tab, true, "lecture-again.png")
}

// checkTheme waits for stats().lecture to be lecture, then checks that
// palette()'s background and the screenshot's commonest colour are light
// (lecture) or dark.
func checkTheme(t *testing.T, tab context.Context, lecture bool, shot string) {
	t.Helper()
	want := "false"
	if lecture {
		want = "true"
	}
	// As a string: waitFor takes a falsy value for "not yet".
	waitFor[string](t, tab, `String(dsaviz.stats().lecture)`, `l => l === "`+want+`"`)
	bg := evaluate[string](t, tab, `dsaviz.palette().background`)
	if l := hexLuma(bg); (l > 200) != lecture {
		t.Errorf("lecture %v: palette().background %s has luma %.0f", lecture, bg, l)
	}
	// Two frames after the switch, so the picture is the new theme's.
	s := evaluate[stats](t, tab, `dsaviz.stats()`)
	waitStats(t, tab, `s => s.frames >= `+itoa(s.Frames+2))
	img := screenshot(t, tab, shot)
	if l := commonestLuma(img); (l > 200) != lecture {
		t.Errorf("lecture %v: the screenshot's commonest colour has luma %.0f", lecture, l)
	}
}

// hexLuma is the Rec. 601 luma (0..255) of "#rrggbb"; -1 if malformed.
func hexLuma(hex string) float64 {
	var c [3]float64
	if len(hex) != 7 || hex[0] != '#' {
		return -1
	}
	for i := range c {
		var v int
		for _, d := range hex[1+2*i : 3+2*i] {
			v = v*16 + strings.IndexRune("0123456789abcdef", d)
		}
		c[i] = float64(v)
	}
	return 0.299*c[0] + 0.587*c[1] + 0.114*c[2]
}

// commonestLuma is the luma (0..255) of img's commonest colour, sampled
// on a grid: the background, which covers most of the page.
func commonestLuma(img image.Image) float64 {
	count := map[[3]uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			count[[3]uint32{r >> 8, g >> 8, bl >> 8}]++
		}
	}
	var best [3]uint32
	n := -1
	for c, k := range count {
		if k > n || (k == n && c[0]+c[1]+c[2] < best[0]+best[1]+best[2]) {
			best, n = c, k
		}
	}
	return 0.299*float64(best[0]) + 0.587*float64(best[1]) + 0.114*float64(best[2])
}
