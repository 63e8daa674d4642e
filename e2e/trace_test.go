//go:build !js

package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// testLoadTrace loads a bad and then a good index log through the page's
// file input (issue 12): the bad one is refused with its line and the run
// goes on untouched; the good one becomes the runs' trace, the config
// following its shape.
func testLoadTrace(t *testing.T, ctx context.Context, h http.Handler) {
	tab := newTab(t, ctx, h, "?preset=small-demo&play=0", viewportW, viewportH, 1)
	waitReady(t, tab, nil)
	call(t, tab, `dsaviz.stepOnce()`)
	before := waitStats(t, tab, `s => s.step === 1 && s.layer === 0`)

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("0 0 1 2 3\n0 1 4 x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	upload(t, tab, bad)
	msg := waitError(t, tab, "Trace bad.txt refused")
	if !strings.Contains(msg, "line 2") || !strings.Contains(msg, "unchanged") {
		t.Errorf("the refusal %q does not name line 2 or say the run is unchanged", msg)
	}
	after := waitStats(t, tab, `s => s.frames >= `+itoa(before.Frames+3))
	if after.Step != before.Step || after.Accesses != before.Accesses {
		t.Errorf("after a bad trace the run moved: step %d accesses %d, was %d %d", after.Step, after.Accesses, before.Step, before.Accesses)
	}
	if tr := evaluate[string](t, tab, `dsaviz.trace`); tr != "" {
		t.Errorf("dsaviz.trace = %q after a refused file", tr)
	}

	sample, err := filepath.Abs(filepath.Join("..", "assets", "traces", "sample-k64.npy"))
	if err != nil {
		t.Fatal(err)
	}
	upload(t, tab, sample)
	waitFor[string](t, tab, `dsaviz.trace`, `s => s === "sample-k64.npy"`)
	if e := evaluate[string](t, tab, `dsaviz.error`); e != "" {
		t.Errorf("a good trace left the error %q", e)
	}
	c := evaluate[struct {
		Layers int `json:"layers"`
		TopK   int `json:"topk"`
		Steps  int `json:"steps"`
	}](t, tab, `dsaviz.config()`)
	if c.Layers != 8 || c.TopK != 64 || c.Steps != 100 {
		t.Errorf("config after the sample: layers %d topk %d steps %d, want 8, 64, 100", c.Layers, c.TopK, c.Steps)
	}
	call(t, tab, `dsaviz.stepOnce()`)
	waitStats(t, tab, `s => s.step === 1 && s.layer === 0 && s.accesses > 0`)
	screenshot(t, tab, "trace.png")
}

// upload hands a file to the page's Load trace input.
func upload(t *testing.T, tab context.Context, path string) {
	t.Helper()
	// The input is hidden (the panel's button opens it): wait only until
	// the node exists, not until it is visible.
	if _, err := chromedp.Run(tab, chromedp.SetUploadFiles(chromedp.ID("dsaviz-trace"), []string{path}, chromedp.NodeReady)); err != nil {
		t.Fatalf("upload %s: %v", path, err)
	}
}
