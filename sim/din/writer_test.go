package din

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWriterFormat(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, rec := range []Record{{Read, 0}, {Write, 0x7fff0010}, {Fetch, 0xffffffffffffffff}, {Flush, 0xabc}} {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "0 0\n1 7fff0010\n2 ffffffffffffffff\n4 abc\n"
	if buf.String() != want {
		t.Errorf("written = %q, want %q", buf.String(), want)
	}
}

func TestWriterBadLabel(t *testing.T) {
	w := NewWriter(new(bytes.Buffer))
	err := w.Write(Record{Label: 5})
	if err == nil || !strings.Contains(err.Error(), "label must be 0..4, got 5") {
		t.Fatalf("Write(label 5) = %v, want a label error", err)
	}
	if w.Flush() != err {
		t.Errorf("Flush after an error = %v, want the sticky %v", w.Flush(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("full") }

func TestWriterStreamError(t *testing.T) {
	w := NewWriter(failWriter{})
	_ = w.Write(Record{Read, 1})
	if err := w.Flush(); err == nil || !strings.Contains(err.Error(), "full") {
		t.Errorf("Flush to a failing stream = %v, want its error", err)
	}
}

// TestRoundTrip is a property test: whatever records are written, the
// Reader gives back the accesses in order and counts the escapes.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		var want []Record
		escapes := 0
		for range rng.IntN(300) {
			rec := Record{Label: Label(rng.IntN(int(MaxLabel) + 1))}
			switch rng.IntN(3) {
			case 0:
				rec.Addr = rng.Uint64()
			case 1:
				rec.Addr = rng.Uint64N(1 << 16)
			}
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
			if rec.Label.Access() {
				want = append(want, rec)
			} else {
				escapes++
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		got, r, err := readAll(buf.Bytes(), "rt")
		if err != nil {
			t.Fatalf("trial %d: read back: %v", trial, err)
		}
		if len(got) != len(want) || r.Skipped() != int64(escapes) {
			t.Fatalf("trial %d: read back %d records and %d escapes, want %d and %d", trial, len(got), r.Skipped(), len(want), escapes)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("trial %d: record %d = %+v, want %+v", trial, i, got[i], want[i])
			}
		}
	}
}
