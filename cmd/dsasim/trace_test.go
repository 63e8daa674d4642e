package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dsaviz/sim/trace"
)

// writeTextLog writes a small text index log: steps x layers selections of
// k tokens (two sinks, then random ones) from a prompt of 64 tokens.
func writeTextLog(t *testing.T, dir string, steps, layers, k int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 8))
	var b strings.Builder
	fmt.Fprintln(&b, "# step layer indices...")
	for s := range steps {
		for l := range layers {
			sel := []int{0, 1}
			for len(sel) < k {
				if x := 2 + rng.IntN(62+s); !slices.Contains(sel, x) {
					sel = append(sel, x)
				}
			}
			fmt.Fprint(&b, s, " ", l)
			for _, x := range sel {
				fmt.Fprint(&b, " ", x)
			}
			fmt.Fprintln(&b, " -1")
		}
	}
	return writeFile(t, dir, "log.txt", b.String())
}

func TestTraceCommand(t *testing.T) {
	log := writeTextLog(t, t.TempDir(), 6, 3, 8)
	code, stdout, stderr := dsasim(t, "trace", "-json", log)
	if code != 0 {
		t.Fatalf("dsasim trace -json = exit %d: %s", code, stderr)
	}
	var r traceReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Steps != 6 || r.Layers != 3 || r.MinK != 8 || r.MaxK != 8 || r.MaxIndex > 68 || r.MinPrompt > 64 {
		t.Errorf("trace shape = %+v, want 6 steps, 3 layers, k 8, indices below 69", r)
	}
	if st := r.Stats; st.NewLookups.Mean <= 0 || st.NewLookups.Mean > 1 || st.InterLayerOverlap.Mean <= 0 || st.Persistence.Mean < 1 ||
		st.WorkingSet.Count != 3 || st.Lookback.Count != 6*3*8 {
		t.Errorf("trace statistics = %+v, out of range", r.Stats)
	}
	if r.Paper != trace.PaperStats() {
		t.Errorf("trace paper = %+v, want Table 3", r.Paper)
	}
	// The suggested generator keys make a run that validates and runs.
	code, text, _ := dsasim(t, "trace", log)
	i := strings.Index(text, "dsasim run")
	if code != 0 || i < 0 {
		t.Fatalf("dsasim trace = exit %d, no suggested command in:\n%s", code, text)
	}
	args := strings.Fields(strings.TrimPrefix(strings.TrimSpace(text[i:]), "dsasim "))
	if !slices.Contains(args, "-sinks") || args[slices.Index(args, "-sinks")+1] != "2" {
		t.Errorf("suggested %q, want -sinks 2 (every selection holds tokens 0 and 1)", args)
	}
	if code, _, stderr := dsasim(t, append(args, "-preset", "small-demo")...); code != 0 {
		t.Errorf("the suggested dsasim %q = exit %d: %s", args, code, stderr)
	}
}

