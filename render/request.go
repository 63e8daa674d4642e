package render

import (
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// The request of the batch the scene shows: with batch > 1, the token
// strip shows one request's gather, the HUD that request's figures beside
// the batch's, and the tooltips name it. Both panes of a comparison show
// the same request (A and B share the batch, compare.IsTraceKey).

// SetRequest chooses the request of the batch the panes show, 0-based;
// it is clamped to the batch (0 for a batch of one). A run drawn later
// keeps the choice, clamped to its own batch. Call it in Update.
func (s *Scene) SetRequest(request int) {
	for i := range s.panes {
		s.panes[i].model.setRequest(request)
		s.panes[i].hud.request = max(request, 0)
	}
}

// Request returns the request of run A's batch the scene shows, 0-based
// (clamped to the batch).
func (s *Scene) Request() int { return s.panes[0].model.strip.request }

// setRequest shows another request: the strip and the KV lines it lists
// are read again on the next update.
func (m *sceneModel) setRequest(request int) {
	if m.strip.setRequest(m.eng, request) {
		m.dirty = true
	}
}

// appendRequest appends "request 2 of 8" for request 1 (0-based) of a
// batch of 8.
func appendRequest(b []byte, request, requests int) []byte {
	return appendOf(append(b, "request "...), request+1, requests)
}

// hudRequestFirst is the most compact headline of a batch: the shown
// request's KV hit rate and blocking misses out of the batch's, all over
// the run so far (a pane of a comparison, whose comparison line gives the
// batch's hit rates): "Req 2/8: KV 40.1% · 123/987".
func hudRequestFirst(b []byte, n hudValues) []byte {
	b = appendRequestKV(append(appendReq(b, n), ": KV "...), n)
	b = append(b, " · "...)
	b = appendCommas(b, n.reqBlock)
	b = append(b, '/')
	return appendCommas(b, n.blockTotal)
}

// appendRequestKV appends the shown request's KV hit rate, "-" before any
// gather.
func appendRequestKV(b []byte, n hudValues) []byte {
	if n.reqKV < 0 {
		return append(b, '-')
	}
	return append(appendTenths(b, n.reqKV), '%')
}

// appendOf appends "2 of 8".
func appendOf(b []byte, k, n int) []byte {
	b = appendCommas(b, int64(k))
	b = append(b, " of "...)
	return appendCommas(b, int64(n))
}

// RequestCounts returns a request's counts over the layers run so far:
// its completed steps (engine.View.RequestTotals) and the step in
// progress. Over the requests they sum to the batch's indexer and KV
// counts (the weight stream is the batch's), so the requests' blocking
// misses sum to the run's at any layer. The zero RequestStats for a
// request out of range.
func RequestCounts(v engine.View, request int) engine.RequestStats {
	var c engine.RequestStats
	tot, cur := v.RequestTotals(), v.Current().Requests
	if request < 0 || request >= len(tot) {
		return c
	}
	c = tot[request]
	if request < len(cur) {
		c.Class.Add(&cur[request].Class)
		c.Roofline.Add(cur[request].Roofline)
	}
	return c
}

// readRequest fills the HUD's figures of the request shown (0-based,
// clamped to the batch); with a batch of one it leaves them zero. The
// context becomes that request's.
func (v *hudValues) readRequest(e engine.View, request int) {
	v.request, v.requests, v.reqKV, v.reqBlock = 0, 0, -1, 0
	if !e.Valid() || e.Requests() <= 1 {
		return
	}
	r := min(max(request, 0), e.Requests()-1)
	v.request, v.requests = r+1, e.Requests()
	if step, _, ok := e.Ran(); ok {
		v.context = e.Prompt(r) + step
	}
	c := RequestCounts(e, r).Class
	if c[workload.KV].Accesses > 0 {
		v.reqKV = tenths(c.KVHitRate())
	}
	v.reqBlock = c.BlockingMisses()
}

// hudRequest appends, with a batch of several requests, the figures of
// the request shown: "· Request 2 of 8: KV hit rate 40.1%, 1,234 blocking
// in all", shorter at the compact levels.
func hudRequest(b []byte, n hudValues, level int) []byte {
	if n.requests <= 1 {
		return b
	}
	switch level {
	case 0:
		b = appendOf(append(b, " · Request "...), n.request, n.requests)
		b = append(b, ": KV hit rate "...)
	case 1:
		b = appendOf(append(b, " · Request "...), n.request, n.requests)
		b = append(b, " in all: KV "...)
	default:
		b = appendReq(append(b, " · "...), n)
		b = append(b, " in all: "...)
	}
	b = appendRequestKV(b, n)
	b = append(b, ", "...)
	b = appendCommas(b, n.reqBlock)
	switch level {
	case 0:
		return append(b, " blocking in all"...)
	case 1:
		return append(b, " blocking"...)
	}
	return b
}

// appendReq appends the compact "Req 2/8".
func appendReq(b []byte, n hudValues) []byte {
	b = append(b, "Req "...)
	b = appendCommas(b, int64(n.request))
	b = append(b, '/')
	return appendCommas(b, int64(n.requests))
}
