package main

import "dsaviz/render"

// demo is the placeholder scene shown until the engine is wired in: a
// made-up LLC whose sets are swept by a front of accesses. Its whole state
// is one counter, so a panic while advancing can never leave it half
// changed, and the picture is a pure function of that counter.
//
// TODO(engine): replace with the engine's read-only snapshot.
type demo struct {
	tick int64
}

// Geometry of the placeholder LLC: demoSets sets of demoWays ways, with
// the sets folded into demoColumns columns drawn side by side, one Gap cell
// apart.
const (
	demoWays    = 16
	demoSets    = 2048
	demoColumns = 16
	demoRows    = demoSets / demoColumns

	// demoCellsW and demoCellsH are the size of the cell raster.
	demoCellsW = demoColumns*(demoWays+1) - 1
	demoCellsH = demoRows
)

// advanced returns the demo one tick later.
func (d demo) advanced() demo { return demo{tick: d.tick + 1} }

// fill writes the demo's picture for its tick into cells, which must hold
// demoCellsW x demoCellsH indices. It only reads d.
func (d demo) fill(cells []byte) {
	const speed = 1 // rows the front moves per tick
	front := int(d.tick*speed) % demoRows
	pass := d.tick * speed / demoRows
	for row := range demoRows {
		// Rows the front has passed in this sweep show the new owners.
		epoch := pass
		if row > front {
			epoch--
		}
		behind := front - row // 0 at the front, growing behind it
		for col := range demoColumns {
			set := col*demoRows + row
			base := row*demoCellsW + col*(demoWays+1)
			if col > 0 {
				cells[base-1] = render.Gap
			}
			for way := range demoWays {
				h := mix(uint64(set)*demoWays + uint64(way) + uint64(epoch)<<32)
				var v byte
				switch {
				case behind >= 0 && behind < 2*speed:
					v = demoEvent(h)
				case behind >= 2*speed && behind < 4*speed && h%7 == 0:
					v = render.Evicted
				default:
					v = demoOwner(h, col)
				}
				cells[base+way] = v
			}
		}
	}
}

// demoEvent picks an access outcome: mostly hits, some misses, a few
// blocking misses.
func demoEvent(h uint64) byte {
	switch r := (h >> 8) % 20; {
	case r < 12:
		return render.Hit
	case r < 17:
		return render.Miss
	default:
		return render.BlockingMiss
	}
}

// demoOwner picks what a line holds: KV of a few layers, indexer keys,
// weights or nothing, with a tendency per column so the picture has shape.
func demoOwner(h uint64, col int) byte {
	switch r := (h >> 16) % 16; {
	case r < 2:
		return render.Empty
	case r < 4:
		return render.Indexer
	case r < 6:
		return render.Weights
	default:
		return render.KV(col + int(r%3))
	}
}

// mix is the SplitMix64 finaliser: a cheap, well-spread hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
