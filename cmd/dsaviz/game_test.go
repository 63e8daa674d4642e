package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeHost records what the Game reports to the page.
type fakeHost struct {
	frames    int64
	errors    []string
	queries   []string
	downloads map[string][]byte
	opened    int    // file dialogs opened
	trace     string // the trace named to the page
}

func (h *fakeHost) frameDrawn(n int64) { h.frames = n }
func (h *fakeHost) setError(m string)  { h.errors = append(h.errors, m) }
func (h *fakeHost) showQuery(q string) { h.queries = append(h.queries, q) }
func (h *fakeHost) openTrace()         { h.opened++ }
func (h *fakeHost) setTrace(n string)  { h.trace = n }
func (h *fakeHost) download(name, _ string, data []byte) (string, error) {
	if h.downloads == nil {
		h.downloads = map[string][]byte{}
	}
	h.downloads[name] = data
	return name, nil
}

// lastError is the error the page shows now.
func (h *fakeHost) lastError() string {
	if len(h.errors) == 0 {
		return ""
	}
	return h.errors[len(h.errors)-1]
}

func newTestGame(t testing.TB, link string) (*Game, *mailbox, *fakeHost) {
	t.Helper()
	m, h := &mailbox{}, &fakeHost{}
	g, err := newGame(m, h, parseLaunch(link))
	if err != nil {
		t.Fatalf("newGame: %v", err)
	}
	// Tests call Update back to back: give the simulation all the time it
	// wants, so that what runs depends on the schedule alone.
	g.run.budget = cpuBudget{share: 1e6, limit: time.Hour, left: time.Hour}
	// Each Update is one tick of 1/60 s, however fast the tests call it.
	clock := time.Unix(0, 0)
	g.now = func() time.Time {
		clock = clock.Add(time.Second / ticksPerSecond)
		return clock
	}
	return g, m, h
}

func update(t *testing.T, g *Game) {
	t.Helper()
	if err := g.Update(); err != nil {
		t.Fatalf("Update = %v, want nil", err)
	}
}

// posOf returns the published (step, layer).
func posOf(m *mailbox) [2]int64 {
	s := m.read()
	return [2]int64{s.Step, int64(s.Layer)}
}

func TestCommands(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&play=0")
	update(t, g)
	if got := m.read(); got.Playing || got.Step != 0 || got.Layer != 0 {
		t.Fatalf("started with play=0: playing %v at %v; want paused at step 0", got.Playing, posOf(m))
	}
	m.post(cmdStepOnce)
	update(t, g)
	if got := posOf(m); got != [2]int64{1, 0} {
		t.Fatalf("after stepOnce: at %v, want step 1, layer 0", got)
	}
	g.do(cmdLayerOnce)
	update(t, g)
	if got := posOf(m); got != [2]int64{1, 1} {
		t.Fatalf("after one layer: at %v, want step 1, layer 1", got)
	}
	m.post(cmdStepOnce) // finishes step 1
	update(t, g)
	if got := posOf(m); got != [2]int64{2, 0} {
		t.Fatalf("after stepOnce mid-step: at %v, want step 2, layer 0", got)
	}
	s := m.read()
	if s.Accesses == 0 || s.Hits != s.ReservedHits+s.SharedHits || s.Accesses != s.Hits+s.Misses || s.BlockingMisses > s.Misses {
		t.Errorf("inconsistent counts: %+v", s)
	}
	if s.HitRate <= 0 || s.HitRate >= 1 || s.TokensPerSecond <= 0 {
		t.Errorf("hit rate %v, tokens/s %v; want a rate in (0,1) and a positive speed", s.HitRate, s.TokensPerSecond)
	}

	m.post(cmdPlay)
	for range 60 {
		update(t, g)
	}
	// small-demo: 4 layers at 2 steps/s for one second.
	if got := posOf(m); !m.read().Playing || got[0] != 4 {
		t.Fatalf("after a second of play: at %v, playing %v; want step 4", got, m.read().Playing)
	}
	m.post(cmdTogglePlay)
	update(t, g)
	update(t, g)
	if m.read().Playing {
		t.Errorf("TogglePlay while playing: still playing")
	}
	g.do(cmdReset)
	update(t, g)
	if got := m.read(); got.Step != 0 || got.Layer != 0 || got.Accesses != 0 {
		t.Errorf("after reset: %+v, want step 0 and no counts", got)
	}
}

