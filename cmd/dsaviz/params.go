package main

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

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
