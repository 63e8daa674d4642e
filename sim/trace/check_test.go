package trace

import (
	"fmt"
	"testing"
)

// checkSource reports the first broken invariant of src: every selection
// sorted ascending, distinct and non-negative; nil out of range.
func checkSource(src Source) error {
	if src.Layers() < 1 || src.Steps() < 1 {
		return fmt.Errorf("shape %d steps x %d layers, want both >= 1", src.Steps(), src.Layers())
	}
	for _, bad := range [][2]int{{-1, 0}, {0, -1}, {src.Steps(), 0}, {0, src.Layers()}} {
		if s := src.Selection(bad[0], bad[1]); s != nil {
			return fmt.Errorf("Selection(%d, %d) = %v, want nil", bad[0], bad[1], s)
		}
	}
	for t := 0; t < src.Steps(); t++ {
		for l := 0; l < src.Layers(); l++ {
			sel := src.Selection(t, l)
			for i, tok := range sel {
				if tok < 0 {
					return fmt.Errorf("S(%d,%d)[%d] = %d, want >= 0", t, l, i, tok)
				}
				if i > 0 && sel[i-1] >= tok {
					return fmt.Errorf("S(%d,%d)[%d:%d] = %v, want strictly ascending", t, l, i-1, i+1, sel[i-1:i+1])
				}
			}
		}
	}
	return nil
}

// checkGenerator adds the generator's own invariants to checkSource: size
// min(k, N), indices below N, sinks and window present.
func checkGenerator(g *Generator) error {
	if err := checkSource(g); err != nil {
		return err
	}
	p := g.Params()
	for t := 0; t < p.Steps; t++ {
		N := p.Prompt + t
		for l := 0; l < p.Layers; l++ {
			sel := g.Selection(t, l)
			if len(sel) != min(p.TopK, N) {
				return fmt.Errorf("|S(%d,%d)| = %d, want min(%d, %d)", t, l, len(sel), p.TopK, N)
			}
			if int(sel[len(sel)-1]) >= N {
				return fmt.Errorf("S(%d,%d) holds %d, want < N = %d", t, l, sel[len(sel)-1], N)
			}
			in := make(map[int32]bool, len(sel))
			for _, tok := range sel {
				in[tok] = true
			}
			for tok := 0; tok < min(p.Sinks, N); tok++ {
				if !in[int32(tok)] {
					return fmt.Errorf("S(%d,%d) lacks sink %d", t, l, tok)
				}
			}
			for tok := max(0, N-p.Window); tok < N; tok++ {
				if !in[int32(tok)] {
					return fmt.Errorf("S(%d,%d) lacks window token %d (N = %d)", t, l, tok, N)
				}
			}
		}
	}
	return nil
}

// smallParams are quick parameters with the default behaviour.
func smallParams() Params {
	p := DefaultParams()
	p.Layers, p.TopK, p.Prompt, p.Steps = 4, 256, 4096, 24
	return p
}

func mustGenerator(t testing.TB, p Params) *Generator {
	t.Helper()
	g, err := NewGenerator(p)
	if err != nil {
		t.Fatalf("NewGenerator(%+v) = %v", p, err)
	}
	return g
}

func nan() float64 { var zero float64; return zero / zero }

// fixedSource is a trace written out in a test: fixedSource[t][l] = S(t,l).
type fixedSource [][][]int32

func (f fixedSource) Steps() int  { return len(f) }
func (f fixedSource) Layers() int { return len(f[0]) }
func (f fixedSource) Selection(t, l int) []int32 {
	if t < 0 || t >= len(f) || l < 0 || l >= len(f[t]) {
		return nil
	}
	return f[t][l]
}
