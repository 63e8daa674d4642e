package render

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// The preview runs the Scene in a real Ebiten window and writes PNGs of a
// few scenarios, for a person to look at, and measures the allocations of
// Draw on real frames. It needs a display:
//
//	DSAVIZ_PREVIEW=1 xvfb-run -a -s "-screen 0 1280x800x24" go test ./render -run Preview -v
//
// PNGs go to $DSAVIZ_PREVIEW_DIR, or a new temporary folder (printed).

// previewScenario is one picture: a preset in a mode, run for some layers
// with ticks between them, drawn with a status.
type previewScenario struct {
	name, preset, mode string
	layers, ticks      int
	status             Status
	panel              int // device pixels left to the ui panel on the right
}

// previewPanelWidth is what the scene leaves to the app's panel.
const previewPanelWidth = 340

func previewScenarios() []previewScenario {
	st := Status{Playing: true, Speed: 2, FPS: 20, TPS: 60, Scale: 1, Zoom: UIZoom(1280, 800)}
	help, fail, paused := st, st, st
	help.ShowHelp = true
	fail.Error = `config: ways must be 1..64, got 0 (from the URL: ?ways=0). The previous config is kept.`
	paused.Playing = false
	lecture := st
	lecture.Zoom = 1.5
	hidpi := st // a 640x400 CSS window on a screen of 2 device pixels each
	hidpi.Scale, hidpi.Zoom = 2, UIZoom(640, 400)
	small := st // a small window: everything at the smallest zoom
	small.Zoom = 0.6
	return []previewScenario{
		{"small-demo-tokens", "small-demo", config.ModeTokens, 42, 3, st, previewPanelWidth},
		{"small-demo-none", "small-demo", config.ModeNone, 42, 3, paused, previewPanelWidth},
		{"small-demo-ways", "small-demo", config.ModeWays, 42, 3, st, previewPanelWidth},
		{"small-demo-pages", "small-demo", config.ModePages, 42, 3, st, previewPanelWidth},
		{"small-demo-prevk", "small-demo", config.ModePrevK, 42, 3, st, previewPanelWidth},
		{"dsv32-tokens", "dsv32-h100", config.ModeTokens, 130, 1, st, previewPanelWidth},
		{"dsv32-none", "dsv32-h100", config.ModeNone, 70, 1, paused, previewPanelWidth},
		{"dsv32-tokens-full-width", "dsv32-h100", config.ModeTokens, 130, 1, st, 0},
		{"small-demo-help", "small-demo", config.ModeTokens, 10, 1, help, previewPanelWidth},
		{"small-demo-error", "small-demo", config.ModeTokens, 10, 1, fail, previewPanelWidth},
		{"small-demo-lecture", "small-demo", config.ModeTokens, 42, 3, lecture, previewPanelWidth},
		{"dsv32-pages-hidpi", "dsv32-h100", config.ModePages, 130, 1, hidpi, 2 * previewPanelWidth / 2},
		{"dsv32-prevk-small-window", "dsv32-h100", config.ModePrevK, 130, 1, small, 1280 - 620},
	}
}

// Phases of a scenario, in frames: warm up and take the picture, then
// measure Draw's allocations over real frames while flashes fade (a tick
// per frame), while nothing changes (no tick), and while playing (a layer
// and a tick per frame).
const (
	shotFrame   = 3
	phaseFrames = 30
	fadeEnd     = shotFrame + phaseFrames
	stillEnd    = fadeEnd + phaseFrames
	playEnd     = stillEnd + phaseFrames
)

// previewGame runs the scenarios one after the other.
type previewGame struct {
	t      *testing.T
	dir    string
	scene  *Scene
	todo   []previewScenario
	eng    *engine.Engine
	buf    []engine.Event
	frame  int
	pix    []byte
	allocs map[string]float64       // scenario/phase -> allocations per Draw
	cpu    map[string]time.Duration // scenario/phase -> CPU time of Draw, per frame
	err    error
}

var errPreviewDone = errors.New("preview done")

