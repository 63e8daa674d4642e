package render

import (
	"slices"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// appendSlotName appends the name of a slot of the reservation: "Token
// store slot 17 of 256".
func appendSlotName(b []byte, v engine.View, m *sceneModel, slot int) []byte {
	switch v.Config().Mode {
	case config.ModePages:
		b = append(b, "Page store slot "...)
	case config.ModePrevK:
		b = append(b, "Previous top-k slot "...)
	default:
		b = append(b, "Token store slot "...)
	}
	b = appendCommas(b, int64(slot))
	b = append(b, " of "...)
	return appendCommas(b, int64(len(m.slots.layer)))
}

// describeSlot writes what a slot of the reservation holds: the token (or
// page) and its layer, its lines, its replacement state (the token LRU's
// age) and its last flash.
func (in *inspector) describeSlot(t *tipText, v engine.View, m *sceneModel, slot int) {
	s := &m.slots
	lay := v.Layout()
	request, layer, first := 0, -1, 0
	switch s.mode {
	case config.ModeTokens, config.ModePages:
		if k := v.TokenStore().KeyAt(slot); k >= 0 {
			// A key is (request*layers + layer)*keyDiv + unit (engine.KeySpace).
			rl := int(k) / s.keyDiv
			request, layer, first = rl/lay.Layers(), rl%lay.Layers(), int(k)%s.keyDiv
		}
	case config.ModePrevK:
		rl, i := slot/max(s.quota, 1), slot%max(s.quota, 1)
		r, l := rl/lay.Layers(), rl%lay.Layers()
		if res := v.PrevKResidentsOf(r, l); i < len(res) {
			request, layer, first = r, l, int(res[i])
		}
	}
	if layer < 0 {
		t.add("Free: holds no token")
		t.end(appendFlash(t.begin(), s.flashOf(&m.clock, slot)))
		return
	}
	b := appendLayer(append(t.begin(), "KV of "...), lay, request, layer)
	lines := 0
	if s.mode == config.ModePages {
		lo := first * s.pageTokens
		hi := min(lo+s.pageTokens, lay.MaxContext()) - 1
		b = append(b, ", page "...)
		b = appendCommas(b, int64(first))
		b = append(b, ": tokens "...)
		t.end(appendRange(b, lo, hi))
		_, lines = lay.PageLines(request, layer, first)
		b = append(t.begin(), "Tokens gathered since it came in: "...)
		b = appendCommas(b, int64(v.PageTokensUsed(slot)))
		b = append(b, " of "...)
		t.end(appendCommas(b, int64(hi-lo+1)))
	} else {
		b = append(b, ", token "...)
		t.end(appendCommas(b, int64(first)))
		_, lines = lay.TokenLines(request, layer, first)
	}
	b = appendCommas(t.begin(), int64(lines))
	b = append(b, " lines of "...)
	b = appendCommas(b, int64(lay.Line()))
	t.end(append(b, " B, held whole"...))
	t.end(appendSlotAge(t.begin(), v, s, slot))
	t.end(appendFlash(t.begin(), s.flashOf(&m.clock, slot)))
}

// appendSlotAge appends a held slot's replacement state: its age in the
// token (or page) LRU; prevk keeps no order.
func appendSlotAge(b []byte, v engine.View, s *slotModel, slot int) []byte {
	if s.mode == config.ModePrevK {
		return append(b, "Kept from the layer's previous top-k: no LRU order"...)
	}
	st := v.TokenStore()
	if s.mode == config.ModePages {
		b = append(b, "Page LRU age "...)
	} else {
		b = append(b, "Token LRU age "...)
	}
	b = appendCommas(b, int64(st.Age(slot)))
	b = append(b, " of "...)
	b = appendCommas(b, int64(st.Len()))
	return append(b, " held (0 = most recent)"...)
}

// flashOf returns the flash slot i shows now.
func (m *slotModel) flashOf(c *flashClock, i int) flashNow {
	fr := c.frame()
	if i < 0 || i >= len(m.flash.kind) {
		return flashNow{}
	}
	k, st := m.flash.kind[i], m.flash.stamp[i]
	if k == 0 || fr.level(k, st) < 0 {
		return flashNow{}
	}
	return flashNow{k, st == c.latest}
}

// tipSteps is how many of the latest steps a token's history lists.
const tipSteps = 5

// describeToken writes a token of the strip's layer: its history over the
// steps run so far (how often and when it was selected), whether the
// reservation or the LLC holds it, and what the last gather did to it.
// It costs a binary search in each step's selection.
func (in *inspector) describeToken(t *tipText, v engine.View, m *sceneModel, tg target, name string) {
	st := &m.strip
	c := st.counts
	b := appendPane(t.begin(), name)
	b = append(b, "Token "...)
	b = appendCommas(b, int64(tg.token))
	if !st.ran {
		t.end(append(b, ": no layer has run yet"...))
		return
	}
	t.end(appendLayer(append(b, " of "...), v.Layout(), st.request, c.Layer))
	if tg.tokens > 1 {
		b = append(t.begin(), "1 px = "...)
		b = appendCommas(b, int64(tg.tokens))
		b = append(b, " tokens: "...)
		b = appendRange(b, tg.token, tg.token+tg.tokens-1)
		t.end(append(b, "; the first:"...))
	}
	if tg.token >= c.Context {
		b = append(t.begin(), "Beyond step "...)
		b = appendCommas(b, int64(c.Step+1))
		b = append(b, "'s context of "...)
		b = appendCommas(b, int64(c.Context))
		t.end(append(b, " tokens"...))
		return
	}
	in.appendHistory(t, v, st.request, c.Step, c.Layer, tg.token)
	t.end(appendResidency(t.begin(), v, &m.slots, st.request, c.Layer, tg.token))
	b = append(t.begin(), "Gather of step "...)
	b = appendCommas(b, int64(c.Step+1))
	b = append(b, ": "...)
	t.end(append(b, gatherText(st.marks, st.request, tg.token)...))
}

// appendHistory writes how often the token was selected in the steps run
// so far for a request's layer, the latest of them, and its last use.
func (in *inspector) appendHistory(t *tipText, v engine.View, request, step, layer, token int) {
	var latest [tipSteps]int
	ran, picked := 0, 0
	for s := 0; s <= step; s++ {
		sel := v.SelectionOf(request, s, layer)
		if sel == nil {
			continue
		}
		ran++
		if _, ok := slices.BinarySearch(sel, int32(token)); ok {
			latest[picked%tipSteps] = s
			picked++
		}
	}
	b := append(t.begin(), "Selected in "...)
	b = appendCommas(b, int64(picked))
	b = append(b, " of "...)
	b = appendCommas(b, int64(ran))
	b = append(b, " steps"...)
	if picked > 0 {
		b = append(b, ": "...)
		if picked > tipSteps {
			b = append(b, "… "...)
		}
		for i := max(0, picked-tipSteps); i < picked; i++ {
			if i > max(0, picked-tipSteps) {
				b = append(b, ", "...)
			}
			b = appendCommas(b, int64(latest[i%tipSteps]+1))
		}
	}
	t.end(b)
	b = append(t.begin(), "Last use: "...)
	if picked == 0 {
		t.end(append(b, "never selected"...))
		return
	}
	b = append(b, "step "...)
	t.end(appendCommas(b, int64(latest[(picked-1)%tipSteps]+1)))
}

// appendResidency appends whether the reservation holds a token of a
// request's layer (its slot and age), and how many of its lines the LLC's
// set-associative parts hold.
func appendResidency(b []byte, v engine.View, s *slotModel, request, layer, token int) []byte {
	switch slot := s.slotOf(v, request, layer, token); {
	case s.mode == config.ModeNone || s.mode == config.ModeWays:
	case slot < 0:
		b = append(b, "Not held by the reservation · "...)
	default:
		b = append(b, "Held in slot "...)
		b = appendCommas(b, int64(slot))
		if s.mode != config.ModePrevK {
			b = append(b, ", age "...)
			b = appendCommas(b, int64(v.TokenStore().Age(slot)))
		}
		b = append(b, " · "...)
	}
	first, n := v.Layout().TokenLines(request, layer, token)
	in := 0
	for x := first; x < first+uint64(n); x++ {
		if v.Shared().Contains(x) || (v.ReservedWays().Valid() && v.ReservedWays().Contains(x)) {
			in++
		}
	}
	b = appendCommas(b, int64(in))
	b = append(b, " of its "...)
	b = appendCommas(b, int64(n))
	if s.mode == config.ModeWays {
		return append(b, " lines in the LLC"...)
	}
	return append(b, " lines in the shared part"...)
}

// gatherText says what the last observed layer's gather did to a token of
// a request.
func gatherText(marks []tokenMark, request, token int) string {
	ev := Index(0)
	for _, mk := range marks {
		if int(mk.request) == request && token >= int(mk.token) && token < int(mk.token+mk.n) && urgency(mk.ev) > urgency(ev) {
			ev = mk.ev
		}
	}
	switch ev {
	case Hit:
		return "hit"
	case BlockingMiss:
		return "blocking miss"
	case Evicted:
		return "evicted"
	}
	return "not gathered"
}
