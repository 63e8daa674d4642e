package render

import (
	"strings"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// asciiOf names a palette index with one character, so that rasters read
// as text in golden files: owners in lower case or digits (KV: the layer's
// hue number 0-9, a, b, in either part), events in upper case (Evicted,
// Hit, Miss, BlockingMiss), fading events in the same letter in lower
// case.
func asciiOf(v Index) byte {
	switch v {
	case Empty:
		return '.'
	case ReservedEmpty:
		return ':'
	case Indexer:
		return 'i'
	case Weights:
		return 'w'
	case Evicted:
		return 'E'
	case Hit:
		return 'H'
	case Miss:
		return 'M'
	case BlockingMiss:
		return 'B'
	case Gap:
		return ' '
	case Context:
		return '-'
	case Selected:
		return 'S'
	case Resident:
		return 'R'
	}
	switch {
	case v >= KVFirst && v < KVFirst+KVHues:
		return "0123456789ab"[v-KVFirst]
	case v >= ReservedKVFirst && v < ReservedKVFirst+KVHues:
		return "0123456789ab"[v-ReservedKVFirst]
	case v >= FadedFirst:
		return "emhb"[int(v-FadedFirst)/len(fadeOwners)]
	}
	return '?'
}

// asciiCells writes a raster as lines of characters, one per row.
func asciiCells(c Cells) string {
	var b strings.Builder
	for y := range c.H {
		for _, v := range c.Idx[y*c.W : (y+1)*c.W] {
			b.WriteByte(asciiOf(v))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// asciiModel draws the whole model: the LLC's two parts side by side, a
// row per set, then the reservation view and the token strip.
func asciiModel(m *sceneModel) string {
	var b strings.Builder
	cells := m.llc.cells()
	for s := range m.llc.sets {
		for p := range 2 {
			c := cells[p]
			if c.W == 0 {
				continue
			}
			if p == 1 {
				b.WriteString(" | ")
			}
			for _, v := range c.Idx[s*c.W : (s+1)*c.W] {
				b.WriteByte(asciiOf(v))
			}
		}
		b.WriteByte('\n')
	}
	if m.hasSlots() {
		b.WriteString("slots:\n")
		b.WriteString(asciiCells(m.slots.gridCells()))
	}
	b.WriteString("strip:\n")
	b.WriteString(asciiCells(Cells{W: m.strip.Width, H: StripRows, Idx: m.strip.idx}))
	return b.String()
}

// tinyConfig is a cache of 8 sets x 4 ways of 64-byte lines, 2 layers of
// 16+steps tokens with top-4, in a mode: small enough to read whole.
func tinyConfig(mode string) config.Config {
	c, err := config.Preset("small-demo")
	if err != nil {
		panic(err)
	}
	c.Capacity, c.Line, c.Ways = 2048, 64, 4
	c.Layers, c.TopK, c.KVBytes, c.IndexerBytes, c.WeightBytes = 2, 4, 64, 16, 1024
	c.Prompt, c.Steps, c.Sinks, c.Window, c.PageTokens = 16, 4, 1, 1, 4
	c.Mode, c.Reserve = mode, 0
	switch mode {
	case config.ModeWays:
		c.Reserve = 512 // one way
	case config.ModeTokens, config.ModePrevK:
		c.Reserve = 8 * 64 // 8 token slots of one line
	case config.ModePages:
		c.Reserve = 512 // 2 pages of 4 tokens
	}
	return c
}

// runModel builds an engine of c and a model, and runs n layers, each
// observed, with ticks ticks after each.
func runModel(c config.Config, n, ticks int) (*engine.Engine, *sceneModel) {
	e, err := engine.New(c, nil)
	if err != nil {
		panic(err)
	}
	m := &sceneModel{}
	m.reset(e.View())
	m.setStripWidth(64)
	buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
	for range n {
		m.observe(e.View(), e.AdvanceLayer(buf))
		for range ticks {
			m.tick()
		}
	}
	m.update(e.View())
	return e, m
}
