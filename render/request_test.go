package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// batchConfig is tinyConfig with a batch of three requests, whose prompts
// differ (seeded).
func batchConfig(mode string) config.Config {
	c := tinyConfig(mode)
	c.Batch = 3
	if mode == config.ModeTokens || mode == config.ModePrevK {
		c.Reserve = 3 * 8 * 64 // 8 token slots of one line per request
	}
	return c
}

// stripRowBins returns the bins of a strip row holding v.
func stripRowBins(s *tokenStrip, row int, v Index) []int {
	var bins []int
	for x, got := range s.idx[row*s.Width : (row+1)*s.Width] {
		if got == v {
			bins = append(bins, x)
		}
	}
	return bins
}

// tokenBins returns the bins the tokens fall in, in order, once each.
func tokenBins(s *tokenStrip, tokens []int32) []int {
	var bins []int
	for _, tok := range tokens {
		x0 := int(tok) / s.PerPixel * s.PixelsPer
		for x := x0; x < x0+s.PixelsPer; x++ {
			if len(bins) == 0 || bins[len(bins)-1] < x {
				bins = append(bins, x)
			}
		}
	}
	return bins
}

// gatheredByScan lists the tokens of a request's layer the events gathered
// (hit or missed), sorted and once each, from the events themselves: a
// line's request by scanning every request's token lines.
func gatheredByScan(lay *workload.Layout, ev []engine.Event, request, layer int) []int32 {
	var toks []int32
	for _, x := range ev {
		if x.Token < 0 || x.Outcome == engine.Evicted {
			continue
		}
		first, n := lay.TokenLines(request, layer, int(x.Token))
		if x.Line >= first && x.Line < first+uint64(n) {
			if !slices.Contains(toks, x.Token) {
				toks = append(toks, x.Token)
			}
		}
	}
	slices.Sort(toks)
	return toks
}

