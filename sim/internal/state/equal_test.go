package state

import "testing"

type inner struct {
	xs []int32
	m  map[string]int
}

type outer struct {
	n    int
	f    float64
	in   inner
	p    *inner
	arr  [2]uint8
	name string
}

func TestEqual(t *testing.T) {
	base := func() outer {
		return outer{n: 1, f: 0.5, in: inner{xs: []int32{}, m: map[string]int{}}, p: &inner{xs: []int32{3}}, arr: [2]uint8{1, 2}, name: "a"}
	}
	tests := []struct {
		name   string
		change func(*outer)
		want   bool
	}{
		{"identical", func(*outer) {}, true},
		{"nil slice equals empty", func(o *outer) { o.in.xs = nil }, true},
		{"nil map equals empty", func(o *outer) { o.in.m = nil }, true},
		{"capacity is not state", func(o *outer) { o.p.xs = append(make([]int32, 0, 9), 3) }, true},
		{"other int", func(o *outer) { o.n = 2 }, false},
		{"other float", func(o *outer) { o.f = 0.25 }, false},
		{"element through a pointer", func(o *outer) { o.p.xs[0] = 4 }, false},
		{"nil pointer", func(o *outer) { o.p = nil }, false},
		{"longer slice", func(o *outer) { o.in.xs = []int32{0} }, false},
		{"map entry", func(o *outer) { o.in.m = map[string]int{"k": 0} }, false},
		{"array element", func(o *outer) { o.arr[1] = 9 }, false},
		{"string", func(o *outer) { o.name = "b" }, false},
	}
	for _, tc := range tests {
		a, b := base(), base()
		tc.change(&b)
		if got := Equal(a, b); got != tc.want {
			t.Errorf("%s: Equal = %v, want %v", tc.name, got, tc.want)
		}
		if got := Equal(&b, &a); got != tc.want {
			t.Errorf("%s (pointers, swapped): Equal = %v, want %v", tc.name, got, tc.want)
		}
	}
}
