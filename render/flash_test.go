package render

import "testing"

func TestFlashClock(t *testing.T) {
	var c flashClock
	c.reset()
	if c.level(0, true) != -1 {
		t.Error("stamp 0 is a flash")
	}
	first := c.observe()
	for range 3 {
		c.tick()
	}
	second := c.observe()
	if c.observe() != second {
		t.Error("two Observes in one tick have different stamps")
	}
	tests := []struct {
		ticks       int // after the second Observe
		stamp       uint32
		held        bool
		level       int
		description string
	}{
		{0, second, true, 0, "the latest layer"},
		{HoldTicks + FadeTicks, second, true, 0, "the latest layer stays while no newer comes"},
		{HoldTicks - 1, second, false, 0, "a stream of the latest layer, just before it fades"},
		{HoldTicks, second, false, 1, "a stream of the latest layer, fading"},
		{HoldTicks + FadeTicks, second, false, -1, "a stream of the latest layer, gone"},
		{HoldTicks - 3, first, true, 1, "an older layer (3 ticks older), fading"},
		{HoldTicks - 4, first, true, 0, "an older layer (3 ticks older), held"},
		{flashLife, first, true, -1, "an older layer, gone"},
	}
	for _, tt := range tests {
		d := c
		for range tt.ticks {
			d.tick()
		}
		if got := d.level(tt.stamp, tt.held); got != tt.level {
			t.Errorf("%s: level = %d, want %d", tt.description, got, tt.level)
		}
	}
	d := c
	if !d.fadingAt(d.now) {
		t.Error("not fading right after an Observe")
	}
	for range flashLife + 1 {
		d.tick()
	}
	if d.fadingAt(d.now) {
		t.Error("still fading long after the last Observe")
	}
}

func TestFlashMerge(t *testing.T) {
	var f flashCells
	f.resize(1)
	f.mark(0, BlockingMiss, 5)
	f.mark(0, Hit, 5)
	if f.kind[0] != BlockingMiss {
		t.Errorf("a hit in the same tick replaced a blocking miss: %d", f.kind[0])
	}
	f.mark(0, Miss|streamFlash, 5)
	if f.kind[0] != BlockingMiss {
		t.Errorf("a stream miss in the same tick replaced a blocking miss: %d", f.kind[0])
	}
	f.mark(0, Evicted, 6)
	if f.kind[0] != Evicted || f.stamp[0] != 6 {
		t.Errorf("a newer eviction did not replace an older flash: %d at %d", f.kind[0], f.stamp[0])
	}
	var tables fadeTables
	tables.build()
	c := flashClock{now: 6, latest: 6}
	fr := c.frame()
	if got := tables.flashed(&fr, f.kind[0], f.stamp[0], KV(2)); got != Evicted {
		t.Errorf("shown = %d, want Evicted", got)
	}
	c.now = 6 + HoldTicks
	c.latest = 7
	fr = c.frame()
	if got := tables.flashed(&fr, f.kind[0], f.stamp[0], KV(2)); got != Faded(Evicted, 1, KV(2)) {
		t.Errorf("shown later = %d, want the eviction fading into KV(2)", got)
	}
}

// TestFadeFrameLevel checks the frame's level against the clock's, which
// it replaces in compose, for every kind of flash and every age around a
// flash's life, held or not.
func TestFadeFrameLevel(t *testing.T) {
	for _, latest := range []uint32{0, 40, 45, 60} {
		for now := uint32(1); now < 80; now++ {
			if latest > now {
				continue
			}
			c := flashClock{now: now, latest: latest}
			fr := c.frame()
			for st := uint32(0); st <= now+2; st++ {
				for _, k := range []Index{Evicted, Miss, Hit, BlockingMiss, Miss | streamFlash, Hit | streamFlash} {
					stream := k&streamFlash != 0
					want := c.level(st, !stream)
					if stream && want >= 0 {
						want = streamLevel
					}
					if got := fr.level(k, st); got != want {
						t.Fatalf("now %d, latest %d: level(kind %#x, stamp %d) = %d, the clock says %d", now, latest, k, st, got, want)
					}
				}
			}
		}
	}
}
