package render

// Flash timing, in ticks (Scene.Tick, once per Update: 60 a second).
const (
	// HoldTicks is how long a flash keeps its full colour.
	HoldTicks = 12
	// FadeTicks is how long each fainter level of a flash lasts after
	// HoldTicks; after FadeLevels-1 of them the flash is gone.
	FadeTicks = 12
	// flashLife is the age at which a flash is gone.
	flashLife = HoldTicks + (FadeLevels-1)*FadeTicks
)

// flashClock is the time of the flashes. Flashes are stamped with the tick
// of the Observe that made them. The flashes of the most recent Observe
// keep their full colour for as long as no newer layer comes, so a paused
// run shows its last layer until the next; older flashes fade with age.
// Stream flashes are never held: a stream sweeps the cache every layer,
// and a held sweep would hide what the cache holds and the KV flashes.
type flashClock struct {
	now      uint32 // ticks since the reset, from 1 (stamp 0 marks no flash)
	latest   uint32 // stamp of the most recent Observe, 0 before any
	previous uint32 // the newest stamp before latest, 0 if none
}

func (c *flashClock) reset() { *c = flashClock{now: 1} }

// tick advances time by one tick.
func (c *flashClock) tick() { c.now++ }

// observe starts the flashes of a new layer and returns their stamp. Two
// layers observed within one tick share a stamp (their flashes merge).
func (c *flashClock) observe() uint32 {
	if c.latest != c.now {
		c.previous, c.latest = c.latest, c.now
	}
	return c.now
}

// fadeFrame is the clock at one moment, for composing a picture: a
// flash's fade level by its kind and stamp, without a call per cell.
type fadeFrame struct {
	now, held uint32 // held: the stamp whose cell flashes keep full colour (the latest Observe)
}

// frame returns the clock's moment now.
func (c *flashClock) frame() fadeFrame { return fadeFrame{now: c.now, held: c.latest} }

// level returns the fade level a flash of kind k stamped st is drawn at,
// 0 (full) to FadeLevels-1, or -1 when the flash is gone or there is none.
// A cell flash of the latest Observe is held at 0; other cell flashes keep
// 0 for HoldTicks, then fade a level every FadeTicks. A stream flash is
// drawn at streamLevel until flashLife, never held.
func (f *fadeFrame) level(k Index, st uint32) int {
	age := f.now - st
	switch {
	case st == 0 || st > f.now:
		return -1
	case k&streamFlash != 0:
		if age >= flashLife {
			return -1
		}
		return streamLevel
	case st == f.held:
		return 0
	case age < HoldTicks:
		return 0
	case age >= flashLife:
		return -1
	}
	return 1 + int(age-HoldTicks)/FadeTicks
}

// fadingAt reports whether, at tick at, some flash could still change its
// level: an older one than the latest, or a stream flash of the latest.
// A picture composed while one could must be composed again at each later
// tick, until one composed after every flash is gone.
func (c *flashClock) fadingAt(at uint32) bool {
	return c.latest != 0 && at-c.latest <= flashLife
}

// streamFlash marks a flash kind made by a stream (see flashClock).
const streamFlash Index = 0x80

// flashCells holds one flash per cell: the event (Evicted, Hit, Miss or
// BlockingMiss, with streamFlash for a stream's; 0 for none) and the stamp
// of the Observe that set it.
type flashCells struct {
	kind  []Index
	stamp []uint32
}

// resize makes room for n cells, all without a flash, reusing storage.
func (f *flashCells) resize(n int) {
	if cap(f.kind) < n {
		f.kind, f.stamp = make([]Index, n), make([]uint32, n)
	}
	f.kind, f.stamp = f.kind[:n], f.stamp[:n]
	clear(f.kind)
	clear(f.stamp)
}

// mark sets the flash of cell i to event e at stamp now. A flash from an
// earlier stamp is replaced; among flashes of one stamp the most urgent
// stays (see eventRank).
func (f *flashCells) mark(i int, e Index, now uint32) {
	if f.stamp[i] != now || eventRank(e&^streamFlash) > eventRank(f.kind[i]&^streamFlash) {
		f.kind[i], f.stamp[i] = e, now
	}
}

// streamLevel is the fade level stream flashes are drawn at from the
// start: half strength, over the colour of what the line holds. Streams
// do not stall, and a weight stream sweeps the shared part every layer: at
// full strength it would drown the KV flashes and hide the owners.
const streamLevel = 1

// flashKind returns the event a line access shows: a hit of either part,
// a stream's miss, or a blocking miss for a KV line.
func flashKind(kv, hit bool) Index {
	switch {
	case hit:
		return Hit
	case kv:
		return BlockingMiss
	}
	return Miss
}
