package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/engine"
)

// hudValues are the numbers the HUD shows, rounded to what it prints, so
// that its labels are re-formatted only when a printed value changes.
type hudValues struct {
	name                    string // the run's name when comparing ("A", "B"), "" alone
	quiet                   bool   // leave playing/paused and the frame rates to another HUD
	ran, done               bool
	step, steps             int // 1-based step of the last layer run
	layer, layers           int // 1-based
	context                 int
	kvStep, kvTotal         int // KV hit rates in tenths of a percent, -1 unknown
	allTotal                int // hit rate of every access, tenths of a percent, -1 unknown
	blockStep, blockTotal   int64
	stepSeconds, tokensRate float64
	playing                 bool
	fps, tps                int
	// With a batch of several requests (requests > 1): the request shown
	// (1-based), its KV hit rate in tenths of a percent (-1 unknown) and
	// its blocking misses, over the layers run so far.
	request, requests int
	reqKV             int
	reqBlock          int64
	// seek is the step a jump is re-simulating to (1-based, as step
	// counts: the jump ends after that step's last layer), 0 when none.
	seek int
}

// readHUD reads the HUD's numbers from the run and the status. The figures
// are the engine's own (engine.RunStats), as window.dsaviz.stats() and
// dsasim report them.
func readHUD(e engine.View, st Status, h hudRun) hudValues {
	cfg := e.Config()
	v := hudValues{
		name: h.name, quiet: h.quiet,
		steps: cfg.Steps, layers: cfg.Layers, done: e.Done(), playing: st.Playing,
		fps: int(math.Round(st.FPS)), tps: int(math.Round(st.TPS)),
		kvStep: -1, kvTotal: -1, allTotal: -1, seek: max(st.Seek, 0),
	}
	step, layer, ok := e.Ran()
	v.ran = ok
	v.step, v.layer, v.context = step+1, layer+1, cfg.Prompt+step
	if h := e.History(); len(h) > 0 {
		v.kvStep = tenths(h[len(h)-1].KVHitRate())
	}
	run := e.RunStats()
	if run.Class.Sum().Accesses > 0 {
		v.kvTotal, v.allTotal = tenths(run.KVHitRate()), tenths(run.HitRate())
	}
	v.stepSeconds, v.tokensRate = run.StepSeconds(), run.TokensPerSecond()
	v.blockTotal = run.BlockingMisses()
	cur := e.Current()
	if ok && layer == cfg.Layers-1 {
		cur = e.LastStep()
	}
	v.blockStep = cur.Class.BlockingMisses()
	return v
}

// tenths is a rate in tenths of a percent, rounded.
func tenths(rate float64) int { return int(math.Round(1000 * rate)) }

// hudView draws the heads-up display along the top of a pane: where the
// run is; the headline, the KV gather's hit rate and the blocking misses;
// then, smaller, the hit rate of every access (mostly streams, near 0), the
// estimated step time and tokens per second, playing or paused, and the
// frame and tick rates.
type hudView struct {
	rect                 image.Rectangle
	vals                 hudValues
	fresh                bool // the labels match vals
	request              int  // the request of the batch shown, 0-based (Scene.SetRequest)
	where, state         textLine
	rates, estimate, fps textLine
}

// layout places the HUD in r; its labels are rewritten on the next draw.
func (v *hudView) layout(r image.Rectangle) {
	v.rect, v.fresh = r, false
}

