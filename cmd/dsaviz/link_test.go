package main

import (
	"strings"
	"testing"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

func mustPreset(t *testing.T, name string) config.Config {
	t.Helper()
	c, err := config.Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseLaunch(t *testing.T) {
	def := config.DefaultConfig()
	small := mustPreset(t, "small-demo")
	with := func(c config.Config, f func(*config.Config)) config.Config {
		f(&c)
		return c
	}
	tests := []struct {
		name     string
		search   string
		cfg      config.Config
		preset   string
		paused   bool
		compare  bool
		speed    float64
		problems []string // one substring per expected problem, in order
	}{
		{name: "empty: the landing preset", search: "", cfg: small, preset: "small-demo", speed: defaultSpeed},
		{name: "question mark only", search: "?", cfg: small, preset: "small-demo", speed: defaultSpeed},
		{name: "the defaults", search: "?preset=", cfg: def, speed: defaultSpeed},
		{
			name:   "preset with keys, paused",
			search: "?preset=small-demo&ways=4&seed=7&play=0",
			cfg:    with(small, func(c *config.Config) { c.Ways, c.Seed = 4, 7 }),
			preset: "small-demo", paused: true, speed: defaultSpeed,
		},
		{
			name:   "issue example",
			search: "?capacity=8MiB&ways=8&line=64&reserve=2MiB&mode=tokens&topk=256&layers=4&seed=42",
			cfg: with(def, func(c *config.Config) {
				c.Capacity, c.Ways, c.Line, c.Reserve, c.Mode, c.TopK, c.Layers, c.Seed = 8<<20, 8, 64, 2<<20, "tokens", 256, 4, 42
			}),
			speed: defaultSpeed,
		},
		// Page parameters alone name no run: the landing preset (issue 12).
		{name: "play=1 and speed", search: "play=1&speed=0.5", cfg: small, preset: "small-demo", speed: 0.5},
		{name: "lecture alone", search: "lecture=1&play=0", cfg: small, preset: "small-demo", paused: true, speed: defaultSpeed},
		{name: "cmp alone", search: "cmp=1", cfg: small, preset: "small-demo", compare: true, speed: defaultSpeed},
		{name: "preset case and spaces", search: "preset=%20Small-Demo", cfg: small, preset: "small-demo", speed: defaultSpeed},
		{
			name: "bad values and unknown key", search: "?ways=0&bogus=1", cfg: def, speed: defaultSpeed,
			problems: []string{`"bogus"`, "ways must be 1..64, got 0; using ways=16"},
		},
		{
			name: "bad value keeps the good ones", search: "preset=small-demo&ways=0&seed=7",
			cfg: with(small, func(c *config.Config) { c.Seed = 7 }), preset: "small-demo", speed: defaultSpeed,
			problems: []string{"ways must be 1..64, got 0; using ways=8"},
		},
		{
			name: "unparsable value", search: "capacity=lots&seed=3",
			cfg: with(def, func(c *config.Config) { c.Seed = 3 }), speed: defaultSpeed,
			problems: []string{`capacity must be a number of bytes`},
		},
		{
			name: "out of range", search: "preset=small-demo&layers=100000&topk=100",
			cfg: with(small, func(c *config.Config) { c.TopK = 100 }), preset: "small-demo", speed: defaultSpeed,
			problems: []string{"layers must be 1..4096, got 100000; using layers=4."},
		},
		{
			name: "a rule across keys falls back to the base", search: "seed=3&mode=tokens",
			cfg: def, speed: defaultSpeed,
			problems: []string{"do not fit together: reserve must be 768..48000KiB in mode tokens: from one token slot to capacity minus one way, got 0; using the default config instead."},
		},
		{
			name: "unknown preset", search: "preset=nope&seed=5",
			cfg: with(def, func(c *config.Config) { c.Seed = 5 }), speed: defaultSpeed,
			problems: []string{`unknown preset "nope" (presets: cpu-llc, dsv32-h100`},
		},
		{name: "bad play", search: "play=maybe", cfg: small, preset: "small-demo", speed: defaultSpeed, problems: []string{`play must be 0 or 1, got "maybe"`}},
		{name: "bad lecture", search: "lecture=big", cfg: small, preset: "small-demo", speed: defaultSpeed, problems: []string{`lecture must be 0 or 1, got "big"`}},
		{name: "bad speed", search: "speed=fast", cfg: small, preset: "small-demo", speed: defaultSpeed, problems: []string{`speed must be`}},
		{name: "speed out of range", search: "speed=0", cfg: small, preset: "small-demo", speed: defaultSpeed, problems: []string{`speed must be`}},
		{name: "malformed query", search: "seed=9&%zz", cfg: with(def, func(c *config.Config) { c.Seed = 9 }), speed: defaultSpeed,
			problems: []string{"malformed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := parseLaunch(tt.search)
			if l.spec.cfg != tt.cfg {
				t.Errorf("config = %+v\nwant %+v", l.spec.cfg, tt.cfg)
			}
			if err := l.spec.cfg.Validate(); err != nil {
				t.Errorf("config does not validate: %v", err)
			}
			if l.spec.compare != tt.compare {
				t.Errorf("compare = %v, want %v", l.spec.compare, tt.compare)
			}
			if l.spec.preset != tt.preset || l.paused != tt.paused || l.speed != tt.speed {
				t.Errorf("preset, paused, speed = %q, %v, %v; want %q, %v, %v", l.spec.preset, l.paused, l.speed, tt.preset, tt.paused, tt.speed)
			}
			if len(l.problem) < len(tt.problems) || len(tt.problems) == 0 && len(l.problem) > 0 {
				t.Fatalf("problems = %q, want %d matching %q", l.problem, len(tt.problems), tt.problems)
			}
			for i, want := range tt.problems {
				if !strings.Contains(l.problem[i], want) {
					t.Errorf("problem[%d] = %q, want it to contain %q", i, l.problem[i], want)
				}
			}
		})
	}
}

// TestShareQueryRoundTrip checks the promise of a shared link: the query
// for a state gives the same state back, and the same numbers.
func TestShareQueryRoundTrip(t *testing.T) {
	type state struct {
		spec runSpec
		page
		at int
	}
	spec := func(c config.Config, preset string) runSpec {
		return runSpec{cfg: c, preset: preset, b: compare.DefaultB(c)}
	}
	var states []state
	for _, p := range append(config.PresetNames(), "") {
		base := config.DefaultConfig()
		if p != "" {
			base = mustPreset(t, p)
		}
		states = append(states, state{spec(base, p), page{speed: defaultSpeed}, 0})
		states = append(states, state{spec(base, p), page{paused: true, lecture: true, speed: defaultSpeed}, 0})
		for _, q := range config.PresetNames() {
			states = append(states, state{spec(mustPreset(t, q), p), page{paused: true, speed: 0.25}, 3})
		}
		c := base
		c.Seed, c.Policy, c.Bypass, c.StepOverlap = 1<<63+5, config.PolicySRRIP, !c.Bypass, 0.1+0.2
		states = append(states, state{spec(c, p), page{speed: 17, lecture: true, charts: true, embed: true}, 0})
		cmp := spec(base, p)
		cmp.compare = true
		states = append(states, state{cmp, page{speed: defaultSpeed}, 0})
		cmp.b.Mode, cmp.b.Ways, cmp.b.Policy = config.ModeWays, 8, config.PolicyFIFO
		cmp.b.Reserve = config.Size(cmp.b.WayBytes())
		states = append(states, state{cmp, page{paused: true, speed: defaultSpeed}, 1})
	}
	for _, s := range states {
		q := shareQuery(s.spec, s.page, s.at)
		l := parseLaunch("?" + q)
		if len(l.problem) > 0 {
			t.Errorf("parseLaunch(%q): problems %q", q, l.problem)
		}
		if got := (state{l.spec, l.page, l.at}); got != s {
			t.Errorf("parseLaunch(shareQuery(...) = %q) = %+v\nwant %+v", q, got, s)
		}
	}

	// Same link, same numbers: two runs of a parsed link agree exactly.
	q := shareQuery(spec(mustPreset(t, "small-demo"), "small-demo"), page{speed: defaultSpeed}, 0)
	if q != "preset=small-demo" {
		t.Errorf("shareQuery(small-demo itself) = %q, want only the preset", q)
	}
	c := mustPreset(t, "small-demo")
	c.Ways, c.Seed = 4, 7
	s := spec(c, "small-demo")
	s.compare = true
	s.b.Ways = 2
	q = shareQuery(s, page{paused: true, speed: defaultSpeed}, 5)
	if want := "preset=small-demo&ways=4&seed=7&cmp=1&b.ways=2&play=0&at=5"; q != want {
		t.Errorf("shareQuery = %q, want %q", q, want)
	}
	run := func(c config.Config) (engine.ByClass, float64) {
		e, err := engine.New(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			e.AdvanceStep()
		}
		return e.Totals(), e.Seconds()
	}
	t1, s1 := run(c)
	t2, s2 := run(parseLaunch(q).spec.cfg)
	if t1 != t2 || s1 != s2 {
		t.Errorf("the same link gave different numbers: %+v %v vs %+v %v", t1, s1, t2, s2)
	}
}

func TestLinkB(t *testing.T) {
	tests := []struct {
		name     string
		link     string
		compare  bool
		bMode    string
		bWays    int
		problems []string // parts of the problems, in order
	}{
		{"default B is A without a reservation", "preset=small-demo&cmp=1", true, config.ModeNone, 8, nil},
		{"b. keys set B", "preset=small-demo&cmp=1&b.mode=ways&b.reserve=16KiB&b.ways=4", true, config.ModeWays, 4, nil},
		{"B without cmp is kept for later", "preset=small-demo&b.ways=2", false, config.ModeNone, 2, nil},
		{"trace keys are A's", "preset=small-demo&cmp=1&b.topk=7", true, config.ModeNone, 8, []string{"b.topk ignored: B runs on A's selection trace"}},
		{"bad B value", "preset=small-demo&cmp=1&b.ways=0", true, config.ModeNone, 8, []string{"B: ways"}},
		{"unknown b. key", "preset=small-demo&cmp=1&b.bogus=1", true, config.ModeNone, 8, []string{`Unknown parameter "b.bogus"`}},
		{"bad cmp", "preset=small-demo&cmp=maybe", false, config.ModeNone, 8, []string{"cmp must be 0 or 1"}},
	}
	for _, tt := range tests {
		l := parseLaunch(tt.link)
		a := l.spec.cfg
		if l.spec.compare != tt.compare || l.spec.b.Mode != tt.bMode || l.spec.b.Ways != tt.bWays {
			t.Errorf("%s: compare %v, B mode %s ways %d; want %v, %s, %d", tt.name, l.spec.compare, l.spec.b.Mode, l.spec.b.Ways, tt.compare, tt.bMode, tt.bWays)
		}
		if compare.ShareTrace(l.spec.b, a) != l.spec.b {
			t.Errorf("%s: B does not share A's trace keys", tt.name)
		}
		if err := l.spec.b.Validate(); err != nil {
			t.Errorf("%s: B does not validate: %v", tt.name, err)
		}
		if len(l.problem) != len(tt.problems) {
			t.Errorf("%s: problems %q, want %d", tt.name, l.problem, len(tt.problems))
			continue
		}
		for i, p := range tt.problems {
			if !strings.Contains(l.problem[i], p) {
				t.Errorf("%s: problem %q, want it to mention %q", tt.name, l.problem[i], p)
			}
		}
	}
}

func TestLinkAt(t *testing.T) {
	for _, tt := range []struct {
		link    string
		at      int
		problem bool
	}{
		{"preset=small-demo&at=7", 7, false},
		{"preset=small-demo&at=0", 0, false},
		{"preset=small-demo&steps=10&at=10", 10, false},
		{"preset=small-demo&steps=10&at=11", 0, true},
		{"preset=small-demo&at=-1", 0, true},
		{"preset=small-demo&at=x", 0, true},
	} {
		l := parseLaunch(tt.link)
		if l.at != tt.at || (len(l.problem) > 0) != tt.problem {
			t.Errorf("parseLaunch(%q): at %d, problems %q; want at %d, problem %v", tt.link, l.at, l.problem, tt.at, tt.problem)
		}
	}
}
