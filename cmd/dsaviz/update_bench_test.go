package main

import "testing"

// BenchmarkUpdate is the main thread's simulation work per decode step of
// dsv32-h100, as the app's Update does it playing at 2 steps/s (a tick
// of 1/60 s runs two layers, and a frame is drawn every ticksPerFrame
// ticks, as software WebGL draws in headless Chromium, so the first tick
// after each keeps its last layer's events for the picture): one run,
// A/B, and one run with the charts (whose reservation curve follows the
// run). Draw is not included. Run it as WebAssembly with
// bench/wasmnode/exec.sh.
func BenchmarkUpdate(b *testing.B) {
	for _, tc := range []struct{ name, link string }{
		{"single", "preset=dsv32-h100"},
		{"AB", "preset=dsv32-h100&cmp=1"},
		{"charts", "preset=dsv32-h100&charts=1"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			g, _, _ := newTestGame(b, tc.link+"&steps=1000&speed=2")
			g.run.holdFrames = 0
			const ticksPerFrame = 6 // 10 frames a second
			ticks := 0
			next := func() {
				for to := g.run.cmp.Step() + 1; g.run.cmp.Step() < to; {
					if err := g.Update(); err != nil {
						b.Fatal(err)
					}
					if ticks++; ticks%ticksPerFrame == 0 {
						g.screen.frames++ // as Draw counts a frame
					}
				}
			}
			next() // the first step generates the trace's start
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				next()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
		})
	}
}
