package render

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// helpSection is a heading and its paragraphs; the colours section shows
// the legend's swatches instead, two entries a line.
type helpSection struct {
	heading string
	paras   []string
	colours bool
}

// helpKeys are the keyboard shortcuts (issue 3, section 4).
var helpKeys = []string{
	"Space: play or pause. Right arrow: one decode step (paused); Shift+Right: one layer",
	"Left arrow: back one step (re-simulated from a checkpoint: the numbers of a run that never went back)",
	"C: compare A with B on the same trace (B starts as A without a reservation; the panel's Edit button edits B)",
	"G: charts over the latest 300 steps, per layer, and the reservation curve: a token LRU's hits at every size (global solid, per layer dashed; dotted: A's and B's sizes; ×: MIN at A's size, measured paused)",
	"L: the lecture theme. N: the guided tour's next scene (tour=K links one)",
	"< and > (also , and .): the previous and next request of a batch (req=K), for A and B",
	"R: reset to step 0. H or ?: this help's next page, or close it (Escape closes it too). F: full screen",
	"Pointer: rest it on a cache line, a slot or a strip token for its details (address, tag, set index, offset, way, owner, replacement state; a token's history); it changes nothing. A cell's flash is its set's, not its line's",
}

// helpSections returns the help's text for a config (its timing constants
// appear in the formula).
func helpSections(cfg config.Config, t3 *Measured) []helpSection {
	secs := []helpSection{
		{heading: "Keys", paras: helpKeys},
		{heading: "What you see", paras: []string{
			"The LLC: one cell per cache line. Sets run down the columns, the ways of a set side by side; the shared part on the left, the reservation on the right, tinted violet. When lines outnumber pixels, a pixel shows the most urgent event among its lines, else what most of them hold.",
			"Flashes show the latest layer: each access lights the next way of its set from the left (hit bluish green, blocking miss vermillion, a stream's miss sky blue at half strength over what the line holds), each eviction the next way from the right (grey). They fade as newer layers run. The counts are in the HUD.",
			"The token strip: the layer's context, left to right; its top-k selection, the tokens the reservation holds, and the gather's hits, misses and evictions.",
		}},
		{heading: "Colours", colours: true},
		{heading: "DSA: dynamic sparse attention", paras: []string{
			"For each new token, every layer's lightning indexer reads the indexer keys of all N context tokens (a sequential stream) and picks the top-k; attention then gathers only those tokens' KV entries, scattered over memory. The layer's weights stream through the LLC too.",
		}},
		{heading: "The reservation", paras: []string{
			"Part of the LLC kept for KV entries, so that the streams (indexer keys, and weights larger than the LLC) cannot flush them. Modes: ways (way partitioning of every set), prevk (keep the previous step's top-k), pages (LRU of whole pages), tokens (the proposal: a token LRU).",
			"Token LRU: the reservation holds whole tokens (every line of a token's KV entry), keyed by layer and token, and evicts the least recently used token when full. A token selected again hits on all its lines.",
		}},
		{heading: "Blocking miss", paras: []string{
			"A KV line not in the LLC when attention gathers it: decoding waits for memory. Stream misses are prefetched and overlap; they cost bandwidth, not latency.",
		}},
		{heading: "Estimated step time", paras: []string{
			"timeModel " + cfg.TimeModel + ": " + engine.TimeFormula(cfg.TimeModel),
			fmt.Sprintf("Here bandwidth = %s GB/s, missLatency = %s ns, hitLatency = %s ns, mlp = %d, kvBytes = %d, pageTokens = %d.",
				appendRate(nil, cfg.Bandwidth), appendRate(nil, cfg.MissLatency), appendRate(nil, cfg.HitLatency), cfg.MLP, cfg.KVBytes, cfg.PageTokens),
			"It is an estimate for teaching and comparing configurations, not a cycle-accurate model.",
		}},
	}
	if t3 == nil {
		return secs
	}
	// What was measured on these runs comes first, MIN's gap before Table
	// 3, so that it shows even when the rest overflows the box.
	measured := []helpSection{t3.section()}
	if t3.MIN != nil {
		measured = []helpSection{t3.MIN.section(), t3.section()}
	}
	return append(measured, secs...)
}

