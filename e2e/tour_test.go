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

	const last = 5
	other := newTab(t, ctx, h, "?tour="+strconv.Itoa(last), viewportW, viewportH, 1)
	waitReady(t, other, nil)
	s := waitFor[struct {
		Tour   int  `json:"tour"`
		Charts bool `json:"charts"`
	}](t, other, `dsaviz.stats()`, `s => s.tour === `+strconv.Itoa(last))
	if !s.Charts {
		t.Errorf("scene %d's link: charts %v, want the charts", last, s.Charts)
	}
	if e := evaluate[string](t, other, `dsaviz.error`); e != "" {
		t.Errorf("scene %d's link: error %q", last, e)
	}
}
