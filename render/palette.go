package render

import "image/color"

// Index is a palette index: what one cell of a cache picture shows. A raster
// of cells is a []byte of Index values, one byte per cell.
type Index = byte

// Palette indices. Owners (what a line holds) come first, then the events of
// the current layer, then the token strip's marks, then one index per KV
// layer hue, the same hues tinted for the reservation, and every event
// fading into every owner. Indices not named here map to transparent
// black.
const (
	// Empty is an invalid (never filled) line of the shared part.
	Empty Index = iota
	// ReservedEmpty is an empty line or slot of the reserved part, tinted so
	// the reservation stands out even before it fills.
	ReservedEmpty
	// Indexer is a line holding indexer keys.
	Indexer
	// Weights is a line holding streamed weights.
	Weights
	// Evicted is a line (or token) evicted by the latest layer.
	Evicted
	// Hit is a line accessed by the latest layer that hit (a KV line or a
	// stream line; in the reservation, a resident token).
	Hit
	// Miss is a non-blocking miss (a stream line fetched from memory).
	Miss
	// BlockingMiss is a KV gather miss: decoding stalls until it returns.
	BlockingMiss
	// Gap is not a line: the space between groups of sets, cell borders and
	// reserved capacity that holds nothing (rounding to whole ways), drawn
	// in the background colour.
	Gap
	// Context is a token of the context in the token strip.
	Context
	// Selected is a token of this step's top-k selection in the token strip.
	Selected
	// Resident is a token held by the reservation in the token strip.
	Resident
	// ChartA is run A's line and bars in the charts.
	ChartA
	// ChartB is run B's line and bars in the charts (also dashed, or
	// hatched, so that colour is not all that tells them apart).
	ChartB
	// ChartAxis is a chart's axes and tick marks.
	ChartAxis
	// ChartGrid is a chart's grid lines, faint behind the data.
	ChartGrid

	// KVFirst is the index of the first KV hue; layer l maps to KV(l).
	KVFirst Index = 16
	// KVHues is how many distinct hues KV lines cycle through by layer.
	KVHues = 12
	// ReservedKVFirst is the first KV hue tinted for the reserved part;
	// layer l maps to ReservedKV(l).
	ReservedKVFirst Index = 32
	// FadedFirst is the first faded event colour; see Faded.
	FadedFirst Index = 128
	// FadeLevels is the number of steps of a flash before it is gone:
	// level 0 is the event's own colour, level 1 halfway to the owner's.
	FadeLevels = 2
)

// fadeOwners are the owners a flash fades into, in the order of their
// faded colours; any other owner fades like Empty.
var fadeOwners = func() (o [2*KVHues + 4]Index) {
	o[0], o[1], o[2], o[3] = Empty, ReservedEmpty, Indexer, Weights
	for l := range KVHues {
		o[4+l], o[4+KVHues+l] = KV(l), ReservedKV(l)
	}
	return o
}()

// fadeSlot returns the position of owner in fadeOwners, or 0 (Empty).
func fadeSlot(owner Index) int {
	switch {
	case owner >= KVFirst && owner < KVFirst+KVHues:
		return 4 + int(owner-KVFirst)
	case owner >= ReservedKVFirst && owner < ReservedKVFirst+KVHues:
		return 4 + KVHues + int(owner-ReservedKVFirst)
	case owner <= Weights:
		return int(owner)
	}
	return 0
}

// KV returns the palette index of a KV line of layer l (l >= 0): layers
// cycle through KVHues hues.
func KV(layer int) Index { return KVFirst + Index(layer%KVHues) }

// LayerHue returns the hue number (the argument of KV and ReservedKV) of a
// layer among layers: spread evenly over the KVHues hues when there are
// at most KVHues layers, so that a small model's layers get clearly
// different hues, and cycling through them otherwise.
func LayerHue(layer, layers int) int {
	if layers <= KVHues && layers > 0 {
		return layer * KVHues / layers
	}
	return layer % KVHues
}

// ReservedKV returns the palette index of a KV line (or token) of layer l
// held in the reserved part: KV(l)'s hue tinted towards the reservation's
// violet.
func ReservedKV(layer int) Index { return ReservedKVFirst + Index(layer%KVHues) }

