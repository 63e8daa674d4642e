package config

import (
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"dsaviz/assets"
)

// PresetInfo is a shipped scenario: its config, what it shows, and where
// each number comes from.
type PresetInfo struct {
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Config      Config            `json:"-"`
	Sources     map[string]string `json:"sources"`
}

// PresetNames lists the shipped presets, sorted.
func PresetNames() []string {
	entries, err := assets.Presets.ReadDir("presets")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}

// LoadPreset returns the named preset. Its config starts from
// DefaultConfig, so a preset file names only what it changes.
func LoadPreset(name string) (PresetInfo, error) {
	data, err := assets.Presets.ReadFile(path.Join("presets", name+".json"))
	if err != nil {
		return PresetInfo{}, fmt.Errorf("config: unknown preset %q (presets: %s)", name, strings.Join(PresetNames(), ", "))
	}
	var file struct {
		PresetInfo
		Config json.RawMessage `json:"config"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return PresetInfo{}, fmt.Errorf("config: preset %s: %v", name, err)
	}
	info := file.PresetInfo
	info.Config, err = ParseJSON(file.Config, DefaultConfig())
	if err != nil {
		return PresetInfo{}, fmt.Errorf("config: preset %s: %v", name, err)
	}
	return info, nil
}

// Preset returns the config of the named preset.
func Preset(name string) (Config, error) {
	info, err := LoadPreset(name)
	return info.Config, err
}
