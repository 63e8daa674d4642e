package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

func TestStepsCSVParsesBack(t *testing.T) {
	c, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	c.Steps = 4
	a, err := engine.New(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Run()
	b := c
	b.Mode, b.Reserve = config.ModeNone, 0
	e, err := engine.New(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	var buf bytes.Buffer
	if err := StepsCSV(&buf, Run{"A", a.History()}, Run{"B", e.History()}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(rows) != 1+2*c.Steps {
		t.Fatalf("%d rows, want a header and %d", len(rows), 2*c.Steps)
	}
	for i, col := range StepColumns {
		if rows[0][i] != col {
			t.Errorf("header column %d = %q, want %q", i, rows[0][i], col)
		}
	}
	for i, row := range rows[1:] {
		run, h := "A", a.History()
		if i >= c.Steps {
			run, h = "B", e.History()
		}
		s := h[i%c.Steps]
		if row[0] != run || row[1] != strconv.Itoa(s.Step) || row[6] != strconv.FormatInt(s.BlockingMisses, 10) {
			t.Errorf("row %d = %v, want run %s step %d blocking %d", i, row, run, s.Step, s.BlockingMisses)
		}
		if kv, err := strconv.ParseFloat(row[11], 64); err != nil || kv != s.KVHitRate() {
			t.Errorf("row %d: kvHitRate %q, want %v exactly", i, row[11], s.KVHitRate())
		}
	}
}
