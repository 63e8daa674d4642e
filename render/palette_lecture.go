package render

import "image/color"

// LecturePalette returns the light, high-contrast palette of the lecture
// theme, for projectors: a near-white background, near-black text, and
// the events drawn dark and saturated on pale owners (the reverse of
// DefaultPalette, where owners are darker than every event), because a
// projector washes out dark tones first.
//
// The outcomes keep DefaultPalette's Okabe-Ito hues, set for a white
// page: a hit is a dark bluish green (teal), the darkest; a blocking miss
// is a dark vermillion (#D55E00, darkened); a stream's miss is sky blue
// (#56B4E9), drawn at half strength over its pale line, so it shows the
// lightest of the three. An evicted line is a mid grey. The owners are
// pale: empty near white, weights sand, indexer keys grey; KV lines take
// KVHues hues of one CIELAB lightness (66) and chroma (20) at hue angles
// 20°, 50°, ..., 350°, darker than every other owner and lighter than
// every event. palette_cvd_test.go holds this palette to the same floors
// as DefaultPalette, through protanopia, deuteranopia, tritanopia and
// greyscale.
func LecturePalette() Palette {
	return buildPalette(paletteColours{
		owners:  [...]uint32{Empty: 0xf0f1f2, ReservedEmpty: 0xebd7e8, Indexer: 0xc1c4c9, Weights: 0xe9dbca},
		events:  [...]uint32{Evicted: 0x999999, Hit: 0x005458, Miss: 0x56b4e9, BlockingMiss: 0xb84800},
		gap:     0xfbfbf9,
		context: 0xd6d9df, selected: 0x1f3f9a, resident: 0xa8437c,
		chartA: 0x00508a, chartB: 0xc75300, axis: 0x4f5660, grid: 0xe2e4e8,
		violet: 0xd9a6c6, kv: lectureKVHues,
		text: 0x111111, muted: 0x3f454e, box: 0xffffff, boxAlpha: 0xff,
		shade: color.RGBA{0xd0, 0xd0, 0xd0, 0xd0},
	})
}

// PaletteFor returns the lecture palette when lecture is set, else the
// default one.
func PaletteFor(lecture bool) Palette {
	if lecture {
		return LecturePalette()
	}
	return DefaultPalette()
}

// lectureKVHues are the lecture theme's KV lines by layer hue: CIELAB L*
// 66, chroma 20, hue angle 20° + 30° * hue, in sRGB (checked by
// TestKVHuesEvenLightness).
var lectureKVHues = [KVHues]uint32{
	0xc69495, 0xc19886, 0xb49d7d, 0xa1a37f, 0x8da889, 0x7aaa9a,
	0x6fabac, 0x72a8bb, 0x84a4c3, 0x9c9ec2, 0xb298b8, 0xc194a7,
}