// eventRank orders the events for binning and for merging two events on
// one cell, least urgent first; -1 for every other index. A KV hit ranks
// above a stream's miss: the streams sweep the whole cache every layer, and
// the scarce hits are what a reservation is for.
func eventRank(i Index) int {
	switch i {
	case Evicted:
		return 0
	case Miss:
		return 1
	case Hit:
		return 2
	case BlockingMiss:
		return 3
	}
	return -1
}

// urgency is DefaultPalette's Urgency of index i: 0 for owners, 1 for the
// strip's Selected and Resident marks, then the events by eventRank, each
// fresh above its faded levels.
func urgency(i Index) uint8 {
	switch {
	case i == Selected || i == Resident:
		return 1
	case i >= FadedFirst && int(i) < int(FadedFirst)+4*len(fadeOwners):
		rank := int(i-FadedFirst) / len(fadeOwners)
		return uint8(2 + rank*FadeLevels)
	case eventRank(i) >= 0:
		return uint8(2 + eventRank(i)*FadeLevels + FadeLevels - 1)
	}
	return 0
}

// Faded returns event e (Evicted, Hit, Miss or BlockingMiss) flashed on a
// line of owner at fade level 0 (the event itself) or 1 (halfway from the
// event's colour to the owner's). Any other index is returned as is.
func Faded(e Index, level int, owner Index) Index {
	r := eventRank(e)
	if r < 0 || level <= 0 {
		return e
	}
	return FadedFirst + Index(r*len(fadeOwners)+fadeSlot(owner))
}

// Palette maps every possible Index to an RGBA colour and to an urgency, so
// that a lookup never goes out of range. Build one with DefaultPalette.
type Palette struct {
	// RGBA holds the colour of each index as R, G, B, A bytes, ready to copy
	// into an RGBA pixel buffer (not premultiplied; every used entry is
	// opaque).
	RGBA [256][4]byte
	// Urgency is 0 for owners and unused indices, and larger for marks
	// that matter more: BlockingMiss > Hit > Miss > Evicted, each fresh
	// above its faded levels, all above the strip's Selected and Resident.
	Urgency [256]uint8
	// Background is the colour behind everything, Text the colour of body
	// text, Muted the colour of secondary text and frames, and Reserved the
	// reservation's accent (labels and brackets of the reserved part).
	Background, Text, Muted, Reserved color.RGBA
	// Box is the fill of the help's and the tooltips' boxes, and Shade what
	// dims the scene behind the help (premultiplied alpha).
	Box, Shade color.RGBA
}

// DefaultPalette returns the colour-blind-safe palette of the app.
//
// The three outcomes of a line access differ in hue for every common
// colour-vision deficiency and in brightness too, so that they survive a
// washed-out projector and a greyscale print (palette_cvd_test.go measures
// every pair a reader must tell apart through the Machado et al. 2009
// simulations of protanopia, deuteranopia and tritanopia, and in grey):
// a hit is light bluish green (Okabe-Ito #009E73, lightened), the
// lightest; a blocking miss is light vermillion (Okabe-Ito #D55E00,
// lightened so that it stands out from every KV hue, for a protanope too);
// a stream's miss is sky blue (Okabe-Ito #56B4E9), drawn at half strength
// over its line, so it shows darkest of the three. (It was Okabe-Ito
// orange: at half strength it looked like the blocking miss's vermillion
// to a deuteranope and in grey.)
//
// Owners are darker than every event, so a flash stands out from what the
// cache merely holds: empty, then weights (dim blue), then indexer keys
// (slate), then KV lines, which take one of KVHues hues by layer, all of
// one CIELAB lightness (45) and chroma (25) at hue angles 20°, 50°, ...,
// 350°, so that no layer's hue is mistaken for a stream's line. The
// reserved part tints them towards Okabe-Ito reddish purple (#CC79A7,
// darkened), the reservation's accent. A fading flash is halfway between
// its event's colour and its line's owner's. The charts draw run A in
// Okabe-Ito sky blue and run B in Okabe-Ito yellow, lighter, and dashed.
func DefaultPalette() Palette {
	return buildPalette(paletteColours{
		owners:  [...]uint32{Empty: 0x22262e, ReservedEmpty: 0x3a2c48, Indexer: 0x454a55, Weights: 0x233a52},
		events:  [...]uint32{Evicted: 0x787878, Hit: 0x8ff0cc, Miss: 0x56b4e9, BlockingMiss: 0xff8d4c},
		gap:     0x121418,
		context: 0x3a404c, selected: 0xf0e442, resident: 0xcc79a7,
		chartA: 0x56b4e9, chartB: 0xf0e442, axis: 0x8a93a0, grid: 0x262b33,
		violet: 0x7a4866, kv: kvHues,
		text: 0xf2f2f2, muted: 0xa8b0bc, box: 0x1a1d24, boxAlpha: 0xf4,
		shade: color.RGBA{0, 0, 0, 0xa0},
	})
}