func (g *previewGame) Update() error {
	if g.err != nil {
		return g.err
	}
	if len(g.todo) == 0 {
		return errPreviewDone
	}
	sc := g.todo[0]
	if g.eng == nil {
		c, err := config.Preset(sc.preset)
		if err != nil {
			return err
		}
		c.Mode = sc.mode
		if sc.mode == config.ModeNone {
			c.Reserve = 0
		}
		if sc.mode == config.ModeWays && sc.preset == "small-demo" {
			c.Reserve = 16 << 10
		}
		if g.eng, err = engine.New(c, nil); err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
		g.buf = make([]engine.Event, 0, g.eng.MaxEventsPerLayer())
		g.scene.Reset(Runs{A: g.eng.View()})
		for range sc.layers {
			g.scene.Observe(0, g.eng.View(), g.eng.AdvanceLayer(g.buf))
			for range sc.ticks {
				g.scene.Tick()
			}
		}
		g.frame = 0
	}
	switch {
	case g.frame < fadeEnd:
		g.scene.Tick()
	case g.frame >= stillEnd:
		g.scene.Observe(0, g.eng.View(), g.eng.AdvanceLayer(g.buf))
		g.scene.Tick()
	}
	return nil
}

func (g *previewGame) Draw(screen *ebiten.Image) {
	if g.eng == nil || len(g.todo) == 0 {
		return
	}
	sc := g.todo[0]
	b := screen.Bounds()
	area := image.Rect(0, 0, b.Dx()-sc.panel, b.Dy())
	screen.Fill(color.RGBA{0x2a, 0x2d, 0x34, 0xff}) // where the panel would be
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	g.scene.Draw(screen, area, Runs{A: g.eng.View()}, sc.status)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	g.frame++
	phase := ""
	switch {
	case g.frame > shotFrame && g.frame <= fadeEnd:
		phase = "fading"
	case g.frame > fadeEnd && g.frame <= stillEnd:
		phase = "still"
	case g.frame > stillEnd:
		phase = "playing"
	}
	if phase != "" {
		g.allocs[sc.name+"/"+phase] += float64(after.Mallocs-before.Mallocs) / phaseFrames
		g.cpu[sc.name+"/"+phase] += took / phaseFrames
	}
	switch g.frame {
	case shotFrame:
		if len(g.pix) != 4*b.Dx()*b.Dy() {
			g.pix = make([]byte, 4*b.Dx()*b.Dy())
		}
		screen.ReadPixels(g.pix)
		img := &image.RGBA{Pix: g.pix, Stride: 4 * b.Dx(), Rect: b}
		if err := writePNG(filepath.Join(g.dir, sc.name+".png"), img); err != nil {
			g.err = err
		}
	case playEnd:
		g.todo, g.eng = g.todo[1:], nil
	}
}

func (g *previewGame) Layout(w, h int) (int, int) { return w, h }

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func TestPreview(t *testing.T) {
	if os.Getenv("DSAVIZ_PREVIEW") == "" {
		t.Skip(`set DSAVIZ_PREVIEW=1 and run under xvfb-run -a -s "-screen 0 1280x800x24"`)
	}
	dir := os.Getenv("DSAVIZ_PREVIEW_DIR")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "dsaviz-preview-"); err != nil {
			t.Fatal(err)
		}
	}
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScene(font)
	g := &previewGame{t: t, dir: dir, scene: s, todo: previewScenarios(), allocs: map[string]float64{}, cpu: map[string]time.Duration{}}
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowTitle("dsaviz render preview")
	if err := ebiten.RunGame(g); err != nil && !errors.Is(err, errPreviewDone) {
		t.Fatal(err)
	}
	t.Logf("PNGs in %s", dir)
	for _, sc := range previewScenarios() {
		t.Logf("%-26s allocations per Draw: %5.2f fading, %5.2f still, %5.2f playing; CPU per Draw: %v fading, %v still, %v playing", sc.name,
			g.allocs[sc.name+"/fading"], g.allocs[sc.name+"/still"], g.allocs[sc.name+"/playing"],
			g.cpu[sc.name+"/fading"].Round(10*time.Microsecond), g.cpu[sc.name+"/still"].Round(10*time.Microsecond), g.cpu[sc.name+"/playing"].Round(10*time.Microsecond))
		// Ours is 0; Ebiten and the runtime's background work can add a
		// stray object now and then, never one a frame.
		if n := g.allocs[sc.name+"/still"]; n >= 0.5 {
			t.Errorf("%s: Draw allocates %.2f times per frame when nothing changes, want 0", sc.name, n)
		}
	}
}
