// Package config holds Config, the one value that defines a dsaviz run: the
// LLC geometry and policy, the reservation, the model shape, the selection
// generator and the timing constants. It is plain data, checked by
// Validate, and it round-trips through the three places a run is written
// down, all with the same camelCase keys (Keys):
//
//   - JSON files: ParseJSON reads an object over a base config, and
//     encoding/json writes one (sizes as plain numbers of bytes);
//   - URL queries: Query writes the keys that differ from a base, and
//     ApplyQuery reads them back;
//   - command-line flags: RegisterFlags defines -KEY VALUE for every key.
//
// Set and Get read and write one key as text, with the same syntax
// everywhere: sizes take units ("50MiB", "1.5GB"; see ParseSize), names
// are case-insensitive. Shipped scenarios (PresetNames) load with
// LoadPreset.
//
// A typical caller starts from a preset or DefaultConfig, applies what
// the user gave, then validates once:
//
//	c, err := config.Preset("small-demo")
//	if err != nil {
//		return err
//	}
//	if err := c.ApplyQuery(query, "preset", "play"); err != nil {
//		report(err) // the good keys are applied all the same
//	}
//	if err := c.Validate(); err != nil {
//		return err // each problem is a *config.FieldError naming key, value and range
//	}
package config