func TestRunWithTrace(t *testing.T) {
	log := writeTextLog(t, t.TempDir(), 6, 3, 8)
	code, _, stderr := dsasim(t, "run", "-preset", "small-demo", "-prompt", "4", "-trace", log, "-json")
	if code != 0 {
		t.Fatalf("run -trace = exit %d: %s", code, stderr)
	}
	for _, want := range []string{"prompt 4 -> ", "steps 40 -> 6", "layers 4 -> 3", "topk 32 -> 8"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("run -trace stderr does not explain %q:\n%s", want, stderr)
		}
	}
	m := runJSON(t, "-preset", "small-demo", "-trace", log, "-mode", "none")
	if m["steps"].(float64) != 6 || m["layers"].(float64) != 3 || m["trace"] != log {
		t.Errorf("run -trace: steps %v, layers %v, trace %v; want 6, 3, %s", m["steps"], m["layers"], m["trace"], log)
	}
	// Explicit values the log cannot serve are refused, not silently fixed.
	for _, tt := range []struct{ flag, value, want string }{
		{"-steps", "7", "steps 7 is more than the 6 steps of trace"},
		{"-layers", "4", "layers 4 is more than the 3 layers"},
		{"-topk", "4", "topk 4 is less than the largest selection"},
	} {
		code, _, stderr := dsasim(t, "run", "-preset", "small-demo", "-trace", log, tt.flag, tt.value)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("run -trace %s %s = exit %d, %q; want 2 and %q", tt.flag, tt.value, code, stderr, tt.want)
		}
	}
	// Export of a log-driven run replays to the same numbers.
	dinFile := filepath.Join(t.TempDir(), "log.din")
	if code, _, stderr := dsasim(t, "export", "-preset", "small-demo", "-trace", log, "-mode", "none", "-din", dinFile); code != 0 {
		t.Fatalf("export -trace = exit %d: %s", code, stderr)
	}
	code, stdout, _ := dsasim(t, "replay", "-trace", dinFile, "-capacity", "64KiB", "-line", "64", "-ways", "8", "-json")
	var r replayCounts
	if code != 0 || json.Unmarshal([]byte(stdout), &r) != nil || float64(r.Hits) != m["hits"].(float64) || float64(r.Accesses) != m["accesses"].(float64) {
		t.Errorf("replay of export -trace = %+v (exit %d), run: accesses %v hits %v", r, code, m["accesses"], m["hits"])
	}
}

// TestTraceGenerate checks that trace -generate writes the generator's
// selections in both formats the readers accept, the same selections, and
// that trace measures the written file as it measured the generator
// (lookback aside, which a file measures from its shortest prompt).
func TestTraceGenerate(t *testing.T) {
	dir := t.TempDir()
	run := []string{"trace", "-generate", "-json", "-layers", "3", "-topk", "16", "-prompt", "100", "-steps", "60", "-seed", "5"}
	var logs []*trace.Log
	var gen traceReport
	for _, name := range []string{"gen.npy", "gen.txt"} {
		file := filepath.Join(dir, name)
		code, stdout, stderr := dsasim(t, append(run, "-o", file)...)
		if code != 0 || json.Unmarshal([]byte(stdout), &gen) != nil {
			t.Fatalf("dsasim %q -o %s = exit %d: %s", run, name, code, stderr)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		lg, err := trace.Read(f, name)
		f.Close()
		if err != nil || lg.Steps() != 60 || lg.Layers() != 3 || lg.MaxK() != 16 {
			t.Fatalf("reading %s back: %v, %v", name, lg, err)
		}
		logs = append(logs, lg)
		code, stdout, stderr = dsasim(t, "trace", "-json", file)
		var back traceReport
		if code != 0 || json.Unmarshal([]byte(stdout), &back) != nil {
			t.Fatalf("dsasim trace %s = exit %d: %s", name, code, stderr)
		}
		if back.Stats.NewLookups != gen.Stats.NewLookups || back.Stats.WorkingSet != gen.Stats.WorkingSet || back.Stats.Persistence != gen.Stats.Persistence {
			t.Errorf("trace %s measures %+v, the generator %+v", name, back.Stats, gen.Stats)
		}
	}
	for step := range 60 {
		for l := range 3 {
			if !slices.Equal(logs[0].Selection(step, l), logs[1].Selection(step, l)) {
				t.Fatalf("S(%d,%d): .npy %v, .txt %v", step, l, logs[0].Selection(step, l), logs[1].Selection(step, l))
			}
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"trace", "-generate", "-o", filepath.Join(dir, "gen.csv")}, "must end in .npy or .txt"},
		{[]string{"trace", "-o", filepath.Join(dir, "gen.npy"), "x.npy"}, "it needs -generate"},
		{[]string{"trace", "-generate", "x.npy"}, "give no log FILE"},
	} {
		if code, _, stderr := dsasim(t, tt.args...); code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("dsasim %q = exit %d, %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
