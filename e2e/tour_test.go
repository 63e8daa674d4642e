//go:build !js

package e2e

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// testTour starts the guided tour from its link, advances it with N, and
// loads another scene's own link (issue 12).
func testTour(t *testing.T, ctx context.Context, h http.Handler) {
	tab := newTab(t, ctx, h, "?tour=1", viewportW, viewportH, 1)
	waitReady(t, tab, nil)
	waitFor[int](t, tab, `dsaviz.stats().tour`, `k => k === 1`)
	if c := evaluate[appConfig](t, tab, `dsaviz.config()`); c.Mode != "none" || c.Preset != "small-demo" {
		t.Errorf("scene 1: config %+v, want small-demo in mode none", c)
	}
	screenshot(t, tab, "tour-1.png")
	evaluate[bool](t, tab, `(document.querySelector('canvas').focus(), true)`)
	press(t, tab, chromedp.KeyEvent("n"))
	waitFor[int](t, tab, `dsaviz.stats().tour`, `k => k === 2`)
	waitFor[string](t, tab, `location.search`, `q => q === "?tour=2"`)
	if c := evaluate[appConfig](t, tab, `dsaviz.config()`); c.Mode != "ways" {
		t.Errorf("scene 2: mode %s, want ways", c.Mode)
	}

	// N through every scene, back to the first.
	scenes := 2
	for ; scenes < 20; scenes++ {
		press(t, tab, chromedp.KeyEvent("n"))
		k := waitFor[int](t, tab, `dsaviz.stats().tour`, `k => k !== `+strconv.Itoa(scenes))
		if k == 1 {
			break
		}
		if k != scenes+1 {
			t.Fatalf("N after scene %d: scene %d", scenes, k)
		}
		if e := evaluate[string](t, tab, `dsaviz.error`); e != "" {
			t.Errorf("scene %d: error %q", k, e)
		}
	}
	if scenes < 7 {
		t.Errorf("the tour has %d scenes, want at least issue 12's 7", scenes)
	}

	// Every scene's own link loads without an error; the last shows the
	// charts and pauses with MIN on the curve, MIN's gap the help.
	other := newTab(t, ctx, h, "?tour=1", viewportW, viewportH, 1)
	waitReady(t, other, nil)
	for k := 1; k <= scenes; k++ {
		if err := chromedp.Do(other, chromedp.Navigate(evaluate[string](t, other, `location.origin`)+"/?tour="+strconv.Itoa(k))); err != nil {
			t.Fatalf("navigate to scene %d: %v", k, err)
		}
		waitReady(t, other, nil)
		s := waitFor[struct {
			Tour   int  `json:"tour"`
			Charts bool `json:"charts"`
		}](t, other, `dsaviz.stats()`, `s => s.tour === `+strconv.Itoa(k))
		if k == scenes {
			if !s.Charts {
				t.Errorf("scene %d's link: charts %v, want the charts", k, s.Charts)
			}
			waitFor[bool](t, other, `((s) => !s.playing && s.curve !== null && s.curve.minHits !== null && s.curve.minHits >= s.curve.globalHits)(dsaviz.stats())`, `ok => ok`)
			screenshot(t, other, "tour-curve.png")
		}
		if e := evaluate[string](t, other, `dsaviz.error`); e != "" {
			t.Errorf("scene %d's link: error %q", k, e)
		}
		if k == 6 {
			waitFor[bool](t, other, `dsaviz.stats().help`, `h => h`)
			screenshot(t, other, "tour-6.png")
		}
	}
}
