package trace

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addFixtures seeds f with every testdata file whose name ends in ext.
func addFixtures(f *testing.F, ext string) {
	names, err := filepath.Glob(filepath.Join("testdata", "*"+ext))
	if err != nil || len(names) == 0 {
		f.Fatalf("no testdata/*%s: %v", ext, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkRead fails unless read gave exactly one of a valid Log and an error
// in the package's form.
func checkRead(t *testing.T, lg *Log, err error, prefix string) {
	t.Helper()
	if err != nil {
		if lg != nil || !strings.HasPrefix(err.Error(), prefix) {
			t.Fatalf("got %v and error %q, want no log and an error starting %q", lg, err, prefix)
		}
		return
	}
	if err := checkSource(lg); err != nil {
		t.Fatal(err)
	}
	if lg.MinK() < 0 || lg.MinK() > lg.MaxK() || lg.MinPrompt() < 0 || lg.MaxIndex() < -1 {
		t.Fatalf("inconsistent summary: %v, MinPrompt %d", lg, lg.MinPrompt())
	}
}

// checkRoundTrip fails unless what write writes of lg, read reads back the
// same.
func checkRoundTrip(t *testing.T, lg *Log, write func(io.Writer, Source) error, read func(io.Reader, string) (*Log, error)) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, lg); err != nil {
		t.Fatal(err)
	}
	again, err := read(&buf, "again")
	if err != nil || traceHash(again) != traceHash(lg) {
		t.Fatalf("round trip: %v", err)
	}
}

func FuzzReadNPY(f *testing.F) {
	addFixtures(f, ".npy")
	f.Fuzz(func(t *testing.T, data []byte) {
		sized, errSized := ReadNPY(bytes.NewReader(data), "fuzz")
		checkRead(t, sized, errSized, "trace: fuzz: byte ")
		streamed, errStreamed := ReadNPY(hidden{bytes.NewReader(data)}, "fuzz")
		checkRead(t, streamed, errStreamed, "trace: fuzz: byte ")
		if (errSized == nil) != (errStreamed == nil) {
			t.Fatalf("sized: %v, streamed: %v; want both to fail or both to succeed", errSized, errStreamed)
		}
		if errSized == nil && traceHash(sized) != traceHash(streamed) {
			t.Fatal("sized and streamed reads differ")
		}
		if errSized == nil {
			checkRoundTrip(t, sized, WriteNPY, ReadNPY)
		}
	})
}

func FuzzReadText(f *testing.F) {
	addFixtures(f, ".txt")
	f.Add([]byte("0 0 1 2 3\n0 1 -1 4\n"))
	f.Add([]byte("# c\n1 0 5\n0 0 7 -1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lg, err := ReadText(bytes.NewReader(data), "fuzz")
		checkRead(t, lg, err, "trace: fuzz: ")
		if err == nil {
			checkRoundTrip(t, lg, WriteText, ReadText)
		}
	})
}
