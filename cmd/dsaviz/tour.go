package main

import (
	"fmt"
	"strconv"
)

// A guided tour (issue 12, section 3): prepared scenes, each a link's query
// and a one-line caption (at most 72 characters, so that it fits the
// banner's line at 1280 CSS pixels; TestTourCaptionsFit). N (or tour=K in
// a link, 1-based) shows a scene; its link is ?tour=K while the runs stay
// as the scene set them.
type tourScene struct {
	query   string
	caption string
	// pauseAt, if above 0, pauses the scene once pauseAt decode steps
	// have run (MIN's figures need steps, and are measured paused), and
	// with help opens the help, measured over them.
	pauseAt int
	help    bool
}

// tourScenes are the tour, in order.
var tourScenes = []tourScene{
	{"preset=small-demo&mode=none&reserve=0",
		"No reservation: the weight stream flushes the LLC; KV reads block.", 0, false},
	{"preset=small-demo&mode=ways&reserve=32KiB&cmp=1",
		"Way partitioning (like Intel CAT): half the ways hold KV only. B: none.", 0, false},
	{"preset=small-demo&cmp=1",
		"Token reservation (the paper's): whole tokens in a token LRU. B: none.", 0, false},
	{"preset=dsv32-h100&cmp=1&b.mode=prevk",
		"Too small: a 96 MB gather thrashes a 20 MiB token LRU. B: prevk.", 0, false},
	// Measured with dsasim run -steps 24: at 2,500 slots (10000KiB)
	// llama70b-h200's KV hit rate is 0.097 in the layer scope and 0 in
	// the global one (README, "Belady's MIN, the whole curve, and the
	// reservation's scope").
	{"preset=llama70b-h200&reserve=10000KiB&tokenScope=layer&cmp=1&b.mode=tokens&b.tokenScope=global",
		"Per-layer scope: A's LRU per layer hits; B's one global LRU thrashes.", 0, false},
	// small-demo, 8 steps: token LRU 882 reserved hits, MIN 1,212
	// (dsasim run -steps 8, minReservedHits).
	{"preset=small-demo",
		"MIN's gap: Belady's MIN, seeing ahead, beats the token LRU (see help).", 8, true},
	// The charts, the reservation curve among them, paused after 12 steps
	// so that the curve chart measures MIN at A's size.
	{"preset=small-demo&cmp=1&charts=1",
		"The curve: token LRU hits at every reserve size, × MIN; A vs B above.", 12, false},
}

// paramTour = K opens scene K of the tour.
const paramTour = "tour"

// parseTour reads the tour parameter: a scene number 1..len(tourScenes).
func parseTour(v string) (int, error) {
	k, err := strconv.Atoi(v)
	if err != nil || k < 1 || k > len(tourScenes) {
		return 0, fmt.Errorf("tour must be a scene 1..%d, got %q", len(tourScenes), v)
	}
	return k, nil
}

// tourCaption is what the scene shows of scene k: its number and caption.
func tourCaption(k int) string {
	return fmt.Sprintf("Scene %d of %d: %s", k, len(tourScenes), tourScenes[k-1].caption)
}

// nextScene shows the tour's next scene (the first after the last, or
// when no scene is shown), paused at step 0 with the scene's runs.
func (g *Game) nextScene() {
	k := g.link.tour%len(tourScenes) + 1
	g.showScene(k)
}

// showScene applies scene k's query as a change of the runs.
func (g *Game) showScene(k int) {
	g.applyChange(tourScenes[k-1].query + "&play=1")
	if g.errMsg != "" {
		return // refused: the runs are as they were
	}
	g.link.tour, g.link.tourSpec = k, g.run.spec
	g.link.launched.charts = g.sceneCharts(k)
	g.link.tourHelp = tourScenes[k-1].pauseAt
	g.showHelp = false
	g.showURL()
}

// tourHelp pauses a scene that asks for it once its steps have run, and
// opens its help, measured over them, if it asks for that too. Update
// calls it after advancing.
func (g *Game) tourHelp() {
	at := g.link.tourHelp
	if at == 0 || g.tourShown() == 0 {
		g.link.tourHelp = 0
		return
	}
	if g.run.cmp.Step() < at {
		return
	}
	g.link.tourHelp = 0
	g.run.play.pause()
	if tourScenes[g.link.tour-1].help {
		g.showHelp, g.helpPage = true, 0
		g.measureTrace()
	}
}

// sceneCharts reports whether scene k shows the charts.
func (g *Game) sceneCharts(k int) bool {
	ch, err := parseChange(tourScenes[k-1].query, g.run.spec)
	return err == nil && ch.charts > 0
}

// tourShown is the tour's scene while the runs are the ones it set, else 0.
func (g *Game) tourShown() int {
	if g.link.tour == 0 || g.run.runs == nil || g.run.spec != g.link.tourSpec {
		return 0
	}
	return g.link.tour
}

// caption is the tour's caption while a scene is shown, else "".
func (g *Game) caption() string {
	if k := g.tourShown(); k > 0 {
		return tourCaption(k)
	}
	return ""
}

// tourQuery is the link of tour scene k with the page's parameters that
// differ from the scene's (play=0, lecture=1, embed=1, speed).
func tourQuery(k int, p page) string {
	q := paramTour + "=" + strconv.Itoa(k)
	if p.paused {
		q += "&" + paramPlay + "=0"
	}
	if p.speed != defaultSpeed {
		q += "&" + paramSpeed + "=" + strconv.FormatFloat(p.speed, 'g', -1, 64)
	}
	if p.lecture {
		q += "&" + paramLecture + "=1"
	}
	if p.embed {
		q += "&" + paramEmbed + "=1"
	}
	return q
}
