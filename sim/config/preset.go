package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"dsaviz/assets"
)

// PresetInfo is a shipped scenario: its config, what it shows, and where
// each number comes from (Sources maps a config key to its source).
type PresetInfo struct {
	Name        string            `json:"name"`        // the file name without .json
	Description string            `json:"description"` // one sentence for the preset menu
	Config      Config            `json:"-"`           // read from the file's "config" object
	Sources     map[string]string `json:"sources"`     // config key -> where its value comes from
}

// PresetNames lists the shipped presets, sorted.
func PresetNames() []string {
	entries, err := assets.Presets.ReadDir("presets")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// LoadPreset returns the named preset, one of PresetNames. Its config
// starts from DefaultConfig, so a preset file names only what it changes;
// it is not validated here (the tests validate every shipped preset).
func LoadPreset(name string) (PresetInfo, error) {
	if !slices.Contains(PresetNames(), name) {
		return PresetInfo{}, fmt.Errorf("config: unknown preset %q (presets: %s)", name, strings.Join(PresetNames(), ", "))
	}
	data, err := assets.Presets.ReadFile(path.Join("presets", name+".json"))
	if err != nil {
		return PresetInfo{}, fmt.Errorf("config: preset %s: %v", name, err)
	}
	var file struct {
		PresetInfo
		Config json.RawMessage `json:"config"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return PresetInfo{}, fmt.Errorf("config: preset %s: %v", name, err)
	}
	info := file.PresetInfo
	info.Config, err = ParseJSON(file.Config, DefaultConfig())
	if err != nil {
		return PresetInfo{}, fmt.Errorf("config: preset %s: %w", name, err)
	}
	return info, nil
}

// Preset returns the config of the named preset.
func Preset(name string) (Config, error) {
	info, err := LoadPreset(name)
	return info.Config, err
}
