package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runJSON runs `dsasim run -json args...` and decodes its object.
func runJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, stdout, stderr := dsasim(t, append([]string{"run", "-json"}, args...)...)
	if code != 0 {
		t.Fatalf("dsasim run -json %q = exit %d: %s", args, code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatalf("dsasim run -json %q: %v in %s", args, err, stdout)
	}
	return m
}

func TestRunJSONDeterministic(t *testing.T) {
	code1, out1, _ := dsasim(t, "run", "-preset", "small-demo", "-json")
	code2, out2, _ := dsasim(t, "run", "-preset", "small-demo", "-json")
	if code1 != 0 || code2 != 0 || out1 != out2 {
		t.Fatalf("two runs of small-demo -json differ (exit %d, %d):\n%s\n%s", code1, code2, out1, out2)
	}
	m := runJSON(t, "-preset", "small-demo")
	for _, key := range []string{"steps", "accesses", "hits", "reservedHits", "sharedHits", "misses",
		"blockingMisses", "evictions", "hitRate", "stepSeconds", "tokensPerSecond", "missPages", "slowdown", "classes", "config"} {
		if _, ok := m[key]; !ok {
			t.Errorf("run -json has no %q", key)
		}
	}
	if m["hits"].(float64)+m["misses"].(float64) != m["accesses"].(float64) {
		t.Errorf("hits %v + misses %v != accesses %v", m["hits"], m["misses"], m["accesses"])
	}
	if _, ok := m["pageUtilization"]; ok {
		t.Errorf("run -json of mode tokens has a pageUtilization")
	}
	if m := runJSON(t, "-preset", "small-demo", "-mode", "pages", "-steps", "5"); m["pageUtilization"] == nil {
		t.Errorf("run -json of mode pages has no pageUtilization")
	}
}

func TestRunText(t *testing.T) {
	code, stdout, stderr := dsasim(t, "run", "-preset", "small-demo", "-mode", "pages", "-steps", "5")
	for _, want := range []string{"5 steps of 4 layers, mode pages", "indexer", "kv", "weights", "total", "blocking misses", "page utilization"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("dsasim run = exit %d, stdout lacks %q:\n%s", code, want, stdout)
		}
	}
	if !strings.Contains(stderr, "simulated 5 steps in") {
		t.Errorf("dsasim run stderr = %q, want the time the run took", stderr)
	}
}

// TestPrecedence checks defaults < preset < config file < flags, whatever
// the order of the flags.
func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "c.json", `{"ways": 4, "steps": 7, "policy": "FIFO"}`)
	m := runJSON(t, "-steps", "3", "-config", file, "-preset", "small-demo")
	cfg := m["config"].(map[string]any)
	got := fmt.Sprint(cfg["capacity"], " ", cfg["ways"], " ", cfg["steps"], " ", cfg["policy"], " ", m["steps"])
	if want := "65536 4 3 fifo 3"; got != want {
		t.Errorf("capacity ways steps policy, run steps = %s, want %s (preset, file, flag, file, flag)", got, want)
	}
}

func TestRunCSV(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		perLayer bool
		rows     int
		header   string
	}{
		{false, 6, "step,context,accesses,"},
		{true, 1 + 5*4, "step,layer,context,streamBytes,pageFillLines,accesses,"},
	} {
		file := filepath.Join(dir, fmt.Sprint("steps", tt.perLayer, ".csv"))
		args := []string{"run", "-preset", "small-demo", "-steps", "5", "-csv", file}
		if tt.perLayer {
			args = append(args, "-per-layer")
		}
		if code, _, stderr := dsasim(t, args...); code != 0 {
			t.Fatalf("dsasim %q = exit %d: %s", args, code, stderr)
		}
		rows := readCSV(t, file)
		if len(rows) != tt.rows || !strings.HasPrefix(strings.Join(rows[0], ","), tt.header) {
			t.Fatalf("%s: %d rows, header %q; want %d rows, header starting %q", file, len(rows), rows[0], tt.rows, tt.header)
		}
		want := "accesses,hits,reservedHits,sharedHits,misses,blockingMisses,evictions,hitRate," +
			"indexerAccesses,indexerHits,indexerMisses,kvAccesses,kvReservedHits,kvSharedHits,kvMisses,kvEvictions," +
			"weightsAccesses,weightsHits,weightsMisses,seconds,tokensPerSecond,missPages,slowdown"
		if !strings.HasSuffix(strings.Join(rows[0], ","), want) {
			t.Errorf("%s: header %q, want it to end in the stable columns %s", file, rows[0], want)
		}
	}
	// The step rows add up to the run's totals.
	rows := readCSV(t, filepath.Join(dir, "stepsfalse.csv"))
	total := 0
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		total += n
	}
	if m := runJSON(t, "-preset", "small-demo", "-steps", "5"); float64(total) != m["accesses"].(float64) {
		t.Errorf("CSV step accesses add up to %d, run -json says %v", total, m["accesses"])
	}
}

func readCSV(t *testing.T, file string) [][]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return rows
}

// TestRunBatchJSON: a batch reports each request's totals, whose indexer
// and KV counts add up to the run's, and the paper's slowdown; batch 1
// reports none.
func TestRunBatchJSON(t *testing.T) {
	m := runJSON(t, "-preset", "small-demo", "-steps", "4", "-batch", "3", "-timeModel", "paper")
	reqs, ok := m["requests"].([]any)
	if !ok || len(reqs) != 3 {
		t.Fatalf("run -json -batch 3: requests = %v, want 3 of them", m["requests"])
	}
	var kv float64
	for _, r := range reqs {
		kv += r.(map[string]any)["kv"].(map[string]any)["accesses"].(float64)
	}
	if want := m["classes"].(map[string]any)["kv"].(map[string]any)["accesses"].(float64); kv != want {
		t.Errorf("requests' kv accesses add up to %v, the run's are %v", kv, want)
	}
	if s, ok := m["slowdown"].(float64); !ok || s < 1 {
		t.Errorf("slowdown = %v, want a number of at least 1", m["slowdown"])
	}
	if _, ok := runJSON(t, "-preset", "small-demo", "-steps", "4")["requests"]; ok {
		t.Error("run -json of one request lists requests")
	}
}
