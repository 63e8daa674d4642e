package render

import (
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// sceneModel is everything the scene shows, as palette-index rasters and
// numbers, in plain Go: the GPU side (Scene) only uploads and places them.
// It reads the engine and never changes it.
type sceneModel struct {
	eng   engine.View
	clock flashClock
	llc   llcRaster
	slots slotModel
	strip tokenStrip

	gen        int    // counts resets: a view laid out for an older one lays out again
	dirty      bool   // the engine advanced (or was reset) since the last rebuild
	stripDirty bool   // the strip's width changed
	composedAt uint32 // clock.now of the last compose, 0 for never
}

// reset starts over with engine e: no flashes, every buffer sized for its
// geometry (reused when large enough).
func (m *sceneModel) reset(e engine.View) {
	m.eng = e
	m.gen++
	m.clock.reset()
	m.composedAt = 0
	m.dirty = true
	if !e.Valid() {
		return
	}
	m.llc.reset(e)
	m.slots.reset(e)
	m.strip.reset(e)
}

// tick advances the flashes' time by one tick.
func (m *sceneModel) tick() { m.clock.tick() }

// hasSlots reports whether the reservation is a store of slots (modes
// tokens, prevk and pages).
func (m *sceneModel) hasSlots() bool { return len(m.slots.layer) > 0 }

// observe folds the events of the layer the engine just ran into flashes:
// an access flashes the next way of its set from way 0, an eviction the
// next way from the last; a stream covering every set flashes its depth in
// every set; a KV access whose token the reservation holds flashes the
// token's slot. The token strip keeps the layer's gather.
func (m *sceneModel) observe(e engine.View, ev []engine.Event) {
	if e != m.eng {
		m.reset(e)
	}
	if !e.Valid() {
		return
	}
	step, layer, ok := e.Ran()
	if !ok || (m.strip.ran && step == m.strip.counts.Step && layer == m.strip.counts.Layer) {
		return // no layer ran since the last Observe (the run is done)
	}
	now := m.clock.observe()
	m.llc.startObserve()
	lay := e.Layout()
	ways, bypass := e.Config().Mode == config.ModeWays, e.Config().Bypass
	for i := range ev {
		x := &ev[i]
		class, l, ok := lay.Owner(x.Line)
		kv := ok && class == workload.KV
		hit := x.Outcome == engine.ReservedHit || x.Outcome == engine.SharedHit
		switch {
		case x.Outcome == engine.Evicted:
			if kv && m.hasSlots() && (x.Token >= 0 || x.N > 1) {
				continue // a token left the reservation: the strip shows it
			}
			p, part := 0, e.Shared()
			if kv && ways {
				p, part = 1, e.ReservedWays()
			}
			for j := range uint64(min(x.N, 64)) {
				m.llc.markEnd(p, part.SetOf(x.Line+j), Evicted, now)
			}
		case !kv:
			if !bypass { // a bypassing stream places no line
				m.llc.markStream(e.Shared(), x.Line, uint64(x.N), flashKind(false, hit), now)
			}
		default:
			m.markKV(e, x, l, flashKind(true, hit), now)
		}
	}
	m.strip.observe(e, ev, step, layer)
	m.dirty = true
}

// markKV flashes a KV access: the slot of its token when the reservation
// holds it, else its lines' sets in the part it went through.
func (m *sceneModel) markKV(e engine.View, x *engine.Event, layer int, ev Index, now uint32) {
	if m.hasSlots() {
		if s := m.slots.slotOf(e, int(x.Request), layer, int(x.Token)); s >= 0 {
			m.slots.flash.mark(s, ev, now)
			return
		}
	}
	p, part := 0, e.Shared()
	if e.Config().Mode == config.ModeWays {
		p, part = 1, e.ReservedWays()
	}
	for j := range uint64(min(x.N, 64)) {
		m.llc.markTop(p, part.SetOf(x.Line+j), ev, now)
	}
}

// setStripWidth bins the token strip into at most w pixels.
func (m *sceneModel) setStripWidth(w int) {
	if !m.eng.Valid() {
		return
	}
	old := m.strip.Width
	m.strip.setWidth(w)
	if m.strip.Width != old {
		m.stripDirty = true
	}
}

// changes says what an update changed: which rasters, and whether it
// read the engine again.
type changes struct{ llc, strip, read bool }

// update brings the rasters up to date: it reads the engine again if it
// advanced (and read is true: the caller may defer the read, and with it
// everything else, to a later frame), and lays the flashes over the
// owners again if anything changed or a flash is fading.
func (m *sceneModel) update(e engine.View) changes { return m.updateRead(e, true) }

// updateRead is update with the choice to defer reading the engine.
func (m *sceneModel) updateRead(e engine.View, read bool) changes {
	if e != m.eng {
		m.reset(e)
	}
	var ch changes
	if !e.Valid() {
		return ch
	}
	if m.dirty && read {
		var kv *[]uint64
		if !m.hasSlots() {
			m.strip.kvLines = m.strip.kvLines[:0]
			kv = &m.strip.kvLines
		}
		m.slots.rebuild(e)
		m.llc.rebuild(e, m.strip.kvRegion(), kv)
		m.dirty, m.stripDirty, ch.llc, ch.read = false, true, true, true
	}
	if m.dirty {
		return ch // the read is due in a frame or two: compose then
	}
	if m.stripDirty {
		m.strip.rebuild(e, &m.slots)
		m.stripDirty, ch.strip = false, true
	}
	if ch.llc || m.composedAt == 0 || (m.composedAt != m.clock.now && m.clock.fadingAt(m.composedAt)) {
		first := m.composedAt == 0
		slots := m.slots.compose(&m.clock, &m.llc.tables)
		llc := m.llc.compose(&m.clock, &m.slots)
		m.composedAt = m.clock.now
		ch.llc = ch.llc || first || slots || llc
	}
	return ch
}