// paletteColours are the colours a palette is built from, as 0xrrggbb:
// owners and events by their Index (the rest of each array unused), the
// token strip's, the charts', the violet the reservation tints KV hues
// towards, the KV hues by layer, and the text's and boxes'.
type paletteColours struct {
	owners                             [Weights + 1]uint32
	events                             [BlockingMiss + 1]uint32
	gap, context, selected, resident   uint32
	chartA, chartB, axis, grid, violet uint32
	kv                                 [KVHues]uint32
	text, muted, box                   uint32
	boxAlpha                           byte
	shade                              color.RGBA
}

// buildPalette fills a Palette from its colours: the reserved KV tints,
// every faded flash and the urgencies follow from them.
func buildPalette(c paletteColours) Palette {
	var p Palette
	set := func(i Index, hex uint32) { p.RGBA[i] = hexBytes(hex) }
	for i, hex := range c.owners {
		set(Index(i), hex)
	}
	for _, e := range [...]Index{Evicted, Hit, Miss, BlockingMiss} {
		set(e, c.events[e])
	}
	set(Gap, c.gap)
	set(Context, c.context)
	set(Selected, c.selected)
	set(Resident, c.resident) // the reservation
	set(ChartA, c.chartA)
	set(ChartB, c.chartB)
	set(ChartAxis, c.axis)
	set(ChartGrid, c.grid)
	violet := hexBytes(c.violet)
	for l, hex := range c.kv {
		set(KV(l), hex)
		p.RGBA[ReservedKV(l)] = blend(p.RGBA[KV(l)], violet, 0.25)
	}
	for _, e := range [...]Index{Evicted, Miss, Hit, BlockingMiss} {
		for _, o := range fadeOwners {
			p.RGBA[Faded(e, 1, o)] = blend(p.RGBA[e], p.RGBA[o], 0.5)
		}
	}
	for i := range p.Urgency {
		p.Urgency[i] = urgency(Index(i))
	}
	p.Background = p.Color(Gap)
	p.Text = p.hexColor(c.text)
	p.Muted = p.hexColor(c.muted)
	p.Reserved = p.Color(Resident)
	// Box is premultiplied: each channel scaled by its alpha.
	b, a := hexBytes(c.box), uint32(c.boxAlpha)
	p.Box = color.RGBA{byte(uint32(b[0]) * a / 255), byte(uint32(b[1]) * a / 255), byte(uint32(b[2]) * a / 255), c.boxAlpha}
	p.Shade = c.shade
	return p
}

// hexBytes returns 0xrrggbb as opaque R, G, B, A bytes.
func hexBytes(hex uint32) [4]byte { return [4]byte{byte(hex >> 16), byte(hex >> 8), byte(hex), 0xff} }

// hexColor returns 0xrrggbb as an opaque colour.
func (p *Palette) hexColor(hex uint32) color.RGBA {
	b := hexBytes(hex)
	return color.RGBA{b[0], b[1], b[2], b[3]}
}