// Measured is what the help measures on the runs when it opens: the
// paper's Table 3 on the selection trace (trace.Measure) with the trace's
// name ("" for the generator), and A's token LRU against Belady's MIN.
type Measured struct {
	Trace string
	Stats trace.Stats
	MIN   *MINGap // nil outside mode tokens
}

// MINGap is A's token LRU against Belady's MIN at the same reservation
// over the completed steps: reserved-hit lines of each, of the lines the
// gathers read.
type MINGap struct {
	Steps, Slots int
	Scope        string
	Horizon      int
	LRU, MIN     int64
	Gathered     int64
	Problem      string // why MIN has no figure ("" when it has)
}

// section is the help's MIN section.
func (g *MINGap) section() helpSection {
	sec := helpSection{heading: "Belady's MIN against the token LRU"}
	if g.Problem != "" {
		sec.paras = []string{"No MIN figure: " + g.Problem + "."}
		return sec
	}
	pct := func(n int64) float64 { return 100 * float64(n) / float64(max(g.Gathered, 1)) }
	reach := 100.0
	if g.MIN > 0 {
		reach = 100 * float64(g.LRU) / float64(g.MIN)
	}
	sec.paras = []string{
		fmt.Sprintf("Over the %d steps run, with %d token slots (scope %s) and MIN seeing %d steps ahead: token LRU %d reserved-hit lines (%.1f%% of the KV lines gathered), MIN %d (%.1f%%). The LRU gets %.0f%% of what any policy could at this size; the gap is %d lines.",
			g.Steps, g.Slots, g.Scope, g.Horizon, g.LRU, pct(g.LRU), g.MIN, pct(g.MIN), reach, g.MIN-g.LRU),
	}
	return sec
}

// section is the help's Table 3 section: each row's mean / P95 / σ on the
// trace beside the paper's.
func (t *Measured) section() helpSection {
	src := "the synthetic generator"
	if t.Trace != "" {
		src = "trace " + t.Trace
	}
	sec := helpSection{heading: "Table 3 on this trace", paras: []string{
		fmt.Sprintf("Measured on %s over %d steps of %d layers, k = %d, as the paper defines each (mean / P95 / σ; the paper's in brackets):",
			src, t.Stats.Steps, t.Stats.Layers, t.Stats.TopK)}}
	paper := trace.PaperStats()
	for _, row := range trace.Table3Rows() {
		m, p := row.Of(t.Stats), row.Of(paper)
		sec.paras = append(sec.paras, fmt.Sprintf("%s: %.2f / %.2f / %.2f %s (%.2f / %.2f / %.2f)",
			row.Name, m.Mean, m.P95, m.Sigma, row.Unit, p.Mean, p.P95, p.Sigma))
	}
	return sec
}

