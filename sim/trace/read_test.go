package trace

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// hidden hides a reader's Len and Seek, so readers cannot know its size.
type hidden struct{ io.Reader }

// readers are the ways a test feeds the same bytes: size known or not.
var readers = []struct {
	name string
	wrap func([]byte) io.Reader
}{
	{"sized", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"streamed", func(b []byte) io.Reader { return hidden{bytes.NewReader(b)} }},
}

type expectedLog struct {
	Steps, Layers int
	Selections    [][][]int32
}

func TestReadFixtures(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]expectedLog
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		direct := ReadNPY
		if strings.HasSuffix(name, ".txt") {
			direct = ReadText
		}
		for _, rd := range readers {
			for fn, read := range map[string]func(io.Reader, string) (*Log, error){"Read": Read, "direct": direct} {
				lg, err := read(rd.wrap(data), name)
				if err != nil {
					t.Errorf("%s %s %s: %v", fn, rd.name, name, err)
					continue
				}
				if err := compareLog(lg, w); err != "" {
					t.Errorf("%s %s %s: %s", fn, rd.name, name, err)
				}
			}
		}
	}
	// Opened files are sized through Seek.
	f, err := os.Open(filepath.Join("testdata", "int64.npy"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if size, ok := knownSize(f); !ok || size != 416 {
		t.Errorf("knownSize(int64.npy) = %d, %v; want 416, true", size, ok)
	}
	if lg, err := Read(f, "int64.npy"); err != nil || compareLog(lg, want["int64.npy"]) != "" {
		t.Errorf("Read(os.File int64.npy) = %v, %v", lg, err)
	}
}

// compareLog returns what differs between lg and w, or "".
func compareLog(lg *Log, w expectedLog) string {
	if err := checkSource(lg); err != nil {
		return err.Error()
	}
	if lg.Steps() != w.Steps || lg.Layers() != w.Layers {
		return "shape differs"
	}
	minK, maxK, maxIndex, minPrompt := -1, 0, -1, 0
	for s, step := range w.Selections {
		for l, sel := range step {
			if got := lg.Selection(s, l); !slices.Equal(got, sel) && len(got)+len(sel) > 0 {
				return "selection differs"
			}
			if minK < 0 || len(sel) < minK {
				minK = len(sel)
			}
			maxK = max(maxK, len(sel))
			if len(sel) > 0 {
				maxIndex = max(maxIndex, int(sel[len(sel)-1]))
				minPrompt = max(minPrompt, int(sel[len(sel)-1])-s+1)
			}
		}
	}
	if lg.MinK() != minK || lg.MaxK() != maxK || lg.MaxIndex() != maxIndex || lg.MinPrompt() != minPrompt {
		return "summary differs: " + lg.String()
	}
	return ""
}

// npyFile builds a version 1 .npy file from a header dict and a body.
func npyFile(header string, body []byte) []byte {
	b := []byte(npyMagic + "\x01\x00")
	b = binary.LittleEndian.AppendUint16(b, uint16(len(header)))
	return append(append(b, header...), body...)
}

func int32s(v ...int32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, uint32(x))
	}
	return b
}

func TestReadNPYErrors(t *testing.T) {
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	hdr := func(shape string) string {
		return "{'descr': '<i4', 'fortran_order': False, 'shape': " + shape + ", }\n"
	}
	tests := []struct {
		name string
		data []byte
		want string // for both readers, or "streamed|sized"
	}{
		{"fortran order", fixture("bad_fortran.npy"), "byte 10: fortran_order arrays are not supported"},
		{"float", fixture("bad_float.npy"), "byte 10: dtype \"<f4\" is not supported"},
		{"duplicate", fixture("bad_duplicate.npy"), "byte 168: step 1 layer 0: index 1 appears twice"},
		{"negative", fixture("bad_negative.npy"), "byte 240: step 2 layer 1: index -5 is not in 0..2147483647"},
		{"index too large", fixture("bad_too_large.npy"), "step 0 layer 0: index 2147483648 is not in 0..2147483647"},
		{"one dimension", fixture("bad_shape.npy"), "byte 10: shape [4]: want [steps, layers, k]"},
		{"no steps", fixture("bad_empty.npy"), "shape [0 2 3]: steps, layers and k must be at least 1"},
		{"truncated", fixture("bad_truncated.npy"), "byte 242: the file ends inside the array|byte 128: shape [3 2 5] of <i4 needs 120 bytes of data, but only 114 follow"},
		{"trailing data", fixture("bad_trailing.npy"), "byte 248: data after the end of the array"},
		{"10^12 entries claimed", fixture("bad_huge_shape.npy"), "shape [1000000 1000 1000]: more than 16777216 selections"},
		{"10^4 entries claimed", npyFile(hdr("(100, 10, 10)"), int32s(1, 2, 3)), "the file ends inside the array|needs 40000 bytes of data, but only 12 follow"},
		{"empty file", nil, "byte 0: the file ends inside the NumPy header"},
		{"not npy", []byte("hello world"), "byte 0: not a NumPy .npy file"},
		{"version 4", append([]byte(npyMagic+"\x04\x00"), 0, 0), "byte 6: NumPy format version 4.0 is not supported"},
		{"header longer than file", npyFile(hdr("(1, 1, 1)"), nil)[:20], "byte 20: the file ends inside the NumPy header|byte 8: header length 63 is longer than the file"},
		{"missing key", npyFile("{'descr': '<i4', 'shape': (1, 1, 1)}", int32s(0)), "key \"fortran_order\" is missing"},
		{"unknown key", npyFile("{'descr': '<i4', 'color': 'red'}", nil), "byte 27: header \"{'descr': '<i4', 'color': 'red'}\": unknown key \"color\""},
		{"repeated key", npyFile("{'descr': '<i4', 'descr': '<i4'}", nil), "key \"descr\" appears twice"},
		{"structured dtype", npyFile("{'descr': [('a', '<i4')]}", nil), "structured dtype"},
		{"bad bool", npyFile("{'fortran_order': Maybe}", nil), "want True or False"},
		{"bad tuple", npyFile("{'shape': (1 2)}", nil), "want ',' or ')' in the shape"},
		{"huge dimension", npyFile("{'shape': (99999999999999999999,)}", nil), "dimension 99999999999999999999 is too large"},
		{"text after dict", npyFile("{'shape': ()} x", nil), "unexpected text after the header's '}'"},
		{"unterminated string", npyFile("{'descr", nil), "unterminated string"},
	}
	for _, tt := range tests {
		for i, rd := range readers {
			want := tt.want
			if alt := strings.Split(tt.want, "|"); len(alt) == 2 {
				want = alt[1-i]
			}
			lg, err := ReadNPY(rd.wrap(tt.data), "x.npy")
			if err == nil || !strings.HasPrefix(err.Error(), "trace: x.npy: byte ") || !strings.Contains(err.Error(), want) {
				t.Errorf("%s, %s: ReadNPY = %v, %v; want error containing %q", tt.name, rd.name, lg, err, want)
			}
		}
	}
}

func TestReadTextErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty", "", "trace: x.txt: no selections"},
		{"only comments", "# nothing\n\n  # still nothing\n", "no selections"},
		{"one field", "0\n", "line 1: want \"step layer i1 i2 ...\""},
		{"bad step", "0 0 1\nx 0 1\n", "line 2: step \"x\" is not an integer"},
		{"negative layer", "0 -1 1\n", "line 1: layer \"-1\" is not an integer"},
		{"bad index", "0 0 1 2.5\n", "line 1: step 0 layer 0: index 2, \"2.5\", is not an integer"},
		{"negative index", "0 0 1 -2\n", "index 2, \"-2\", is not an integer 0..2147483647 (or -1 for padding)"},
		{"index too large", "0 0 2147483648\n", "is not an integer 0..2147483647"},
		{"duplicate index", "0 0 4 1 4\n", "line 1: step 0 layer 0: index 4 appears twice"},
		{"repeated cell", "0 0 1\n0 1 2\n\n0 0 3\n", "line 4: step 0 layer 0 appears again (first on line 1)"},
		{"missing cell", "0 0 1\n1 1 2\n1 0 3\n", "3 lines cannot cover steps 0..1 x layers 0..1 (4 selections)"},
		{"cell far away", "0 0 1\n2000000000 0 3\n", "2 lines cannot cover steps 0..2000000000 x layers 0..0"},
		{"step too large", "2147483647 0 1\n", "step \"2147483647\" is not an integer"},
	}
	for _, tt := range tests {
		lg, err := ReadText(strings.NewReader(tt.text), "x.txt")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadText = %v, %v; want error containing %q", tt.name, lg, err, tt.want)
		}
	}
}

func TestReadTextLongLines(t *testing.T) {
	// Lines longer than the reader's 64 KiB buffer are assembled, not cut.
	line := func(n, mod int) string {
		var b strings.Builder
		b.WriteString("0 0")
		for i := range n {
			b.WriteString("    " + strconv.Itoa(i%mod))
		}
		return b.String()
	}
	if _, err := ReadText(strings.NewReader(line(40000, 39999)), "x.txt"); err == nil || !strings.Contains(err.Error(), "line 1: step 0 layer 0: index 0 appears twice") {
		t.Errorf("long line with a repeat: err = %v", err)
	}
	lg, err := ReadText(strings.NewReader(line(40000, 40000)+"\n1 0 5\n"), "x.txt")
	if err != nil || lg.MaxK() != 40000 || lg.MaxIndex() != 39999 || lg.MinK() != 1 {
		t.Errorf("long line: %v, %v", lg, err)
	}
}

func TestReadTextCRLF(t *testing.T) {
	lg, err := Read(strings.NewReader("# made on Windows\r\n0 0 3 1\r\n0 1 -1\r\n"), "crlf.txt")
	if err != nil || compareLog(lg, expectedLog{Steps: 1, Layers: 2, Selections: [][][]int32{{{1, 3}, {}}}}) != "" {
		t.Errorf("Read(CRLF text) = %v, %v", lg, err)
	}
}

func TestWriteTextRoundTrip(t *testing.T) {
	p := smallParams()
	p.Prompt = 240 // the first steps select the whole context (k = 256)
	g := mustGenerator(t, p)
	var buf bytes.Buffer
	if err := WriteText(&buf, g); err != nil {
		t.Fatal(err)
	}
	lg, err := Read(&buf, "round.txt")
	if err != nil {
		t.Fatal(err)
	}
	if traceHash(lg) != traceHash(g) {
		t.Error("WriteText then Read changed the trace")
	}
	if lg.MinPrompt() > p.Prompt || lg.MaxK() != p.TopK {
		t.Errorf("round trip %v: want MinPrompt <= %d and MaxK %d", lg, p.Prompt, p.TopK)
	}
	if Measure(lg) != Measure(g) {
		t.Error("statistics differ after the round trip")
	}
}
