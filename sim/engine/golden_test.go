package engine

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"dsaviz/sim/config"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json from this run")

// TestGoldenResults pins the results of the small demo in every mode, for
// one request and for a batch of three. The
// same test runs natively and as WebAssembly under node (./build.sh test),
// so passing both proves the two give the same numbers bit for bit,
// float time estimates included.
func TestGoldenResults(t *testing.T) {
	got := map[string]string{}
	for _, mode := range allModes {
		for _, layout := range []string{"rounded", "packed", "paged"} {
			for _, policy := range []string{"lru", "fifo", "random", "srrip"} {
				if mode == "pages" && layout == "packed" {
					continue // refused: packed pages share lines
				}
				c := smallConfig(mode)
				c.Layout, c.Policy = layout, policy
				e := mustNew(t, c, nil)
				e.Run()
				h := fnv.New64a()
				fmt.Fprintf(h, "%+v %+v %v", goldenHistory(e.History()), e.Totals(), e.Seconds())
				frac, pages := e.PageUtilization()
				fmt.Fprintf(h, " %v %d", frac, pages)
				got[mode+"/"+layout+"/"+policy] = fmt.Sprintf("%016x", h.Sum64())
			}
		}
	}
	// Batches, in the paper's time model: the requests' counts and the
	// roofline are pinned too.
	for _, mode := range allModes {
		for _, layout := range []string{"rounded", "paged"} {
			c := smallConfig(mode)
			c.Layout, c.Batch, c.TimeModel = layout, 3, config.TimePaper
			e := mustNew(t, c, nil)
			e.Run()
			h := fnv.New64a()
			fmt.Fprintf(h, "%+v %+v %v %+v %+v", goldenHistory(e.History()), e.Totals(), e.Seconds(), e.Roofline(), e.RequestTotals())
			got["batch3/"+mode+"/"+layout] = fmt.Sprintf("%016x", h.Sum64())
		}
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update to create it)", err)
	}
	var want map[string]string
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for k, g := range got {
		if want[k] != g {
			t.Errorf("%s: results hash %s, golden %s", k, g, want[k])
		}
	}
	if len(want) != len(got) {
		t.Errorf("golden has %d entries, the run %d", len(want), len(got))
	}
}

// goldenStep is the part of a StepSummary the golden hashes print, field
// by field as %+v prints them, so that a field added to StepSummary (one
// derived from counts already hashed) leaves the goldens as they are.
type goldenStep struct {
	Step           int
	Accesses       int64
	Hits           int64
	ReservedHits   int64
	Misses         int64
	BlockingMisses int64
	Evictions      int64
	Seconds        float64
}

func goldenHistory(h []StepSummary) []goldenStep {
	out := make([]goldenStep, len(h))
	for i, s := range h {
		out[i] = goldenStep{s.Step, s.Accesses, s.Hits, s.ReservedHits, s.Misses, s.BlockingMisses, s.Evictions, s.Seconds}
	}
	return out
}
