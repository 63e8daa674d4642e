package main

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/ui"
)

// The page's own URL parameters, beside the config keys (issue 3, section 5).
const (
	// paramPreset names the shipped preset the config starts from;
	// "preset=" (empty) names config.DefaultConfig.
	paramPreset = "preset"
	// landingPreset is what a link without a query opens.
	landingPreset = "small-demo"
	// paramPlay = 0 starts the app paused; otherwise it starts playing.
	paramPlay = "play"
	// paramSpeed is the playback speed in decode steps per second.
	paramSpeed = "speed"
	// paramLecture = 1 selects the lecture theme (light, high contrast,
	// large text), for projectors; a live change may switch it too.
	paramLecture = "lecture"
	// paramCompare = 1 shows B beside A.
	paramCompare = "cmp"
	// paramAt = N opens the run at the start of decode step N (paused
	// links keep it, so a shared link shows the same moment).
	paramAt = "at"
	// paramCharts = 1 shows the charts instead of the caches.
	paramCharts = "charts"
	// paramEmbed = 1 leaves the panel out, for course pages that show the
	// app in an iframe.
	paramEmbed = "embed"
	// paramRequest = K shows request K (1-based, like at=) of a batch of
	// several requests (batch > 1) in the token strip and the HUD.
	paramRequest = "req"
	// prefixB marks B's config keys: b.mode=ways sets B's mode.
	prefixB = "b."
)

// pageParams are the page's own parameters, after paramPreset.
var pageParams = []string{paramPreset, paramPlay, paramSpeed, paramLecture, paramCompare, paramAt, paramCharts, paramEmbed, paramTour, paramRequest}

// Playback speeds in decode steps per second: the default, and the range a
// link may ask for, the panel's slider's (which snaps a speed to its
// nearest stop). Above what the machine can simulate, playback runs as
// fast as the CPU budget allows.
const (
	defaultSpeed = ui.DefaultSpeed
	minSpeed     = 0.05
	maxSpeed     = 100
)

// page is what the page's own parameters ask for, besides the config.
type page struct {
	paused  bool    // play=0
	speed   float64 // decode steps per second
	lecture bool    // lecture=1
	charts  bool    // charts=1
	embed   bool    // embed=1
	request int     // the request of the batch shown, 0-based (req=K is K-1)
}

// launch is what a link asks for: the run's config, the preset it starts
// from, and the page's state. A link with mistakes still gives a runnable
// launch: every value that cannot be used falls back to the preset's (or
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
	if v := q.Get(paramCompare); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			l.problem = append(l.problem, fmt.Sprintf("cmp must be 0 or 1, got %q; showing A alone.", v))
		}
		l.spec.compare = err == nil && on
	}
	if v := q.Get(paramCharts); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			l.problem = append(l.problem, fmt.Sprintf("charts must be 0 or 1, got %q; showing the caches.", v))
		}
		l.charts = err == nil && on
	}
	if v := q.Get(paramEmbed); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			l.problem = append(l.problem, fmt.Sprintf("embed must be 0 or 1, got %q; showing the panel.", v))
		}
		l.embed = err == nil && on
	}
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
	if v := q.Get(paramLecture); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			l.problem = append(l.problem, fmt.Sprintf("lecture must be 0 or 1, got %q; using the normal theme.", v))
		}
		l.lecture = err == nil && on
	}
	for _, k := range unknownParams(q) {
		l.problem = append(l.problem, fmt.Sprintf("Unknown parameter %q in the link, ignored.", k))
		q.Del(k)
	}
	qa, qb := splitB(q)
	cfg, problems := applyKeys(l.spec.cfg, qa)
	l.spec.cfg = cfg
	l.problem = append(l.problem, problems...)
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

// namesARun reports whether a query says which run to show: a preset
// (preset= is the defaults) or a config key of A or B; cmp=1 alone
// compares the landing preset with its B.
func namesARun(q url.Values) bool {
	for k := range q {
		if k == paramPreset || strings.HasPrefix(k, prefixB) || !slices.Contains(pageParams, k) {
			return true
		}
	}
	return false
}

// splitB splits a query into A's keys (and the page's parameters) and B's
// keys, with their prefix removed.
func splitB(q url.Values) (a, b url.Values) {
	a, b = url.Values{}, url.Values{}
	for k, v := range q {
		if key, ok := strings.CutPrefix(k, prefixB); ok {
			b[key] = v
		} else {
			a[k] = v
		}
	}
	return a, b
}

