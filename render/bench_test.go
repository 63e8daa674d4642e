package render

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// dsv32 returns a dsv32-h100 engine in a mode after a step and a few
// layers (the cache full), a model of it, and the last layer's events.
func dsv32(b *testing.B, mode string) (*engine.Engine, *sceneModel, []engine.Event) {
	c, err := config.Preset("dsv32-h100")
	if err != nil {
		b.Fatal(err)
	}
	c.Mode = mode
	if mode == config.ModeNone {
		c.Reserve = 0
	}
	e, err := engine.New(c, nil)
	if err != nil {
		b.Fatal(err)
	}
	m := &sceneModel{}
	m.reset(e.View())
	m.setStripWidth(820)
	buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
	var ev []engine.Event
	for range c.Layers + 3 {
		ev = e.AdvanceLayer(buf)
		m.observe(e.View(), ev)
		m.tick()
	}
	m.update(e.View())
	return e, m, ev
}

// BenchmarkRebuild reads the whole LLC of dsv32-h100 (409,600 lines) and
// the reservation again and lays the flashes over it: what a Draw does
// once after the engine advanced.
func BenchmarkRebuild(b *testing.B) {
	for _, mode := range []string{config.ModeTokens, config.ModeNone} {
		b.Run(mode, func(b *testing.B) {
			e, m, _ := dsv32(b, mode)
			b.ReportAllocs()
			for b.Loop() {
				m.dirty = true
				m.update(e.View())
			}
		})
	}
}

// BenchmarkCompose lays the flashes over the owners: what a Draw does at
// each tick while flashes fade.
func BenchmarkCompose(b *testing.B) {
	e, m, _ := dsv32(b, config.ModeTokens)
	b.ReportAllocs()
	for b.Loop() {
		m.composedAt = 0
		m.update(e.View())
	}
}

// BenchmarkFillFolded fills the RGBA picture of dsv32-h100's LLC binned
// into a 560x490 area (1 way x 2 sets a pixel) and a 900x490 one (2 ways x
// 1 set).
func BenchmarkFillFolded(b *testing.B) {
	_, m, _ := dsv32(b, config.ModeTokens)
	for _, size := range [][2]int{{560, 490}, {900, 490}} {
		f, ok := FoldFor(m.llc.sets, m.llc.ways, size[0], size[1], 2, 14)
		if !ok {
			b.Fatal("no fold")
		}
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			w, h := f.Size()
			pix := NewPixels(w * h)
			pal := DefaultPalette()
			cells := m.llc.cells()
			b.ReportAllocs()
			for b.Loop() {
				if err := FillFolded(pix, f, cells, &pal); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(f.LinesPerPixel()), "lines/px")
		})
	}
}

// BenchmarkObserve folds one dsv32-h100 layer's events into the flashes:
// what Update does after each AdvanceLayer.
func BenchmarkObserve(b *testing.B) {
	for _, mode := range []string{config.ModeTokens, config.ModeNone} {
		b.Run(mode, func(b *testing.B) {
			e, m, ev := dsv32(b, mode)
			b.ReportAllocs()
			for b.Loop() {
				m.strip.ran = false // observe the same layer again
				m.observe(e.View(), ev)
			}
			b.ReportMetric(float64(len(ev)), "events/op")
		})
	}
}

// BenchmarkReadLLC reads what every line of dsv32-h100's LLC holds (the
// shared part through PeekSet, the token store's slots): what Draw does
// after the engine advanced, before composing.
func BenchmarkReadLLC(b *testing.B) {
	e, m, _ := dsv32(b, config.ModeTokens)
	b.ReportAllocs()
	for b.Loop() {
		m.slots.rebuild(e.View())
		m.llc.rebuild(e.View(), m.strip.kvRegion(), nil)
	}
}

// BenchmarkSceneDraw draws a playing dsv32-h100 scene, one layer run
// before each frame (outside the timer, with its Observe and Tick): A in
// mode tokens alone, and A beside B in mode none. The pictures are read
// every ReadEvery turns and composed in every turn.
func BenchmarkSceneDraw(b *testing.B) {
	font, err := LoadFont()
	if err != nil {
		b.Fatal(err)
	}
	for _, modes := range [][]string{{config.ModeTokens}, {config.ModeTokens, config.ModeNone}} {
		b.Run(fmt.Sprintf("runs=%d", len(modes)), func(b *testing.B) {
			var runs []*engine.Engine
			for _, mode := range modes {
				e, _, _ := dsv32(b, mode)
				runs = append(runs, e)
			}
			r := Runs{A: runs[0].View()}
			if len(runs) == 2 {
				r.B = runs[1].View()
			}
			s := NewScene(font)
			dst := ebiten.NewImage(1280, 720)
			st := Status{Scale: 1, Zoom: 1, FPS: 10, TPS: 60, Playing: true, Speed: 2}
			bufs := make([][]engine.Event, len(runs))
			for i, e := range runs {
				bufs[i] = make([]engine.Event, 0, e.MaxEventsPerLayer())
			}
			s.Draw(dst, dst.Bounds(), r, st)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				for i, e := range runs {
					s.Observe(i, e.View(), e.AdvanceLayer(bufs[i]))
				}
				s.Tick()
				b.StartTimer()
				s.Draw(dst, dst.Bounds(), r, st)
			}
		})
	}
}
