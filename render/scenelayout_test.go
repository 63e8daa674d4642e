package render

import (
	"image"
	"testing"
)

func TestLayoutScene(t *testing.T) {
	for _, tt := range []struct {
		area  image.Rectangle
		z     float64
		slots bool
	}{
		{image.Rect(0, 0, 940, 800), 1.1, true},
		{image.Rect(0, 0, 940, 800), 1.1, false},
		{image.Rect(100, 50, 2000, 1300), 2, true},
		{image.Rect(0, 0, 500, 360), 0.6, true},
	} {
		r := layoutScene(tt.area, tt.z, legendHeight(tt.z), tt.slots)
		rects := []image.Rectangle{r.HUD, r.LLC, r.Legend, r.Reservation, r.Strip}
		for i, a := range rects {
			if !a.Empty() && !a.In(tt.area) {
				t.Errorf("%v: part %d %v is outside the area", tt.area, i, a)
			}
			for j, b := range rects[i+1:] {
				if a.Overlaps(b) {
					t.Errorf("%v: parts %d %v and %d %v overlap", tt.area, i, a, i+1+j, b)
				}
			}
		}
		if r.LLC.Empty() || r.HUD.Empty() || r.Strip.Empty() || r.Legend.Empty() {
			t.Errorf("%v at zoom %v: a part is missing: %+v", tt.area, tt.z, r)
		}
		if r.Reservation.Empty() == tt.slots && tt.area.Dy() > 600 {
			t.Errorf("%v: reservation view %v with slots %v", tt.area, r.Reservation, tt.slots)
		}
	}
	if r := layoutScene(image.Rect(0, 0, 20, 20), 1, 100, true); !r.LLC.Empty() {
		t.Errorf("a 20x20 area has an LLC view %v", r.LLC)
	}
}
