package main

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"dsaviz/sim/compare"
)

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
	if on, err := parseSwitch(q, paramCompare); err != nil {
		return ch, err
	} else if on != 0 {
		ch.spec.compare = on > 0
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
