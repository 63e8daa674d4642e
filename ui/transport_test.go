package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

func TestCommands(t *testing.T) {
	p, r := newTestPanel(t, "")
	p.v.play.Click()
	settle()
	p.v.play.Click()
	settle()
	for _, b := range commandButtons {
		p.v.buttons[b.c].Click()
		settle()
	}
	// Edit is disabled while A runs alone.
	want := []Command{Play, Pause, StepBack, StepOnce, LayerOnce, Reset, ToggleHelp, ToggleCompare, ToggleFullscreen, ExportCSV, ExportConfig, ExportPNG}
	if !slices.Equal(r.commands, want) {
		t.Errorf("commands = %v, want %v", r.commands, want)
	}
	p.SetEditing(true, true)
	p.v.buttons[ToggleEditTarget].Click()
	settle()
	if got := r.commands[len(r.commands)-1]; got != ToggleEditTarget {
		t.Errorf("the edit button while comparing sent %v, want ToggleEditTarget", got)
	}
	if e, c := p.v.buttons[ToggleEditTarget].Text().Label, p.v.buttons[ToggleCompare].Text().Label; e != "Edit: B" || c != "A alone" {
		t.Errorf("comparing, editing B: buttons read %q and %q, want \"Edit: B\" and \"A alone\"", e, c)
	}
	if got := p.v.play.Text().Label; got != "Play" {
		t.Errorf("after play and pause the button reads %q, want Play", got)
	}
	if len(r.configs) != 0 {
		t.Errorf("commands reported %d configs", len(r.configs))
	}
}

func TestNewSeed(t *testing.T) {
	p, r := newTestPanel(t, "")
	old := p.Config().Seed
	p.newSeed()
	settle()
	if len(r.configs) != 1 || r.configs[0].Seed == old || r.configs[0].Seed >= 1_000_000 {
		t.Fatalf("new seed reported %v (old seed %d)", r.configs, old)
	}
	if got, want := shown(p, "seed"), p.v.fields["seed"].text.in.GetText(); got != want {
		t.Errorf("seed field shows %q, want %q", got, want)
	}
}

func TestSpeedRoundTrip(t *testing.T) {
	for i, s := range speeds {
		if got := speedIndex(s); got != i {
			t.Errorf("speedIndex(speeds[%d] = %v) = %d, want %d", i, s, got, i)
		}
		if i > 0 && !(speeds[i-1] < s) {
			t.Errorf("speeds not increasing at %d", i)
		}
	}
	if speeds[0] != 0.05 || speeds[len(speeds)-1] != 100 {
		t.Errorf("speeds span %v..%v, want 0.05..100", speeds[0], speeds[len(speeds)-1])
	}
	def := speedIndex(DefaultSpeed)
	for _, bad := range []float64{0, -3, math.NaN()} {
		if got := speedIndex(bad); got != def {
			t.Errorf("speedIndex(%v) = %d, want the default %d", bad, got, def)
		}
	}
	if got := speedIndex(math.Inf(1)); got != len(speeds)-1 {
		t.Errorf("speedIndex(+Inf) = %d, want the top stop", got)
	}
	if got := speedIndex(1e-9); got != 0 {
		t.Errorf("speedIndex(1e-9) = %d, want the bottom stop", got)
	}
	if got := speedIndex(2.2); speeds[got] != 2 {
		t.Errorf("speedIndex(2.2) gives %v, want 2", speeds[got])
	}
}

func TestSpeedSlider(t *testing.T) {
	p, r := newTestPanel(t, "", InitialSpeed(0.05))
	if p.Speed() != 0.05 {
		t.Fatalf("InitialSpeed(0.05): Speed() = %v", p.Speed())
	}
	p.v.speed.Current = len(speeds) - 1     // a drag to the right end
	p.v.speed.Render(ebiten.NewImage(1, 1)) // the slider fires its change as it draws
	settle()
	if p.Speed() != 100 || !slices.Equal(r.speeds, []float64{100}) {
		t.Errorf("after moving to the top: Speed() = %v, reported %v", p.Speed(), r.speeds)
	}
	if got := p.v.speedText.Label; got != "100/s" {
		t.Errorf("speed label reads %q, want 100/s", got)
	}
	p.setSpeed(len(speeds) - 1) // no move: nothing reported
	p.setSpeed(1000)            // out of range: clamped to the same stop
	if len(r.speeds) != 1 {
		t.Errorf("reported %v, want one change", r.speeds)
	}
	q, _ := newTestPanel(t, "")
	if q.Speed() != DefaultSpeed {
		t.Errorf("default Speed() = %v, want %v", q.Speed(), DefaultSpeed)
	}
}

func TestCommandString(t *testing.T) {
	if got := ToggleFullscreen.String(); got != "ToggleFullscreen" {
		t.Errorf("ToggleFullscreen.String() = %q", got)
	}
	if got := Command(99).String(); got != "Command(99)" {
		t.Errorf("Command(99).String() = %q", got)
	}
}

func TestStepField(t *testing.T) {
	var jumps []int
	p, _ := newTestPanel(t, "small-demo", OnJump(func(s int) { jumps = append(jumps, s) }))
	for _, text := range []string{"5", " 7 ", "x", "-1", "41", "40"} {
		p.v.step.commit(text)
		settle()
	}
	if want := []int{5, 7, 40}; !slices.Equal(jumps, want) {
		t.Errorf("jumps = %v, want %v (small-demo has 40 steps)", jumps, want)
	}
	p.v.step.commit("x")
	if msg := p.v.refusals[transportSection].Label; !strings.Contains(msg, "0..40") {
		t.Errorf("a bad step shows %q, want a refusal naming 0..40", msg)
	}
	p.SetStep(12)
	if got := p.v.step.in.GetText(); got != "12" {
		t.Errorf("after SetStep(12) the field reads %q", got)
	}
}
