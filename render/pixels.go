package render

import (
	"encoding/binary"
	"unsafe"
)

// Pixels is an RGBA picture held as one uint32 per pixel, row after row
// with no padding, so that filling it writes a pixel with a single store.
// Bytes views the same memory as the R, G, B, A bytes WritePixels wants.
// (A fill that copied four bytes a pixel ran 15 times slower in WebAssembly
// than natively: there each copy is a call to memmove.)
type Pixels []uint32

// NewPixels returns a picture of n pixels, all zero (transparent black).
func NewPixels(n int) Pixels { return make(Pixels, n) }

// Bytes returns the picture's memory as RGBA bytes, 4 a pixel; writing
// through either view changes both.
func (p Pixels) Bytes() []byte {
	if len(p) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(p))), 4*len(p))
}

// pixelOf returns colour c as one pixel of Pixels: the uint32 whose bytes
// in memory are R, G, B, A on any byte order.
func pixelOf(c [4]byte) uint32 { return binary.NativeEndian.Uint32(c[:]) }

// pixelTable is a palette as pixels, indexed like Palette.RGBA.
type pixelTable [256]uint32

// pixels returns the palette's colours as pixels: 256 conversions, cheap
// beside any picture, so a Palette needs no second table kept in step.
func (p *Palette) pixels(t *pixelTable) {
	for i, c := range p.RGBA {
		t[i] = pixelOf(c)
	}
}
