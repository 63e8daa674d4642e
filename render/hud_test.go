package render

import (
	"strings"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

func TestReadHUD(t *testing.T) {
	c := tinyConfig(config.ModeTokens)
	e, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := readHUD(e.View(), Status{Playing: true, FPS: 19.6, TPS: 60}, hudRun{})
	if v.ran || v.kvStep != -1 || v.kvTotal != -1 || v.stepSeconds != 0 || v.fps != 20 || !v.playing {
		t.Errorf("before any layer: %+v", v)
	}
	for range c.Layers + 1 {
		e.AdvanceLayer(nil)
	}
	v = readHUD(e.View(), Status{}, hudRun{})
	last := e.History()[0]
	if !v.ran || v.step != 2 || v.layer != 1 || v.context != c.Prompt+1 {
		t.Errorf("after a step and a layer: step %d layer %d context %d", v.step, v.layer, v.context)
	}
	run := e.RunStats()
	if v.stepSeconds != last.Seconds || v.blockTotal != e.Totals().BlockingMisses() || v.tokensRate != run.TokensPerSecond() {
		t.Errorf("HUD %+v does not match the engine's last step %+v", v, last)
	}
	if v.kvStep != tenths(last.KVHitRate()) || v.kvTotal != tenths(run.KVHitRate()) || v.allTotal != tenths(run.HitRate()) {
		t.Errorf("HUD rates kv %d/%d all %d, want the engine's %v/%v %v", v.kvStep, v.kvTotal, v.allTotal, last.KVHitRate(), run.KVHitRate(), run.HitRate())
	}
	if r := string(hudRates(nil, v, 0)); !strings.HasPrefix(r, "KV hit rate ") || !strings.Contains(r, "Blocking misses") {
		t.Errorf("the headline %q does not lead with the KV hit rate and the blocking misses", r)
	}
	if v.blockStep != e.Current().Class.BlockingMisses() {
		t.Errorf("blocking misses this step = %d, want %d", v.blockStep, e.Current().Class.BlockingMisses())
	}
	b := string(hudEstimate(nil, v, 0))
	if !strings.Contains(b, "estimate") || !strings.Contains(b, "tokens/s") {
		t.Errorf("the estimate line %q does not say it is an estimate", b)
	}
	if got := string(hudWhere(nil, v, 0)); got != "Step 2 of 4 · Layer 1 of 2 · Context 17 tokens" {
		t.Errorf("hudWhere = %q", got)
	}
	v.name = "B"
	if got := string(hudWhere(nil, v, 1)); got != "B: Step 2 of 4 · Layer 1 of 2" {
		t.Errorf("hudWhere of run B = %q", got)
	}
	if got := string(hudWhere(nil, v, 2)); got != "B: Step 2/4 · Layer 1/2" {
		t.Errorf("compact hudWhere of run B = %q", got)
	}
	// A jump under way says where it goes, at every level.
	v.seek = 9
	for level, want := range []string{"B: Going to step 9, now at Step 2 of 4", "B: To step 9: Step 2 of 4", "B: → 9: Step 2/4", "B: →9 2/4"} {
		if got := string(hudWhere(nil, v, level)); !strings.HasPrefix(got, want) {
			t.Errorf("hudWhere level %d while seeking = %q, want it to start %q", level, got, want)
		}
	}
	v.seek = 0
	// The most compact forms, for a pane of two in the lecture theme.
	if got := string(hudWhere(nil, v, 3)); got != "B: 2/4 · L1/2" {
		t.Errorf("most compact hudWhere of run B = %q", got)
	}
	if got, want := string(hudRates(nil, v, 3)), "KV "; !strings.HasPrefix(got, want) || !strings.Contains(got, " · Blocking ") || len(got) >= len(hudRates(nil, v, 2)) {
		t.Errorf("most compact headline %q: want KV and Blocking, shorter than %q", got, hudRates(nil, v, 2))
	}
	if got := string(hudEstimate(nil, v, 3)); !strings.HasPrefix(got, "Est. ") || !strings.HasSuffix(got, " tok/s") || len(got) >= len(hudEstimate(nil, v, 2)) {
		t.Errorf("most compact estimate %q", got)
	}
}

func TestHelpTellsTheFormula(t *testing.T) {
	var all strings.Builder
	for _, s := range helpSections(config.DefaultConfig(), nil) {
		all.WriteString(s.heading + "\n" + strings.Join(s.paras, "\n") + "\n")
	}
	for _, want := range []string{
		"Space", "Right arrow", "Shift+Right", "Left arrow", "C:", "G:", "L:", "N:", "R:", "H or ?", "F:", ", and .",
		engine.TimeFormula(config.TimeMLP),
		"not a cycle-accurate model", "Token LRU", "Blocking miss", "DSA",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the help does not mention %q", want)
		}
	}
}

func TestHelpTellsThePaperFormula(t *testing.T) {
	c := config.DefaultConfig()
	c.TimeModel = config.TimePaper
	var all strings.Builder
	for _, s := range helpSections(c, nil) {
		all.WriteString(strings.Join(s.paras, "\n"))
	}
	if !strings.Contains(all.String(), engine.TimeFormula(config.TimePaper)) {
		t.Errorf("with timeModel paper the help does not give its formula")
	}
}

func TestHelpShowsTable3(t *testing.T) {
	st := trace.PaperStats()
	st.Steps, st.Layers, st.TopK = 7, 2, 64
	var all strings.Builder
	for _, s := range helpSections(config.DefaultConfig(), &Measured{Trace: "mine.npy", Stats: st}) {
		all.WriteString(s.heading + "\n" + strings.Join(s.paras, "\n") + "\n")
	}
	for _, want := range []string{"Table 3 on this trace", "trace mine.npy over 7 steps of 2 layers, k = 64",
		"working set: 5.15 / 7.20 / 1.02 x k (5.15 / 7.20 / 1.02)", "inter-layer overlap: 0.36 / 0.63 / 0.16"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the help does not say %q", want)
		}
	}
}