// TestStripShowsTheSelectedRequest: for each request of a batch, in every
// mode, the strip's counts, context and top-k row are that request's, and
// its gather row marks exactly the tokens that request's gather read.
func TestStripShowsTheSelectedRequest(t *testing.T) {
	for _, mode := range allModes {
		c := batchConfig(mode)
		e, err := engine.New(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := &sceneModel{}
		m.reset(e.View())
		m.setStripWidth(64)
		buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
		var ev []engine.Event
		for range c.Layers + 1 {
			ev = e.AdvanceLayer(buf)
			m.observe(e.View(), ev)
		}
		v := e.View()
		step, layer, _ := e.Ran()
		prompts := map[int]bool{}
		for r := range c.Batch {
			m.setRequest(r)
			m.update(v)
			s := &m.strip
			sel := v.SelectionOf(r, step, layer)
			if got := s.counts; got.Request != r || got.Context != v.Prompt(r)+step || got.Selected != len(sel) {
				t.Errorf("%s, request %d: counts %+v, want context %d, %d selected", mode, r, got, v.Prompt(r)+step, len(sel))
			}
			prompts[v.Prompt(r)] = true
			if got, want := stripRowBins(s, RowSelection, Selected), tokenBins(s, sel); !slices.Equal(got, want) {
				t.Errorf("%s, request %d: top-k bins %v, want %v", mode, r, got, want)
			}
			gathered := gatheredByScan(v.Layout(), ev, r, layer)
			if !slices.Equal(gathered, sel) {
				t.Errorf("%s, request %d: the events gathered %v, the selection is %v", mode, r, gathered, sel)
			}
			marked := append(stripRowBins(s, RowOutcomes, Hit), stripRowBins(s, RowOutcomes, BlockingMiss)...)
			slices.Sort(marked)
			if want := tokenBins(s, gathered); !slices.Equal(marked, want) {
				t.Errorf("%s, request %d: gather row marks bins %v, want %v", mode, r, marked, want)
			}
			if s.counts.Hits+s.counts.Misses != len(sel) {
				t.Errorf("%s, request %d: %d hits + %d misses, want the %d selected", mode, r, s.counts.Hits, s.counts.Misses, len(sel))
			}
		}
		if len(prompts) < 2 {
			t.Errorf("%s: every request has the same prompt %v: the test cannot tell them apart", mode, prompts)
		}
	}
}

// TestSelectedRequestClamped: the request asked for is clamped to the
// batch, and a new run of a smaller batch clamps it again.
func TestSelectedRequestClamped(t *testing.T) {
	e, m := runModel(batchConfig(config.ModeTokens), 3, 0)
	tests := []struct {
		name    string
		ask     int
		want    int
		changed bool
	}{
		{"second", 1, 1, true},
		{"same again", 1, 1, false},
		{"past the batch", 99, 2, true},
		{"negative", -4, 0, true},
		{"last", 2, 2, true},
	}
	for _, tt := range tests {
		if got := m.strip.setRequest(e.View(), tt.ask); got != tt.changed || m.strip.request != tt.want {
			t.Errorf("%s: setRequest(%d) = %v, request %d; want %v, %d", tt.name, tt.ask, got, m.strip.request, tt.changed, tt.want)
		}
	}
	one, err := engine.New(tinyConfig(config.ModeTokens), nil)
	if err != nil {
		t.Fatal(err)
	}
	m.reset(one.View())
	if m.strip.request != 0 {
		t.Errorf("after a run of one request, the strip shows request %d", m.strip.request)
	}
}

// TestRequestCountsSumToTheBatch: at every layer, the requests' blocking
// misses and KV accesses sum to the run's, and each request's equal its
// layers' own counts.
func TestRequestCountsSumToTheBatch(t *testing.T) {
	for _, mode := range allModes {
		e, err := engine.New(batchConfig(mode), nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; !e.Done(); i++ {
			e.AdvanceLayer(nil)
			var block, kv, pages int64
			for r := range e.Requests() {
				rs := RequestCounts(e.View(), r)
				block += rs.Class.BlockingMisses()
				kv += rs.Class[workload.KV].Accesses
				pages += rs.Roofline.MissPages
			}
			if want := e.Roofline().MissPages; pages != want {
				t.Fatalf("%s, layer %d: requests sum to %d missed pages, the run has %d", mode, i, pages, want)
			}
			tot := e.Totals()
			if block != tot.BlockingMisses() || kv != tot[workload.KV].Accesses {
				t.Fatalf("%s, layer %d: requests sum to %d blocking misses, %d KV accesses; the run has %d, %d",
					mode, i, block, kv, tot.BlockingMisses(), tot[workload.KV].Accesses)
			}
		}
		if c := RequestCounts(e.View(), 3); c != (engine.RequestStats{}) {
			t.Errorf("%s: a request past the batch has counts %+v", mode, c)
		}
	}
}

// TestHUDNamesTheRequest: with a batch, the headline carries the shown
// request's own figures beside the batch's; with one request, nothing.
func TestHUDNamesTheRequest(t *testing.T) {
	e, _ := runModel(batchConfig(config.ModeTokens), 5, 0)
	v := readHUD(e.View(), Status{}, hudRun{})
	v.readRequest(e.View(), 1)
	c := RequestCounts(e.View(), 1).Class
	step, _, _ := e.Ran()
	if v.request != 2 || v.requests != 3 || v.reqBlock != c.BlockingMisses() || v.reqKV != tenths(c.KVHitRate()) || v.context != e.View().Prompt(1)+step {
		t.Fatalf("readRequest: %+v, want request 2 of 3, %d blocking, KV %v, context %d", v, c.BlockingMisses(), c.KVHitRate(), e.View().Prompt(1)+step)
	}
	wants := []string{
		"Batch: KV hit rate ",
		fmt.Sprintf(" · Request 2 of 3: KV hit rate %s%%, %s blocking in all", string(appendTenths(nil, v.reqKV)), commas(c.BlockingMisses())),
	}
	got := string(hudRates(nil, v, 0))
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("hudRates level 0 = %q, lacks %q", got, w)
		}
	}
	kv, block := string(appendTenths(nil, v.reqKV)), commas(c.BlockingMisses())
	for level, want := range []string{
		1: fmt.Sprintf(" · Request 2 of 3 in all: KV %s%%, %s blocking", kv, block),
		2: fmt.Sprintf(" · Req 2/3 in all: %s%%, %s", kv, block),
		3: fmt.Sprintf("Req 2/3: KV %s%% · %s/%s", kv, block, commas(e.Totals().BlockingMisses())),
	} {
		if got := string(hudRates(nil, v, level)); level > 0 && !strings.HasSuffix(got, want) {
			t.Errorf("hudRates level %d = %q, want it to end in %q", level, got, want)
		}
	}
	if got := string(hudWhere(nil, v, 0)); !strings.HasSuffix(got, fmt.Sprintf("Context %s tokens (request 2)", commas(int64(v.context)))) {
		t.Errorf("hudWhere = %q", got)
	}
	v.readRequest(e.View(), 7)
	if v.request != 3 {
		t.Errorf("readRequest(7) shows request %d, want the last, 3", v.request)
	}

	one, _ := runModel(tinyConfig(config.ModeTokens), 5, 0)
	v = readHUD(one.View(), Status{}, hudRun{})
	v.readRequest(one.View(), 1)
	for level := range hudLevels {
		if got := string(hudRates(nil, v, level)) + string(hudWhere(nil, v, level)); strings.Contains(got, "equest") || strings.Contains(got, "Batch") {
			t.Errorf("a batch of one, level %d: %q names a request", level, got)
		}
	}
}

