package render

import (
	"fmt"
	"image"
	"slices"
	"strings"
	"testing"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

// allTargets lists every target of a model: every cell of the LLC (one by
// one, and in bins of 2 ways x 2 sets), every slot, every strip token.
func allTargets(m *sceneModel) []target {
	var ts []target
	l := &m.llc
	for p := range 2 {
		for s := range l.sets {
			for w := range l.ways[p] {
				ts = append(ts, target{kind: targetCell, part: p, set: s, way: w, bx: 1, by: 1})
				if s%2 == 0 && w%2 == 0 {
					ts = append(ts, target{kind: targetCell, part: p, set: s, way: w, bx: 2, by: 2})
				}
			}
		}
	}
	for i := range m.slots.layer {
		ts = append(ts, target{kind: targetSlot, slot: i, slots: 1})
	}
	for tok := range m.strip.maxCtx {
		ts = append(ts, target{kind: targetToken, token: tok, tokens: 1})
	}
	return ts
}

// TestHoverChangesNoEngineState inspects every cell, slot and strip token
// after every layer of every mode and policy (and of a batch), and checks each time that
// the engine is in exactly the state it was before: a tooltip that bumped
// recency (Get instead of Peek) or generated a selection would show here.
func TestHoverChangesNoEngineState(t *testing.T) {
	for _, policy := range []string{config.PolicyLRU, config.PolicyFIFO, config.PolicyRandom, config.PolicySRRIP, "lru, batch 3"} {
		for _, mode := range allModes {
			c := tinyConfig(mode)
			c.Policy = policy
			if policy == "lru, batch 3" {
				c.Policy, c.Batch = config.PolicyLRU, 3
			}
			e, err := engine.New(c, nil)
			if err != nil {
				t.Fatal(err)
			}
			m := &sceneModel{}
			m.reset(e.View())
			m.setStripWidth(64)
			var in inspector
			var text tipText
			buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
			for i := 0; !e.Done(); i++ {
				m.observe(e.View(), e.AdvanceLayer(buf))
				m.setRequest(i % c.Batch) // a batch: each request in turn
				m.tick()
				m.update(e.View())
				before := e.Clone()
				for _, tg := range allTargets(m) {
					in.describe(&text, e.View(), m, tg, "A")
					if text.lines() == 0 {
						t.Fatalf("%s %s: no text for %+v", policy, mode, tg)
					}
				}
				if !engine.SameState(before, e) {
					t.Fatalf("%s %s: hovering changed the engine after layer %d", policy, mode, i)
				}
			}
		}
	}
}

// smallDemo is small-demo (64 KiB, 64-byte lines, 8 ways: 128 sets) in a
// mode, with 16 KiB of weights (which leave KV lines in the shared part),
// run for n layers.
func smallDemo(t *testing.T, mode, policy string, n int) (*engine.Engine, *sceneModel) {
	t.Helper()
	c, err := config.Preset("small-demo")
	if err != nil {
		t.Fatal(err)
	}
	c.Mode, c.Policy, c.WeightBytes = mode, policy, 16<<10
	if mode == config.ModeNone {
		c.Reserve = 0
	}
	e, m := runModel(c, n, 1)
	return e, m
}

// describeText is the tooltip of tg as one string, lines joined by "\n".
func describeText(e *engine.Engine, m *sceneModel, tg target) string {
	var in inspector
	var text tipText
	in.describe(&text, e.View(), m, tg, "")
	return strings.Join(text.strings(), "\n")
}

// ownerByScan names the owner of a KV line by scanning every token's lines:
// the obviously correct reference for Layout.Owner and TokensOfLine.
func ownerByScan(e *engine.Engine, line uint64) string {
	lay := e.Layout()
	for l := range lay.Layers() {
		for tok := range lay.MaxContext() {
			first, n := lay.TokenLines(0, l, tok)
			if line >= first && line < first+uint64(n) {
				return fmt.Sprintf("KV of layer %d, token %s", l+1, commas(int64(tok)))
			}
		}
	}
	return ""
}

func TestDescribeCellNamesTheLine(t *testing.T) {
	e, m := smallDemo(t, config.ModeNone, config.PolicyLRU, 6)
	shared := e.View().Shared()
	peek := make([]uint64, 8)
	found := map[string]bool{}
	for s := range 128 {
		for w, line := range shared.PeekSet(s, peek) {
			got := describeText(e, m, target{kind: targetCell, set: s, way: w, bx: 1, by: 1})
			wants := []string{fmt.Sprintf("Shared part: set %d, way %d of 8", s, w)}
			kind := "empty"
			if line != cache.Empty {
				kind = "other"
				wants = append(wants,
					fmt.Sprintf("Address 0x%x · block 0x%x (64 B)", line*64, line),
					fmt.Sprintf("Tag 0x%x (bits 13+) · set index %d (bits 6–12) · block offset bits 0–5", line/128, s),
					fmt.Sprintf("LRU age %d of 8 (0 = most recent)", w))
				if o := ownerByScan(e, line); o != "" {
					kind = "kv"
					wants = append(wants, o)
				}
			}
			found[kind] = true
			for _, want := range wants {
				if !strings.Contains(got, want) {
					t.Fatalf("set %d way %d (line %#x): the tooltip\n%s\nlacks %q", s, w, line, got, want)
				}
			}
		}
	}
	if !found["kv"] || !found["other"] {
		t.Errorf("after 6 layers: kinds of lines seen %v, want KV lines and stream lines", found)
	}
}

func TestDescribeCellPolicies(t *testing.T) {
	tests := []struct {
		policy string
		want   func(p cache.PartitionView, set, way int) string
	}{
		{config.PolicyFIFO, func(_ cache.PartitionView, _, way int) string {
			return fmt.Sprintf("FIFO position %d of 8 (0 = newest)", way)
		}},
		{config.PolicySRRIP, func(p cache.PartitionView, set, way int) string {
			return fmt.Sprintf("RRPV %d (3 = next victim)", p.RRPV(set, way))
		}},
		{config.PolicyRandom, func(cache.PartitionView, int, int) string { return "Random victim: no state" }},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			e, m := smallDemo(t, config.ModeNone, tt.policy, 5)
			for _, c := range [][2]int{{0, 0}, {5, 3}, {127, 7}} {
				got := describeText(e, m, target{kind: targetCell, set: c[0], way: c[1], bx: 1, by: 1})
				if want := tt.want(e.View().Shared(), c[0], c[1]); !strings.Contains(got, want) {
					t.Errorf("set %d way %d: the tooltip\n%s\nlacks %q", c[0], c[1], got, want)
				}
			}
		})
	}
}

