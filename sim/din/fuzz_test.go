package din

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReader feeds the Reader arbitrary bytes: it must never panic, must
// stop at the first malformed line with an error naming it, and whatever it
// accepts must survive a write and a second read unchanged.
func FuzzReader(f *testing.F) {
	files, err := filepath.Glob("testdata/*.din")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, r, err := readAll(data, "fuzz")
		if err != nil && !strings.HasPrefix(err.Error(), "din: fuzz:") {
			t.Fatalf("error %q does not name the file and line", err)
		}
		if r.Line() < 0 || int(r.Line()) > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("Line() = %d for %d newlines", r.Line(), bytes.Count(data, []byte("\n")))
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for _, rec := range got {
			if !rec.Label.Access() {
				t.Fatalf("Next returned an escape %+v", rec)
			}
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		again, _, err := readAll(buf.Bytes(), "again")
		if err != nil || len(again) != len(got) {
			t.Fatalf("rewritten trace read back as %d records, error %v; want %d", len(again), err, len(got))
		}
		for i := range got {
			if again[i] != got[i] {
				t.Fatalf("record %d = %+v after a round trip, want %+v", i, again[i], got[i])
			}
		}
	})
}
