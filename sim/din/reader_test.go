package din

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll reads every access of a trace, with the reader for its counters.
func readAll(data []byte, name string) ([]Record, *Reader, error) {
	return readFrom(bytes.NewReader(data), name)
}

// readFrom reads every access of src, with the reader for its counters; an
// error stops it (io.EOF is no error).
func readFrom(src io.Reader, name string) ([]Record, *Reader, error) {
	r := NewReader(src, name)
	var recs []Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return recs, r, nil
		}
		if err != nil {
			return recs, r, err
		}
		recs = append(recs, rec)
	}
}

func TestReaderValid(t *testing.T) {
	data, err := os.ReadFile("testdata/valid.din")
	if err != nil {
		t.Fatal(err)
	}
	got, r, err := readAll(data, "valid.din")
	if err != nil {
		t.Fatalf("read valid.din: %v", err)
	}
	want := []Record{
		{Read, 0x1000}, {Write, 0x7fff0010}, {Fetch, 0xdeadbeef},
		{Read, 0xabcdef}, {Read, 0xffffffffffffffff}, {Read, 1}, {Fetch, 0x42}, {Read, 0x10},
	}
	if len(got) != len(want) {
		t.Fatalf("read valid.din = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if r.Skipped() != 2 || r.Records() != int64(len(want)) || r.Line() != 11 {
		t.Errorf("Skipped, Records, Line = %d, %d, %d, want 2, %d, 11", r.Skipped(), r.Records(), r.Line(), len(want))
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"label 5", "0 10\n5 10\n", "din: t.din:2: label must be 0 (read), 1 (write), 2 (fetch), 3 or 4 (escapes), got \"5\""},
		{"letter label", "r 10\n", `t.din:1: label must be`},
		{"negative label", "-1 10\n", `got "-1"`},
		{"huge label", "999999999999999999999999999999 10\n", `got "999999999999999999999999"...`},
		{"label glued to address", "0x10\n", `got "0x10"`},
		{"no address", "1\n", "t.din:1: missing address after label 1"},
		{"no address, spaces", "1   \r\n", "missing address after label 1"},
		{"bad hex", "0 12g4\n", `t.din:1: address must be hexadecimal, got "12g4"`},
		{"bare prefix", "0 0x\n", `address must be hexadecimal, got "0x"`},
		{"overflow", "0 10000000000000000\n", `address does not fit in 64 bits: "10000000000000000"`},
		{"garbage", "0 1\n\n\x00\xff\n", `t.din:3: label must be`},
		{"long line", "0 1 " + strings.Repeat("x", MaxLineBytes) + "\n", "t.din:1: line longer than 65536 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r, err := readAll([]byte(tt.input), "t.din")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("read %q: error %v, want one containing %q", tt.input, err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "t.din" || pe.Line != r.Line() {
				t.Errorf("error %v is not a *ParseError at t.din line %d", err, r.Line())
			}
			if _, again := r.Next(); again != err {
				t.Errorf("Next after an error = %v, want the same error %v", again, err)
			}
		})
	}
}

func TestReaderStreamError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := NewReader(io.MultiReader(strings.NewReader("0 10\n"), errReader{boom}), "f.din")
	if _, err := r.Next(); err != nil {
		t.Fatalf("first Next: %v", err)
	}
	_, err := r.Next()
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "f.din") {
		t.Errorf("Next on a failing stream = %v, want an error naming f.din and wrapping %v", err, boom)
	}
}

type errReader struct{ err error }

// liar claims to have read more than it was given room for.
type liar struct{}

func (liar) Read(p []byte) (int, error) { return len(p) + 1, nil }

func TestReaderBadSource(t *testing.T) {
	_, err := NewReader(liar{}, "liar").Next()
	if err == nil || !strings.Contains(err.Error(), "din: liar: line 1: the source returned an impossible count") {
		t.Errorf("Next on a lying source = %v, want an error", err)
	}
}

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// TestReaderAllocs proves the Reader allocates nothing per line.
func TestReaderAllocs(t *testing.T) {
	var sb strings.Builder
	for i := range 10000 {
		sb.WriteString("0 7fff0010\n1 0x10\t\tx\r\n2 ffffffffffff\n")
		if i%100 == 0 {
			sb.WriteString("3 0\n\n")
		}
	}
	data := []byte(sb.String())
	src := bytes.NewReader(data)
	r := NewReader(src, "allocs")
	allocs := testing.AllocsPerRun(20, func() {
		src.Reset(data)
		r.Reset(src, "allocs")
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
	})
	if allocs != 0 {
		t.Errorf("reading %d lines allocates %v times, want 0", r.Line(), allocs)
	}
	if r.Records() != 30000 {
		t.Errorf("Records() = %d, want 30000", r.Records())
	}
}

func TestSeedFilesNamed(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.din")
	if len(files) < 5 {
		t.Fatalf("testdata holds %d .din files, want the seed corpus", len(files))
	}
}

func TestReaderReset(t *testing.T) {
	r := NewReader(strings.NewReader("7 1\n"), "first")
	if _, err := r.Next(); err == nil {
		t.Fatal("label 7 read without error")
	}
	r.Reset(strings.NewReader("0 1\n3 0\n"), "second")
	rec, err := r.Next()
	if err != nil || rec != (Record{Read, 1}) {
		t.Fatalf("Next after Reset = %+v, %v; want {0 1}, nil", rec, err)
	}
	if _, err := r.Next(); err != io.EOF || r.Skipped() != 1 || r.Line() != 2 || r.Records() != 1 {
		t.Errorf("after Reset: err %v, Skipped %d, Line %d, Records %d; want EOF, 1, 2, 1", err, r.Skipped(), r.Line(), r.Records())
	}
}