func TestDescribeBinnedCell(t *testing.T) {
	e, m := smallDemo(t, config.ModeNone, config.PolicyLRU, 5)
	bin := describeText(e, m, target{kind: targetCell, set: 4, way: 2, bx: 2, by: 4})
	one := describeText(e, m, target{kind: targetCell, set: 4, way: 2, bx: 1, by: 1})
	head, rest, _ := strings.Cut(one, "\n")
	if want := head + "\n1 px = 8 lines: sets 4–7, ways 2–3; the first:\n" + rest; bin != want {
		t.Errorf("binned tooltip:\n%s\nwant the first line's, with the bin:\n%s", bin, want)
	}
}

func TestDescribeTokenStoreCells(t *testing.T) {
	e, m := smallDemo(t, config.ModeTokens, config.PolicyLRU, 9)
	st := e.View().TokenStore()
	l := &m.llc
	held := 0
	for s := range l.sets {
		for w := range l.ways[1] {
			got := describeText(e, m, target{kind: targetCell, part: 1, set: s, way: w, bx: 1, by: 1})
			slot := (s*l.ways[1] + w) / l.slotCells
			key := st.KeyAt(slot)
			want := fmt.Sprintf("Token store slot %d of %d\nFree", slot, st.Slots())
			if key >= 0 {
				held++
				div := int32(e.Layout().MaxContext())
				want = fmt.Sprintf("Token store slot %d of %d\nKV of layer %d, token %s\n2 lines of 64 B, held whole\nToken LRU age %d of %d held",
					slot, st.Slots(), key/div+1, commas(int64(key%div)), st.Age(slot), st.Len())
			}
			if !strings.Contains(got, want) {
				t.Fatalf("reserved set %d way %d: the tooltip\n%s\nlacks\n%s", s, w, got, want)
			}
		}
	}
	if held == 0 {
		t.Error("no held slot described")
	}
}

func TestDescribeTokenHistory(t *testing.T) {
	e, m := smallDemo(t, config.ModeTokens, config.PolicyLRU, 4*5+2)
	c := m.strip.counts
	v := e.View()
	sel := v.Selection(c.Step, c.Layer)
	for _, tok := range []int{int(sel[0]), int(sel[len(sel)/2]), int(sel[len(sel)-1]), 100, 511} {
		got := describeText(e, m, target{kind: targetToken, token: tok, tokens: 1})
		var steps []string
		last := "never selected"
		for s := 0; s <= c.Step; s++ {
			if slices.Contains(v.Selection(s, c.Layer), int32(tok)) {
				steps = append(steps, fmt.Sprint(s+1))
				last = "step " + fmt.Sprint(s+1)
			}
		}
		wants := []string{
			fmt.Sprintf("Token %s of layer %d", commas(int64(tok)), c.Layer+1),
			fmt.Sprintf("Selected in %d of %d steps", len(steps), c.Step+1),
			"Last use: " + last,
		}
		if len(steps) > 0 && len(steps) <= tipSteps {
			wants = append(wants, "steps: "+strings.Join(steps, ", "))
		}
		if slot := v.TokenStore().SlotOf(int32(c.Layer*e.Layout().MaxContext() + tok)); slot >= 0 {
			wants = append(wants, fmt.Sprintf("Held in slot %d, age %d", slot, v.TokenStore().Age(slot)))
		} else {
			wants = append(wants, "Not held by the reservation")
		}
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("token %d: the tooltip\n%s\nlacks %q", tok, got, want)
			}
		}
	}
}

