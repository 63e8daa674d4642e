//go:build !js

package e2e

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dsaviz/internal/staticserve"
)

// requestFigures mirrors one entry of stats().requests.
type requestFigures struct {
	Prompt         int64   `json:"prompt"`
	BlockingMisses int64   `json:"blockingMisses"`
	ReservedHits   int64   `json:"reservedHits"`
	KVHitRate      float64 `json:"kvHitRate"`
}

// batchStats mirrors the part of stats() a batch adds, for A and B.
type batchStats struct {
	Step           int64            `json:"step"`
	Layer          int64            `json:"layer"`
	BlockingMisses int64            `json:"blockingMisses"`
	Request        int              `json:"request"`
	Requests       []requestFigures `json:"requests"`
	Frames         int64            `json:"frames"`
	B              *struct {
		BlockingMisses int64            `json:"blockingMisses"`
		Requests       []requestFigures `json:"requests"`
	} `json:"b"`
}

// TestRequests drives the request selector of issue 10, section 3, in the
// browser: a link with req=2 of a batch of 3 shows request 2, stats()
// lists the three requests, whose blocking misses sum to the batch's, and
// the "." and "," keys step through the requests, also while comparing.
// Run it alone: go test -run '^TestRequests$' ./e2e (it builds the site).
func TestRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("browser end-to-end test skipped in -short mode")
	}
	chromium := os.Getenv("DSAVIZ_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(chromium); err != nil {
		t.Fatalf("Chromium not found at %s (%v)", chromium, err)
	}
	h := staticserve.New(os.DirFS(buildSite(t)))
	ctx := newBrowser(t, chromium)
	tab := newTab(t, ctx, h, "?preset=small-demo&batch=3&req=2", viewportW, viewportH, 1)
	messages := collectConsole(t, tab)
	waitReady(t, tab, messages)
	if e := evaluate[string](t, tab, `dsaviz.error`); e != "" {
		t.Errorf("dsaviz.error = %q for a good link", e)
	}
	call(t, tab, `(document.querySelector('canvas').focus(), dsaviz.pause())`)
	s := waitBatch(t, tab, `s => !s.playing`)
	call(t, tab, `dsaviz.stepOnce()`)
	s = waitBatch(t, tab, `s => s.layer === 0 && s.step === `+itoa(s.Step+1)+` && s.blockingMisses > 0`)
	if s.Request != 2 {
		t.Errorf("req=2: stats().request = %d", s.Request)
	}
	checkBatch(t, "A", s.Requests, s.BlockingMisses)
	t.Logf("step %d: batch blocking misses %d; requests %+v", s.Step, s.BlockingMisses, s.Requests)
	screenshot(t, tab, "requests.png")

	press(t, tab, chromedp.KeyEvent("."))
	waitBatch(t, tab, `s => s.request === 3`)
	press(t, tab, chromedp.KeyEvent("."))
	waitBatch(t, tab, `s => s.request === 1`) // wraps around
	press(t, tab, chromedp.KeyEvent(","))
	waitBatch(t, tab, `s => s.request === 3`)
	if q := waitFor[string](t, tab, `location.search`, `q => q.includes("req=3")`); !strings.Contains(q, "batch=3") {
		t.Errorf("the shared link %q lost batch=3", q)
	}

	call(t, tab, `dsaviz.configure("cmp=1")`)
	s = waitBatch(t, tab, `s => s.b && s.b.requests.length === 3`)
	call(t, tab, `dsaviz.stepOnce()`)
	s = waitBatch(t, tab, `s => s.b && s.layer === 0 && s.step === 1 && s.b.blockingMisses > 0`)
	checkBatch(t, "A", s.Requests, s.BlockingMisses)
	checkBatch(t, "B", s.B.Requests, s.B.BlockingMisses)
	if s.Request != 3 {
		t.Errorf("comparing: stats().request = %d, want the 3 chosen before", s.Request)
	}
	press(t, tab, chromedp.KeyEvent(","))
	s = waitBatch(t, tab, `s => s.request === 2`)
	waitBatch(t, tab, `s => s.frames >= `+itoa(s.Frames+2))
	screenshot(t, tab, "requests-compare.png")
	for _, m := range messages.exceptions() {
		t.Errorf("uncaught exception in the page: %s", m)
	}
}

// waitBatch polls stats() until pred holds.
func waitBatch(t *testing.T, ctx context.Context, pred string) batchStats {
	t.Helper()
	return waitFor[batchStats](t, ctx, `dsaviz.stats()`, pred)
}

// checkBatch checks that a run's stats().requests has the batch's three
// requests, whose blocking misses sum to the run's.
func checkBatch(t *testing.T, run string, rs []requestFigures, total int64) {
	t.Helper()
	if len(rs) != 3 {
		t.Errorf("%s: stats().requests has %d entries, want 3", run, len(rs))
		return
	}
	var sum int64
	for _, r := range rs {
		sum += r.BlockingMisses
	}
	if sum != total {
		t.Errorf("%s: the requests' blocking misses sum to %d, the batch has %d", run, sum, total)
	}
}
