package main

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func TestLinkRequest(t *testing.T) {
	for _, tt := range []struct {
		link    string
		request int    // 0-based
		problem string // "" for none
	}{
		{"preset=small-demo&batch=3&req=2", 1, ""},
		{"preset=small-demo&batch=3&req=3", 2, ""},
		{"preset=small-demo&batch=3&req=1", 0, ""},
		{"preset=small-demo&batch=3", 0, ""},
		{"preset=small-demo&batch=3&req=9", 2, `req must be a request 1..3 of the batch, got "9"; showing request 3.`},
		{"preset=small-demo&batch=3&req=0", 0, `req must be a request 1..3 of the batch, got "0"; showing request 1.`},
		{"preset=small-demo&batch=3&req=-2", 0, `got "-2"; showing request 1.`},
		{"preset=small-demo&batch=3&req=two", 0, `got "two"; showing request 1.`},
		{"preset=small-demo&req=2", 0, `req must be 1: the run has one request (batch=1), got "2"; showing request 1.`},
		{"preset=small-demo&batch=0&req=2", 0, "batch"}, // batch refused: one request, and req with it
	} {
		l := parseLaunch(tt.link)
		got := strings.Join(l.problem, " ")
		if l.request != tt.request || (tt.problem == "") != (got == "") || !strings.Contains(got, tt.problem) {
			t.Errorf("parseLaunch(%q): request %d, problems %q; want request %d, a problem with %q", tt.link, l.request, got, tt.request, tt.problem)
		}
	}
}

func TestShareRequest(t *testing.T) {
	l := parseLaunch("preset=small-demo&batch=3&req=3&play=0")
	q := shareQuery(l.spec, l.page, 0)
	if want := "preset=small-demo&batch=3&play=0&req=3"; q != want {
		t.Errorf("shareQuery = %q, want %q", q, want)
	}
	if back := parseLaunch(q); back.page != l.page || back.spec != l.spec {
		t.Errorf("parseLaunch(%q) = %+v, want %+v", q, back.page, l.page)
	}
	l.page.request = 0
	if q := shareQuery(l.spec, l.page, 0); strings.Contains(q, "req=") {
		t.Errorf("request 1 shared as %q: the default needs no req", q)
	}
}

func TestChangeRequest(t *testing.T) {
	cur := parseLaunch("preset=small-demo&batch=3").spec
	for _, tt := range []struct {
		query   string
		request int // -1: unchanged
		err     string
	}{
		{"req=2", 1, ""},
		{"play=0", -1, ""},
		{"batch=5&req=5", 4, ""},
		{"req=4", -1, "req must be a request 1..3 of the batch"},
		{"req=x", -1, `got "x"`},
	} {
		ch, err := parseChange(tt.query, cur)
		if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("parseChange(%q) = %v, want an error with %q", tt.query, err, tt.err)
			continue
		}
		if err == nil && ch.request != tt.request {
			t.Errorf("parseChange(%q): request %d, want %d", tt.query, ch.request, tt.request)
		}
	}
}

