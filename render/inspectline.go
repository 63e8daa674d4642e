package render

import (
	"math/bits"

	"dsaviz/sim/cache"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// A line of the LLC in textbook terms: where it lives in memory (byte
// address, block number), how the address splits for the cache (tag, set
// index, block offset), what it holds and its replacement state.

// appendAddress writes a line's byte address and block number, and how
// the address splits into tag, set index and block offset.
func appendAddress(t *tipText, v engine.View, part cache.PartitionView, line uint64) {
	lineBytes := uint64(v.Layout().Line())
	offBits := bits.TrailingZeros64(lineBytes)
	geo := part.Geometry()
	sets := uint64(geo.Sets)
	b := append(t.begin(), "Address "...)
	b = appendHex(b, line*lineBytes)
	b = append(b, " · block "...)
	b = appendHex(b, line)
	b = append(b, " ("...)
	b = appendCommas(b, int64(lineBytes))
	t.end(append(b, " B)"...))

	// With a power-of-two number of sets and the modulo index, the address
	// splits into bit fields: tag | set index | block offset.
	fields := !geo.XOR && sets&(sets-1) == 0 && sets > 1
	tagBit := offBits + bits.TrailingZeros64(sets)
	b = append(t.begin(), "Tag "...)
	b = appendHex(b, line/sets)
	if fields {
		b = append(b, " (bits "...)
		b = appendCommas(b, int64(tagBit))
		b = append(b, "+)"...)
	}
	b = append(b, " · set index "...)
	b = appendCommas(b, int64(part.SetOf(line)))
	switch {
	case geo.XOR:
		b = append(b, " (XOR hash)"...)
	case fields:
		b = append(b, " (bits "...)
		b = appendRange(b, offBits, tagBit-1)
		b = append(b, ')')
	case sets > 1:
		b = append(b, " (block mod "...)
		b = appendCommas(b, int64(sets))
		b = append(b, ')')
	}
	b = append(b, " · block offset bits "...)
	if offBits == 0 {
		t.end(append(b, "none"...))
		return
	}
	t.end(appendRange(b, 0, offBits-1))
}

// appendOwner appends what a line holds: its class, layer (1-based, as
// the HUD counts) and tokens (per: the indexer's bytes per token).
func appendOwner(b []byte, lay *workload.Layout, per int64, line uint64) []byte {
	class, layer, ok := lay.Owner(line)
	if !ok {
		return append(b, "Owner: none of the model's regions"...)
	}
	request := lay.RequestOf(line)
	switch class {
	case workload.KV:
		b = append(b, "KV of "...)
		b = appendLayer(b, lay, request, layer)
		lo, hi := lay.TokensOfLine(layer, line)
		if lo > hi {
			return append(b, ", past its last token"...)
		}
		if lo == hi {
			b = append(b, ", token "...)
		} else {
			b = append(b, ", tokens "...)
		}
		return appendRange(b, lo, hi)
	case workload.Indexer:
		b = append(b, "Indexer keys of "...)
		b = appendLayer(b, lay, request, layer)
		first, _ := lay.IndexerStream(request, layer, 1)
		if per <= 0 {
			return b
		}
		off := int64(line-first) * int64(lay.Line())
		b = append(b, ", tokens "...)
		return appendRange(b, int(off/per), int((off+int64(lay.Line())-1)/per))
	}
	b = append(b, "Weights of layer "...)
	b = appendCommas(b, int64(layer+1))
	first, n := lay.WeightStream(layer)
	b = append(b, ", line "...)
	b = appendCommas(b, int64(line-first+1))
	b = append(b, " of "...)
	return appendCommas(b, int64(n))
}

// appendLayer appends "layer 3" (1-based, as the HUD counts), or "request
// 2 of 8, layer 3" in a batch of several requests (1-based too, as the
// HUD, the strip's title and the link's req= count them).
func appendLayer(b []byte, lay *workload.Layout, request, layer int) []byte {
	if lay.Requests() > 1 {
		b = appendRequest(b, request, lay.Requests())
		b = append(b, ", "...)
	}
	b = append(b, "layer "...)
	return appendCommas(b, int64(layer+1))
}

// appendReplacement appends a line's replacement state in its set.
// Ordered policies keep a set as a stack, most recent first, so the
// picture's way of an LRU or FIFO set is the line's age.
func appendReplacement(b []byte, part cache.PartitionView, set, way int) []byte {
	ways := int64(part.Geometry().Ways)
	switch part.Policy() {
	case cache.LRU:
		b = append(b, "LRU age "...)
		b = appendCommas(b, int64(way))
		b = append(b, " of "...)
		b = appendCommas(b, ways)
		return append(b, " (0 = most recent)"...)
	case cache.FIFO:
		b = append(b, "FIFO position "...)
		b = appendCommas(b, int64(way))
		b = append(b, " of "...)
		b = appendCommas(b, ways)
		return append(b, " (0 = newest)"...)
	case cache.SRRIP:
		b = append(b, "RRPV "...)
		b = appendCommas(b, int64(part.RRPV(set, way)))
		return append(b, " (3 = next victim)"...)
	}
	return append(b, "Random victim: no state"...)
}
