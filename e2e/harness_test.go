//go:build !js

package e2e

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitError waits until dsaviz.error contains sub and returns it.
func waitError(t *testing.T, ctx context.Context, sub string) string {
	t.Helper()
	msg, err := chromedp.Run(ctx, chromedp.Poll[string](`dsaviz.error.includes(`+strconv.Quote(sub)+`) ? dsaviz.error : null`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("dsaviz.error never contained %q: %v (it is %q)", sub, err, evaluate[string](t, ctx, `dsaviz.error`))
	}
	return msg
}

// resize emulates a w x h viewport (CSS pixels) at the given device scale
// and waits until the app's canvas has followed and drawn two more frames.
func resize(t *testing.T, ctx context.Context, w, h int64, scale float64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateScale(scale))); err != nil {
		t.Fatal(err)
	}
	want := strconv.FormatInt(int64(float64(w)*scale), 10) + "x" + strconv.FormatInt(int64(float64(h)*scale), 10)
	canvasSize := `(() => { const c = document.querySelector('canvas'); return c ? c.width + 'x' + c.height : 'no canvas'; })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](canvasSize+` === '`+want+`'`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("canvas did not follow the viewport: %v (canvas %s, want %s)", err, evaluate[string](t, ctx, canvasSize), want)
	}
	s := evaluate[stats](t, ctx, `dsaviz.stats()`)
	waitStats(t, ctx, `s => s.frames >= `+itoa(s.Frames+2))
}

// buildSite runs ./build.sh build into a temporary directory: the site is
// built exactly as it is shipped.
func buildSite(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command(filepath.Join(root, "build.sh"), "build")
	cmd.Env = append(os.Environ(), "DSAVIZ_DIST="+dist)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("./build.sh build: %v\n%s", err, out)
	}
	t.Logf("built the site in %.1f s", time.Since(start).Seconds())
	return dist
}

// waitReady waits until the app says it has drawn (dsaviz.ready).
func waitReady(t *testing.T, ctx context.Context, messages *console) {
	t.Helper()
	// Poll on a timer: requestAnimationFrame polling slows down with the
	// frame rate of software WebGL.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.dsaviz && window.dsaviz.ready === true`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("dsaviz.ready never became true: %v\nconsole:\n%s", err, messages)
	}
}

// newLoopbackServer serves h on 127.0.0.1 and returns its URL.
func newLoopbackServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// newBrowser starts headless Chromium with the flags spike.md verified:
// WebGL2 through SwiftShader, no sandbox (the test may run as root); the
// browser's work must be done within 5 minutes (TestBrowser's tabs take
// about a minute on an idle machine of this kind, three when its two cores
// are busy).
func newBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	return newBrowserFor(t, chromium, 5*time.Minute)
}

// newBrowserFor is newBrowser with the browser's work done within limit.
func newBrowserFor(t *testing.T, chromium string, limit time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(viewportW, viewportH),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser without a deadline (a deadline on the first Run
	// would stop the whole browser), then bound every later action.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewportW, viewportH)); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	t.Cleanup(cancel)
	return ctx
}

// console is what the page wrote to its console.
type console struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

// String returns every message, one a line.
func (c *console) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, m := range c.msgs {
		b.WriteString("  " + m.String() + "\n")
	}
	return b.String()
}

func (c *console) exceptions() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		if m.IsException() {
			out = append(out, m.Text)
		}
	}
	return out
}

// collectConsole records the page's console messages until the test ends.
func collectConsole(t *testing.T, ctx context.Context) *console {
	c := &console{}
	seq := chromedp.Console(ctx)
	go func() {
		for m, err := range seq {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("page console:\n%s", c)
		}
	})
	return c
}

func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func call(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if ok := evaluate[bool](t, ctx, expr); !ok {
		t.Fatalf("%s = false: the command queue refused it", expr)
	}
}

// waitStats polls dsaviz.stats() until pred (a JavaScript function of the
// stats) holds, and returns those stats.
func waitStats(t *testing.T, ctx context.Context, pred string) stats {
	t.Helper()
	return waitFor[stats](t, ctx, `dsaviz.stats()`, pred)
}

// waitFor polls the JavaScript expression expr until pred (a JavaScript
// function of its value) holds, and returns that value.
func waitFor[T any](t *testing.T, ctx context.Context, expr, pred string) T {
	t.Helper()
	poll := `(() => { const s = ` + expr + `; return (` + pred + `)(s) ? s : null; })()`
	s, err := chromedp.Run(ctx, chromedp.Poll[T](poll,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		last, _ := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
		t.Fatalf("waiting for %s to satisfy %s: %v (last %+v)", expr, pred, err, last)
	}
	return s
}

// screenshot captures the viewport, saves it as name in the test's temp
// directory (and in $DSAVIZ_E2E_KEEP if set), logs the path and returns it.
func screenshot(t *testing.T, ctx context.Context, name string) image.Image {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if keep := os.Getenv("DSAVIZ_E2E_KEEP"); keep != "" {
		if err := os.MkdirAll(keep, 0o755); err != nil {
			t.Fatal(err)
		}
		path = filepath.Join(keep, name)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	return img
}

// distinctColours counts the distinct opaque RGB colours of img.
func distinctColours(img image.Image) int {
	seen := map[uint32]struct{}{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = struct{}{}
		}
	}
	return len(seen)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
