package main

import (
	"math"
	"testing"
)

// TestCurveFollowsTheRuns: with the charts shown, the curve's figures at
// A's size equal A's own reserved hits in A's scope (the token LRU and
// the curve count the same accesses), and those of a run in the other
// scope; after a step back and forward they are the same again; paused,
// the chart measures MIN, which is at least the LRU's.
func TestCurveFollowsTheRuns(t *testing.T) {
	for _, scope := range []string{"global", "layer"} {
		other := map[string]string{"global": "layer", "layer": "global"}[scope]
		link := "preset=small-demo&mode=tokens&play=0&charts=1&tokenScope="
		g, m, _ := newTestGame(t, link+scope)
		g2, m2, _ := newTestGame(t, link+other)
		for range 6 {
			m.post(cmdStepOnce)
			update(t, g)
			m2.post(cmdStepOnce)
			update(t, g2)
		}
		check := func(when string) {
			t.Helper()
			s := m.read()
			c := s.Curve
			if c == nil || c.Problem != "" {
				t.Fatalf("%s, scope %s: stats().curve = %+v, want figures", when, scope, c)
			}
			own, theirs := c.Global, c.Layer
			if scope == "layer" {
				own, theirs = theirs, own
			}
			if c.Steps != int(s.Step) || own != s.ReservedHits || theirs != m2.read().ReservedHits {
				t.Errorf("%s, scope %s: curve at %d steps: %d in A's scope, %d in the other; A's reserved hits %d at step %d, the other scope's run %d",
					when, scope, c.Steps, own, theirs, s.ReservedHits, s.Step, m2.read().ReservedHits)
			}
			if c.MIN == nil || *c.MIN < own || *c.MIN > c.Lines {
				t.Errorf("%s, scope %s: MIN %v, want between the LRU's %d and the %d lines gathered", when, scope, c.MIN, own, c.Lines)
			}
			if g.screen.curve == nil || math.IsNaN(g.screen.curve.MIN) {
				t.Errorf("%s, scope %s: the chart shows no MIN", when, scope)
			}
		}
		check("after 6 steps")
		m.post(cmdStepBack)
		settle(t, g, m)
		m.post(cmdStepOnce)
		update(t, g)
		check("after Left, Right")
	}
}

// TestCurveProblems: the packed layout has no curve, and says why; a run
// without the charts counts nothing.
func TestCurveProblems(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&layout=packed&play=0&charts=1")
	m.post(cmdStepOnce)
	update(t, g)
	if c := m.read().Curve; c == nil || c.Problem == "" {
		t.Errorf("packed layout: stats().curve = %+v, want a problem", c)
	}
	g2, m2, _ := newTestGame(t, "preset=small-demo&play=0")
	m2.post(cmdStepOnce)
	update(t, g2)
	if c := m2.read().Curve; c != nil {
		t.Errorf("no charts: stats().curve = %+v, want none", c)
	}
}

// TestCurveCatchesUp: charts opened late in a run count the curve a few
// steps a tick, the chart saying so, and end with the figures of a curve
// that followed the run from the start.
func TestCurveCatchesUp(t *testing.T) {
	link := "preset=small-demo&mode=tokens&play=0"
	late, ml, _ := newTestGame(t, link)
	early, me, _ := newTestGame(t, link+"&charts=1")
	for range 9 {
		ml.post(cmdStepOnce)
		update(t, late)
		me.post(cmdStepOnce)
		update(t, early)
	}
	ml.post(cmdToggleCharts)
	update(t, late)
	c := ml.read().Curve
	if c == nil || c.Steps != curveCatchUp || late.screen.curve.Behind != 9-curveCatchUp {
		t.Fatalf("the first tick with the charts: curve %+v, behind %d; want %d steps counted, %d behind", c, late.screen.curve.Behind, curveCatchUp, 9-curveCatchUp)
	}
	for range 9 {
		update(t, late)
	}
	got, want := *ml.read().Curve, *me.read().Curve
	got.MIN, want.MIN = nil, nil // pointers; the values are checked by TestCurveFollowsTheRuns
	if got != want || late.screen.curve.Behind != 0 {
		t.Errorf("caught up: %+v (behind %d), want the figures of a curve that followed the run %+v", got, late.screen.curve.Behind, want)
	}
}
