//go:build !js

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dsaviz/internal/staticserve"
)

// testLoader checks the loading screen on its own: a real progress bar, and
// visible errors when the .wasm is missing or damaged. Each case runs in a
// new tab of the browser behind ctx, against a server that alters the site.
func testLoader(t *testing.T, ctx context.Context, site string) {
	files := staticserve.New(os.DirFS(site))
	isWasm := func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/dsaviz.wasm") }

	t.Run("progress bar", func(t *testing.T) {
		// Send the (gzip) .wasm slowly so the bar is seen part way.
		slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWasm(r) {
				w = &slowWriter{ResponseWriter: w, chunk: 128 << 10, pause: 40 * time.Millisecond}
			}
			files.ServeHTTP(w, r)
		})
		tab := newTab(t, ctx, slow, "", viewportW, viewportH, 1)
		status, err := chromedp.Run(tab, chromedp.Poll[string](`(() => {
			const v = Number(document.getElementById('bar').getAttribute('aria-valuenow'));
			return v > 0 && v < 100 ? document.getElementById('status').textContent : null;
		})()`, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
		if err != nil {
			t.Fatalf("never saw the progress bar between 0 and 100%%: %v", err)
		}
		t.Logf("status part way: %q", status)
		if !strings.Contains(status, " of ") || !strings.Contains(status, "MB (") {
			t.Errorf("status = %q, want \"Downloading X of Y MB (Z%%)\"", status)
		}
	})

	t.Run("missing wasm", func(t *testing.T) {
		missing := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWasm(r) {
				http.NotFound(w, r)
				return
			}
			files.ServeHTTP(w, r)
		})
		title, text := waitProblem(t, newTab(t, ctx, missing, "", viewportW, viewportH, 1))
		if title != "Could not download the app" || !strings.Contains(text, "404") {
			t.Errorf("problem = %q: %q, want a download failure naming HTTP 404", title, text)
		}
	})

	t.Run("damaged wasm", func(t *testing.T) {
		damaged := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isWasm(r) {
				w.Header().Set("Content-Type", "application/wasm")
				w.Write([]byte("this is not WebAssembly"))
				return
			}
			files.ServeHTTP(w, r)
		})
		title, text := waitProblem(t, newTab(t, ctx, damaged, "", viewportW, viewportH, 1))
		if title != "The app could not start" || !strings.Contains(text, "instantiate") {
			t.Errorf("problem = %q: %q, want an instantiate failure", title, text)
		}
	})
}

// newTab serves h on loopback and opens its page with the given query
// ("" or "?...") in a new tab of the browser behind ctx, with a w x h
// viewport at the given device scale. The tab closes when the test ends.
func newTab(t *testing.T, ctx context.Context, h http.Handler, query string, w, ht int64, scale float64) context.Context {
	t.Helper()
	srv := httptest.NewServer(h)
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(func() {
		cancel()
		srv.Close()
	})
	if err := chromedp.Do(tab, chromedp.EmulateViewport(w, ht, chromedp.EmulateScale(scale)), chromedp.Navigate(srv.URL+"/"+query)); err != nil {
		t.Fatalf("navigate: %v", err)
	}
	return tab
}

// waitProblem waits for the loading screen to show a problem and returns
// its title and text.
func waitProblem(t *testing.T, tab context.Context) (title, text string) {
	t.Helper()
	got, err := chromedp.Run(tab, chromedp.Poll[[]string](`(() => {
		const p = document.getElementById('problem');
		return p && !p.hidden ? [document.getElementById('problem-title').textContent,
			document.getElementById('problem-text').textContent] : null;
	})()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil || len(got) != 2 {
		t.Fatalf("the loading screen showed no problem: %v", err)
	}
	return got[0], got[1]
}

// slowWriter writes at most chunk bytes at a time, pausing between writes.
type slowWriter struct {
	http.ResponseWriter
	chunk int
	pause time.Duration
}

func (w *slowWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		k := min(len(b), w.chunk)
		m, err := w.ResponseWriter.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		time.Sleep(w.pause)
		b = b[k:]
	}
	return n, nil
}