// TestCellRectInvertsCellAt: every pixel CellAt maps to a cell lies in
// that cell's cellRect, and every cellRect's pixels map back to its cell,
// for folds with and without bins.
func TestCellRectInvertsCellAt(t *testing.T) {
	tests := []struct {
		name       string
		sets       int
		ways       [2]int
		maxW, maxH int
	}{
		{"large cells, two parts", 8, [2]int{4, 4}, 400, 300},
		{"one part", 128, [2]int{8, 0}, 500, 400},
		{"binned", 2048, [2]int{16, 4}, 120, 90},
		{"binned, one part", 25600, [2]int{16, 0}, 300, 200},
	}
	for _, tt := range tests {
		f, ok := FoldFor(tt.sets, tt.ways, tt.maxW, tt.maxH, 2, 14)
		if !ok {
			t.Fatalf("%s: no fold", tt.name)
		}
		w, h := f.Size()
		cells := 0
		for y := range h {
			for x := range w {
				p, s, way, ok := f.CellAt(x, y)
				if !ok {
					continue
				}
				cells++
				r := cellRect(f, p, s, way)
				if !image.Pt(x, y).In(r) {
					t.Fatalf("%s: pixel (%d, %d) shows part %d set %d way %d, outside its cellRect %v", tt.name, x, y, p, s, way, r)
				}
				if p2, s2, w2, _ := f.CellAt(r.Min.X, r.Min.Y); p2 != p || s2 != s || w2 != way {
					t.Fatalf("%s: cellRect %v of part %d set %d way %d starts at part %d set %d way %d", tt.name, r, p, s, way, p2, s2, w2)
				}
			}
		}
		if cells == 0 {
			t.Errorf("%s: no cell in the %dx%d picture", tt.name, w, h)
		}
	}
}

// BenchmarkDescribe writes the tooltips of dsv32-h100 (mode tokens): a
// shared line, a token store slot (its age walks the LRU list) and a strip
// token (a binary search per step run): what a hover costs each time the
// run advances under a resting pointer.
func BenchmarkDescribe(b *testing.B) {
	e, m, _ := dsv32(b, config.ModeTokens)
	for _, tt := range []struct {
		name string
		tg   target
	}{
		{"cell", target{kind: targetCell, set: 1000, way: 3, bx: 1, by: 2}},
		{"slot", target{kind: targetSlot, slot: len(m.slots.layer) / 2, slots: 1}},
		{"token", target{kind: targetToken, token: 100, tokens: 40}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			var in inspector
			var text tipText
			b.ReportAllocs()
			for b.Loop() {
				in.describe(&text, e.View(), m, tt.tg, "A")
			}
		})
	}
}

// TestDescribeSetIndex: the tooltip splits an address by the set index
// function: bit fields for a power of two of sets and the modulo index, a
// modulo otherwise, the hash for XOR; the set index is always the one the
// cache uses, and the tag the block over the sets.
func TestDescribeSetIndex(t *testing.T) {
	tests := []struct {
		name     string
		capacity config.Size
		hash     string
		want     string // %d: the set index
	}{
		{"128 sets, modulo", 64 << 10, config.HashMod, "set index %d (bits 6–12) · block offset bits 0–5"},
		{"96 sets, modulo", 48 << 10, config.HashMod, "set index %d (block mod 96) · block offset bits 0–5"},
		{"128 sets, XOR", 64 << 10, config.HashXOR, "set index %d (XOR hash) · block offset bits 0–5"},
	}
	for _, tt := range tests {
		c, err := config.Preset("small-demo")
		if err != nil {
			t.Fatal(err)
		}
		c.Capacity, c.Hash, c.Mode, c.Reserve, c.WeightBytes = tt.capacity, tt.hash, config.ModeNone, 0, 16<<10
		e, m := runModel(c, 5, 1)
		shared := e.View().Shared()
		sets := shared.Geometry().Sets
		peek := make([]uint64, 8)
		seen := 0
		for s := range sets {
			line := shared.PeekSet(s, peek)[0]
			if line == cache.Empty {
				continue
			}
			seen++
			got := describeText(e, m, target{kind: targetCell, set: s, way: 0, bx: 1, by: 1})
			if want := fmt.Sprintf("Tag 0x%x", line/uint64(sets)); !strings.Contains(got, want) {
				t.Errorf("%s, set %d: the tooltip\n%s\nlacks %q", tt.name, s, got, want)
			}
			if want := fmt.Sprintf(tt.want, shared.SetOf(line)); shared.SetOf(line) != s || !strings.Contains(got, want) {
				t.Errorf("%s, set %d (line %#x in set %d): the tooltip\n%s\nlacks %q", tt.name, s, line, shared.SetOf(line), got, want)
			}
		}
		if seen == 0 {
			t.Errorf("%s: no line in way 0 of any set", tt.name)
		}
	}
}
