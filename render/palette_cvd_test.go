package render

import (
	"fmt"
	"math"
	"testing"
)

// Floors for the pairs a reader must tell apart, in every view: normal
// vision, protanopia, deuteranopia, tritanopia (the four coloured views,
// compared by CIEDE2000 difference) and a greyscale print or a washed-out
// projector (compared by luminance contrast, all that is left there).
//
// A CIEDE2000 difference of 1 is about the least a viewer notices between
// two large patches side by side; marks of a few pixels, seen apart and at
// a glance, need several times more before they read as different
// categories (Stone, Szafir and Setlur, "An Engineering Model for Color
// Difference as a Function of Size", 2014, measured the difference needed
// growing as marks shrink). The events of a layer must be told apart at a
// glance: a floor of 20, far beyond noticing. What a line holds (the
// owners) is read on inspection, over areas of many cells: 8. The
// reservation's free tint is a whole region and labelled: 5.
//
// In greyscale only luminance is left, so the floor is a WCAG contrast
// ratio, (L1 + 0.05) / (L2 + 0.05): its 0.05 is the flare of a viewing
// environment, which is what a washed-out projector adds. WCAG asks 3 for
// graphics against their background and 4.5 for text; between two data
// colours we ask 1.4 for the events (a clear step of grey), 1.15 for the
// owners, and the WCAG figures for text and chart lines.
const (
	eventDelta, eventContrast = 20, 1.4
	ownerDelta, ownerContrast = 8, 1.15
	tintDelta, tintContrast   = 5, 1.1
	// A chart's lines also differ in style (solid, dashed), so their
	// colours need only be clearly different, not different at a glance.
	seriesDelta, seriesContrast = 20, 1.4
	lineContrast                = 3   // a chart line or bar against the background
	textContrast                = 4.5 // text against the background, in every view
)

// colourPair is two colours a reader must tell apart, as they are shown.
type colourPair struct {
	name     string
	a, b     [4]byte
	delta    float64 // least CIEDE2000 difference in the coloured views; 0: not required
	contrast float64 // least luminance contrast in greyscale; 0: not required
	text     bool    // contrast is required in every view, and no delta
}

// mustDiffer lists the pairs of p a reader must tell apart, each as the
// scene shows it: a stream's flash is drawn at half strength over what its
// line holds (Faded(e, 1, owner)), a KV flash at full strength.
func mustDiffer(p *Palette) []colourPair {
	c := func(i Index) [4]byte { return p.RGBA[i] }
	rgba := func(x [4]byte) [4]byte { return x }
	bg := c(Gap)
	var ps []colourPair
	add := func(name string, a, b [4]byte, delta, contrast float64) {
		ps = append(ps, colourPair{name: name, a: a, b: b, delta: delta, contrast: contrast})
	}
	streams := []struct {
		name  string
		owner Index
	}{{"weights", Weights}, {"indexer", Indexer}}
	// The three outcomes, one another and the background.
	add("hit/blocking miss", c(Hit), c(BlockingMiss), eventDelta, eventContrast)
	for _, s := range streams {
		miss := c(Faded(Miss, 1, s.owner))
		add("hit/stream miss over "+s.name, c(Hit), miss, eventDelta, eventContrast)
		add("stream miss over "+s.name+"/blocking miss", miss, c(BlockingMiss), eventDelta, eventContrast)
		// Secondary: the half-strength sweeps of a stream, its hits against
		// its misses, and a miss against the line it lands on.
		add("stream hit/stream miss over "+s.name, c(Faded(Hit, 1, s.owner)), miss, ownerDelta, ownerContrast)
		add("stream miss/"+s.name+" line", miss, c(s.owner), ownerDelta, ownerContrast)
	}
	add("evicted/hit", c(Evicted), c(Hit), eventDelta, eventContrast)
	add("evicted/blocking miss", c(Evicted), c(BlockingMiss), eventDelta, eventContrast)
	for _, e := range []Index{Hit, BlockingMiss, Evicted} {
		for _, o := range []Index{Gap, Empty} {
			add(fmt.Sprintf("event %d/owner %d", e, o), c(e), c(o), eventDelta, eventContrast)
		}
	}
	// What lines hold.
	add("empty/indexer", c(Empty), c(Indexer), ownerDelta, ownerContrast)
	add("empty/weights", c(Empty), c(Weights), ownerDelta, ownerContrast)
	add("indexer/weights", c(Indexer), c(Weights), ownerDelta, ownerContrast)
	for l := range KVHues {
		for _, o := range []Index{Empty, Indexer, Weights} {
			add(fmt.Sprintf("KV hue %d/owner %d", l, o), c(KV(l)), c(o), ownerDelta, 0)
		}
		// A gather's flashes land on KV lines.
		for _, e := range []Index{Hit, BlockingMiss} {
			add(fmt.Sprintf("event %d/KV hue %d", e, l), c(e), c(KV(l)), eventDelta, eventContrast)
		}
	}
	add("empty/reserved free", c(Empty), c(ReservedEmpty), tintDelta, tintContrast)
	// The token strip's marks.
	add("selected/context", c(Selected), c(Context), eventDelta, eventContrast)
	add("held/empty", c(Resident), c(Empty), eventDelta, eventContrast)
	// The charts' two runs, and their lines against the background.
	add("series A/series B", c(ChartA), c(ChartB), seriesDelta, seriesContrast)
	for _, s := range []Index{ChartA, ChartB} {
		add(fmt.Sprintf("series %d/background", s), c(s), bg, eventDelta, lineContrast)
	}
	for _, t := range []struct {
		name string
		c    [4]byte
	}{{"text", rgba(colourBytes(p.Text))}, {"muted text", rgba(colourBytes(p.Muted))}, {"chart axis", c(ChartAxis)}} {
		ps = append(ps, colourPair{name: t.name + "/background", a: t.c, b: bg, contrast: textContrast, text: true})
	}
	return ps
}

