//go:build !js

package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// runFigures mirrors one run's figures in window.dsaviz.stats() (A's at the
// top level, B's under b).
type runFigures struct {
	Step           int64   `json:"step"`
	Layer          int64   `json:"layer"`
	Accesses       int64   `json:"accesses"`
	Hits           int64   `json:"hits"`
	ReservedHits   int64   `json:"reservedHits"`
	SharedHits     int64   `json:"sharedHits"`
	Misses         int64   `json:"misses"`
	BlockingMisses int64   `json:"blockingMisses"`
	KVHitRate      float64 `json:"kvHitRate"`
	TokensPerSec   float64 `json:"tokensPerSecond"`
}

// compareStats mirrors stats() while comparing.
type compareStats struct {
	runFigures
	B       *runFigures `json:"b"`
	Seeking bool        `json:"seeking"`
	Frames  int64       `json:"frames"`
}

// compareConfig mirrors the comparison's part of config().
type compareConfig struct {
	Mode    string `json:"mode"`
	Compare bool   `json:"compare"`
	B       *struct {
		Mode string `json:"mode"`
		TopK int    `json:"topk"`
		Ways int    `json:"ways"`
	} `json:"b"`
	TopK int `json:"topk"`
}

// compareLink compares small-demo's token reservation (A) with B, which
// the b. keys make A without a reservation but with four ways, paused.
const compareLink = "?preset=small-demo&cmp=1&b.mode=none&b.ways=4&play=0"

// testCompare drives the A/B view of issue 9: the link's b. keys, the
// stats of both runs, step back and forward, at=N.
func testCompare(t *testing.T, ctx context.Context, h http.Handler) {
	tab := newTab(t, ctx, h, compareLink, viewportW, viewportH, 1)
	waitReady(t, tab, nil)
	c := evaluate[compareConfig](t, tab, `dsaviz.config()`)
	if !c.Compare || c.B == nil || c.B.Mode != "none" || c.B.Ways != 4 || c.B.TopK != c.TopK || c.Mode != "tokens" {
		t.Fatalf("config() = %+v (b %+v), want A in mode tokens, B in mode none with 4 ways and A's topk", c, c.B)
	}
	pal := evaluate[map[string]string](t, tab, `dsaviz.palette()`)
	seen := map[string]string{}
	for _, name := range []string{"hit", "streamMiss", "blockingMiss", "seriesA", "seriesB", "background"} {
		c := pal[name]
		if len(c) != 7 || c[0] != '#' || strings.Trim(c[1:], "0123456789abcdef") != "" {
			t.Errorf("palette()[%q] = %q, want #rrggbb", name, c)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("palette(): %s and %s are both %s", other, name, c)
		}
		seen[c] = name
	}
	for range 5 {
		call(t, tab, `dsaviz.stepOnce()`)
	}
	five := waitCompare(t, tab, `s => s.b && s.step === 5 && s.layer === 0 && s.b.step === 5`)
	if five.B.ReservedHits != 0 {
		t.Errorf("B in mode none: %d reserved hits, want 0", five.B.ReservedHits)
	}
	if five.BlockingMisses >= five.B.BlockingMisses {
		t.Errorf("blocking misses after 5 steps: A (tokens) %d, B (none) %d; want A below B", five.BlockingMisses, five.B.BlockingMisses)
	}
	t.Logf("after 5 steps: A blocking %d, KV hit rate %.3f; B blocking %d, KV hit rate %.3f",
		five.BlockingMisses, five.KVHitRate, five.B.BlockingMisses, five.B.KVHitRate)
	screenshot(t, tab, "compare.png")

	evaluate[bool](t, tab, `(document.querySelector('canvas').focus(), true)`)
	press(t, tab, chromedp.KeyEvent(kb.ArrowLeft))
	back := waitCompare(t, tab, `s => !s.seeking && s.step === 4 && s.layer === 0 && s.b.step === 4`)
	if back.Accesses >= five.Accesses {
		t.Errorf("after Left: %d accesses, want fewer than 5 steps' %d", back.Accesses, five.Accesses)
	}
	press(t, tab, chromedp.KeyEvent(kb.ArrowRight))
	again := waitCompare(t, tab, `s => s.step === 5 && s.layer === 0`)
	if again.runFigures != five.runFigures || *again.B != *five.B {
		t.Errorf("5 steps, Left, Right:\n A %+v\n B %+v\nwant 5 steps:\n A %+v\n B %+v", again.runFigures, *again.B, five.runFigures, *five.B)
	}

	at := newTab(t, ctx, h, compareLink+"&at=5", viewportW, viewportH, 1)
	waitReady(t, at, nil)
	jumped := waitCompare(t, at, `s => !s.seeking && s.step === 5 && s.layer === 0`)
	if jumped.runFigures != five.runFigures || jumped.B == nil || *jumped.B != *five.B {
		t.Errorf("at=5:\n A %+v\n B %+v\nwant 5 steps:\n A %+v\n B %+v", jumped.runFigures, jumped.B, five.runFigures, *five.B)
	}
	// The address keeps the moment; b.mode=none is B's default, so it goes.
	if q, want := evaluate[string](t, at, `location.search`), "?preset=small-demo&cmp=1&b.ways=4&play=0&at=5"; q != want {
		t.Errorf("the address of an at=5 link reads %q, want %q", q, want)
	}
}

// waitCompare polls stats() until pred holds and returns it.
func waitCompare(t *testing.T, ctx context.Context, pred string) compareStats {
	t.Helper()
	return waitFor[compareStats](t, ctx, `dsaviz.stats()`, pred)
}
