//go:build !js

package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dsaviz/internal/staticserve"
)

// The viewport of a projector-sized window; spike.md: the window size is not
// the viewport, so it is emulated.
const viewportW, viewportH = 1280, 800

// stats mirrors the part of window.dsaviz.stats() the test reads.
type stats struct {
	Step           int64   `json:"step"`
	Layer          int64   `json:"layer"`
	Accesses       int64   `json:"accesses"`
	Hits           int64   `json:"hits"`
	BlockingMisses int64   `json:"blockingMisses"`
	HitRate        float64 `json:"hitRate"`
	Done           bool    `json:"done"`
	Frames         int64   `json:"frames"`
	FPS            float64 `json:"fps"`
	TPS            float64 `json:"tps"`
	Playing        bool    `json:"playing"`
	UpdateMs       float64 `json:"updateMs"`
	DrawMs         float64 `json:"drawMs"`
}

// appConfig mirrors the part of window.dsaviz.config() the test reads.
type appConfig struct {
	Preset   string `json:"preset"`
	Capacity int64  `json:"capacity"`
	Ways     int    `json:"ways"`
	Seed     uint64 `json:"seed"`
	Mode     string `json:"mode"`
}

// loadTimes mirrors window.dsavizLoad: milliseconds since navigation.
type loadTimes struct {
	Start, Downloaded, Instantiated, Ready float64
}

