package ui

import (
	"math"
	"strings"
	"testing"

	"github.com/ebitenui/ebitenui/event"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/internal/fontface"
	"dsaviz/sim/config"
)

// These tests need no window: they build a Panel and fire the events a
// user's clicks and keys fire, as ebitenui's own tests do, then run
// ebitenui's deferred event queue (settle). The queue is global, so the
// tests do not run in parallel.

// recorder keeps what the panel reported.
type recorder struct {
	configs  []config.Config
	presets  []string
	commands []Command
	speeds   []float64
}

func (r *recorder) options() []Option {
	return []Option{
		OnConfig(func(c config.Config, preset string) {
			r.configs = append(r.configs, c)
			r.presets = append(r.presets, preset)
		}),
		OnCommand(func(c Command) { r.commands = append(r.commands, c) }),
		OnSpeed(func(s float64) { r.speeds = append(r.speeds, s) }),
	}
}

// newTestPanel returns a panel showing preset (DefaultConfig if ""), with
// its construction events settled and nothing recorded yet.
func newTestPanel(t *testing.T, preset string, opts ...Option) (*Panel, *recorder) {
	t.Helper()
	cfg := config.DefaultConfig()
	if preset != "" {
		var err error
		if cfg, err = config.Preset(preset); err != nil {
			t.Fatal(err)
		}
	}
	r := &recorder{}
	p, err := New(cfg, preset, append(r.options(), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	p.UI().Update() // validates the widgets with the theme, then settles their events
	if len(r.configs)+len(r.commands)+len(r.speeds) != 0 {
		t.Fatalf("New reported %d configs, %d commands, %d speeds; want none", len(r.configs), len(r.commands), len(r.speeds))
	}
	return p, r
}

// settle runs the events fired so far, as UI.Update does at its end.
func settle() { event.ExecuteDeferred() }

// typeValue types value into key's field and presses Enter.
func typeValue(t *testing.T, p *Panel, key, value string) {
	t.Helper()
	f := p.v.fields[key]
	if f == nil || f.text == nil {
		t.Fatalf("key %q has no text field", key)
	}
	f.text.in.Focus(true)
	settle()
	f.text.in.SetText(value)
	f.text.in.Submit()
	settle()
}

// shown returns what key's field shows.
func shown(p *Panel, key string) string {
	f := p.v.fields[key]
	switch {
	case f.text != nil:
		return f.text.in.GetText()
	case f.list != nil:
		s, _ := f.list.SelectedEntry().(string)
		return s
	case f.check.State() == widget.WidgetChecked:
		return "true"
	default:
		return "false"
	}
}

func TestEveryKeyHasAField(t *testing.T) {
	p, _ := newTestPanel(t, "small-demo")
	cfg := p.Config()
	for _, key := range config.Keys() {
		f := p.v.fields[key]
		if f == nil {
			t.Errorf("key %q has no field", key)
			continue
		}
		want, _ := cfg.Get(key)
		if got := shown(p, key); got != want {
			t.Errorf("field %q shows %q, want %q", key, got, want)
		}
		if labels[key] == "" {
			t.Errorf("key %q has no label", key)
		}
		if config.Help(key) == "" {
			t.Errorf("key %q has no help for its tooltip", key)
		}
	}
	if len(p.v.fields) != len(config.Keys()) {
		t.Errorf("%d fields for %d keys", len(p.v.fields), len(config.Keys()))
	}
	for key := range choices {
		if p.v.fields[key].list == nil {
			t.Errorf("key %q: want a list button", key)
		}
	}
	if p.v.fields["bypass"].check == nil {
		t.Error("bypass: want a checkbox")
	}
}

func TestGroupsNameRealKeys(t *testing.T) {
	seen := map[string]bool{"seed": true} // in the transport
	for _, g := range groups {
		for _, k := range g.keys {
			if seen[k] {
				t.Errorf("key %q shown twice", k)
			}
			seen[k] = true
		}
	}
	for _, k := range config.Keys() {
		if !seen[k] {
			t.Errorf("key %q is in no group", k)
		}
		delete(seen, k)
	}
	for k := range seen {
		t.Errorf("group key %q is not a config key", k)
	}
}

func TestSetConfigFiresNothing(t *testing.T) {
	p, r := newTestPanel(t, "")
	demo, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	demo.Bypass = true
	demo.Policy = config.PolicySRRIP
	p.SetConfig(demo, "")
	settle()
	p.UI().Update() // the handlers of the widgets' change events run here too
	if len(r.configs) != 0 {
		t.Fatalf("SetConfig reported %d configs, want none", len(r.configs))
	}
	for _, key := range config.Keys() {
		want, _ := demo.Get(key)
		if got := shown(p, key); got != want {
			t.Errorf("after SetConfig, field %q shows %q, want %q", key, got, want)
		}
	}
	if got := p.v.preset.SelectedEntry(); got != "" {
		t.Errorf("preset list shows %q, want custom", got)
	}
}

func TestSetPlayingAndError(t *testing.T) {
	p, r := newTestPanel(t, "")
	if got := p.v.play.Text().Label; got != "Play" {
		t.Errorf("paused: play button reads %q, want Play", got)
	}
	p.SetPlaying(true)
	if got := p.v.play.Text().Label; got != "Pause" {
		t.Errorf("playing: play button reads %q, want Pause", got)
	}
	p.SetError("bad link")
	if p.v.errLine.Label != "bad link" || p.v.errLine.GetWidget().GetVisibility() != widget.Visibility_Show {
		t.Errorf("SetError: line reads %q, visibility %v", p.v.errLine.Label, p.v.errLine.GetWidget().GetVisibility())
	}
	p.SetError("")
	if p.v.errLine.GetWidget().GetVisibility() != widget.Visibility_Hide {
		t.Error("SetError(\"\") left the error line visible")
	}
	settle()
	if len(r.commands)+len(r.configs) != 0 {
		t.Errorf("setters reported %v %v", r.commands, r.configs)
	}
}

func TestTypingFocused(t *testing.T) {
	p, _ := newTestPanel(t, "")
	if p.TypingFocused() {
		t.Fatal("TypingFocused before any click")
	}
	p.v.fields["ways"].text.in.Focus(true)
	settle()
	if !p.TypingFocused() {
		t.Fatal("TypingFocused = false while ways has focus")
	}
	p.v.fields["ways"].text.in.Submit() // Enter ends the edit
	settle()
	if p.TypingFocused() {
		t.Fatal("TypingFocused = true after Enter")
	}
}

func TestWidthScalesAndKeepsState(t *testing.T) {
	p, r := newTestPanel(t, "")
	if got := p.Width(1, 1); got != panelWidth {
		t.Errorf("Width(1, 1) = %d, want %d", got, panelWidth)
	}
	typeValue(t, p, "ways", "0") // a refusal to keep
	p.toggleGroup(2)
	if got, want := p.Width(2, 1.5), 3*panelWidth; got != want {
		t.Errorf("Width(2, 1.5) = %d, want %d", got, want)
	}
	p.UI().Update()
	if !p.open[2] || p.v.bodies[2].GetWidget().GetVisibility() != widget.Visibility_Show {
		t.Error("rebuild closed the Model group")
	}
	if got := p.v.refusals[0].Label; !strings.Contains(got, "ways") {
		t.Errorf("rebuild lost the refusal: %q", got)
	}
	for _, bad := range []float64{0, -1, nan()} {
		if got := p.Width(bad, 1); got != panelWidth {
			t.Errorf("Width(%v, 1) = %d, want %d", bad, got, panelWidth)
		}
	}
	p.UI().Update()
	typeValue(t, p, "ways", "8") // the new widgets report as the old did
	if len(r.configs) != 1 || r.configs[0].Ways != 8 {
		t.Errorf("after a rebuild, typing ways 8 reported %v", r.configs)
	}
	lect, _ := newTestPanel(t, "", Lecture(true))
	if got, want := lect.Width(1, 1), int(math.Round(panelWidth*lectureScale)); got != want {
		t.Errorf("lecture Width(1, 1) = %d, want %d", got, want)
	}
}

func TestToggleGroup(t *testing.T) {
	p, _ := newTestPanel(t, "")
	for g := range groups {
		was := p.open[g]
		p.v.headers[g].Click()
		settle()
		if p.open[g] == was {
			t.Errorf("clicking %s's header left it open=%v", groups[g].name, was)
		}
		want := widget.Visibility_Hide
		if p.open[g] {
			want = widget.Visibility_Show
		}
		if got := p.v.bodies[g].GetWidget().GetVisibility(); got != want {
			t.Errorf("%s body visibility %v, want %v", groups[g].name, got, want)
		}
		for _, rt := range p.v.tips[g] {
			if got := len(rt.row.ToolTips) == 1; got != p.open[g] {
				t.Errorf("%s open=%v: a row has %d tooltips", groups[g].name, p.open[g], len(rt.row.ToolTips))
			}
		}
	}
}

func nan() float64 { return math.NaN() }

// TestOddInputsDoNotPanic feeds the setters values no caller should send.
func TestOddInputsDoNotPanic(t *testing.T) {
	p, err := New(config.Config{}, "no-such-preset", InitialSpeed(math.Inf(-1)))
	if err != nil {
		t.Fatal(err)
	}
	screen := ebiten.NewImage(640, 400)
	frame(p, screen)
	p.SetConfig(config.Config{Policy: "bogus", Mode: "?"}, "")
	p.SetError(strings.Repeat("very long error ", 200))
	p.Width(math.Inf(1), math.NaN())
	frame(p, screen)
	p.v.preset.SetSelectedEntry("small-demo")
	settle()
	if p.Config().Policy != config.PolicyLRU {
		t.Errorf("choosing a preset from a broken config gave policy %q", p.Config().Policy)
	}
	frame(p, screen)
}

func TestFontOption(t *testing.T) {
	src, err := fontface.GoRegular()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := newTestPanel(t, "small-demo", Font(src))
	if p.font != src {
		t.Error("the panel parsed its own font instead of using Font's")
	}
	if q, _ := newTestPanel(t, "small-demo"); q.font == nil || q.font == src {
		t.Error("without Font, the panel has no font of its own")
	}
}
