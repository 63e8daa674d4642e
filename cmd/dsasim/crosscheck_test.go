package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestExportReplayMatchesEngine is the strong cross-check: in mode none
// with the bypass off, every access goes through one plain LLC, so
// replaying the exported din stream through an identical LLC must give
// exactly the engine's accesses, hits, misses and evictions, lazy streams
// included.
func TestExportReplayMatchesEngine(t *testing.T) {
	dir := t.TempDir()
	base := []string{"-preset", "small-demo", "-mode", "none", "-reserve", "0", "-bypass=false", "-steps", "12"}
	for i, extra := range [][]string{
		{},                       // the weight stream flushes the cache every layer
		{"-weightBytes", "8KiB"}, // streams shorter than the cache: hits survive
		{"-weightBytes", "8KiB", "-hash", "xor"},
		{"-weightBytes", "0", "-policy", "fifo"},
		{"-weightBytes", "8KiB", "-policy", "srrip"},
		{"-weightBytes", "8KiB", "-policy", "random", "-seed", "77"},
		{"-weightBytes", "4KiB", "-layout", "packed"},
		{"-weightBytes", "20KiB", "-layout", "paged", "-ways", "4"},
		{"-weightBytes", "8KiB", "-capacity", "96KiB", "-ways", "8", "-line", "128"}, // 96 sets: not a power of two,
	} {
		args := append(append([]string{}, base...), extra...)
		t.Run(strings.Join(extra, " "), func(t *testing.T) {
			file := filepath.Join(dir, fmt.Sprintf("%d.din", i))
			if code, _, stderr := dsasim(t, append([]string{"export", "-din", file}, args...)...); code != 0 {
				t.Fatalf("export %q = exit %d: %s", args, code, stderr)
			}
			engine := runJSON(t, args...)
			cfg := engine["config"].(map[string]any)
			replayArgs := []string{"replay", "-json", "-trace", file}
			for _, key := range []string{"capacity", "line", "ways", "policy", "hash", "seed"} {
				replayArgs = append(replayArgs, "-"+key, fmt.Sprint(cfg[key]))
			}
			code, stdout, stderr := dsasim(t, replayArgs...)
			if code != 0 {
				t.Fatalf("dsasim %q = exit %d: %s", replayArgs, code, stderr)
			}
			var replayed map[string]any
			if err := json.Unmarshal([]byte(stdout), &replayed); err != nil {
				t.Fatal(err)
			}
			for _, key := range []string{"accesses", "hits", "misses", "evictions"} {
				if replayed[key] != engine[key] {
					t.Errorf("%s: replay of the export = %v, engine = %v", key, replayed[key], engine[key])
				}
			}
			if engine["hits"].(float64) == 0 && len(extra) > 0 {
				t.Errorf("no hits at all: the cross-check proves little")
			}
		})
	}
}

// TestExportNoDrops runs export in every reservation mode: the written
// lines must equal the engine's accesses (export checks it and fails
// otherwise).
func TestExportNoDrops(t *testing.T) {
	dir := t.TempDir()
	for _, mode := range []string{"none", "ways", "prevk", "pages", "tokens"} {
		file := filepath.Join(dir, mode+".din")
		layout := "packed"
		if mode == "pages" {
			layout = "paged" // packed pages are refused
		}
		args := []string{"export", "-preset", "small-demo", "-steps", "6", "-mode", mode, "-reserve", "16KiB", "-layout", layout, "-din", file}
		if code, _, stderr := dsasim(t, args...); code != 0 {
			t.Errorf("dsasim %q = exit %d: %s", args, code, stderr)
		}
	}
}

// TestSweepMatchesRuns checks that each sweep row is what a separate run
// gives, in the order of the values.
func TestSweepMatchesRuns(t *testing.T) {
	values := []string{"32KiB", "8KiB", "16KiB", "4KiB", "24KiB"}
	file := filepath.Join(t.TempDir(), "sweep.csv")
	args := []string{"sweep", "-preset", "small-demo", "-steps", "8", "-param", "reserve", "-values", strings.Join(values, ","), "-csv", file}
	if code, _, stderr := dsasim(t, args...); code != 0 {
		t.Fatalf("dsasim %q = exit %d: %s", args, code, stderr)
	}
	rows := readCSV(t, file)
	if len(rows) != 1+len(values) || rows[0][0] != "reserve" {
		t.Fatalf("sweep CSV: %d rows, header %q; want %d rows starting with reserve", len(rows), rows[0], 1+len(values))
	}
	for i, v := range values {
		row := rows[1+i]
		if row[0] != v {
			t.Errorf("row %d is for %s, want %s (input order)", i+1, row[0], v)
		}
		m := runJSON(t, "-preset", "small-demo", "-steps", "8", "-reserve", v)
		for j, col := range rows[0][1:] {
			want, ok := m[col]
			if !ok || want == nil {
				if row[1+j] != "" {
					t.Errorf("reserve %s: %s = %q, run -json has none", v, col, row[1+j])
				}
				continue
			}
			got, err := strconv.ParseFloat(row[1+j], 64)
			if err != nil || got != want.(float64) {
				t.Errorf("reserve %s: sweep %s = %q, run -json %v", v, col, row[1+j], want)
			}
		}
	}
}

// TestSweepStdout checks that without -csv the CSV goes to stdout.
func TestSweepStdout(t *testing.T) {
	code, stdout, stderr := dsasim(t, "sweep", "-preset", "small-demo", "-steps", "2", "-param", "ways", "-values", "8,4")
	if code != 0 || !strings.HasPrefix(stdout, "ways,steps,accesses,") || strings.Count(stdout, "\n") != 3 {
		t.Errorf("sweep to stdout = exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
