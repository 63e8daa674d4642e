// Package assets embeds the files dsaviz ships: the scenario presets in
// presets/*.json and small sample traces.
package assets

import "embed"

// Presets holds presets/NAME.json, one scenario per file.
//
//go:embed presets/*.json
var Presets embed.FS
