//go:build !js

package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dsaviz/internal/staticserve"
)

// TestShot saves screenshots of the app for a person to look at: it builds
// the site, opens each query of $DSAVIZ_SHOT (separated by spaces, e.g.
// "preset=dsv32-h100 preset=small-demo&play=0"), waits for the first
// frame and then $DSAVIZ_SHOT_WAIT (a Go duration, default 4s), and saves
// shot-N.png into $DSAVIZ_E2E_KEEP (or the test's temp folder), logging
// the page's console. Run it
// with ./build.sh shot QUERY... With $DSAVIZ_SHOT_FILTERS (e.g.
// "deuteranopia,greyscale") it also saves each shot as seen through
// those colour-vision filters; with $DSAVIZ_SHOT_POINTER=X,Y (CSS
// pixels) the mouse rests there first, for a tooltip.
func TestShot(t *testing.T) {
	queries := os.Getenv("DSAVIZ_SHOT")
	if queries == "" {
		t.Skip("set DSAVIZ_SHOT to the queries to screenshot (./build.sh shot QUERY...)")
	}
	wait := 4 * time.Second
	if w := os.Getenv("DSAVIZ_SHOT_WAIT"); w != "" {
		d, err := time.ParseDuration(w)
		if err != nil {
			t.Fatalf("DSAVIZ_SHOT_WAIT=%q: %v", w, err)
		}
		wait = d
	}
	chromium := os.Getenv("DSAVIZ_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	site := buildSite(t)
	ctx := newBrowser(t, chromium)
	for i, q := range strings.Fields(queries) {
		tab := newTab(t, ctx, staticserve.New(os.DirFS(site)), "?"+strings.TrimPrefix(q, "?"), viewportW, viewportH, 1)
		messages := collectConsole(t, tab)
		waitReady(t, tab, messages)
		time.Sleep(wait)
		if at := os.Getenv("DSAVIZ_SHOT_POINTER"); at != "" {
			var x, y float64
			if _, err := fmt.Sscanf(at, "%g,%g", &x, &y); err != nil {
				t.Fatalf("DSAVIZ_SHOT_POINTER=%q: want X,Y in CSS pixels: %v", at, err)
			}
			if err := chromedp.Do(tab, chromedp.MouseEvent(chromedp.MouseMoved, x, y)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond)
		}
		screenshot(t, tab, "shot-"+itoa(int64(i+1))+".png")
		if f := os.Getenv("DSAVIZ_SHOT_FILTERS"); f != "" {
			for _, name := range strings.Split(f, ",") {
				m, ok := visionFilters[name]
				if !ok {
					t.Fatalf("DSAVIZ_SHOT_FILTERS: no filter %q (deuteranopia, protanopia, tritanopia, greyscale)", name)
				}
				filterPage(t, tab, m)
				screenshot(t, tab, "shot-"+itoa(int64(i+1))+"-"+name+".png")
			}
			filterPage(t, tab, "")
		}
		t.Logf("console of %s:\n%s", q, messages)
	}
}

// visionFilters are SVG feColorMatrix values that show the page as seen
// with a colour-vision deficiency (Machado, Oliveira and Fernandes 2009,
// severity 1) or in greyscale (luminance, Rec. 709).
var visionFilters = map[string]string{
	"protanopia":   "0.152286 1.052583 -0.204868 0 0 0.114503 0.786281 0.099216 0 0 -0.003882 -0.048116 1.051998 0 0 0 0 0 1 0",
	"deuteranopia": "0.367322 0.860646 -0.227968 0 0 0.280085 0.672501 0.047413 0 0 -0.011820 0.042940 0.968881 0 0 0 0 0 1 0",
	"tritanopia":   "1.255528 -0.076749 -0.178779 0 0 -0.078411 0.930809 0.147602 0 0 0.004733 0.691367 0.303900 0 0 0 0 0 1 0",
	"greyscale":    "0.2126 0.7152 0.0722 0 0 0.2126 0.7152 0.0722 0 0 0.2126 0.7152 0.0722 0 0 0 0 0 1 0",
}

// filterPage shows the page through an SVG colour matrix (values of
// visionFilters), or as it is for "".
func filterPage(t *testing.T, ctx context.Context, matrix string) {
	t.Helper()
	evaluate[bool](t, ctx, `(() => {
		let svg = document.getElementById("dsaviz-shot-filter");
		if (!svg) {
			svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
			svg.id = "dsaviz-shot-filter";
			svg.setAttribute("width", "0");
			svg.setAttribute("height", "0");
			svg.style.position = "absolute";
			svg.innerHTML = '<filter id="dsaviz-cvd" color-interpolation-filters="linearRGB"><feColorMatrix type="matrix" values=""/></filter>';
			document.body.appendChild(svg);
		}
		const m = `+"`"+matrix+"`"+`;
		svg.querySelector("feColorMatrix").setAttribute("values", m);
		document.documentElement.style.filter = m ? "url(#dsaviz-cvd)" : "";
		return true;
	})()`)
	time.Sleep(300 * time.Millisecond)
}