// update rewrites the lines whose values changed, into their reused
// buffers: while playing it runs every frame and allocates nothing.
func (v *hudView) update(e engine.View, st Status, h hudRun, f *fonts, pal *Palette) bool {
	n := readHUD(e, st, h)
	n.readRequest(e, v.request)
	if v.fresh && n == v.vals {
		return false
	}
	o := v.vals
	all := !v.fresh
	v.vals, v.fresh = n, true
	w := v.rect.Dx()
	if all || n.playing != o.playing {
		if n.playing {
			v.state.set("Playing", f.gTitle, pal.Color(Hit))
		} else {
			v.state.set("Paused", f.gTitle, pal.Color(ChartA))
		}
	}
	if all || n.fps != o.fps || n.tps != o.tps || n.quiet != o.quiet {
		b := v.fps.begin(f.gSmall, pal.Muted)
		if !n.quiet {
			b = appendCommas(b, int64(n.fps))
			b = append(b, " fps · "...)
			b = appendCommas(b, int64(n.tps))
			b = append(b, " tps"...)
		}
		v.fps.end(b)
	}
	if n.quiet {
		v.state.end(v.state.begin(f.gTitle, pal.Text))
	}
	gap := px(16, f.zoom)
	if all || n.ran != o.ran || n.step != o.step || n.layer != o.layer || n.done != o.done || n.name != o.name || n.context != o.context || n.request != o.request || n.seek != o.seek {
		face := f.gTitle
		if n.quiet {
			face = f.gBody // a pane of two: half the width
		}
		fitLevels(&v.where, w-v.state.W-gap, face, pal.Text, hudWhere, n)
	}
	if all || n.kvStep != o.kvStep || n.kvTotal != o.kvTotal || n.blockStep != o.blockStep || n.blockTotal != o.blockTotal ||
		n.request != o.request || n.requests != o.requests || n.reqKV != o.reqKV || n.reqBlock != o.reqBlock {
		fitLevels(&v.rates, w, f.gBody, pal.Text, hudRates, n)
	}
	if all || n.allTotal != o.allTotal || n.stepSeconds != o.stepSeconds || n.tokensRate != o.tokensRate || n.fps != o.fps || n.tps != o.tps {
		fitLevels(&v.estimate, w-v.fps.W-gap, f.gBody, pal.Muted, hudEstimate, n)
	}
	return true
}

// hudLevels is the number of forms of each HUD line, from the longest
// (level 0) to the most compact (level 3: a pane of two in the lecture
// theme's large text; a batch's headline puts the request first,
// hudRequestFirst).
const hudLevels = 4

// fitLevels sets the longest form of a HUD line that fits in maxW pixels,
// and cuts the most compact one with an ellipsis if none does, so that no
// text runs into its neighbours.
func fitLevels(l *textLine, maxW int, face *glyphFace, c color.RGBA, build func([]byte, hudValues, int) []byte, n hudValues) {
	for level := range hudLevels {
		b := build(l.begin(face, c), n, level)
		if fits := l.fits(b, maxW); fits || level == hudLevels-1 {
			l.end(b)
			if fits {
				return
			}
		}
	}
	l.truncate(maxW)
}

// hudWhere appends where the run is: step, layer and context.
func hudWhere(b []byte, n hudValues, level int) []byte {
	if n.name != "" {
		b = append(b, n.name...)
		b = append(b, ": "...)
	}
	if !n.ran {
		b = append(b, "Ready: "...)
		b = appendCommas(b, int64(n.steps))
		b = append(b, " steps of "...)
		b = appendCommas(b, int64(n.layers))
		return append(b, " layers"...)
	}
	if n.seek > 0 { // a jump's progress: where it goes, where it is
		b = append(b, [hudLevels]string{"Going to step ", "To step ", "→ ", "→"}[level]...)
		b = appendCommas(b, int64(n.seek))
		b = append(b, [hudLevels]string{", now at ", ": ", ": ", " "}[level]...)
	}
	of := " of "
	if level >= 2 {
		of = "/"
	}
	step, layer := "Step ", " · Layer "
	if level == 3 {
		step, layer = "", " · L"
	}
	b = append(b, step...)
	b = appendCommas(b, int64(n.step))
	b = append(b, of...)
	b = appendCommas(b, int64(n.steps))
	b = append(b, layer...)
	b = appendCommas(b, int64(n.layer))
	b = append(b, of...)
	b = appendCommas(b, int64(n.layers))
	if level == 0 {
		b = append(b, " · Context "...)
		b = appendCommas(b, int64(n.context))
		b = append(b, " tokens"...)
		if n.requests > 1 {
			b = append(b, " (request "...)
			b = appendCommas(b, int64(n.request))
			b = append(b, ')')
		}
	}
	if n.done {
		b = append(b, " · done"...)
	}
	return b
}

