package render

import "testing"

// refLevel is the fade level of a flash, spelled out from its rules as
// plainly as can be: the reference for fadeFrame.level.
func refLevel(now, latest uint32, stream bool, stamp uint32) int {
	if stamp == 0 || stamp > now {
		return -1 // no flash, or one from the future
	}
	age := int(now - stamp)
	if stream {
		if age >= flashLife {
			return -1
		}
		return streamLevel
	}
	if stamp == latest {
		return 0 // held while no newer layer comes
	}
	for level := 0; level < FadeLevels; level++ {
		if age < HoldTicks+level*FadeTicks {
			return level
		}
	}
	return -1
}

func TestFlashClock(t *testing.T) {
	var c flashClock
	c.reset()
	if fr := c.frame(); fr.level(Hit, 0) != -1 {
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
		kind        Index
		level       int
		description string
	}{
		{0, second, Hit, 0, "the latest layer"},
		{HoldTicks + FadeTicks, second, Hit, 0, "the latest layer stays while no newer comes"},
		{0, second, Miss | streamFlash, streamLevel, "a stream of the latest layer"},
		{HoldTicks + FadeTicks - 1, second, Miss | streamFlash, streamLevel, "a stream of the latest layer, just before it goes"},
		{HoldTicks + FadeTicks, second, Miss | streamFlash, -1, "a stream of the latest layer, gone"},
		{HoldTicks - 3, first, Hit, 1, "an older layer (3 ticks older), fading"},
		{HoldTicks - 4, first, Hit, 0, "an older layer (3 ticks older), held"},
		{flashLife, first, Hit, -1, "an older layer, gone"},
	}
	for _, tt := range tests {
		d := c
		for range tt.ticks {
			d.tick()
		}
		fr := d.frame()
		if got := fr.level(tt.kind, tt.stamp); got != tt.level {
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

// TestFadeFrameLevel checks the frame's level against refLevel for every
// kind of flash and every age around a flash's life, held or not.
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
					want := refLevel(now, latest, k&streamFlash != 0, st)
					if got := fr.level(k, st); got != want {
						t.Fatalf("now %d, latest %d: level(kind %#x, stamp %d) = %d, want %d", now, latest, k, st, got, want)
					}
				}
			}
		}
	}
}