// kvHues are the KV lines' colours by layer hue: CIELAB L* 45, chroma 25,
// hue angle 20° + 30° * hue, in sRGB (computed once, and checked by
// TestKVHuesEvenLightness, so that native and Wasm builds agree).
var kvHues = [KVHues]uint32{
	0x945b5d, 0x8d604b, 0x7f6741, 0x6a6e43, 0x53734f, 0x397563,
	0x217678, 0x23738a, 0x426f93, 0x636891, 0x7e6085, 0x8f5b72,
}

// Color returns the colour of index i.
func (p *Palette) Color(i Index) color.RGBA {
	c := p.RGBA[i]
	return color.RGBA{c[0], c[1], c[2], c[3]}
}

// blend returns a*f + b*(1-f), rounded, opaque.
func blend(a, b [4]byte, f float64) [4]byte {
	mix := func(x, y byte) byte { return byte(float64(x)*f + float64(y)*(1-f) + 0.5) }
	return [4]byte{mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2]), 0xff}
}

// colourBytes returns c as the R, G, B, A bytes of a Palette entry.
func colourBytes(c color.RGBA) [4]byte { return [4]byte{c.R, c.G, c.B, c.A} }

// namedColours are the colours a user is told about, by stable name, and
// how to find each in a palette: the legend's, the charts' and the text's.
var namedColours = []struct {
	name string
	of   func(p *Palette) [4]byte
}{
	{"hit", func(p *Palette) [4]byte { return p.RGBA[Hit] }},
	{"streamHitOnWeights", func(p *Palette) [4]byte { return p.RGBA[Faded(Hit, 1, Weights)] }},
	{"streamMiss", func(p *Palette) [4]byte { return p.RGBA[Miss] }},
	{"streamMissOnWeights", func(p *Palette) [4]byte { return p.RGBA[Faded(Miss, 1, Weights)] }},
	{"streamMissOnIndexer", func(p *Palette) [4]byte { return p.RGBA[Faded(Miss, 1, Indexer)] }},
	{"blockingMiss", func(p *Palette) [4]byte { return p.RGBA[BlockingMiss] }},
	{"evicted", func(p *Palette) [4]byte { return p.RGBA[Evicted] }},
	{"empty", func(p *Palette) [4]byte { return p.RGBA[Empty] }},
	{"reservedEmpty", func(p *Palette) [4]byte { return p.RGBA[ReservedEmpty] }},
	{"reserved", func(p *Palette) [4]byte { return colourBytes(p.Reserved) }},
	{"indexer", func(p *Palette) [4]byte { return p.RGBA[Indexer] }},
	{"weights", func(p *Palette) [4]byte { return p.RGBA[Weights] }},
	{"kvLayer0", func(p *Palette) [4]byte { return p.RGBA[KV(0)] }},
	{"selected", func(p *Palette) [4]byte { return p.RGBA[Selected] }},
	{"held", func(p *Palette) [4]byte { return p.RGBA[Resident] }},
	{"seriesA", func(p *Palette) [4]byte { return p.RGBA[ChartA] }},
	{"seriesB", func(p *Palette) [4]byte { return p.RGBA[ChartB] }},
	{"chartAxis", func(p *Palette) [4]byte { return p.RGBA[ChartAxis] }},
	{"background", func(p *Palette) [4]byte { return colourBytes(p.Background) }},
	{"text", func(p *Palette) [4]byte { return colourBytes(p.Text) }},
	{"mutedText", func(p *Palette) [4]byte { return colourBytes(p.Muted) }},
}

// Named returns the colours a user is told about (the legend's, the
// charts' series, the text's) by stable name ("hit", "streamMiss",
// "blockingMiss", "reserved", "seriesA", ...) as "#rrggbb", for the JS
// bridge (window.dsaviz.palette()) and the tests of the page. A stream's
// flash is shown at half strength over its line: "streamMissOnWeights"
// and "streamMissOnIndexer" are what the screen shows.
func (p *Palette) Named() map[string]string {
	const hex = "0123456789abcdef"
	m := make(map[string]string, len(namedColours))
	for _, n := range namedColours {
		c := n.of(p)
		b := [7]byte{'#'}
		for i := range 3 {
			b[1+2*i], b[2+2*i] = hex[c[i]>>4], hex[c[i]&15]
		}
		m[n.name] = string(b[:])
	}
	return m
}
