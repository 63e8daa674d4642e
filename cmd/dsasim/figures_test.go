package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkFigure fails unless name is a non-empty file that decodes as its
// extension says: a PNG image or an SVG (XML) document.
func checkFigure(t *testing.T, name string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil || len(data) == 0 {
		t.Fatalf("%s: %v, %d bytes", name, err, len(data))
	}
	switch filepath.Ext(name) {
	case ".png":
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 200 {
			t.Errorf("%s is %dx%d pixels", name, b.Dx(), b.Dy())
		}
	case ".svg":
		d := xml.NewDecoder(bytes.NewReader(data))
		root := ""
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && root == "" {
				root = se.Name.Local
			}
		}
		if root != "svg" {
			t.Errorf("%s: root element %q, want svg", name, root)
		}
	default:
		t.Fatalf("%s: unexpected figure format", name)
	}
}

func TestFiguresWritesEveryFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "figs") // created
	code, _, stderr := dsasim(t, "figures", "-preset", "small-demo", "-steps", "2", "-points", "2", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var want []string
	for _, fsw := range standardFigures {
		fsw.preset = "small-demo"
		for _, m := range figureMetrics {
			base := figureBase(dir, fsw, m.file)
			want = append(want, base+".png", base+".svg")
		}
	}
	got, _ := filepath.Glob(filepath.Join(dir, "*"))
	// The set's two reserve sweeps share their names on one preset.
	if len(got) != len(want)-4 {
		t.Errorf("%d files written, want %d: %q", len(got), len(want)-4, got)
	}
	for _, name := range want {
		checkFigure(t, name)
	}
	if !strings.Contains(stderr, "figures in") {
		t.Errorf("stderr has no summary line: %s", stderr)
	}
}

func TestSweepPNG(t *testing.T) {
	for _, tc := range []struct{ name, param, values, file string }{
		{"reserve png", "reserve", "8KiB,16KiB", "r.png"},
		{"modes svg", "mode", "none,tokens", "m.svg"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), tc.file)
			code, _, stderr := dsasim(t, "sweep", "-preset", "small-demo", "-steps", "2", "-param", tc.param, "-values", tc.values, "-csv", os.DevNull, "-png", name)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkFigure(t, name)
		})
	}
}

func TestFigureFlagsRefused(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no dir", []string{"figures"}, "give one directory"},
		{"two dirs", []string{"figures", "a", "b"}, "got 2 arguments"},
		{"dir is a file", []string{"figures", file}, "is a file, not a directory"},
		{"points", []string{"figures", "-points", "1", t.TempDir()}, "-points must be 2..64"},
		{"steps", []string{"figures", "-steps", "-1", t.TempDir()}, "-steps must be 0..4096"},
		{"preset", []string{"figures", "-preset", "nope", t.TempDir()}, "nope"},
		{"sweep format", []string{"sweep", "-param", "reserve", "-values", "8KiB", "-png", "x.gif"}, "must end in .png, .svg or .pdf"},
		{"sweep column", []string{"sweep", "-param", "reserve", "-values", "8KiB", "-png", "x.png", "-y", "bogus"}, "-y must be a CSV column"},
		{"curve format", []string{"curve", "-csv", "-", "-png", "x.bmp"}, "must end in .png, .svg or .pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := dsasim(t, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tc.want)
			}
		})
	}
}