// contrastIn is the luminance contrast of a and b as seen in view v.
func contrastIn(a, b [4]byte, v cvdView) float64 {
	y := func(c [4]byte) float64 {
		s := seen(c, v)
		return 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	}
	return contrast(y(a), y(b))
}

// palettes are the app's two themes, each held to the same floors.
var palettes = []struct {
	name string
	pal  func() Palette
}{{"default", DefaultPalette}, {"lecture", LecturePalette}}

func TestPaletteSurvivesColourBlindness(t *testing.T) {
	for _, th := range palettes {
		t.Run(th.name, func(t *testing.T) { testSurvives(t, th.pal()) })
	}
}

// testSurvives checks every pair of p a reader must tell apart in every view.
func testSurvives(t *testing.T, p Palette) {
	t.Helper()
	for _, pr := range mustDiffer(&p) {
		for v := range numViews {
			switch {
			case pr.text || v == greyscale:
				if pr.contrast > 0 {
					if got := contrastIn(pr.a, pr.b, v); got < pr.contrast {
						t.Errorf("%s in %s: contrast %.2f, want >= %.2f", pr.name, viewNames[v], got, pr.contrast)
					}
				}
			case pr.delta > 0:
				if got := difference(pr.a, pr.b, v); got < pr.delta {
					t.Errorf("%s in %s: ΔE00 %.1f, want >= %.0f", pr.name, viewNames[v], got, pr.delta)
				}
			}
		}
	}
}

// The measuring tools against what they must give.

func TestDeltaE00SharmaData(t *testing.T) {
	// Pairs of Sharma, Wu and Dalal's (2005) supplementary test data.
	tests := []struct {
		p, q lab
		want float64
	}{
		{lab{50, 2.6772, -79.7751}, lab{50, 0, -82.7485}, 2.0425},
		{lab{50, 0, 0}, lab{50, -1, 2}, 2.3669},
		{lab{50, 2.49, -0.001}, lab{50, -2.49, 0.0009}, 7.1792},
		{lab{50, 2.49, -0.001}, lab{50, -2.49, 0.0011}, 7.2195},
		{lab{50, 2.5, 0}, lab{73, 25, -18}, 27.1492},
		{lab{50, 2.5, 0}, lab{61, -5, 29}, 22.8977},
		{lab{50, 2.5, 0}, lab{56, -27, -3}, 31.9030},
		{lab{50, 2.5, 0}, lab{58, 24, 15}, 19.4535},
		{lab{50, 2.5, 0}, lab{50, 3.1736, 0.5854}, 1.0000},
		{lab{60.2574, -34.0099, 36.2677}, lab{60.4626, -34.1751, 39.4387}, 1.2644},
	}
	for _, tt := range tests {
		for _, pq := range [][2]lab{{tt.p, tt.q}, {tt.q, tt.p}} {
			if got := deltaE00(pq[0], pq[1]); math.Abs(got-tt.want) > 1e-4 {
				t.Errorf("deltaE00(%v, %v) = %.4f, want %.4f", pq[0], pq[1], got, tt.want)
			}
		}
	}
}