// parseAt reads the at parameter: a decode step of cfg's run.
func parseAt(v string, cfg config.Config) (int, error) {
	at, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || at < 0 || at > cfg.Steps {
		return 0, fmt.Errorf("at must be a decode step 0..%d, got %q", cfg.Steps, v)
	}
	return at, nil
}

// parseRequest reads the req parameter: a request 1..batch of cfg's run,
// returned 0-based. A value out of range is clamped into it (one that is
// not a number gives request 1), with an error that says so.
func parseRequest(v string, cfg config.Config) (int, error) {
	n := max(cfg.Batch, 1)
	k, err := strconv.Atoi(strings.TrimSpace(v))
	if err == nil && k >= 1 && k <= n {
		return k - 1, nil
	}
	r := 0
	if err == nil {
		r = min(max(k, 1), n) - 1
	}
	if n == 1 {
		return r, fmt.Errorf("req must be 1: the run has one request (batch=1), got %q", v)
	}
	return r, fmt.Errorf("req must be a request 1..%d of the batch, got %q", n, v)
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

// shareQuery returns the query (without "?") that reproduces the current
// state: the preset, then A's config keys that differ from it in Keys
// order, then cmp and B's keys that differ from compare.DefaultB of A,
// then the page parameters that differ from their defaults, and at when
// it is not 0. parseLaunch of the result gives the same spec back.
func shareQuery(spec runSpec, p page, at int) string {
	cfg, preset := spec.cfg, spec.preset
	base := config.DefaultConfig()
	if preset != "" {
		if c, err := config.Preset(preset); err == nil {
			base = c
		} else {
			preset = ""
		}
	}
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	if preset != "" {
		add(paramPreset, preset)
	}
	diff := cfg.Query(base)
	for _, k := range config.Keys() {
		if v, ok := diff[k]; ok && len(v) > 0 {
			add(k, v[0])
		}
	}
	if b.Len() == 0 {
		// No key names the run: the defaults need their own (empty)
		// preset name, or the link opens the landing preset.
		add(paramPreset, "")
	}
	if spec.compare {
		add(paramCompare, "1")
	}
	diffB := spec.b.Query(compare.DefaultB(cfg))
	for _, k := range config.Keys() {
		if v, ok := diffB[k]; ok && len(v) > 0 && !compare.IsTraceKey(k) {
			add(prefixB+k, v[0])
		}
	}
	if p.speed != defaultSpeed {
		add(paramSpeed, strconv.FormatFloat(p.speed, 'g', -1, 64))
	}
	if p.paused {
		add(paramPlay, "0")
	}
	if p.lecture {
		add(paramLecture, "1")
	}
	if p.charts {
		add(paramCharts, "1")
	}
	if p.embed {
		add(paramEmbed, "1")
	}
	if at > 0 {
		add(paramAt, strconv.Itoa(at))
	}
	if p.request > 0 && p.request < cfg.Batch {
		add(paramRequest, strconv.Itoa(p.request+1))
	}
	return b.String()
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

// change is a live change of the runs asked through dsaviz.configure.
type change struct {
	spec   runSpec
	play   int     // +1 play, -1 pause, 0 unchanged
	speed  float64 // 0: unchanged
	at     int     // the step to jump to, -1: none
	charts int     // +1 show the charts, -1 the caches, 0 unchanged
	// lecture: +1 the lecture theme, -1 the default one, 0 unchanged
	lecture int
	// request is the request of the batch to show, 0-based; -1: unchanged
	request int
}

// parseChange reads a query in the link's form ("ways=4&seed=7",
// "preset=small-demo&play=0", "cmp=1&b.mode=ways") as a change of the
// current runs: A's keys apply over A's config, or over the named preset
// if there is one; B keeps its own keys over the new A, then b.KEY keys
// apply over B. Unlike a link at start, a change is all or nothing: any
// unknown key or refused value is an error, and the caller keeps its runs.
func parseChange(query string, cur runSpec) (change, error) {
	ch := change{spec: cur, at: -1, request: -1}
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return ch, fmt.Errorf("malformed query %q: %v", query, err)
	}
	if unknown := unknownParams(q); len(unknown) > 0 {
		return ch, fmt.Errorf("unknown parameter %q", unknown[0])
	}
	a := cur.cfg
	preset := cur.preset
	if q.Has(paramPreset) {
		if a, preset, err = presetConfig(q.Get(paramPreset)); err != nil {
			return ch, err
		}
	}
	if v := q.Get(paramPlay); v != "" {
		play, err := parsePlay(v)
		if err != nil {
			return ch, err
		}
		ch.play = -1
		if play {
			ch.play = 1
		}
	}
	if v := q.Get(paramSpeed); v != "" {
		if ch.speed, err = parseSpeed(v); err != nil {
			return ch, err
		}
	}
	if q.Has(paramEmbed) {
		return ch, fmt.Errorf("embed applies when the page loads, not to a running app")
	}
	if ch.charts, err = parseSwitch(q, paramCharts); err != nil {
		return ch, err
	}
	if ch.lecture, err = parseSwitch(q, paramLecture); err != nil {
		return ch, err
	}
	qa, qb := splitB(q)
	if err := a.ApplyQuery(qa, pageParams...); err != nil {
		return ch, errors.New(userMessage(err))
	}
	if err := a.Validate(); err != nil {
		return ch, errors.New(userMessage(err))
	}
	ch.spec = cur.withA(a, preset)
	if v := q.Get(paramCompare); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return ch, fmt.Errorf("cmp must be 0 or 1, got %q", v)
		}
		ch.spec.compare = on
	}
	for k := range qb {
		if compare.IsTraceKey(k) {
			return ch, fmt.Errorf("%s%s: B runs on A's selection trace, so it takes A's %s", prefixB, k, k)
		}
	}
	b := ch.spec.b
	if err := b.ApplyQuery(qb); err != nil {
		return ch, errors.New("B: " + userMessage(err))
	}
	if err := b.Validate(); err != nil {
		return ch, errors.New("B: " + userMessage(err))
	}
	ch.spec.b = b
	if v := q.Get(paramAt); v != "" {
		if ch.at, err = parseAt(v, a); err != nil {
			return ch, err
		}
	}
	if v := q.Get(paramRequest); v != "" {
		if ch.request, err = parseRequest(v, a); err != nil {
			return ch, err
		}
	}
	return ch, nil
}

