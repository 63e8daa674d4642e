// Package fontface is the app's typeface, Go Regular, parsed once and made
// into text faces of any size. The faces draw through golang.org/x/image's
// rasterizer (Ebiten's GoXFace), not through the shaping engine behind
// GoTextFace: the labels are Latin text that needs no shaping, and in
// WebAssembly a GoXFace loads and draws its first glyphs about five times
// faster, which is much of the app's cold start in a browser (measured
// under node: parsing 2 to 4 ms instead of 50 to 65, the first hundred
// glyphs 25 to 39 ms instead of 150 to 160).
package fontface

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Font is a parsed typeface.
type Font struct {
	sfnt *opentype.Font
}

// GoRegular parses Go Regular.
func GoRegular() (*Font, error) {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("fontface: parsing Go Regular: %w", err)
	}
	return &Font{sfnt: f}, nil
}

// MinSize is the smallest face size Face makes, in pixels per em.
const MinSize = 1

// Face returns a face of the font at size pixels per em (at least
// MinSize), without hinting, like the shaped faces it replaces.
func (f *Font) Face(size float64) text.Face {
	face, err := opentype.NewFace(f.sfnt, &opentype.FaceOptions{
		Size: max(size, MinSize), DPI: 72, Hinting: font.HintingNone,
	})
	if err != nil {
		// NewFace refuses only sizes and DPIs out of range, which the
		// clamp above rules out, for a font that parsed.
		panic(fmt.Sprintf("fontface: a face of %v px: %v", size, err))
	}
	return text.NewGoXFace(face)
}
