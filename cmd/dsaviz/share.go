package main

import (
	"net/url"
	"strconv"
	"strings"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
)

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
