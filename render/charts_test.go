package render

import (
	"math"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

func TestRunSeriesReadsTheHistory(t *testing.T) {
	c := tinyConfig(config.ModeTokens)
	e, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	var s runSeries
	check := func(when string) {
		t.Helper()
		h := e.History()
		if s.hit.Len() != len(h) || s.blocking.Len() != len(h) || s.tokens.Len() != len(h) {
			t.Fatalf("%s: series of %d, %d, %d values, history of %d steps", when, s.hit.Len(), s.blocking.Len(), s.tokens.Len(), len(h))
		}
		for i, st := range h {
			if s.hit.At(i) != 100*st.KVHitRate() || s.blocking.At(i) != float64(st.BlockingMisses) || s.tokens.At(i) != st.TokensPerSecond() {
				t.Errorf("%s: step %d plotted %v %v %v, history %+v", when, i, s.hit.At(i), s.blocking.At(i), s.tokens.At(i), st)
			}
		}
		last := e.LastStep()
		for l, got := range s.layers {
			want := 100 * last.Layers[l].Class.KVHitRate()
			if !(got == want || (math.IsNaN(got) && last.Step < 0)) {
				t.Errorf("%s: layer %d plotted %v, want %v", when, l, got, want)
			}
		}
	}
	s.read(e.View())
	check("before any step")
	for range 3 {
		e.AdvanceStep()
		if !s.read(e.View()) {
			t.Fatal("read after a step reported no change")
		}
		check("after a step")
	}
	if s.read(e.View()) {
		t.Error("a second read with nothing new reported a change")
	}
	// A jump back restores another engine, with a shorter history.
	if e, err = engine.New(c, nil); err != nil {
		t.Fatal(err)
	}
	e.AdvanceStep()
	s.read(e.View())
	check("after a jump back")
}

func TestChartSpanFillsTheWidth(t *testing.T) {
	m := chartMetrics{lineH: 10, tick: 3, thick: 1, measure: func(b []byte) int { return 5 * len(b) }}
	var s Series
	for range 10 {
		s.Push(50)
	}
	for _, tc := range []struct{ span, want int }{{40, 40}, {0, ChartWindow}, {1, ChartWindow}, {ChartWindow + 1, ChartWindow}} {
		spec := hitRateSpec()
		spec.names[1], spec.span = "", tc.span
		l := &chartLayout{}
		l.layoutLines(200, 100, &spec, &m, [2]*Series{&s})
		if l.span != tc.want {
			t.Errorf("span %d: window of %d steps, want %d", tc.span, l.span, tc.want)
		}
		if got := l.slotCol(tc.want - 1); got != l.Plot.Max.X-1 {
			t.Errorf("span %d: the window's last step at column %d, want the plot's right edge %d", tc.span, got, l.Plot.Max.X-1)
		}
	}
}
