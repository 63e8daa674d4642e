package ui

import (
	"strings"
	"testing"

	"github.com/ebitenui/ebitenui/widget"

	"dsaviz/sim/config"
)

func TestTypeValidValue(t *testing.T) {
	tests := []struct {
		name, key, typed, shows string
		check                   func(config.Config) bool
	}{
		{"ways", "ways", "4", "4", func(c config.Config) bool { return c.Ways == 4 }},
		{"size with unit", "capacity", " 25 mib ", "25MiB", func(c config.Config) bool { return c.Capacity == 25<<20 }},
		{"fraction", "stepOverlap", "0.5", "0.5", func(c config.Config) bool { return c.StepOverlap == 0.5 }},
		{"seed", "seed", "42", "42", func(c config.Config) bool { return c.Seed == 42 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := newTestPanel(t, "small-demo")
			typeValue(t, p, tt.key, tt.typed)
			if len(r.configs) != 1 {
				t.Fatalf("typing %q into %s reported %d configs, want 1", tt.typed, tt.key, len(r.configs))
			}
			if !tt.check(r.configs[0]) || p.Config() != r.configs[0] {
				t.Errorf("reported config does not have %s = %q", tt.key, tt.typed)
			}
			if err := r.configs[0].Validate(); err != nil {
				t.Errorf("reported an invalid config: %v", err)
			}
			if r.presets[0] != "" {
				t.Errorf("preset = %q, want custom", r.presets[0])
			}
			if got := shown(p, tt.key); got != tt.shows {
				t.Errorf("field shows %q, want %q", got, tt.shows)
			}
			if p.TypingFocused() {
				t.Error("the field kept focus after Enter")
			}
		})
	}
}

func TestFocusLossApplies(t *testing.T) {
	p, r := newTestPanel(t, "")
	in := p.v.fields["layers"].text.in
	in.Focus(true)
	settle()
	in.SetText("12")
	in.Focus(false) // a click elsewhere
	settle()
	if len(r.configs) != 1 || r.configs[0].Layers != 12 {
		t.Fatalf("focus loss reported %v, want layers 12", r.configs)
	}
	in.Focus(true) // focus and leave without a change
	settle()
	in.Focus(false)
	settle()
	if len(r.configs) != 1 {
		t.Errorf("leaving an unchanged field reported %d more configs", len(r.configs)-1)
	}
}

func TestTypeInvalidValue(t *testing.T) {
	tests := []struct {
		name, key, typed string
		reason           string // in the refusal shown
		section          int
	}{
		{"ways 0", "ways", "0", "ways must be 1..64, got 0", 0},
		{"not a number", "ways", "abc", `ways must be a whole number`, 0},
		{"reserve over capacity", "reserve", "100MiB", "reserve must be 0..capacity = 50MiB", 1},
		{"bad size", "capacity", "50 parsecs", "capacity must be a number of bytes", 0},
		{"empty", "layers", "", "layers must be a whole number", 2},
		{"probability", "returnRate", "1.5", "returnRate must be 0..1", 3},
		{"bad seed", "seed", "-1", "seed must be a whole number", transportSection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := newTestPanel(t, "")
			before := p.Config()
			old := shown(p, tt.key)
			typeValue(t, p, tt.key, tt.typed)
			if len(r.configs) != 0 {
				t.Fatalf("typing %q into %s reported a config", tt.typed, tt.key)
			}
			if p.Config() != before {
				t.Error("the panel's config changed")
			}
			if got := shown(p, tt.key); got != old {
				t.Errorf("field shows %q, want the previous %q", got, old)
			}
			msg := p.v.refusals[tt.section]
			if !strings.Contains(msg.Label, tt.reason) || msg.GetWidget().GetVisibility() != widget.Visibility_Show {
				t.Errorf("refusal under section %d = %q (visibility %v), want it to say %q",
					tt.section, msg.Label, msg.GetWidget().GetVisibility(), tt.reason)
			}
			// The next accepted change clears it.
			typeValue(t, p, "steps", "10")
			if len(r.configs) != 1 || msg.Label != "" || msg.GetWidget().GetVisibility() != widget.Visibility_Hide {
				t.Errorf("after a valid change: %d configs, refusal %q", len(r.configs), msg.Label)
			}
		})
	}
}

