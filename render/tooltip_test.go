package render

import (
	"image"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// hoverScene returns a scene drawn once for engine e in an 800x640 area.
func hoverScene(t *testing.T, e *engine.Engine) (*Scene, *ebiten.Image, image.Rectangle, Status) {
	t.Helper()
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScene(font)
	s.Reset(Runs{A: e.View()})
	dst := ebiten.NewImage(800, 640)
	area := dst.Bounds()
	st := Status{Scale: 1, Zoom: 1}
	s.Draw(dst, area, Runs{A: e.View()}, st)
	return s, dst, area, st
}

// runLayers runs n layers of e, each observed by the scene and a tick
// apart.
func runLayers(s *Scene, e *engine.Engine, n int) {
	buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
	for range n {
		s.Observe(0, e.View(), e.AdvanceLayer(buf))
		s.Tick()
	}
}

// TestSceneHover: the tooltip appears over an LLC cell with its line's
// tag and set, makes Draw draw when it appears, moves or goes and only
// then, and costs no allocation while the pointer rests.
func TestSceneHover(t *testing.T) {
	e, err := engine.New(tinyConfig(config.ModeTokens), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, dst, area, st := hoverScene(t, e)
	runLayers(s, e, 3)
	draw := func() bool { return s.Draw(dst, area, Runs{A: e.View()}, st) }
	draw()
	llc := s.Hover().LLC
	if llc.Empty() {
		t.Fatal("Hover().LLC is empty: the LLC picture is not drawn")
	}
	steps := []struct {
		name   string
		change func()
		want   bool
	}{
		{"nothing changed", func() { st.Kept = true }, false},
		{"pointer over the scene but not a cell", func() { st.Pointer, st.PointerIn = area.Min, true }, false},
		{"pointer over the first cell", func() { st.Pointer = llc.Min.Add(image.Pt(2, 2)) }, true},
		{"pointer still", func() {}, false},
		{"pointer moved inside the cell", func() { st.Pointer = st.Pointer.Add(image.Pt(1, 0)) }, true},
		{"pointer left the scene", func() { st.PointerIn = false }, true},
		{"pointer still away", func() {}, false},
		{"pointer back", func() { st.PointerIn = true }, true},
		{"help opened", func() { st.ShowHelp = true }, true},
	}
	for _, step := range steps {
		step.change()
		if got := draw(); got != step.want {
			t.Errorf("%s: Draw drew %v, want %v", step.name, got, step.want)
		}
		lines := strings.Join(s.Hover().Lines, "\n")
		over := st.PointerIn && !st.ShowHelp && st.Pointer != area.Min
		if shows := strings.Contains(lines, "Tag 0x") && strings.Contains(lines, "set 0, way 0"); shows != over {
			t.Errorf("%s: the tooltip reads %q; want a line's tag and set 0, way 0: %v", step.name, lines, over)
		}
		if box := s.Hover().Box; over && !box.In(area) {
			t.Errorf("%s: tooltip box %v leaves the area %v", step.name, box, area)
		}
	}
	st.ShowHelp = false
	draw()
	if allocs := testing.AllocsPerRun(20, func() { draw() }); allocs != 0 {
		t.Errorf("Draw with the pointer resting on a cell allocates %.1f times a frame, want 0", allocs)
	}
}

// TestSceneHoverEveryPixel sweeps the pointer over the whole scene of
// every mode: wherever it rests over the LLC picture the target is the
// cell Fold.CellAt names, over the strip the token of its bin, and the
// outline drawn around the target holds the pointer; and no tooltip
// changes the engine.
func TestSceneHoverEveryPixel(t *testing.T) {
	for _, mode := range allModes {
		e, err := engine.New(tinyConfig(mode), nil)
		if err != nil {
			t.Fatal(err)
		}
		s, dst, area, st := hoverScene(t, e)
		runLayers(s, e, 5)
		s.Draw(dst, area, Runs{A: e.View()}, st)
		before := e.Clone()
		p := &s.panes[0]
		kinds := map[targetKind]int{}
		st.PointerIn = true
		for y := area.Min.Y; y < area.Max.Y; y += 3 {
			for x := area.Min.X; x < area.Max.X; x += 3 {
				pt := image.Pt(x, y)
				tg := p.inspect(pt)
				kinds[tg.kind]++
				if part, set, way, ok := p.llc.fold.CellAt(x-p.llc.at.X, y-p.llc.at.Y); ok {
					if tg.kind != targetCell || tg.part != part || tg.set != set || tg.way != way {
						t.Fatalf("%s: at %v the target is %+v, want part %d set %d way %d", mode, pt, tg, part, set, way)
					}
				}
				if tg.kind == targetToken {
					if want := (x - p.strip.at.X) / p.model.strip.PixelsPer * p.model.strip.PerPixel; tg.token != want {
						t.Fatalf("%s: at %v token %d, want %d", mode, pt, tg.token, want)
					}
				}
				if r := p.targetRect(tg); tg.kind != targetNone && !pt.In(r) {
					t.Fatalf("%s: at %v the target %+v is outlined at %v, away from the pointer", mode, pt, tg, r)
				}
				st.Pointer = pt
				s.hover(area, st)
				if shown := len(s.Hover().Lines) > 0; shown != (tg.kind != targetNone) {
					t.Fatalf("%s: at %v target %+v, tooltip lines %q", mode, pt, tg, s.Hover().Lines)
				}
			}
		}
		if !engine.SameState(before, e) {
			t.Errorf("%s: hovering over the scene changed the engine", mode)
		}
		want := []targetKind{targetCell, targetToken}
		if s.panes[0].model.hasSlots() {
			want = append(want, targetSlot)
		}
		for _, k := range want {
			if kinds[k] == 0 {
				t.Errorf("%s: the sweep met no target of kind %d (%v)", mode, k, kinds)
			}
		}
	}
}

// TestSceneHoverNamesTheRun: comparing, a tooltip over B's LLC picture
// describes B's line and says so.
func TestSceneHoverNamesTheRun(t *testing.T) {
	a, err := engine.New(tinyConfig(config.ModeTokens), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := engine.New(tinyConfig(config.ModeNone), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, dst, area, st := hoverScene(t, a)
	runs := Runs{A: a.View(), B: b.View()}
	s.Reset(runs)
	s.Draw(dst, area, runs, st)
	for i, name := range runNames {
		l := &s.panes[i].llc
		if !l.ok {
			t.Fatalf("pane %s: no LLC picture", name)
		}
		st.Pointer, st.PointerIn = l.at.Add(image.Pt(1, 1)), true
		s.Draw(dst, area, runs, st)
		lines := s.Hover().Lines
		if want := name + " · Shared part: set 0, way 0"; len(lines) == 0 || !strings.HasPrefix(lines[0], want) {
			t.Errorf("over pane %s's first cell: the tooltip reads %q, want it to start with %q", name, lines, want)
		}
	}
}
