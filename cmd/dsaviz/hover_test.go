package main

import (
	"image"
	"testing"

	"dsaviz/render"
)

func TestHoverInfoInCSSPixels(t *testing.T) {
	tests := []struct {
		name  string
		box   image.Rectangle
		scale float64
		want  any
	}{
		{"scale 1", image.Rect(10, 20, 110, 70), 1, map[string]any{"x": 10, "y": 20, "w": 100, "h": 50}},
		{"HiDPI rounds outwards", image.Rect(11, 21, 111, 71), 2, map[string]any{"x": 5, "y": 10, "w": 51, "h": 26}},
		{"no tooltip", image.Rectangle{}, 2, nil},
		{"no scale yet", image.Rect(1, 1, 2, 2), 0, nil},
	}
	for _, tt := range tests {
		var m mailbox
		m.publishHover(newHoverInfo(render.Hover{Lines: []string{"a", "b"}, Box: tt.box}, tt.scale))
		f := m.readHover().fields()
		got := f["box"]
		if g, ok := got.(map[string]any); ok {
			w := tt.want.(map[string]any)
			for k, v := range w {
				if g[k] != v {
					t.Errorf("%s: box[%s] = %v, want %v", tt.name, k, g[k], v)
				}
			}
		} else if tt.want != nil || got != nil {
			t.Errorf("%s: box = %v, want %v", tt.name, got, tt.want)
		}
		if l := f["lines"].([]any); len(l) != 2 || l[0] != "a" || l[1] != "b" {
			t.Errorf("%s: lines = %v, want [a b]", tt.name, l)
		}
		if f["llc"] != nil {
			t.Errorf("%s: llc = %v for an empty rectangle, want null", tt.name, f["llc"])
		}
	}
}
