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
		key := f.Name
		if now, ok := config.RenamedKeys()[key]; ok {
			key = now // a flag of a key's earlier name
		}
		if !slices.Contains(config.Keys(), key) || flagErr != nil {
			return
		}
		explicit[key] = true
		v, err := s.keys.Get(key)
		if err == nil {
			err = cfg.Set(key, v)
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
		var notes []string
		sc.cfg, notes, err = engine.FitToLog(sc.cfg, lg, explicit)
		for _, n := range notes {
			fmt.Fprintf(e.stderr, "dsasim: trace %s: %s\n", lg.Name(), n)
		}
		if err != nil {
			return scenario{}, usagef(cmd, "%s: %v", cmd, err)
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

// buildEngine builds the scenario as build does, then its engine at step 0.
func (f *scenarioFlags) buildEngine(e *env, fs *flag.FlagSet) (scenario, *engine.Engine, error) {
	sc, err := f.build(e, fs)
	if err != nil {
		return sc, nil, err
	}
	eng, err := engine.New(sc.cfg, sc.src)
	return sc, eng, err
}
