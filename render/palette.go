package render

import "image/color"

// Index is a palette index: what one cell of a cache picture shows. A raster
// of cells is a []byte of Index values, one byte per cell.
type Index = byte

// Palette indices. Owners (what a line holds) come first, then the events of
// the current step, then one index per KV layer hue. Indices not named here
// map to transparent black.
const (
	// Empty is an invalid (never filled) line of the shared part.
	Empty Index = iota
	// ReservedEmpty is an empty line of the reserved part, tinted so the
	// reservation stands out even before it fills.
	ReservedEmpty
	// Indexer is a line holding indexer keys.
	Indexer
	// Weights is a line holding streamed weights.
	Weights
	// Evicted is a line evicted during the current step.
	Evicted
	// Hit is a line accessed this step that hit.
	Hit
	// Miss is a non-blocking miss (a stream line fetched from memory).
	Miss
	// BlockingMiss is a KV gather miss: decoding stalls until it returns.
	BlockingMiss
	// Gap is not a line: the space between groups of sets, drawn in the
	// background colour.
	Gap

	// KVFirst is the index of the first KV hue; layer l maps to KV(l).
	KVFirst Index = 16
	// KVHues is how many distinct hues KV lines cycle through by layer.
	KVHues = 12
)

// KV returns the palette index of a KV line of layer l (l >= 0): layers
// cycle through KVHues hues.
func KV(layer int) Index { return KVFirst + Index(layer%KVHues) }

// Urgency ranks for binning: when several cells share one pixel, the most
// urgent event among them is shown (see FillRGBA). Owners have urgency 0.
const (
	urgencyEvicted = 1 + iota
	urgencyHit
	urgencyMiss
	urgencyBlockingMiss
)

// Palette maps every possible Index to an RGBA colour and to an urgency, so
// that a lookup never goes out of range. Build one with DefaultPalette.
type Palette struct {
	// RGBA holds the colour of each index as R, G, B, A bytes, ready to copy
	// into an RGBA pixel buffer (not premultiplied; every used entry is
	// opaque).
	RGBA [256][4]byte
	// Urgency is 0 for owners and unused indices, and larger for events
	// that matter more: BlockingMiss > Miss > Hit > Evicted.
	Urgency [256]uint8
	// Background is the colour behind everything, Text the colour of body
	// text, and Muted the colour of secondary text and frames.
	Background, Text, Muted color.RGBA
}

// DefaultPalette returns the colour-blind-safe palette of the app.
//
// Events use the Okabe-Ito colours, which stay distinct under the common
// colour-vision deficiencies: orange #E69F00 for a miss, vermillion #D55E00
// for a blocking miss, and bluish green for a hit, lightened (#8FD9C4) so
// that the three also differ clearly in brightness (relative luminance about
// 0.60, 0.42 and 0.22: light, middle, dark) and survive a washed-out
// projector or a greyscale print. Owners are darker and less saturated than
// every event, so a flash stands out from what the cache merely holds; KV
// lines take one of KVHues hues by layer, at one HSV saturation and value.
func DefaultPalette() Palette {
	var p Palette
	set := func(i Index, hex uint32, urgency uint8) {
		p.RGBA[i] = [4]byte{byte(hex >> 16), byte(hex >> 8), byte(hex), 0xff}
		p.Urgency[i] = urgency
	}
	set(Empty, 0x22262e, 0)
	set(ReservedEmpty, 0x2b2540, 0) // a violet tint of Empty
	set(Indexer, 0x5a6475, 0)       // slate grey
	set(Weights, 0x2f4b66, 0)       // dim sky blue (Okabe-Ito #56B4E9, darkened)
	set(Evicted, 0x6e6e6e, urgencyEvicted)
	set(Hit, 0x8fd9c4, urgencyHit)
	set(Miss, 0xe69f00, urgencyMiss)
	set(BlockingMiss, 0xd55e00, urgencyBlockingMiss)
	set(Gap, 0x121418, 0)
	for l := range KVHues {
		r, g, b := hueRGB(float64(l)/KVHues, 0.55, 0.42)
		p.RGBA[KVFirst+Index(l)] = [4]byte{r, g, b, 0xff}
	}
	p.Background = p.Color(Gap)
	p.Text = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}
	p.Muted = color.RGBA{0xa8, 0xb0, 0xbc, 0xff}
	return p
}

// Color returns the colour of index i.
func (p *Palette) Color(i Index) color.RGBA {
	c := p.RGBA[i]
	return color.RGBA{c[0], c[1], c[2], c[3]}
}

// hueRGB converts a hue in [0, 1), a saturation and a value (HSV, all in
// [0, 1]) to 8-bit RGB. Integer rounding is explicit so that native and
// Wasm builds agree.
func hueRGB(h, s, v float64) (r, g, b byte) {
	h6 := h * 6
	sector := int(h6)
	f := h6 - float64(sector)
	p := v * (1 - s)
	q := v * (1 - s*f)
	t := v * (1 - s*(1-f))
	var rf, gf, bf float64
	switch sector % 6 {
	case 0:
		rf, gf, bf = v, t, p
	case 1:
		rf, gf, bf = q, v, p
	case 2:
		rf, gf, bf = p, v, t
	case 3:
		rf, gf, bf = p, q, v
	case 4:
		rf, gf, bf = t, p, v
	default:
		rf, gf, bf = v, p, q
	}
	to8 := func(x float64) byte { return byte(x*255 + 0.5) }
	return to8(rf), to8(gf), to8(bf)
}
