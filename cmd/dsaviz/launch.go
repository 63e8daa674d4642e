package main

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
)

// the default config's) and is named in problems.
type launch struct {
	spec runSpec
	at   int // the decode step to open at, 0 for the start
	tour int // the tour's scene the link opens (tour=K), 0 for none
	page
	problem []string
}

// parseLaunch reads a page's query (location.search, with or without its
// leading "?"). It never fails: the problems, worded for the person who
// wrote the link, come back in l.problem, and cfg always validates.
func parseLaunch(search string) launch {
	l := launch{spec: runSpec{cfg: config.DefaultConfig()}, page: page{speed: defaultSpeed}}
	q, err := url.ParseQuery(strings.TrimPrefix(search, "?"))
	if err != nil {
		// ParseQuery keeps every parameter it could read.
		l.problem = append(l.problem, fmt.Sprintf("The link's query is malformed (%v); the rest of it is used.", err))
	}
	if v := q.Get(paramTour); v != "" {
		// A tour scene's link: the scene's keys, with the link's page
		// parameters (lecture, play, embed) still applied.
		k, err := parseTour(v)
		if err != nil {
			l.problem = append(l.problem, err.Error()+"; no tour.")
		} else {
			sq, _ := url.ParseQuery(tourScenes[k-1].query) // the scenes are ours: they parse
			for key, vs := range sq {
				q[key] = vs
			}
			l.tour = k
		}
		q.Del(paramTour)
	}
	if !namesARun(q) {
		// An address that names no run (bare, or only the page's own
		// parameters: lecture=1, play=0, speed=) opens the teaching
		// preset, where every line is a visible cell and the
		// reservation's benefit shows at once.
		q.Set(paramPreset, landingPreset)
	}

	if q.Has(paramPreset) {
		if c, name, err := presetConfig(q.Get(paramPreset)); err != nil {
			l.problem = append(l.problem, err.Error()+"; starting from the defaults.")
		} else {
			l.spec.cfg, l.spec.preset = c, name
		}
	}
	l.spec.compare = l.flag(q, paramCompare, "showing A alone")
	l.charts = l.flag(q, paramCharts, "showing the caches")
	l.embed = l.flag(q, paramEmbed, "showing the panel")
	if v := q.Get(paramPlay); v != "" {
		play, err := parsePlay(v)
		if err != nil {
			l.problem = append(l.problem, err.Error()+"; starting to play.")
		}
		l.paused = err == nil && !play
	}
	if v := q.Get(paramSpeed); v != "" {
		if s, err := parseSpeed(v); err != nil {
			l.problem = append(l.problem, fmt.Sprintf("%v; using %g.", err, float64(defaultSpeed)))
		} else {
			l.speed = s
		}
	}
	l.lecture = l.flag(q, paramLecture, "using the normal theme")
	for _, k := range unknownParams(q) {
		l.problem = append(l.problem, fmt.Sprintf("Unknown parameter %q in the link, ignored.", k))
		q.Del(k)
	}
	qa, qb := splitB(q)
	cfg, problems := applyKeys(l.spec.cfg, qa)
	l.problem = append(l.problem, problems...)
	if err := stepsError(cfg); err != nil && maxAppSteps(cfg) >= 1 {
		// Run what fits rather than fall back to the defaults.
		l.problem = append(l.problem, fmt.Sprintf("%v; running %d steps.", err, maxAppSteps(cfg)))
		cfg.Steps = maxAppSteps(cfg)
	}
	l.spec.cfg = cfg
	for _, k := range slices.Sorted(maps.Keys(qb)) {
		if compare.IsTraceKey(k) {
			l.problem = append(l.problem, fmt.Sprintf("%s%s ignored: B runs on A's selection trace, so it takes A's %s.", prefixB, k, k))
			qb.Del(k)
		}
	}
	b, problems := applyKeys(compare.DefaultB(cfg), qb)
	for _, p := range problems {
		l.problem = append(l.problem, "B: "+p)
	}
	l.spec.b = compare.ShareTrace(b, cfg)
	if v := q.Get(paramAt); v != "" {
		at, err := parseAt(v, cfg)
		if err != nil {
			l.problem = append(l.problem, err.Error()+"; starting at step 0.")
		}
		l.at = at
	}
	if v := q.Get(paramRequest); v != "" {
		r, err := parseRequest(v, cfg)
		if err != nil {
			l.problem = append(l.problem, fmt.Sprintf("%v; showing request %d.", err, r+1))
		}
		l.request = r
	}
	return l
}

// applyKeys applies the config keys of q over base and returns a config
// that validates. A value that cannot be parsed, or that Validate refuses,
// is dropped (base's value is kept) and reported; if the config still does
// not validate once every named value is dropped, base itself is used.
func applyKeys(base config.Config, q url.Values) (config.Config, []string) {
	var problems []string
	c := base
	for _, e := range splitErrors(c.ApplyQuery(q, pageParams...)) {
		problems = append(problems, ignored(e, base))
	}
	// Drop the values Validate names until the config runs. Each round
	// drops at least one key of q, so this ends.
	q = maps.Clone(q) // only deleted from: sharing the slices is safe
	for {
		err := c.Validate()
		if err == nil {
			return c, problems
		}
		dropped := false
		for _, e := range splitErrors(err) {
			var fe *config.FieldError
			if errors.As(e, &fe) && q.Has(fe.Key) {
				q.Del(fe.Key)
				dropped = true
				problems = append(problems, ignored(e, base))
			}
		}
		if !dropped {
			problems = append(problems, fmt.Sprintf("The link's values do not fit together: %s; using the %s instead.", userMessage(err), baseName(base)))
			return base, problems
		}
		c = base
		_ = c.ApplyQuery(q, pageParams...) // the values that failed to parse were reported above
	}
}

// ignored words a refused value for the user, with the value used instead.
func ignored(e error, base config.Config) string {
	var fe *config.FieldError
	if errors.As(e, &fe) {
		if v, err := base.Get(fe.Key); err == nil {
			return fmt.Sprintf("%s; using %s=%s.", userMessage(e), fe.Key, v)
		}
	}
	return userMessage(e) + "."
}

// userMessage drops the package prefix of a config error.
func userMessage(err error) string {
	var b strings.Builder
	for i, e := range splitErrors(err) {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(strings.TrimPrefix(e.Error(), "config: "))
	}
	return b.String()
}

// baseName names the config a launch falls back to.
func baseName(base config.Config) string {
	if base == config.DefaultConfig() {
		return "default config"
	}
	return "preset's config"
}

// splitErrors returns the errors joined in err (errors.Join), or err
// alone; nil gives none.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// flag reads an on/off page parameter of a link: false when q does not set
// it, or sets it to neither 0 nor 1 (a problem then says so and what is
// done instead, otherwise).
func (l *launch) flag(q url.Values, param, otherwise string) bool {
	on, err := parseSwitch(q, param)
	if err != nil {
		l.problem = append(l.problem, err.Error()+"; "+otherwise+".")
	}
	return on > 0
}