// link is the shared link the main tab opens: small-demo with two keys
// changed, paused.
const link = "?preset=small-demo&ways=4&seed=7&play=0"

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser end-to-end test skipped in -short mode")
	}
	chromium := os.Getenv("DSAVIZ_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(chromium); err != nil {
		t.Fatalf("Chromium not found at %s (%v): install Debian's chromium (./build.sh test does), "+
			"set DSAVIZ_CHROMIUM, or run go test -short to skip the browser test", chromium, err)
	}

	site := buildSite(t)
	srvHandler := staticserve.New(os.DirFS(site))
	srv := newLoopbackServer(t, srvHandler)

	ctx := newBrowser(t, chromium)
	messages := collectConsole(t, ctx)

	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv+link)); err != nil {
		t.Fatalf("navigate to %s: %v", srv, err)
	}
	waitReady(t, ctx, messages)
	t.Logf("ready %.1f s after navigating (wall clock, loopback)", time.Since(start).Seconds())
	lt := evaluate[loadTimes](t, ctx, `({start: dsavizLoad.start, downloaded: dsavizLoad.downloaded,
		instantiated: dsavizLoad.instantiated, ready: dsavizLoad.ready || performance.now()})`)
	t.Logf("loader (ms since navigation): script %.0f, downloaded %.0f, instantiated %.0f, first frame %.0f",
		lt.Start, lt.Downloaded, lt.Instantiated, lt.Ready)

	t.Run("URL config, paused", func(t *testing.T) {
		c := evaluate[appConfig](t, ctx, `dsaviz.config()`)
		if want := (appConfig{Preset: "small-demo", Capacity: 64 << 10, Ways: 4, Seed: 7, Mode: "tokens"}); c != want {
			t.Errorf("config() = %+v, want %+v", c, want)
		}
		s0 := evaluate[stats](t, ctx, `dsaviz.stats()`)
		s1 := waitStats(t, ctx, `s => s.frames >= `+itoa(s0.Frames+5))
		if s1.Playing || s1.Step != 0 || s1.Layer != 0 {
			t.Errorf("with play=0: playing %v at step %d layer %d, want paused at 0, 0", s1.Playing, s1.Step, s1.Layer)
		}
		if e := evaluate[string](t, ctx, `dsaviz.error`); e != "" {
			t.Errorf("dsaviz.error = %q for a good link", e)
		}
	})

	t.Run("bridge: stepOnce, play, pause", func(t *testing.T) {
		call(t, ctx, `dsaviz.stepOnce()`)
		waitStats(t, ctx, `s => s.step === 1 && s.layer === 0 && !s.playing`)
		call(t, ctx, `dsaviz.play()`)
		s := waitStats(t, ctx, `s => s.playing && s.step >= 3`)
		t.Logf("playing: step %d, hit rate %.3f, fps %.1f, tps %.1f", s.Step, s.HitRate, s.FPS, s.TPS)
		if s.Accesses == 0 || s.Hits == 0 {
			t.Errorf("after 3 steps: %d accesses, %d hits; want both positive", s.Accesses, s.Hits)
		}
		call(t, ctx, `dsaviz.pause()`)
		paused := waitStats(t, ctx, `s => !s.playing`)
		settled := waitStats(t, ctx, `s => s.frames >= `+itoa(paused.Frames+3))
		if settled.Step != paused.Step || settled.Layer != paused.Layer {
			t.Errorf("paused: moved from step %d layer %d to %d, %d", paused.Step, paused.Layer, settled.Step, settled.Layer)
		}
	})

	t.Run("keys", func(t *testing.T) { testKeys(t, ctx) })

	t.Run("URL follows a change", func(t *testing.T) {
		call(t, ctx, `dsaviz.configure("seed=9")`)
		want := "?preset=small-demo&ways=4&seed=9&play=0"
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search === '`+want+`'`,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("location.search = %q, want %q", evaluate[string](t, ctx, `location.search`), want)
		}
		if c := evaluate[appConfig](t, ctx, `dsaviz.config()`); c.Seed != 9 || c.Ways != 4 {
			t.Errorf("config() = %+v after seed=9", c)
		}
		call(t, ctx, `dsaviz.configure("ways=0")`)
		waitError(t, ctx, "ways must be 1..64, got 0")
		if c := evaluate[appConfig](t, ctx, `dsaviz.config()`); c.Ways != 4 {
			t.Errorf("a refused change changed ways to %d", c.Ways)
		}
		if got := evaluate[string](t, ctx, `location.search`); got != want {
			t.Errorf("a refused change moved the address to %q", got)
		}
		// More steps than the app keeps the selections of: refused, the
		// limit named, the run as it was.
		call(t, ctx, `dsaviz.configure("preset=dsv32-h100&steps=100000")`)
		waitError(t, ctx, "at most 2148 steps of this config")
		if c := evaluate[appConfig](t, ctx, `dsaviz.config()`); c.Preset != "small-demo" || c.Ways != 4 {
			t.Errorf("a refused change of steps changed the config to %+v", c)
		}
	})

	t.Run("canvas not blank", func(t *testing.T) {
		call(t, ctx, `dsaviz.play()`)
		s := evaluate[stats](t, ctx, `dsaviz.stats()`)
		waitStats(t, ctx, `s => s.frames >= `+itoa(s.Frames+5))
		if gone := evaluate[bool](t, ctx, `document.getElementById('loading') === null`); !gone {
			t.Errorf("the loading screen is still in the page after ready")
		}
		img := screenshot(t, ctx, "app.png")
		if b := img.Bounds(); b.Dx() != viewportW || b.Dy() != viewportH {
			t.Errorf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), viewportW, viewportH)
		}
		if n := distinctColours(img); n < 16 {
			t.Errorf("screenshot has %d distinct colours, want at least 16 (a blank or flat canvas?)", n)
		}
	})

	t.Run("recovers from a panic", func(t *testing.T) {
		call(t, ctx, `dsaviz.testPanic("update")`)
		msg := waitError(t, ctx, "Internal error in Update")
		s := evaluate[stats](t, ctx, `dsaviz.stats()`)
		if s.Playing {
			t.Errorf("still playing after a panic, want paused")
		}
		after := waitStats(t, ctx, `s => s.frames >= `+itoa(s.Frames+3))
		t.Logf("after the panic: frames %d -> %d; error %q", s.Frames, after.Frames, msg)
		screenshot(t, ctx, "after-panic.png")
		call(t, ctx, `dsaviz.stepOnce()`)
		waitStats(t, ctx, `s => s.step === `+itoa(after.Step+1)+` && s.layer === 0`)
	})

	t.Run("bad URL", func(t *testing.T) {
		tab := newTab(t, ctx, srvHandler, "?ways=0&bogus=1", viewportW, viewportH, 1)
		waitReady(t, tab, nil)
		msg := evaluate[string](t, tab, `dsaviz.error`)
		if !strings.Contains(msg, `"bogus"`) || !strings.Contains(msg, "ways must be 1..64, got 0") {
			t.Errorf("dsaviz.error = %q, want the unknown bogus and the refused ways", msg)
		}
		if c := evaluate[appConfig](t, tab, `dsaviz.config()`); c.Ways != 16 || c.Preset != "" {
			t.Errorf("config() = %+v, want the defaults (16 ways, no preset)", c)
		}
		s := waitStats(t, tab, `s => s.playing && (s.step > 0 || s.layer > 0)`)
		t.Logf("defaults after a bad link: step %d layer %d, error %q", s.Step, s.Layer, msg)
		screenshot(t, tab, "bad-url.png")
	})

	t.Run("follows resizes", func(t *testing.T) {
		resize(t, ctx, 1000, 640, 1)
		screenshot(t, ctx, "resized.png")
	})

	t.Run("HiDPI", func(t *testing.T) {
		// Ebiten reads devicePixelRatio once, at start, so the scale is set
		// before the page loads, in a tab of its own. The screenshot shows
		// whether text and cells are drawn at device resolution (sharp).
		tab := newTab(t, ctx, srvHandler, link, 640, 400, 2)
		waitReady(t, tab, nil)
		resize(t, tab, 640, 400, 2)
		screenshot(t, tab, "hidpi.png")
	})

	t.Run("compare A and B", func(t *testing.T) { testCompare(t, ctx, srvHandler) })

	t.Run("load a trace", func(t *testing.T) { testLoadTrace(t, ctx, srvHandler) })

	t.Run("guided tour", func(t *testing.T) { testTour(t, ctx, srvHandler) })

	t.Run("lecture theme", func(t *testing.T) { testLecture(t, ctx, srvHandler) })

	t.Run("loader", func(t *testing.T) { testLoader(t, ctx, site) })

	final := evaluate[stats](t, ctx, `dsaviz.stats()`)
	t.Logf("final: %d frames, fps %.1f, tps %.1f, CPU per Update %.2f ms, per Draw %.2f ms (30-frame mean)",
		final.Frames, final.FPS, final.TPS, final.UpdateMs, final.DrawMs)
	for _, m := range messages.exceptions() {
		t.Errorf("uncaught exception in the page: %s", m)
	}

	t.Run("hover tooltip", func(t *testing.T) { testHover(t, newBrowser(t, chromium), srvHandler) })
}
