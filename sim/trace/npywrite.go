package trace

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
)

// WriteNPY writes src in the form ReadNPY reads and NumPy loads: a version
// 1.0 .npy file of little-endian int32 of shape [steps, layers, k], k the
// largest selection (at least 1, as readers want), each selection padded
// with -1 at its end. Selections
// are written in their order, sorted. Read gives src back.
func WriteNPY(w io.Writer, src Source) error {
	T, L := src.Steps(), src.Layers()
	k := 1
	for t := range T {
		for l := range L {
			k = max(k, len(src.Selection(t, l)))
		}
	}
	dict := fmt.Sprintf("{'descr': '<i4', 'fortran_order': False, 'shape': (%d, %d, %d), }", T, L, k)
	// The magic, version and length take 10 bytes; NumPy pads the header
	// with spaces and a newline to a multiple of 64 bytes.
	pad := 64 - (10+len(dict)+1)%64
	if pad == 64 {
		pad = 0
	}
	header := dict + strings.Repeat(" ", pad) + "\n"
	bw := bufio.NewWriter(w)
	bw.WriteString(npyMagic)
	bw.Write([]byte{1, 0})
	binary.Write(bw, binary.LittleEndian, uint16(len(header)))
	bw.WriteString(header)
	row := make([]byte, 4*k)
	for t := range T {
		for l := range L {
			sel := src.Selection(t, l)
			for i := range k {
				v := int32(-1)
				if i < len(sel) {
					v = sel[i]
				}
				binary.LittleEndian.PutUint32(row[4*i:], uint32(v))
			}
			if _, err := bw.Write(row); err != nil {
				return fmt.Errorf("trace: writing npy: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("trace: writing npy: %w", err)
	}
	return nil
}
