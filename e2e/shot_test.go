//go:build !js

package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"dsaviz/internal/staticserve"
)

// TestShot saves screenshots of the app for a person to look at: it builds
// the site, opens each query of $DSAVIZ_SHOT (separated by spaces, e.g.
// "preset=dsv32-h100 preset=small-demo&play=0"), waits for the first
// frame and then $DSAVIZ_SHOT_WAIT (a Go duration, default 4s), and saves
// shot-N.png into $DSAVIZ_E2E_KEEP (or the test's temp folder), logging
// the page's console. Run it
// with ./build.sh shot QUERY...
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
		screenshot(t, tab, "shot-"+itoa(int64(i+1))+".png")
		t.Logf("console of %s:\n%s", q, messages)
	}
}