// TestRequestSelection drives the request shown through the link, the
// keys' commands, a live change and a smaller batch, alone and compared:
// stats() reports it (1-based) and every request's figures, the scene
// shows it, and the address shares it.
func TestRequestSelection(t *testing.T) {
	for _, link := range []string{"preset=small-demo&batch=3&req=2&play=0", "preset=small-demo&batch=3&req=2&play=0&cmp=1"} {
		g, m, h := newTestGame(t, link)
		if len(h.errors) != 0 {
			t.Fatalf("%s: errors %q", link, h.errors)
		}
		update(t, g)
		for range 2 {
			m.post(cmdStepOnce)
			update(t, g)
		}
		s := m.read()
		if s.Request != 2 || g.screen.scene.Request() != 1 {
			t.Errorf("%s: stats().request %d, the scene shows %d (0-based); want 2, 1", link, s.Request, g.screen.scene.Request())
		}
		checkRequests := func(name string, rs []requestStats, run *runStats) {
			if len(rs) != 3 {
				t.Errorf("%s, %s: %d requests, want 3", link, name, len(rs))
				return
			}
			var block int64
			for _, r := range rs {
				block += r.BlockingMisses
			}
			if block != run.BlockingMisses || block == 0 {
				t.Errorf("%s, %s: the requests' blocking misses sum to %d, the run has %d", link, name, block, run.BlockingMisses)
			}
			if rs[0].Prompt == rs[1].Prompt && rs[1].Prompt == rs[2].Prompt {
				t.Errorf("%s, %s: every request has prompt %d", link, name, rs[0].Prompt)
			}
		}
		checkRequests("A", s.Requests, &s.runStats)
		if s.B != nil {
			checkRequests("B", s.RequestsB, s.B)
		} else if strings.Contains(link, "cmp=1") {
			t.Errorf("%s: no B", link)
		}
		for _, step := range []struct {
			c    command
			want int
		}{{cmdNextRequest, 3}, {cmdNextRequest, 1}, {cmdPrevRequest, 3}, {cmdPrevRequest, 2}} {
			m.post(step.c)
			update(t, g)
			if got := m.read().Request; got != step.want || g.screen.scene.Request() != step.want-1 {
				t.Errorf("%s: after %v, request %d (scene %d), want %d", link, step.c, got, g.screen.scene.Request()+1, step.want)
			}
		}
		if q := h.queries[len(h.queries)-1]; !strings.Contains(q, "req=2") {
			t.Errorf("%s: the address %q does not share req=2", link, q)
		}
		m.postChange("req=3")
		update(t, g)
		if got := m.read().Request; got != 3 {
			t.Errorf("%s: after the change req=3, request %d", link, got)
		}
		m.postChange("batch=2")
		update(t, g)
		if got := m.read().Request; got != 2 || len(m.read().Requests) != 2 {
			t.Errorf("%s: batch=2 with request 3 shown: request %d of %d, want the last, 2", link, got, len(m.read().Requests))
		}
		m.postChange("req=3")
		update(t, g)
		if got := m.read().Request; got != 2 || !strings.Contains(h.lastError(), "req must be a request 1..2") {
			t.Errorf("%s: req=3 of 2: request %d, error %q", link, got, h.lastError())
		}
	}
}

func TestStatsHaveRequests(t *testing.T) {
	f := Stats{Request: 2, Requests: []requestStats{{BlockingMisses: 4}, {BlockingMisses: 5}}, B: &runStats{}}.fields()
	if f["request"] != 2 {
		t.Errorf("stats().request = %v, want 2", f["request"])
	}
	rs, ok := f["requests"].([]any)
	if !ok || len(rs) != 2 {
		t.Fatalf("stats().requests = %#v, want 2 entries", f["requests"])
	}
	for _, k := range []string{"kvHitRate", "blockingMisses", "reservedHits", "sharedHits", "misses", "accesses", "prompt", "missPages", "slowdown"} {
		if _, ok := rs[1].(map[string]any)[k]; !ok {
			t.Errorf("stats().requests[1] lacks %q", k)
		}
	}
	if got := rs[1].(map[string]any)["blockingMisses"]; got != int64(5) {
		t.Errorf("stats().requests[1].blockingMisses = %v, want 5", got)
	}
	if _, ok := f["b"].(map[string]any)["requests"]; !ok {
		t.Error("stats().b lacks requests")
	}
}

// FuzzLinkRequest: whatever req= and batch= a link holds, the launch
// shows a request of its batch, says so when it had to choose one, and
// its shared link opens the same request without a problem.
func FuzzLinkRequest(f *testing.F) {
	for _, s := range [][2]string{{"3", "2"}, {"3", "9"}, {"1", "1"}, {"8", "-1"}, {"0", "x"}, {"4", " 4 "}, {"2", "2.5"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, batch, req string) {
		link := "preset=small-demo&batch=" + url.QueryEscape(batch) + "&req=" + url.QueryEscape(req)
		l := parseLaunch(link)
		if n := l.spec.cfg.Batch; l.request < 0 || l.request >= max(n, 1) {
			t.Fatalf("parseLaunch(%q): request %d of a batch of %d", link, l.request, n)
		}
		if k, err := strconv.Atoi(strings.TrimSpace(req)); req != "" && (err != nil || k != l.request+1) {
			if !strings.Contains(strings.Join(l.problem, " "), "req must be") {
				t.Fatalf("parseLaunch(%q) shows request %d with no word about req: %q", link, l.request+1, l.problem)
			}
		}
		q := shareQuery(l.spec, l.page, 0)
		back := parseLaunch(q)
		if back.request != l.request || len(back.problem) > 0 {
			t.Fatalf("parseLaunch(shareQuery = %q): request %d, problems %q; want request %d", q, back.request, back.problem, l.request)
		}
	})
}