// hudRates appends the headline: the KV gather's hit rate and the
// blocking misses.
func hudRates(b []byte, n hudValues, level int) []byte {
	if n.requests > 1 && level == 3 {
		return hudRequestFirst(b, n)
	}
	if level == 3 { // KV 57% · Blocking 958
		b = append(b, "KV "...)
		if n.kvStep < 0 {
			b = append(b, '-')
		} else {
			b = appendCommas(b, int64((n.kvStep+5)/10)) // whole percent
			b = append(b, '%')
		}
		b = append(b, " · Blocking "...)
		return appendCommas(b, n.blockStep)
	}
	if n.requests > 1 && level < 2 {
		b = append(b, "Batch: "...) // the request's own figures follow
	}
	switch {
	case n.kvStep < 0 && level == 2:
		b = append(b, "KV hits: -"...)
	case n.kvStep < 0:
		b = append(b, "KV hit rate: after the first step"...)
	case level == 2:
		b = append(b, "KV hits "...)
		b = appendTenths(b, n.kvStep)
		b = append(b, '%')
	default:
		b = append(b, "KV hit rate "...)
		b = appendTenths(b, n.kvStep)
		b = append(b, "% last step"...)
		if level == 0 {
			b = append(b, " ("...)
			b = appendTenths(b, n.kvTotal)
			b = append(b, "% overall)"...)
		}
	}
	if level == 2 {
		b = append(b, " · Blocking "...)
	} else {
		b = append(b, " · Blocking misses "...)
	}
	b = appendCommas(b, n.blockStep)
	if level == 0 {
		b = append(b, " this step, "...)
		b = appendCommas(b, n.blockTotal)
		b = append(b, " in all"...)
	}
	return hudRequest(b, n, level)
}

// hudEstimate appends the secondary figures: every access's hit rate (the
// streams', near 0), the estimated mean step time and tokens per second,
// saying that they are an estimate.
func hudEstimate(b []byte, n hudValues, level int) []byte {
	if n.allTotal >= 0 && level < 2 {
		if level == 0 {
			b = append(b, "All accesses "...)
		} else {
			b = append(b, "All "...)
		}
		b = appendTenths(b, n.allTotal)
		b = append(b, "% hits · "...)
	}
	if n.stepSeconds <= 0 {
		if level == 3 {
			return append(b, "Est.: -"...)
		}
		return append(b, "Est. step time: after the first step"...)
	}
	if level == 3 { // the tokens/s alone, still called an estimate
		b = append(b, "Est. "...)
		b = appendRate(b, n.tokensRate)
		return append(b, " tok/s"...)
	}
	b = append(b, "Est. "...)
	b = appendSeconds(b, n.stepSeconds)
	b = append(b, "/step ≈ "...)
	b = appendRate(b, n.tokensRate)
	b = append(b, " tokens/s"...)
	if level == 0 {
		b = append(b, " (an estimate, not cycle-accurate)"...)
	}
	return b
}

// draw draws the HUD: where the run is and playing or paused on the first
// line, the rates on the second, the estimate and the frame rates on the
// third.
func (v *hudView) draw(dst *ebiten.Image, p *painter) {
	r := v.rect
	if r.Empty() {
		return
	}
	p.text(dst, &v.where, r.Min.X, r.Min.Y)
	p.text(dst, &v.state, r.Max.X-v.state.W, r.Min.Y)
	y := r.Min.Y + v.where.H
	p.text(dst, &v.rates, r.Min.X, y)
	y += v.rates.H
	p.text(dst, &v.estimate, r.Min.X, y)
	p.text(dst, &v.fps, r.Max.X-v.fps.W, y+(v.estimate.H-v.fps.H)/2)
}