func TestRefusalPutsEditedKeyFirst(t *testing.T) {
	p, r := newTestPanel(t, "small-demo") // reserve 32KiB of a 64KiB cache
	typeValue(t, p, "capacity", "16KiB")
	if len(r.configs) != 0 {
		t.Fatal("a capacity below the reservation was accepted")
	}
	got := p.v.refusals[0].Label // capacity is in Cache; the broken rule is reserve's
	if !strings.HasPrefix(got, "Refused: reserve must be") {
		t.Errorf("refusal = %q, want the reserve rule it breaks", got)
	}
}

func TestListAndCheckbox(t *testing.T) {
	p, r := newTestPanel(t, "")
	p.v.fields["policy"].list.SetSelectedEntry(config.PolicyFIFO)
	settle()
	if len(r.configs) != 1 || r.configs[0].Policy != config.PolicyFIFO {
		t.Fatalf("choosing fifo reported %v", r.configs)
	}
	p.v.fields["bypass"].check.Click()
	settle()
	if len(r.configs) != 2 || !r.configs[1].Bypass {
		t.Fatalf("ticking bypass reported %v", r.configs)
	}
	// Mode ways with no reservation is refused: the list goes back to none.
	p.v.fields["mode"].list.SetSelectedEntry(config.ModeWays)
	settle()
	if len(r.configs) != 2 {
		t.Fatalf("mode ways with reserve 0 was accepted")
	}
	if got := shown(p, "mode"); got != config.ModeNone {
		t.Errorf("mode list shows %q after the refusal, want none", got)
	}
	if got := p.v.refusals[1].Label; !strings.Contains(got, "reserve must be") {
		t.Errorf("refusal = %q, want the reserve range of mode ways", got)
	}
}

func TestPresetSelection(t *testing.T) {
	p, r := newTestPanel(t, "")
	p.v.preset.SetSelectedEntry("small-demo")
	settle()
	demo, _ := config.Preset("small-demo")
	if len(r.configs) != 1 || r.configs[0] != demo || r.presets[0] != "small-demo" {
		t.Fatalf("choosing small-demo reported %v %v", r.presets, r.configs)
	}
	if got := shown(p, "capacity"); got != "64KiB" {
		t.Errorf("capacity shows %q after loading small-demo", got)
	}
	typeValue(t, p, "ways", "4")
	if r.presets[1] != "" || p.v.preset.SelectedEntry() != "" {
		t.Errorf("after a change: preset %q, list %v; want custom", r.presets[1], p.v.preset.SelectedEntry())
	}
	typeValue(t, p, "ways", "8") // back to the preset's value
	if r.presets[2] != "small-demo" || p.v.preset.SelectedEntry() != "small-demo" {
		t.Errorf("back to the preset's values: preset %q, want small-demo", r.presets[2])
	}
	p.v.preset.SetSelectedEntry("") // "custom" loads nothing
	settle()
	if len(r.configs) != 3 {
		t.Errorf("choosing custom reported a config")
	}
}

// TestNeverPanics types awkward text into every text field.
func TestNeverPanics(t *testing.T) {
	inputs := []string{"", " ", "-1", "1e309", "NaN", "+Inf", "0x10", "99999999999999999999999",
		"1.5.5", "\x00", "💥", "50MiB", "0", strings.Repeat("9", 500), "-0", "1e-320"}
	p, r := newTestPanel(t, "small-demo")
	for key, f := range p.v.fields {
		if f.text == nil {
			continue
		}
		for _, in := range inputs {
			typeValue(t, p, key, in)
		}
	}
	for _, c := range r.configs {
		if err := c.Validate(); err != nil {
			t.Errorf("reported an invalid config: %v", err)
		}
	}
}

func TestEscapeCancels(t *testing.T) {
	p, r := newTestPanel(t, "")
	f := p.v.fields["capacity"].text
	f.in.Focus(true)
	settle()
	f.in.SetText("12 parsecs")
	f.cancel() // what Escape does
	settle()
	if len(r.configs) != 0 || p.TypingFocused() {
		t.Errorf("Escape: %d configs reported, typing focused %v", len(r.configs), p.TypingFocused())
	}
	if got := shown(p, "capacity"); got != "50MiB" {
		t.Errorf("after Escape the field shows %q, want 50MiB", got)
	}
	if got := p.v.refusals[0].Label; got != "" {
		t.Errorf("Escape showed a refusal: %q", got)
	}
}
