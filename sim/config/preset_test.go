package config_test

import (
	"slices"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

// issuePresets are the presets issue 2 asks for (section 3).
var issuePresets = []string{"cpu-llc", "dsv32-h100", "llama70b-h200", "small-demo"}

func TestPresets(t *testing.T) {
	names := config.PresetNames()
	for _, want := range issuePresets {
		if !slices.Contains(names, want) {
			t.Errorf("PresetNames() = %q, lacks %q", names, want)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			info, err := config.LoadPreset(name)
			if err != nil {
				t.Fatalf("LoadPreset(%q) = %v", name, err)
			}
			if info.Name != name {
				t.Errorf("LoadPreset(%q).Name = %q, want the file name", name, info.Name)
			}
			if info.Description == "" {
				t.Errorf("LoadPreset(%q).Description is empty", name)
			}
			if err := info.Config.Validate(); err != nil {
				t.Errorf("LoadPreset(%q).Config.Validate() = %v, want nil", name, err)
			}
			for key := range info.Sources {
				if _, err := info.Config.Get(key); err != nil {
					t.Errorf("LoadPreset(%q).Sources names %q, not a config key", name, key)
				}
			}
			c, err := config.Preset(name)
			if err != nil || c != info.Config {
				t.Errorf("Preset(%q) = %v, %v, want LoadPreset's config", name, c, err)
			}
		})
	}
}

func TestPresetUnknown(t *testing.T) {
	for _, name := range []string{"nope", "", "../presets/small-demo", "presets/small-demo", "small-demo.json", "SMALL-DEMO"} {
		_, err := config.LoadPreset(name)
		if err == nil {
			t.Errorf("LoadPreset(%q) = nil error, want unknown preset", name)
			continue
		}
		for _, want := range append([]string{"unknown preset"}, config.PresetNames()...) {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("LoadPreset(%q) error = %q, want it to contain %q", name, err, want)
			}
		}
	}
}
