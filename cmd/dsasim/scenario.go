package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// scenarioFlags are the flags every simulating command (run, sweep,
// export) shares: where the config comes from, and the log to replay.
type scenarioFlags struct {
	preset     string
	configFile string
	traceFile  string
	keys       config.Config // where -KEY flags land; only the keys given are used
}

// register defines the scenario flags on fs: -preset, -config, -trace and
// one -KEY flag per config key.
func (s *scenarioFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.preset, "preset", "", "start from the preset `NAME` ("+strings.Join(config.PresetNames(), ", ")+")")
	fs.StringVar(&s.configFile, "config", "", "read config keys from `FILE.json` (one object; overrides the preset)")
	fs.StringVar(&s.traceFile, "trace", "", "drive the engine with a real index `FILE` (.npy or text) instead of the generator")
	s.keys = config.DefaultConfig()
	s.keys.RegisterFlags(fs)
}

// scenario is a validated config, ready to run, and its selection source.
type scenario struct {
	cfg config.Config
	src trace.Source // nil: the synthetic generator
	log *trace.Log   // the log behind src, if any
}

// build assembles the config in order of precedence: defaults < preset <
// config file < flags, then applies the trace and validates. Notes about
// what it changed go to stderr. fs must have been parsed.
func (s *scenarioFlags) build(e *env, fs *flag.FlagSet) (scenario, error) {
	cmd := fs.Name()
	cfg := config.DefaultConfig()
	if s.preset != "" {
		var err error
		if cfg, err = config.Preset(s.preset); err != nil {
			return scenario{}, usagef(cmd, "%v", err)
		}
	}
	explicit := map[string]bool{}
	if s.configFile != "" {
		var err error
		if cfg, err = readConfigFile(cmd, s.configFile, cfg, explicit); err != nil {
			return scenario{}, err
		}
	}
	var flagErr error
	fs.Visit(func(f *flag.Flag) {
		if !slices.Contains(config.Keys(), f.Name) || flagErr != nil {
			return
		}
		explicit[f.Name] = true
		v, err := s.keys.Get(f.Name)
		if err == nil {
			err = cfg.Set(f.Name, v)
		}
		flagErr = err
	})
	if flagErr != nil {
		return scenario{}, usagef(cmd, "%v", flagErr)
	}
	sc := scenario{cfg: cfg}
	if s.traceFile != "" {
		lg, err := readLog(e, s.traceFile)
		if err != nil {
			return scenario{}, err
		}
		if sc.cfg, err = fitToLog(e, cmd, sc.cfg, lg, explicit); err != nil {
			return scenario{}, err
		}
		if sc.cfg.Batch != 1 {
			return scenario{}, usagef(cmd, "%s: -trace replays one request's log: batch must be 1, got %d", cmd, sc.cfg.Batch)
		}
		sc.src, sc.log = lg, lg
	}
	if err := sc.cfg.Validate(); err != nil {
		return scenario{}, usagef(cmd, "%v", err)
	}
	return sc, nil
}

// readConfigFile applies a JSON config file over base and records the keys
// it sets in explicit. A file that cannot be read is a failure; one that
// holds a bad config is a usage error.
func readConfigFile(cmd, name string, base config.Config, explicit map[string]bool) (config.Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return base, fmt.Errorf("config file: %w", err)
	}
	cfg, err := config.ParseJSON(data, base)
	if err != nil {
		return base, &usageError{cmd: cmd, err: fmt.Errorf("config file %s: %w", name, err)}
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(data, &keys) == nil {
		for k, v := range keys {
			explicit[k] = string(v) != "null"
		}
	}
	return cfg, nil
}

// fitToLog makes a config able to replay a log: the prompt at least the
// log's MinPrompt, and steps, layers and topk the log's unless given
// explicitly (by a flag or the config file). It says what it changed on
// stderr, and refuses explicit values the log cannot serve.
func fitToLog(e *env, cmd string, cfg config.Config, lg *trace.Log, explicit map[string]bool) (config.Config, error) {
	note := func(format string, args ...any) {
		fmt.Fprintf(e.stderr, "dsasim: trace %s: "+format+"\n", append([]any{lg.Name()}, args...)...)
	}
	if cfg.Prompt < lg.MinPrompt() {
		note("prompt %d -> %d, the shortest context that holds every index of the log", cfg.Prompt, lg.MinPrompt())
		cfg.Prompt = lg.MinPrompt()
	}
	fits := []struct {
		key    string
		have   *int
		want   int
		what   string
		tooBig bool // an explicit value above want is refused (else below)
	}{
		{"steps", &cfg.Steps, lg.Steps(), "steps", true},
		{"layers", &cfg.Layers, lg.Layers(), "layers", true},
		{"topk", &cfg.TopK, max(lg.MaxK(), 1), "largest selection", false},
	}
	for _, f := range fits {
		switch {
		case explicit[f.key] && f.tooBig && *f.have > f.want:
			return cfg, usagef(cmd, "%s %d is more than the %d %s of trace %s", f.key, *f.have, f.want, f.what, lg.Name())
		case explicit[f.key] && !f.tooBig && *f.have < f.want:
			return cfg, usagef(cmd, "%s %d is less than the %s of trace %s (%d)", f.key, *f.have, f.what, lg.Name(), f.want)
		case !explicit[f.key] && *f.have != f.want:
			note("%s %d -> %d, the log's %s (set -%s to choose)", f.key, *f.have, f.want, f.what, f.key)
			*f.have = f.want
		}
	}
	// Sinks and window shape the generator only, but must still fit in
	// topk to validate.
	if !explicit["sinks"] && cfg.Sinks > cfg.TopK {
		cfg.Sinks = cfg.TopK
	}
	if !explicit["window"] && cfg.Window > cfg.TopK-cfg.Sinks {
		cfg.Window = max(cfg.TopK-cfg.Sinks, 0)
	}
	return cfg, nil
}

// buildEngine builds the scenario as build does, then its engine at step 0.
func (f *scenarioFlags) buildEngine(e *env, fs *flag.FlagSet) (scenario, *engine.Engine, error) {
	sc, err := f.build(e, fs)
	if err != nil {
		return sc, nil, err
	}
	eng, err := engine.New(sc.cfg, sc.src)
	return sc, eng, err
}