// wrap splits s into lines no wider than width pixels in face, breaking at
// spaces; a word wider than width gets a line of its own.
func wrap(s string, face text.Face, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && text.AdvanceAt(next, len(next), face) > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// helpView draws the help overlay: the whole text is drawn once into an
// image for a size, zoom and config, and drawn over a dimmed scene.
type helpView struct {
	rect image.Rectangle
	z    float64
	cfg  config.Config
	t3   *Measured
	img  *ebiten.Image
	// shade dims the scene behind the box and frame outlines it, from the
	// palette the help was laid out with.
	shade, frame color.RGBA
	// page is the page shown (0-based) of pages; fits reports that its
	// text fitted the box (else its ends are cut).
	page, pages int
	fits        bool
}

// helpFit is how a page of the help's sections is laid out: its columns'
// first sections, their width and the faces.
type helpFit struct {
	starts      []int
	colW        int
	body, small *sizedFace
	fits        bool // the sections fit the room
}

// fit lays out secs in a box w wide with room pixels of height: the
// fewest columns (up to helpMaxColumns) that hold them, split where they
// balance, the text shrunk to helpMinShrink at most; if none does, the
// most columns at the smallest size, fits false.
func fitHelp(secs []helpSection, f *fonts, w, pad, room int) helpFit {
	var h helpFit
	for cols := 1; cols <= helpMaxColumns; cols++ {
		h.colW = (w - (cols+1)*pad) / cols
		for k := 1.0; k >= helpMinShrink-1e-9; k -= 0.05 {
			h.body, h.small = f.face(f.body.size*k), f.face(f.small.size*k)
			var height int
			h.starts, height = helpColumns(secs, h.body, h.small, h.colW, cols)
			if height <= room {
				h.fits = true
				return h
			}
		}
	}
	return h
}

// helpPages splits secs into pages that each fit (fitHelp), as few as
// greedy filling gives, and returns each page's first section; a section
// too tall for a page alone gets a page of its own.
func helpPages(secs []helpSection, f *fonts, w, pad, room int) []int {
	if fitHelp(secs, f, w, pad, room).fits {
		return []int{0}
	}
	starts := []int{0}
	for i := 1; i < len(secs); i++ {
		if !fitHelp(secs[starts[len(starts)-1]:i+1], f, w, pad, room).fits {
			starts = append(starts, i)
		}
	}
	return starts
}

// Pages is the number of pages the help took when last laid out (at
// least 1).
func (v *helpView) Pages() int { return max(1, v.pages) }

// layout redraws page page (0-based, modulo the pages) of the help for
// area r if anything it depends on changed.
func (v *helpView) layout(r image.Rectangle, f *fonts, pal *Palette, p *painter, cfg config.Config, t3 *Measured, page int) bool {
	if r == v.rect && f.zoom == v.z && cfg == v.cfg && t3 == v.t3 && page == v.page && v.img != nil {
		return false
	}
	v.rect, v.z, v.cfg, v.t3, v.page = r, f.zoom, cfg, t3, page
	v.shade, v.frame = pal.Shade, pal.Reserved
	if v.img != nil {
		v.img.Deallocate()
		v.img = nil
	}
	m := px(2*marginSize, f.zoom)
	box := r.Inset(m)
	if box.Empty() {
		return true
	}
	v.img = ebiten.NewImage(box.Dx(), box.Dy())
	v.img.Fill(pal.Box)
	pad := px(marginSize, f.zoom)
	top := pad + lineHeight(f.title) + pad/2
	room := box.Dy() - pad - top
	all := helpSections(cfg, t3)
	pages := helpPages(all, f, box.Dx(), pad, room)
	v.pages = len(pages)
	k := page % len(pages)
	end := len(all)
	if k+1 < len(pages) {
		end = pages[k+1]
	}
	secs := all[pages[k]:end]
	fit := fitHelp(secs, f, box.Dx(), pad, room)
	v.fits = fit.fits
	starts, colW, body, small := fit.starts, fit.colW, fit.body, fit.small
	title := "Help: press H or ? to close"
	if len(pages) > 1 {
		title = fmt.Sprintf("Help, page %d of %d: press H or ? for page %d", k+1, len(pages), k+2)
		if k+1 == len(pages) {
			title = fmt.Sprintf("Help, page %d of %d: press H or ? to close", k+1, len(pages))
		}
	}
	var op text.DrawOptions
	put := func(s string, face *sizedFace, c color.RGBA, x, y int) {
		op.GeoM.Reset()
		op.GeoM.Translate(float64(x), float64(y))
		op.ColorScale.Reset()
		op.ColorScale.ScaleWithColor(c)
		text.Draw(v.img, s, face, &op)
	}
	put(title, f.title, pal.Text, pad, pad)
	bodyH, smallH := lineHeight(body), lineHeight(small)
	x, y := pad, top
	col := 0
	for i, sec := range secs {
		if col+1 < len(starts) && i == starts[col+1] {
			col++
			x, y = pad+col*(colW+pad), top
		}
		put(sec.heading, body, pal.Reserved, x, y)
		y += bodyH
		if sec.colours {
			sw := smallH * 2 / 3
			for j, e := range legendEntries {
				cx, cy := x+j%2*colW/2, y+j/2*smallH
				part := 2 * sw / len(e.swatch)
				for k, c := range e.swatch {
					p.rect(v.img, cx+k*part, cy+(smallH-sw)/2, part, sw, pal.Color(c))
				}
				put(e.short, small, pal.Text, cx+2*sw+sw/2, cy)
			}
			y += (len(legendEntries)+1)/2*smallH + smallH/3
		}
		for _, para := range sec.paras {
			for _, line := range wrap(para, small, float64(colW)) {
				put(line, small, pal.Text, x, y)
				y += smallH
			}
			y += smallH / 3
		}
		y += smallH / 2
	}
	return true
}

// helpMaxColumns is the most columns the help's text takes, and
// helpMinShrink the smallest its text shrinks to; a help that does not
// fit so takes pages.
const (
	helpMaxColumns = 3
	helpMinShrink  = 0.75
)

// helpColumns returns where each of cols columns of width w starts (the
// first at 0) so that the tallest is as short as it can be, and its
// height; with fewer sections than columns, one section a column.
func helpColumns(secs []helpSection, body, small *sizedFace, w, cols int) (starts []int, height int) {
	heights := make([]int, len(secs))
	for i := range secs {
		heights[i] = helpHeight(secs[i:i+1], body, small, w)
	}
	return balancedSplit(heights, cols)
}

// balancedSplit splits items of heights h, in order, into at most cols
// contiguous columns so that the tallest column is as short as possible
// (exhaustively: a help has a dozen sections), and returns each column's
// first item and the tallest column's height.
func balancedSplit(h []int, cols int) (starts []int, height int) {
	if cols <= 1 || len(h) <= 1 {
		sum := 0
		for _, v := range h {
			sum += v
		}
		return []int{0}, sum
	}
	height = -1
	for first := 1; first < len(h); first++ {
		top := 0
		for _, v := range h[:first] {
			top += v
		}
		if height >= 0 && top >= height {
			break // longer first columns are only taller
		}
		rest, hr := balancedSplit(h[first:], cols-1)
		if tallest := max(top, hr); height < 0 || tallest < height {
			height = tallest
			starts = append([]int{0}, rest...)
			for i := 1; i < len(starts); i++ {
				starts[i] += first
			}
		}
	}
	return starts, height
}

// helpHeight is the height the sections take in a column of width w.
func helpHeight(secs []helpSection, body, small *sizedFace, w int) int {
	bodyH, smallH := lineHeight(body), lineHeight(small)
	h := 0
	for _, sec := range secs {
		h += bodyH + smallH/2
		if sec.colours {
			h += (len(legendEntries)+1)/2*smallH + smallH/3
		}
		for _, para := range sec.paras {
			h += len(wrap(para, small, float64(w)))*smallH + smallH/3
		}
	}
	return h
}

// draw dims the scene and draws the help box over it.
func (v *helpView) draw(dst *ebiten.Image, p *painter) {
	if v.img == nil {
		return
	}
	r := v.rect
	p.rect(dst, r.Min.X, r.Min.Y, r.Dx(), r.Dy(), v.shade)
	m := px(2*marginSize, v.z)
	p.image(dst, v.img, r.Min.X+m, r.Min.Y+m, 1)
	p.frame(dst, r.Min.X+m, r.Min.Y+m, r.Dx()-2*m, r.Dy()-2*m, px(2, v.z), v.frame)
}
