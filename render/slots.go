package render

import (
	"slices"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// SlotRowCells is how many slots a row of the reservation view holds.
const SlotRowCells = 32

// slotModel is the reservation of modes tokens, pages and prevk as slots:
// which layer each slot's token (or page) belongs to, and the flashes of
// recent layers per slot. In mode prevk, layer l of request r (rl =
// r*layers + l) owns slots rl*quota to (rl+1)*quota-1, filled from the
// first with its resident tokens.
type slotModel struct {
	mode       string
	keyDiv     int // tokens: MaxContext; pages: PagesPerLayer (key = layer*keyDiv + ...)
	pageTokens int
	quota      int     // prevk: slots per layer
	layer      []int32 // per slot: the resident's layer, -1 when free
	own        []Index // per slot: what it shows without a flash
	hue        []Index // per layer: ReservedKV of its hue
	flash      flashCells
	grid       []Index // the reservation view: SlotRowCells slots a row
}

// reset sizes the model for an engine; a mode without slots gets none.
func (m *slotModel) reset(e engine.View) {
	cfg := e.Config()
	m.mode, m.quota, m.pageTokens = cfg.Mode, 0, cfg.PageTokens
	n := 0
	switch cfg.Mode {
	case config.ModeTokens:
		n, m.keyDiv = e.TokenStore().Slots(), e.Layout().MaxContext()
	case config.ModePages:
		n, m.keyDiv = e.TokenStore().Slots(), e.Layout().PagesPerLayer()
	case config.ModePrevK:
		m.quota = e.PrevKQuota()
		n = m.quota * cfg.Layers * e.Requests()
	}
	m.layer = resize(m.layer, n)
	m.own = resize(m.own, n)
	for i := range m.layer {
		m.layer[i], m.own[i] = -1, ReservedEmpty
	}
	m.hue = resize(m.hue, cfg.Layers)
	for l := range m.hue {
		m.hue[l] = ReservedKV(LayerHue(l, cfg.Layers))
	}
	m.flash.resize(n)
	rows := (n + SlotRowCells - 1) / SlotRowCells
	m.grid = resize(m.grid, rows*m.gridWidth())
}

// gridWidth is the number of slots per row of the reservation view.
func (m *slotModel) gridWidth() int { return min(SlotRowCells, max(1, len(m.layer))) }

// gridCells returns the reservation view's raster (after compose).
func (m *slotModel) gridCells() Cells {
	w := m.gridWidth()
	return Cells{W: w, H: len(m.grid) / w, Idx: m.grid}
}

// rebuild reads which layer each slot holds.
func (m *slotModel) rebuild(e engine.View) {
	switch m.mode {
	case config.ModeTokens, config.ModePages:
		t := e.TokenStore()
		for i := range m.layer {
			m.layer[i] = -1
			if k := t.KeyAt(i); k >= 0 {
				m.layer[i] = k / int32(m.keyDiv)
			}
		}
	case config.ModePrevK:
		layers := len(m.hue)
		for rl := 0; rl*m.quota < len(m.layer); rl++ {
			held := len(e.PrevKResidentsOf(rl/layers, rl%layers))
			for i := range m.quota {
				m.layer[rl*m.quota+i] = -1
				if i < held {
					m.layer[rl*m.quota+i] = int32(rl)
				}
			}
		}
	}
	for i, l := range m.layer {
		m.own[i] = ReservedEmpty
		if l >= 0 { // a batch's key holds request*layers + layer: the layer's hue
			m.own[i] = m.hue[int(l)%len(m.hue)]
		}
	}
}

// slotOf returns the slot holding a token of a request's layer now, or
// -1. Slots are numbered by rl = request*layers + layer, as the
// reservation's keys are (engine.KeySpace).
func (m *slotModel) slotOf(e engine.View, request, layer, token int) int {
	rl := request*len(m.hue) + layer
	switch m.mode {
	case config.ModeTokens:
		return e.TokenStore().SlotOf(int32(rl*m.keyDiv + token))
	case config.ModePages:
		return e.TokenStore().SlotOf(int32(rl*m.keyDiv + token/m.pageTokens))
	case config.ModePrevK:
		if i, ok := slices.BinarySearch(e.PrevKResidentsOf(request, layer), int32(token)); ok {
			return rl*m.quota + i
		}
	}
	return -1
}

// compose fills the reservation view's raster: each slot's flash at its
// fade level, or its owner; free space past the last slot in the Gap
// colour. The LLC picture's reservation reads the slots from it. It
// reports whether a slot's colour changed.
func (m *slotModel) compose(c *flashClock, t *fadeTables) bool {
	fr := c.frame()
	own := m.own
	grid := m.grid[:len(own)]
	kind, stamp := m.flash.kind[:len(own)], m.flash.stamp[:len(own)]
	var diff Index
	for i, o := range own {
		v := o
		if k := kind[i]; k != 0 {
			if l := fr.level(k, stamp[i]); l >= 0 {
				v = t.fade[eventRank(k&^streamFlash)][l][o]
			}
		}
		diff |= grid[i] ^ v
		grid[i] = v
	}
	for i := len(own); i < len(m.grid); i++ {
		m.grid[i] = Gap
	}
	return diff != 0
}

// shown returns what slot i shows, once composed.
func (m *slotModel) shown(i int) Index { return m.grid[i] }

// residents counts the occupied slots.
func (m *slotModel) residents() int {
	n := 0
	for _, l := range m.layer {
		if l >= 0 {
			n++
		}
	}
	return n
}
