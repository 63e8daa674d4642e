package render

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s--- want\n%s", name, got, want)
	}
}

var allModes = []string{config.ModeNone, config.ModeWays, config.ModeTokens, config.ModePrevK, config.ModePages}

// TestModelGolden draws the model of a tiny cache in every mode after three
// layers a tick apart: once right after the third, and once long after
// (only the latest layer's held KV flashes remain). Read the files with
// asciiOf's key: '.' empty, ':' reserved and free, 'i' indexer, 'w'
// weights, digits KV by layer hue, upper case events (E evicted, H hit, M
// miss, B blocking miss), lower case the same events fading; then the
// reservation's slots, and the token strip's rows (S selected, R held).
func TestModelGolden(t *testing.T) {
	for _, mode := range allModes {
		for _, ticks := range []int{0, 2 * flashLife} {
			_, m := runModel(tinyConfig(mode), 3, 1)
			for range ticks {
				m.tick()
			}
			m.update(m.eng)
			name := mode + ".golden"
			if ticks > 0 {
				name = mode + "-later.golden"
			}
			golden(t, name, asciiModel(m))
		}
	}
}

func TestModelMatchesEngine(t *testing.T) {
	for _, mode := range allModes {
		e, m := runModel(tinyConfig(mode), 5, 1)
		// Without flashes, the shared part is exactly what PeekSet says.
		m.reset(e.View())
		m.update(e.View())
		g := e.Shared().Geometry()
		peek := make([]uint64, g.Ways)
		for s := range g.Sets {
			for w, x := range e.Shared().PeekSet(s, peek) {
				if got, want := m.llc.shown[0][s*g.Ways+w], m.llc.ownerOf(x, 0); got != want {
					t.Errorf("mode %s set %d way %d: shows %d, want %d", mode, s, w, got, want)
				}
			}
		}
		if st := e.TokenStore(); st != nil {
			if got := m.slots.residents(); got != st.Len() {
				t.Errorf("mode %s: %d slots held, the store holds %d", mode, got, st.Len())
			}
		}
		if mode == config.ModePrevK {
			held := 0
			for l := range e.Config().Layers {
				held += len(e.PrevKResidents(l))
			}
			if got := m.slots.residents(); got != held {
				t.Errorf("mode prevk: %d slots held, the layers hold %d", got, held)
			}
		}
	}
}

// TestModelChangesNoEngineState runs everything the scene does with a
// view (observe, update, the HUD's read) after every layer of every mode and
// checks, each time, that the engine is in exactly the state it was before:
// a peek that bumped recency or generated a selection would show here.
func TestModelChangesNoEngineState(t *testing.T) {
	for _, mode := range allModes {
		c := tinyConfig(mode)
		e, err := engine.New(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := &sceneModel{}
		m.reset(e.View())
		m.setStripWidth(64)
		buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
		for i := 0; !e.Done(); i++ {
			ev := e.AdvanceLayer(buf)
			before := e.Clone()
			m.observe(e.View(), ev)
			m.tick()
			m.update(e.View())
			readHUD(e.View(), Status{}, hudRun{})
			if !engine.SameState(before, e) {
				t.Fatalf("mode %s: the draw side changed the engine after layer %d", mode, i)
			}
		}
	}
}

func TestModelStripCounts(t *testing.T) {
	e, m := runModel(tinyConfig(config.ModeTokens), 3, 0)
	step, layer, _ := e.Ran()
	c := m.strip.counts
	sel := e.View().Selection(step, layer)
	if c.Step != step || c.Layer != layer || c.Context != e.Config().Prompt+step || c.Selected != len(sel) {
		t.Errorf("strip counts %+v, want step %d layer %d context %d selected %d", c, step, layer, e.Config().Prompt+step, len(sel))
	}
	ls := e.Current().Layers[layer]
	if step != e.Current().Step {
		ls = e.LastStep().Layers[layer]
	}
	if c.Hits+c.Misses != len(sel) {
		t.Errorf("strip: %d hits + %d misses, want the %d selected", c.Hits, c.Misses, len(sel))
	}
	if kv := ls.Class[1]; c.Misses > 0 && kv.Misses == 0 {
		t.Errorf("strip shows %d missed tokens, the layer has no KV miss", c.Misses)
	}
}

func TestModelFlashesFade(t *testing.T) {
	e, m := runModel(tinyConfig(config.ModeNone), 2, 0)
	count := func() (events int) {
		m.update(m.eng)
		for _, v := range m.llc.shown[0] {
			if eventRank(v) >= 0 || v >= FadedFirst {
				events++
			}
		}
		return events
	}
	held := count()
	if held == 0 {
		t.Fatal("no flash after a layer")
	}
	for range flashLife + 1 {
		m.tick()
	}
	// The latest layer's KV flashes stay; its stream flashes are gone.
	later := count()
	if later == 0 || later >= held {
		t.Errorf("flashes: %d right after the layer, %d long after, want fewer but some", held, later)
	}
	m.observe(e.View(), e.AdvanceLayer(nil)) // a layer without events
	for range flashLife + 1 {
		m.tick()
	}
	if n := count(); n != 0 {
		t.Errorf("%d flashes left long after a newer layer, want 0", n)
	}
}

func TestModelSurvivesModeChanges(t *testing.T) {
	// One model drawing engines of every mode and size in turn reuses its
	// buffers and never indexes out of range.
	m := &sceneModel{}
	for _, preset := range []string{"small-demo", "cpu-llc"} {
		for _, mode := range allModes {
			c, err := config.Preset(preset)
			if err != nil {
				t.Fatal(err)
			}
			c.Mode, c.Steps = mode, 2
			switch mode {
			case config.ModeNone:
				c.Reserve = 0
			case config.ModeWays, config.ModePages:
				c.Reserve = config.Size(c.WayBytes())
			}
			e, err := engine.New(c, nil)
			if err != nil {
				t.Fatalf("%s %s: %v", preset, mode, err)
			}
			m.reset(e.View())
			m.setStripWidth(300)
			buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
			for range 3 {
				m.observe(e.View(), e.AdvanceLayer(buf))
				m.tick()
				m.update(e.View())
			}
		}
	}
}

func TestObserveAfterTheEnd(t *testing.T) {
	c := tinyConfig(config.ModeTokens)
	e, m := runModel(c, c.Steps*c.Layers, 1)
	if !e.Done() {
		t.Fatal("the run is not done")
	}
	before := m.strip.marks
	n := len(before)
	m.observe(e.View(), e.AdvanceLayer(nil)) // nothing ran
	m.update(e.View())
	if len(m.strip.marks) != n || n == 0 {
		t.Errorf("an Observe after the end changed the strip's %d marks to %d", n, len(m.strip.marks))
	}
}

func TestBypassingStreamsDoNotFlash(t *testing.T) {
	c := tinyConfig(config.ModeTokens)
	c.Bypass = true
	_, m := runModel(c, 3, 1)
	for i, v := range m.llc.shown[0] {
		if v >= FadedFirst || eventRank(v) == eventRank(Miss) {
			t.Fatalf("shared cell %d shows %d: a stream flash with bypass", i, v)
		}
	}
}
