//go:build !js

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testKeys drives the shortcuts of issue 3, section 4, with real key
// events on the canvas, starting paused at a step boundary.
func testKeys(t *testing.T, ctx context.Context) {
	call(t, ctx, `(document.querySelector('canvas').focus(), dsaviz.pause())`)
	s := waitStats(t, ctx, `s => !s.playing`)
	if s.Layer != 0 {
		// Finish the step the bridge test left, to start at a boundary.
		call(t, ctx, `dsaviz.stepOnce()`)
		s = waitStats(t, ctx, `s => s.layer === 0 && s.step === `+itoa(s.Step+1))
	}

	press(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	s = waitStats(t, ctx, `s => s.step === `+itoa(s.Step+1)+` && s.layer === 0`)

	press(t, ctx, shiftKey(kb.ArrowRight))
	s = waitStats(t, ctx, `s => s.step === `+itoa(s.Step)+` && s.layer === 1`)

	press(t, ctx, chromedp.KeyEvent(" "))
	waitStats(t, ctx, `s => s.playing && s.step > `+itoa(s.Step))
	press(t, ctx, chromedp.KeyEvent(" "))
	waitStats(t, ctx, `s => !s.playing`)

	press(t, ctx, chromedp.KeyEvent("r"))
	waitStats(t, ctx, `s => s.step === 0 && s.layer === 0 && s.accesses === 0`)

	// H opens the help, Escape closes it; H again goes through its
	// pages, then closes it.
	press(t, ctx, chromedp.KeyEvent("h"))
	waitFor[bool](t, ctx, `((s) => s.help && s.helpPage === 1)(dsaviz.stats())`, `ok => ok`)
	screenshot(t, ctx, "help.png")
	press(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor[bool](t, ctx, `((s) => !s.help && s.helpPage === 0)(dsaviz.stats())`, `ok => ok`)
	press(t, ctx, chromedp.KeyEvent("h"))
	pages := waitFor[int](t, ctx, `dsaviz.stats().helpPages`, `n => n >= 1`)
	for p := 2; p <= pages; p++ {
		press(t, ctx, chromedp.KeyEvent("?"))
		waitFor[bool](t, ctx, `((s) => s.help && s.helpPage === `+itoa(int64(p))+`)(dsaviz.stats())`, `ok => ok`)
	}
	press(t, ctx, chromedp.KeyEvent("?"))
	waitStats(t, ctx, `s => !s.help`)
}

// press runs a key action and fails the test if it cannot be sent.
func press(t *testing.T, ctx context.Context, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, a); err != nil {
		t.Fatalf("sending keys: %v", err)
	}
}

// shiftKey presses key while a Shift key is held down: Ebiten reads Shift
// as a key of its own, not as a modifier flag on the other key's event.
func shiftKey(key string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		shift := kb.Encode([]rune(kb.Shift)[0]) // down, up
		seq := []*input.DispatchKeyEventParams{shift[0]}
		for _, k := range kb.Encode([]rune(key)[0]) {
			k.Modifiers |= int64(kb.ModifierShift)
			seq = append(seq, k)
		}
		seq = append(seq, shift[len(shift)-1])
		for _, k := range seq {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *k); err != nil {
				return err
			}
		}
		return nil
	})
}