func TestRunEnds(t *testing.T) {
	g, m, _ := newTestGame(t, "preset=small-demo&steps=3&speed=30")
	for range 10 {
		update(t, g)
	}
	s := m.read()
	if !s.Done || s.Playing || s.Step != 3 {
		t.Fatalf("at the end: done %v, playing %v, step %d; want done, paused, 3", s.Done, s.Playing, s.Step)
	}
	m.post(cmdPlay) // plays again from the start
	update(t, g)
	if s := m.read(); s.Done || !s.Playing {
		t.Errorf("play at the end: done %v, playing %v; want a new run playing", s.Done, s.Playing)
	}
}

func TestChanges(t *testing.T) {
	g, m, h := newTestGame(t, "preset=small-demo&ways=4&seed=7&play=0")
	if len(h.errors) != 0 || len(h.queries) != 0 {
		t.Fatalf("a good link: errors %q, address changes %q; want none", h.errors, h.queries)
	}
	if c, p := m.config().cfg, m.config().preset; c.Ways != 4 || c.Seed != 7 || p != "small-demo" {
		t.Fatalf("config() = ways %d, seed %d, preset %q; want 4, 7, small-demo", c.Ways, c.Seed, p)
	}
	m.post(cmdStepOnce)
	update(t, g)

	m.postChange("seed=9")
	update(t, g)
	if c := m.config().cfg; c.Seed != 9 || c.Ways != 4 {
		t.Errorf("after seed=9: seed %d, ways %d; want 9, 4", c.Seed, c.Ways)
	}
	if got := posOf(m); got != [2]int64{0, 0} {
		t.Errorf("a new config restarts the run: at %v, want step 0", got)
	}
	// Paused, the address shares the moment (at=1 after the step), then
	// the new config from step 0.
	if want := []string{"preset=small-demo&ways=4&seed=7&play=0&at=1", "preset=small-demo&ways=4&seed=9&play=0"}; !slices.Equal(h.queries, want) {
		t.Errorf("address changes = %q, want %q", h.queries, want)
	}

	m.postChange("ways=0")
	update(t, g)
	if c := m.config().cfg; c.Ways != 4 {
		t.Errorf("after a refused change: ways %d, want 4 kept", c.Ways)
	}
	if e := h.lastError(); !strings.Contains(e, "ways must be 1..64, got 0") || !strings.Contains(e, "unchanged") {
		t.Errorf("error = %q, want the refusal", e)
	}
	m.postChange("embed=1")
	update(t, g)
	if e := h.lastError(); !strings.Contains(e, "when the page loads") {
		t.Errorf("error = %q, want embed refused on a running app", e)
	}
	m.postChange("bogus=1")
	update(t, g)
	if e := h.lastError(); !strings.Contains(e, `unknown parameter "bogus"`) {
		t.Errorf("error = %q, want the unknown parameter", e)
	}
	m.postChange("preset=cpu-llc&speed=4&play=1")
	update(t, g)
	if c, p := m.config().cfg, m.config().preset; p != "cpu-llc" || c != mustPreset(t, "cpu-llc") {
		t.Errorf("after preset=cpu-llc: preset %q", p)
	}
	if s := m.read(); !s.Playing || s.Speed != 4 || h.lastError() != "" {
		t.Errorf("playing %v at speed %v, error %q; want playing at 4, no error", s.Playing, s.Speed, h.lastError())
	}
	if want := "preset=cpu-llc&speed=4&play=0"; h.queries[len(h.queries)-1] != want {
		t.Errorf("address = %q, want %q", h.queries[len(h.queries)-1], want)
	}
}

func TestBadLinkKeepsRunning(t *testing.T) {
	g, m, h := newTestGame(t, "?ways=0&bogus=1")
	if e := h.lastError(); !strings.Contains(e, "bogus") || !strings.Contains(e, "ways must be") {
		t.Errorf("error = %q, want both problems", e)
	}
	update(t, g)
	if s := m.read(); !s.Playing {
		t.Errorf("a bad link: not playing, want the defaults playing")
	}
	if len(h.queries) != 0 {
		t.Errorf("a bad link was rewritten to %q before any change; want it kept", h.queries)
	}
	m.postChange("seed=2")
	update(t, g)
	if want := []string{"seed=2"}; !slices.Equal(h.queries, want) || h.lastError() != "" {
		t.Errorf("after a change: address %q, error %q; want %q and no error", h.queries, h.lastError(), want)
	}
}