// presetConfig returns the config of the preset named by v (any case,
// spaces trimmed), and its name; an empty v names the default config.
func presetConfig(v string) (config.Config, string, error) {
	name := strings.ToLower(strings.TrimSpace(v))
	if name == "" {
		return config.DefaultConfig(), "", nil
	}
	c, err := config.Preset(name)
	if err != nil {
		return config.DefaultConfig(), "", fmt.Errorf("unknown preset %q (presets: %s)", name, strings.Join(config.PresetNames(), ", "))
	}
	return c, name, nil
}

// parseSwitch reads an on/off page parameter of a change: +1 on, -1 off, 0
// when q does not set it.
func parseSwitch(q url.Values, param string) (int, error) {
	v := q.Get(param)
	if v == "" {
		return 0, nil
	}
	on, err := strconv.ParseBool(v)
	if err != nil {
		return 0, fmt.Errorf("%s must be 0 or 1, got %q", param, v)
	}
	if on {
		return 1, nil
	}
	return -1, nil
}

// parsePlay reads the play parameter.
func parsePlay(v string) (bool, error) {
	play, err := strconv.ParseBool(v)
	if err != nil {
		return true, fmt.Errorf("play must be 0 or 1, got %q", v)
	}
	return play, nil
}

// parseSpeed reads the speed parameter, in decode steps per second.
func parseSpeed(v string) (float64, error) {
	s, err := strconv.ParseFloat(v, 64)
	if err != nil || !(s >= minSpeed && s <= maxSpeed) {
		return 0, fmt.Errorf("speed must be %g to %g decode steps per second, got %q", float64(minSpeed), float64(maxSpeed), v)
	}
	return s, nil
}

// unknownParams lists, sorted, the parameters of q that are neither config
// keys nor the page's own.
func unknownParams(q url.Values) []string {
	keys := config.Keys()
	var unknown []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		key, isB := strings.CutPrefix(k, prefixB)
		if !slices.Contains(keys, key) && (isB || !slices.Contains(pageParams, k)) {
			unknown = append(unknown, k)
		}
	}
	return unknown
}
