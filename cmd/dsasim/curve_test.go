package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readCurve runs dsasim curve with args and returns its CSV as maps from
// column to value, one per row.
func readCurve(t *testing.T, args ...string) []map[string]string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "curve.csv")
	code, _, stderr := dsasim(t, append([]string{"curve", "-csv", file}, args...)...)
	if code != 0 {
		t.Fatalf("dsasim curve %q = exit %d: %s", args, code, stderr)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("curve CSV: %v, %d records", err, len(recs))
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, col := range recs[0] {
			m[col] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// TestCurveMatchesRun: every figure of a curve row is what dsasim run
// gives at that reservation and scope.
func TestCurveMatchesRun(t *testing.T) {
	for _, batch := range []string{"1", "3"} {
		t.Run("batch "+batch, func(t *testing.T) {
			checkCurveMatchesRun(t, []string{"-preset", "small-demo", "-steps", "12", "-seed", "5", "-batch", batch})
		})
	}
}

func checkCurveMatchesRun(t *testing.T, scenario []string) {
	rows := readCurve(t, append([]string{"-points", "6"}, scenario...)...)
	current := 0
	for _, row := range rows {
		if row["current"] == "true" {
			current++
		}
	}
	if current != 1 {
		t.Errorf("%d rows are the config's size, want 1", current)
	}
	for _, row := range []map[string]string{rows[0], rows[len(rows)/2], rows[len(rows)-1]} {
		for _, scope := range []string{"global", "layer"} {
			if row[scope+"ReservedHits"] == "" {
				continue
			}
			m := runJSON(t, append([]string{"-mode", "tokens", "-reserve", row["reserveBytes"], "-tokenScope", scope}, scenario...)...)
			checks := map[string]string{
				scope + "ReservedHits":    "reservedHits",
				scope + "BlockingMisses":  "blockingMisses",
				scope + "KVHitRate":       "kvHitRate",
				scope + "MinReservedHits": "minReservedHits",
			}
			for col, key := range checks {
				if got, want := row[col], jsonNumber(m[key]); got != want {
					t.Errorf("reserve %s: curve %s = %s, run %s = %s", row["reserveBytes"], col, got, key, want)
				}
			}
		}
	}
}

// TestCurveOfATrace: the curve of a real index log matches a run of the
// same log.
func TestCurveOfATrace(t *testing.T) {
	var log strings.Builder
	for step := range 6 {
		for layer := range 2 {
			log.WriteString(strconv.Itoa(step) + " " + strconv.Itoa(layer))
			for tok := range 5 {
				log.WriteString(" " + strconv.Itoa(tok*7+(step*3+layer)%7)) // sorted, distinct, below 35
			}
			log.WriteString("\n")
		}
	}
	file := writeFile(t, t.TempDir(), "log.txt", log.String())
	scenario := []string{"-preset", "small-demo", "-trace", file}
	rows := readCurve(t, append([]string{"-points", "4"}, scenario...)...)
	row := rows[1]
	m := runJSON(t, append([]string{"-reserve", row["reserveBytes"]}, scenario...)...)
	if got, want := row["globalReservedHits"], jsonNumber(m["reservedHits"]); got != want {
		t.Errorf("trace: curve globalReservedHits = %s, run reservedHits = %s", got, want)
	}
	if got, want := row["globalMinReservedHits"], jsonNumber(m["minReservedHits"]); got != want {
		t.Errorf("trace: curve globalMinReservedHits = %s, run minReservedHits = %s", got, want)
	}
}

// jsonNumber formats a decoded JSON number as the CSV does.
func jsonNumber(v any) string {
	f, ok := v.(float64)
	if !ok {
		return "missing"
	}
	return jsonReal(f).String()
}

func TestCurveLayerScopeBelowOneSlotPerLayer(t *testing.T) {
	rows := readCurve(t, "-preset", "small-demo", "-steps", "4", "-points", "448", "-min=false")
	if rows[0]["slots"] != "1" {
		t.Errorf("first row has %s slots, want 1", rows[0]["slots"])
	}
	for _, row := range rows[:8] {
		slots, err := strconv.Atoi(row["slots"])
		if err != nil {
			t.Fatal(err)
		}
		few := slots < 4 // small-demo has 4 layers
		if (row["layerReservedHits"] == "") != few || row["globalReservedHits"] == "" {
			t.Errorf("row %v: want a global figure, and a layer figure unless fewer slots than layers", row)
		}
	}
	if rows[0]["globalMinReservedHits"] != "" {
		t.Errorf("-min=false: first row has MIN %q", rows[0]["globalMinReservedHits"])
	}
}

func TestCurvePNG(t *testing.T) {
	png := filepath.Join(t.TempDir(), "curve.png")
	readCurve(t, "-preset", "small-demo", "-steps", "4", "-png", png)
	data, err := os.ReadFile(png)
	if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("curve -png wrote %d bytes (%v), want a PNG", len(data), err)
	}
}

func TestCurveErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no csv", []string{"-preset", "small-demo"}, "-csv FILE is required"},
		{"too few points", []string{"-csv", "-", "-points", "1"}, "-points must be 2..4096"},
		{"packed", []string{"-csv", "-", "-layout", "packed"}, "packed layout"},
		{"bad key", []string{"-csv", "-", "-tokenScope", "request"}, "tokenScope must be one of global, layer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := dsasim(t, append([]string{"curve"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("dsasim curve %q = exit %d, %q; want exit %d and %q", tt.args, code, stderr, exitUsage, tt.want)
			}
		})
	}
}

func TestRunMINFields(t *testing.T) {
	m := runJSON(t, "-preset", "small-demo", "-steps", "8")
	for _, key := range []string{"minReservedHits", "minLineHits"} {
		if _, ok := m[key].(float64); !ok {
			t.Errorf("run -json of mode tokens: %s = %v, want a number", key, m[key])
		}
	}
	if m["minReservedHits"].(float64) < m["reservedHits"].(float64) {
		t.Errorf("minReservedHits %v below LRU's reservedHits %v", m["minReservedHits"], m["reservedHits"])
	}
	m = runJSON(t, "-preset", "small-demo", "-steps", "8", "-mode", "none", "-reserve", "0")
	if _, ok := m["minReservedHits"]; ok {
		t.Errorf("run -json of mode none has minReservedHits")
	}
	if _, ok := m["minLineHits"].(float64); !ok {
		t.Errorf("run -json of mode none: minLineHits = %v, want a number", m["minLineHits"])
	}
	m = runJSON(t, "-preset", "small-demo", "-steps", "8", "-min=false")
	if _, ok := m["minLineHits"]; ok {
		t.Errorf("run -json -min=false has minLineHits")
	}
	code, _, stderr := dsasim(t, "run", "-preset", "small-demo", "-steps", "4", "-layout", "packed", "-json")
	if code != 0 || !strings.Contains(stderr, "no MIN figures") {
		t.Errorf("run -layout packed = exit %d, stderr %q; want 0 and a note on MIN", code, stderr)
	}
}
