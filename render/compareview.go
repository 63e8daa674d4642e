package render

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/engine"
)

// compareValues are the ratios the comparison line prints, rounded to what
// it shows, so that it is re-formatted only when a printed value changes.
type compareValues struct {
	ran            bool
	blockA, blockB int64
	kvA, kvB       int // KV hit rates in tenths of a percent
	blockRatio     int // A's blocking misses over B's, in hundredths; -1 unknown
	tokensRatio    int // A's tokens/s over B's, in hundredths; -1 unknown
}

// readCompare computes the comparison of A against B, from the engine's
// own figures.
func readCompare(a, b engine.View) compareValues {
	ra, rb := a.RunStats(), b.RunStats()
	v := compareValues{blockRatio: -1, tokensRatio: -1}
	if ra.Class.Sum().Accesses == 0 {
		return v
	}
	v.ran = true
	v.blockA, v.blockB = ra.BlockingMisses(), rb.BlockingMisses()
	v.kvA, v.kvB = tenths(ra.KVHitRate()), tenths(rb.KVHitRate())
	if v.blockB > 0 {
		v.blockRatio = int(math.Round(100 * float64(v.blockA) / float64(v.blockB)))
	}
	if ta, tb := ra.TokensPerSecond(), rb.TokensPerSecond(); ta > 0 && tb > 0 && !math.IsInf(ta, 0) && !math.IsInf(tb, 0) {
		v.tokensRatio = int(math.Round(100 * ta / tb))
	}
	return v
}

// compareView is the line over two panes that says what the comparison
// shows: A's blocking misses, KV hit rate and tokens/s against B's.
type compareView struct {
	rect    image.Rectangle
	vals    compareValues
	playing bool
	fresh   bool
	line    textLine
	state   textLine // playing or paused, on the right (the panes' HUDs leave it out)
}

func (v *compareView) layout(r image.Rectangle) { v.rect, v.fresh = r, false }

// update rewrites the line if a printed value changed, and reports it.
func (v *compareView) update(a, b engine.View, st Status, f *fonts, pal *Palette) bool {
	n := readCompare(a, b)
	if v.fresh && n == v.vals && st.Playing == v.playing {
		return false
	}
	v.vals, v.playing, v.fresh = n, st.Playing, true
	if st.Playing {
		v.state.set("Playing", f.gBody, pal.Color(Hit))
	} else {
		v.state.set("Paused", f.gBody, pal.Color(ChartA))
	}
	room := v.rect.Dx() - v.state.W - px(16, f.zoom)
	v.line.end(compareText(v.line.begin(f.gBody, pal.Text), n, true))
	if !v.line.fits(v.line.buf, room) {
		v.line.end(compareText(v.line.begin(f.gBody, pal.Text), n, false))
		v.line.truncate(room)
	}
	return true
}

// compareText appends the comparison, shorter when long is false.
func compareText(b []byte, n compareValues, long bool) []byte {
	if !n.ran {
		return append(b, "A against B on the same selection trace: after the first layer"...)
	}
	if long {
		b = append(b, "A vs B, same trace · Blocking misses: A "...)
	} else {
		b = append(b, "A vs B · Blocking: A "...)
	}
	b = appendCommas(b, n.blockA)
	b = append(b, ", B "...)
	b = appendCommas(b, n.blockB)
	if n.blockRatio >= 0 {
		b = append(b, " ("...)
		b = appendHundredths(b, n.blockRatio)
		b = append(b, "×)"...)
	}
	b = append(b, " · KV hit rate "...)
	b = appendTenths(b, n.kvA)
	b = append(b, "% vs "...)
	b = appendTenths(b, n.kvB)
	b = append(b, '%')
	if n.tokensRatio >= 0 {
		b = append(b, " · tokens/s "...)
		b = appendHundredths(b, n.tokensRatio)
		b = append(b, "×"...)
		if long {
			b = append(b, " B's"...)
		}
	}
	return b
}

// appendHundredths appends n/100 with two decimals.
func appendHundredths(b []byte, n int) []byte {
	b = appendCommas(b, int64(n/100))
	b = append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
	return b
}

func (v *compareView) draw(dst *ebiten.Image, p *painter) {
	if v.rect.Empty() {
		return
	}
	p.text(dst, &v.line, v.rect.Min.X, v.rect.Min.Y)
	p.text(dst, &v.state, v.rect.Max.X-v.state.W, v.rect.Min.Y)
}
