package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"dsaviz/sim/config"
)

// TestChartPreview writes the charts at a typical size with their labels
// (drawn in Go Regular on the CPU, where the app draws them with Ebiten),
// and a swatch sheet of the palette as seen in every view of
// palette_cvd_test.go, for a person to look at:
//
//	DSAVIZ_CHART_PREVIEW=/tmp/charts go test ./render -run ChartPreview
func TestChartPreview(t *testing.T) {
	dir := os.Getenv("DSAVIZ_CHART_PREVIEW")
	if dir == "" {
		t.Skip("set DSAVIZ_CHART_PREVIEW to a folder to write the previews")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tt, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(tt, &opentype.FaceOptions{Size: 13, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	m := chartMetrics{lineH: lineH(13), tick: 3, thick: 2, measure: func(b []byte) int { return font.MeasureBytes(face, b).Ceil() }}
	const w, h, pad = 400, 120, 12
	cases := chartCases()
	sheet := image.NewRGBA(image.Rect(0, 0, 2*w+3*pad, (len(cases)+1)/2*(h+pad)+pad))
	pal := DefaultPalette()
	draw.Draw(sheet, sheet.Bounds(), &image.Uniform{pal.Color(Gap)}, image.Point{}, draw.Src)
	for i, c := range cases {
		l, idx := c.raster(w, h, &m)
		img := rgbaOf(t, idx, w, h)
		at := image.Pt(pad+i%2*(w+pad), pad+i/2*(h+pad))
		draw.Draw(sheet, img.Rect.Add(at), img, image.Point{}, draw.Src)
		for k := range chartLabels {
			lb := l.label(k)
			if lb == nil {
				continue
			}
			c := pal.Muted
			if strongLabel(k) {
				c = pal.Text
			}
			d := font.Drawer{Dst: sheet, Src: &image.Uniform{c}, Face: face,
				Dot: fixed.P(at.X+lb.X, at.Y+lb.Y+face.Metrics().Ascent.Ceil()+(m.lineH-face.Metrics().Height.Ceil())/2)}
			d.DrawBytes(lb.buf)
		}
	}
	write := func(name string, img image.Image) {
		if err := writePNG(filepath.Join(dir, name), img); err != nil {
			t.Fatal(err)
		}
	}
	write("charts.png", sheet)
	for v := protanopia; v < numViews; v++ {
		write("charts-"+viewNames[v]+".png", simulated(sheet, v))
	}
	write("swatches.png", swatchSheet(&pal))
	for _, mode := range []string{config.ModeTokens, config.ModeNone} {
		c, err := config.Preset("small-demo")
		if err != nil {
			t.Fatal(err)
		}
		c.Mode = mode
		if mode == config.ModeNone {
			c.Reserve = 0
		}
		img := llcPicture(t, c, 42, 3, 640, 360)
		write("llc-"+mode+".png", img)
		for v := protanopia; v < numViews; v++ {
			write("llc-"+mode+"-"+viewNames[v]+".png", simulated(img, v))
		}
	}
	t.Logf("previews in %s", dir)
}

// llcPicture runs n layers of c (ticks ticks after each) and fills the
// LLC's picture as the scene would, folded into w x h.
func llcPicture(t *testing.T, c config.Config, n, ticks, w, h int) *image.RGBA {
	_, m := runModel(c, n, ticks)
	f, ok := FoldFor(m.llc.sets, m.llc.ways, w, h, 2, 14)
	if !ok {
		t.Fatalf("no fold of the LLC in %dx%d", w, h)
	}
	fw, fh := f.Size()
	pal := DefaultPalette()
	pix := NewPixels(fw * fh)
	if err := FillFolded(pix, f, m.llc.cells(), &pal); err != nil {
		t.Fatal(err)
	}
	return &image.RGBA{Pix: pix.Bytes(), Stride: 4 * fw, Rect: image.Rect(0, 0, fw, fh)}
}

// encode returns linear light in [0, 1] as an 8-bit sRGB component.
func encode(v float64) byte {
	if v <= 0.0031308 {
		v *= 12.92
	} else {
		v = 1.055*math.Pow(v, 1/2.4) - 0.055
	}
	return byte(min(255, max(0, v*255+0.5)))
}

// seenRGBA is colour c as seen in view v, in sRGB.
func seenRGBA(c [4]byte, v cvdView) color.RGBA {
	s := seen(c, v)
	return color.RGBA{encode(s[0]), encode(s[1]), encode(s[2]), c[3]}
}

// simulated returns img as seen in view v.
func simulated(img *image.RGBA, v cvdView) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	for i := 0; i < len(img.Pix); i += 4 {
		c := seenRGBA([4]byte(img.Pix[i:i+4]), v)
		copy(out.Pix[i:i+4], []byte{c.R, c.G, c.B, c.A})
	}
	return out
}

// swatchSheet draws the named colours (rows) in every view (columns:
// normal, protanopia, deuteranopia, tritanopia, greyscale), each swatch a
// square on the background, with a strip of KV hues at the bottom.
func swatchSheet(p *Palette) *image.RGBA {
	const sq, gap = 36, 6
	rows := len(namedColours) + 1
	img := image.NewRGBA(image.Rect(0, 0, int(numViews)*(sq+gap)+gap, rows*(sq/2+gap)+gap))
	draw.Draw(img, img.Bounds(), &image.Uniform{p.Color(Gap)}, image.Point{}, draw.Src)
	fill := func(x, y, w, h int, c color.RGBA) {
		draw.Draw(img, image.Rect(x, y, x+w, y+h), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	for v := range numViews {
		x := gap + int(v)*(sq+gap)
		for r, n := range namedColours {
			fill(x, gap+r*(sq/2+gap), sq, sq/2, seenRGBA(n.of(p), v))
		}
		y := gap + len(namedColours)*(sq/2+gap)
		for l := range KVHues {
			fill(x+l*sq/KVHues, y, sq/KVHues, sq/2, seenRGBA(p.RGBA[KV(l)], v))
		}
	}
	return img
}