func TestLabOfWhiteAndBlack(t *testing.T) {
	if w := labOf([3]float64{1, 1, 1}); math.Abs(w.L-100) > 0.01 || math.Abs(w.A) > 0.01 || math.Abs(w.B) > 0.01 {
		t.Errorf("labOf(white) = %v, want {100 0 0}", w)
	}
	if k := labOf([3]float64{}); k != (lab{}) {
		t.Errorf("labOf(black) = %v, want {0 0 0}", k)
	}
}

func TestMachadoMatrices(t *testing.T) {
	for v := protanopia; v <= tritanopia; v++ {
		// A grey is seen as the same grey: every row sums to 1.
		for _, g := range []byte{0, 0x40, 0x80, 0xff} {
			s, want := seen([4]byte{g, g, g, 0xff}, v), linear(g)
			for i := range s {
				if math.Abs(s[i]-want) > 1e-5 {
					t.Errorf("%s: grey %#x seen as %v, want %.5f each", viewNames[v], g, s, want)
				}
			}
		}
	}
	hueOf := func(c [4]byte, v cvdView) float64 {
		l := labOf(seen(c, v))
		return math.Atan2(l.B, l.A) * 180 / math.Pi
	}
	red, green := [4]byte{0xff, 0, 0, 0xff}, [4]byte{0, 0xff, 0, 0xff}
	// Red and green are far apart in hue for normal vision, and become
	// one hue (a yellowish one) for a deuteranope or a protanope.
	if d := math.Abs(hueOf(red, normalVision) - hueOf(green, normalVision)); d < 90 {
		t.Errorf("normal vision: red and green %.0f° apart in hue, want >= 90", d)
	}
	for _, v := range []cvdView{deuteranopia, protanopia} {
		if d := math.Abs(hueOf(red, v) - hueOf(green, v)); d > 10 {
			t.Errorf("%s: red and green %.0f° apart in hue, want <= 10", viewNames[v], d)
		}
	}
	// A tritanope confuses blue and green far more than red and green.
	blue := [4]byte{0, 0, 0xff, 0xff}
	if bg, rg := difference(blue, green, tritanopia), difference(red, green, tritanopia); bg >= rg {
		t.Errorf("tritanopia: blue/green ΔE00 %.1f, red/green %.1f: want blue/green the closer", bg, rg)
	}
}

func TestPaletteHex(t *testing.T) {
	p := DefaultPalette()
	named := p.Named()
	for _, name := range []string{"hit", "streamMiss", "blockingMiss", "evicted", "empty", "reservedEmpty", "indexer", "weights", "seriesA", "seriesB", "background", "text"} {
		hex, ok := named[name]
		if !ok {
			t.Errorf("Named() has no %q", name)
			continue
		}
		var r, g, b byte
		if n, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); n != 3 || err != nil || len(hex) != 7 {
			t.Errorf("Named()[%q] = %q, want #rrggbb", name, hex)
		}
	}
	if got, want := named["hit"], hexOf(p.RGBA[Hit]); got != want {
		t.Errorf(`Named()["hit"] = %q, want %q`, got, want)
	}
	if got, want := named["streamMissOnWeights"], hexOf(p.RGBA[Faded(Miss, 1, Weights)]); got != want {
		t.Errorf(`Named()["streamMissOnWeights"] = %q, want the stream miss as shown, %q`, got, want)
	}
}

// hexOf is the reference for Named's format.
func hexOf(c [4]byte) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

func TestKVHuesEvenLightness(t *testing.T) {
	for _, th := range []struct {
		name          string
		pal           Palette
		light, chroma float64
	}{{"default", DefaultPalette(), 45, 25}, {"lecture", LecturePalette(), 66, 20}} {
		p := th.pal
		for l := range KVHues {
			c := labOf(seen(p.RGBA[KV(l)], normalVision))
			chroma := math.Hypot(c.A, c.B)
			hue := math.Mod(math.Atan2(c.B, c.A)*180/math.Pi+360, 360)
			want := float64(20 + 30*l)
			if math.Abs(c.L-th.light) > 0.5 || math.Abs(chroma-th.chroma) > 1 || math.Abs(hue-want) > 1.5 {
				t.Errorf("%s: KV hue %d = %s: L* %.1f, chroma %.1f, hue %.1f°; want %.0f, %.0f, %.0f°", th.name, l, hexOf(p.RGBA[KV(l)]), c.L, chroma, hue, th.light, th.chroma, want)
			}
		}
	}
}
