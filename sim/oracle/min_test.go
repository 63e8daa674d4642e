package oracle

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// tinyCases draws tiny sequences: 1-2 layers, contexts of 3-5 tokens.
func tinyCases(n int) []*Sequence {
	var out []*Sequence
	for i := range n {
		r := rand.New(rand.NewPCG(uint64(i), 11))
		out = append(out, randomSteps(r, 2+r.IntN(5), 1+r.IntN(2), 3+r.IntN(3), 3))
	}
	return out
}

func TestMINEqualsExhaustiveSearch(t *testing.T) {
	for i, s := range tinyCases(150) {
		for _, layerScope := range []bool{false, true} {
			for slots := 1; slots <= 4; slots++ {
				got := sum(s.MIN(slots, layerScope, s.Steps()))
				if want := bruteMIN(s, slots, layerScope); got != want {
					t.Fatalf("case %d (%d accesses), layer scope %v: MIN(%d slots) = %d hits, exhaustive search %d", i, s.Len(), layerScope, slots, got, want)
				}
			}
		}
	}
}

func TestMINMatchesReferenceAtEveryHorizon(t *testing.T) {
	for i := range 80 {
		r := rand.New(rand.NewPCG(uint64(i), 12))
		s := randomSteps(r, 3+r.IntN(8), 1+r.IntN(3), 4+r.IntN(12), 6)
		for _, layerScope := range []bool{false, true} {
			for _, slots := range []int{1, 3, 7} {
				for h := 0; h <= s.Steps(); h++ {
					got, want := s.MIN(slots, layerScope, h), refMIN(s, slots, layerScope, h)
					if !slices.Equal(got, want) {
						t.Fatalf("case %d, layer scope %v, %d slots, horizon %d: MIN = %v, reference %v", i, layerScope, slots, h, got, want)
					}
				}
			}
		}
	}
}

// TestMINBeatsEveryPolicy: with the whole run in sight, MIN has at least
// the hits of LRU, FIFO and random eviction at the same capacity.
func TestMINBeatsEveryPolicy(t *testing.T) {
	for i := range 100 {
		r := rand.New(rand.NewPCG(uint64(i), 13))
		s := randomSteps(r, 4+r.IntN(12), 1+r.IntN(4), 8+r.IntN(40), 12)
		for _, layerScope := range []bool{false, true} {
			for _, slots := range []int{4, 9, 20} {
				name := fmt.Sprintf("case %d, layer scope %v, %d slots", i, layerScope, slots)
				min := sum(s.MIN(slots, layerScope, s.Steps()))
				rng := rand.New(rand.NewPCG(uint64(i), 14))
				policies := map[string]int64{
					"lru":    policyHits(s, slots, layerScope, true, func(int) int { return 0 }),
					"fifo":   policyHits(s, slots, layerScope, false, func(int) int { return 0 }),
					"random": policyHits(s, slots, layerScope, false, func(n int) int { return rng.IntN(n) }),
					"mru":    policyHits(s, slots, layerScope, true, func(n int) int { return n - 1 }),
				}
				for p, hits := range policies {
					if hits > min {
						t.Errorf("%s: %s has %d hits, more than MIN's %d", name, p, hits, min)
					}
				}
			}
		}
	}
}

func TestLineMINOfOneLineIsTokenMIN(t *testing.T) {
	for i, s := range tinyCases(40) {
		for _, h := range []int{0, 1, s.Steps()} {
			got, err := s.LineMIN(3, 1, h)
			if err != nil {
				t.Fatal(err)
			}
			if want := s.MIN(3, false, h); !slices.Equal(got, want) {
				t.Errorf("case %d, horizon %d: LineMIN(3 lines, 1 per token) = %v, MIN(3) = %v", i, h, got, want)
			}
		}
	}
}

// TestLineMINOfWholeTokens: with tokens of n lines, a cache of c*n lines
// does at least as well as n times the token MIN of c slots: keeping
// whole tokens is one of the line cache's choices.
func TestLineMINOfWholeTokens(t *testing.T) {
	for i, s := range tinyCases(60) {
		for _, n := range []int{2, 3} {
			for c := 1; c <= 3; c++ {
				lines, err := s.LineMIN(c*n, n, s.Steps())
				if err != nil {
					t.Fatal(err)
				}
				tok := sum(s.MIN(c, false, s.Steps()))
				if got := sum(lines); got < int64(n)*tok {
					t.Errorf("case %d: LineMIN(%d lines, %d per token) = %d, less than %d * MIN(%d) = %d", i, c*n, n, got, n, c, int64(n)*tok)
				}
			}
		}
	}
}

func TestLineMINMatchesReference(t *testing.T) {
	for i := range 80 {
		r := rand.New(rand.NewPCG(uint64(i), 15))
		s := randomSteps(r, 2+r.IntN(7), 1+r.IntN(3), 4+r.IntN(10), 5)
		for _, n := range []int{1, 2, 3} {
			for _, lines := range []int{1, 2, 5, 11} {
				for _, h := range []int{0, 1, 3, s.Steps()} {
					got, err := s.LineMIN(lines, n, h)
					if err != nil {
						t.Fatal(err)
					}
					if want := refLineMIN(s, lines, n, h); !slices.Equal(got, want) {
						t.Fatalf("case %d: LineMIN(%d lines, %d per token, horizon %d) = %v, reference %v", i, lines, n, h, got, want)
					}
				}
			}
		}
	}
}

func TestLineMINRefusesNoLines(t *testing.T) {
	s := tinyCases(1)[0]
	if _, err := s.LineMIN(0, 1, 1); err == nil {
		t.Error("LineMIN(0 lines) = nil error")
	}
	if _, err := s.LineMIN(1, 0, 1); err == nil {
		t.Error("LineMIN(0 lines per token) = nil error")
	}
}

func TestMINOfNoSlots(t *testing.T) {
	s := tinyCases(1)[0]
	for _, slots := range []int{0, -3} {
		if got := sum(s.MIN(slots, false, s.Steps())); got != 0 {
			t.Errorf("MIN(%d slots) = %d hits, want 0", slots, got)
		}
	}
}
