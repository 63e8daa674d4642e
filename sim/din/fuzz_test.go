package din

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// FuzzReader feeds the Reader arbitrary bytes, whole and in small chunks
// (so that lines straddle its buffer refills): it must never panic, must
// agree with the obvious reference reader on every record, escape and
// error line, must name the file and line in its errors, and whatever it
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
		want, wantSkipped, wantErrLine := refRead(data)
		sources := map[string]io.Reader{
			"whole":    bytes.NewReader(data),
			"one byte": iotest.OneByteReader(bytes.NewReader(data)),
			"halves":   iotest.HalfReader(bytes.NewReader(data)),
		}
		for how, src := range sources {
			got, r, err := readFrom(src, "fuzz")
			checkAgainstRef(t, how, got, r, err, want, wantSkipped, wantErrLine)
		}
		got, _, _ := readAll(data, "fuzz")
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for _, rec := range got {
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		again, _, err := readAll(buf.Bytes(), "again")
		if err != nil || !equalRecords(again, got) {
			t.Fatalf("rewritten trace read back as %d records, error %v; want the %d written", len(again), err, len(got))
		}
	})
}

func checkAgainstRef(t *testing.T, how string, got []Record, r *Reader, err error, want []Record, wantSkipped, wantErrLine int64) {
	t.Helper()
	if !equalRecords(got, want) || r.Skipped() != wantSkipped {
		t.Fatalf("%s: read %d records, %d escapes; the reference %d, %d", how, len(got), r.Skipped(), len(want), wantSkipped)
	}
	var pe *ParseError
	switch {
	case wantErrLine == 0 && err != nil:
		t.Fatalf("%s: error %v, the reference reads the whole input", how, err)
	case wantErrLine != 0 && (!errors.As(err, &pe) || pe.Line != wantErrLine || r.Line() != wantErrLine):
		t.Fatalf("%s: error %v at line %d, the reference fails at line %d", how, err, r.Line(), wantErrLine)
	case err != nil && !strings.HasPrefix(err.Error(), "din: fuzz:"):
		t.Fatalf("%s: error %q does not name the file and line", how, err)
	}
}

func equalRecords(a, b []Record) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