// TestTooltipsNameTheRequest: a strip token's tooltip names the request
// shown, and an LLC cell holding a KV line names the request whose region
// holds it (found by scanning every request's token lines).
func TestTooltipsNameTheRequest(t *testing.T) {
	e, m := runModel(batchConfig(config.ModeNone), 5, 0)
	m.setRequest(2)
	m.update(e.View())
	got := describeText(e, m, target{kind: targetToken, token: 3, tokens: 1})
	if want := fmt.Sprintf("Token 3 of request 3 of 3, layer %d", m.strip.counts.Layer+1); !strings.Contains(got, want) {
		t.Errorf("token tooltip\n%s\nlacks %q", got, want)
	}
	lay := e.Layout()
	seen := map[int]bool{}
	l := &m.llc
	peek := make([]uint64, l.ways[0])
	for set := range l.sets {
		for way, line := range e.View().Shared().PeekSet(set, peek) {
			class, layer, ok := lay.Owner(line)
			if !ok || class != workload.KV {
				continue
			}
			owner := -1
			for r := range lay.Requests() {
				for tok := range lay.MaxContext() {
					if first, n := lay.TokenLines(r, layer, tok); line >= first && line < first+uint64(n) {
						owner = r
					}
				}
			}
			got := describeText(e, m, target{kind: targetCell, part: 0, set: set, way: way, bx: 1, by: 1})
			if want := fmt.Sprintf("KV of request %d of 3, layer %d", owner+1, layer+1); !strings.Contains(got, want) {
				t.Errorf("set %d way %d: the tooltip\n%s\nlacks %q", set, way, got, want)
			}
			seen[owner] = true
		}
	}
	if len(seen) < 2 {
		t.Errorf("the LLC holds KV lines of requests %v only: the test cannot tell them apart", seen)
	}
}

// TestStripTitleNamesTheRequest draws a batch's scene alone and compared,
// wide and narrow: the strip's title names the request shown, and no
// title is wider than its pane's strip (two side by side never overlap).
func TestStripTitleNamesTheRequest(t *testing.T) {
	font, err := LoadFont()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		compare bool
		w       int
	}{{"alone", false, 1200}, {"compared", true, 1200}, {"compared, narrow", true, 700}, {"compared, very narrow", true, 400}} {
		engines := []*engine.Engine{}
		for _, mode := range []string{config.ModeTokens, config.ModeNone}[:1+btoi(tt.compare)] {
			e, err := engine.New(batchConfig(mode), nil)
			if err != nil {
				t.Fatal(err)
			}
			engines = append(engines, e)
		}
		runs := Runs{A: engines[0].View()}
		if tt.compare {
			runs.B = engines[1].View()
		}
		s := NewScene(font)
		s.Reset(runs)
		s.SetRequest(1)
		for range 5 {
			for i, e := range engines {
				s.Observe(i, e.View(), e.AdvanceLayer(make([]engine.Event, 0, e.MaxEventsPerLayer())))
			}
		}
		dst := ebiten.NewImage(tt.w, 700)
		s.Draw(dst, dst.Bounds(), runs, Status{Scale: 1, Zoom: 1})
		for i := range runs.count() {
			v := &s.panes[i].strip
			title := string(v.title.buf)
			if !strings.HasPrefix(title, "Request 2 of 3: tokens of step ") && !strings.HasPrefix(title, "Req 2/3 · ") {
				t.Errorf("%s, pane %d: the strip's title %q does not name request 2 of 3", tt.name, i, title)
			}
			if v.title.W > v.rect.Dx() {
				t.Errorf("%s, pane %d: the title %q is %d px wide, its strip %d", tt.name, i, title, v.title.W, v.rect.Dx())
			}
		}
		if tt.compare {
			a, b := &s.panes[0].strip, &s.panes[1].strip
			if a.rect.Min.X+a.title.W > b.rect.Min.X && a.rect.Min.Y == b.rect.Min.Y {
				t.Errorf("%s: A's title runs to x = %d, B's starts at %d", tt.name, a.rect.Min.X+a.title.W, b.rect.Min.X)
			}
		}
	}
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestSlotFlashesAreTheGatherers: in a batch, a reserved hit flashes the
// slot of the gathering request's token, not request 0's key of the same
// layer and token.
func TestSlotFlashesAreTheGatherers(t *testing.T) {
	c := batchConfig(config.ModeTokens)
	c.Capacity, c.Reserve = 8192, 6*8*64 // room for two steps of the batch
	e, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &sceneModel{}
	m.reset(e.View())
	buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
	hits := map[int]int{} // per request
	for !e.Done() {
		ev := e.AdvanceLayer(buf)
		m.observe(e.View(), ev)
		_, layer, _ := e.Ran()
		for _, x := range ev {
			if x.Outcome != engine.ReservedHit || x.Token < 0 {
				continue
			}
			s := m.slots.slotOf(e.View(), int(x.Request), layer, int(x.Token))
			if s < 0 || m.slots.flash.kind[s] == 0 || m.slots.flash.stamp[s] != m.clock.latest {
				t.Fatalf("request %d, layer %d, token %d: a reserved hit whose slot %d did not flash", x.Request, layer, x.Token, s)
			}
			hits[int(x.Request)]++
		}
	}
	if len(hits) < 2 {
		t.Errorf("reserved hits by request %v: the test needs hits of several requests", hits)
	}
}
