package trace

import (
	"errors"
	"fmt"
	"io"
	"math"
)

// npyChunk is the number of elements decoded per read.
const npyChunk = 8192

// body checks the header's array against the limits and the file's size,
// then reads it row by row: one row is one selection.
func (nr *npyReader) body(h npyHeader, remaining int64, sized bool) (*Log, error) {
	dt, err := parseDtype(h.descr)
	if err != nil {
		return nil, nr.errAt(nr.headerPos, "%v", err)
	}
	if h.fortran {
		return nil, nr.errAt(nr.headerPos, "fortran_order arrays are not supported: save np.ascontiguousarray(a) instead")
	}
	shape := fmt.Sprint(h.shape)
	var steps, layers, k int64
	switch len(h.shape) {
	case 3:
		steps, layers, k = h.shape[0], h.shape[1], h.shape[2]
	case 2:
		steps, layers, k = h.shape[0], 1, h.shape[1]
	default:
		return nil, nr.errAt(nr.headerPos, "shape %s: want [steps, layers, k] (or [steps, k] for one layer)", shape)
	}
	if steps == 0 || layers == 0 || k == 0 {
		return nil, nr.errAt(nr.headerPos, "shape %s: steps, layers and k must be at least 1", shape)
	}
	if steps > maxLogRows || layers > maxLogRows || steps*layers > maxLogRows {
		return nil, nr.errAt(nr.headerPos, "shape %s: more than %d selections (steps*layers)", shape, maxLogRows)
	}
	if k > maxLogEntries || steps*layers*k > maxLogEntries {
		return nil, nr.errAt(nr.headerPos, "shape %s: more than %d indices", shape, maxLogEntries)
	}
	rows, count := int(steps*layers), steps*layers*k
	need := count * int64(dt.size)
	if sized && need > remaining-nr.pos {
		return nil, nr.errAt(nr.pos, "shape %s of %s needs %d bytes of data, but only %d follow the header", shape, h.descr, need, remaining-nr.pos)
	}

	// Without a known size, storage grows with the data actually read.
	data := make([]int32, 0, min(count, 1<<16))
	off := make([]int, 1, min(rows+1, 1<<16))
	if sized {
		data = make([]int32, 0, count)
		off = make([]int, 1, rows+1)
	}
	chunk := make([]byte, npyChunk*dt.size)
	what := fmt.Sprintf("array (shape %s of %s needs %d bytes)", shape, h.descr, need)
	for r := range rows {
		rowPos, start := nr.pos, len(data)
		for left := int(k); left > 0; {
			m := min(left, npyChunk)
			if err := nr.full(chunk[:m*dt.size], what); err != nil {
				return nil, err
			}
			for j := range m {
				v := dt.decode(chunk[j*dt.size:])
				switch {
				case v == -1 && dt.signed:
					continue // padding
				case v < 0 || v > math.MaxInt32:
					at := nr.pos - int64((m-j)*dt.size)
					return nil, nr.errAt(at, "step %d layer %d: index %d is not in 0..%d (only -1 pads)", r/int(layers), r%int(layers), v, math.MaxInt32)
				}
				data = append(data, int32(v))
			}
			left -= m
		}
		if dup, ok := sortRow(data[start:]); !ok {
			return nil, nr.errAt(rowPos, "step %d layer %d: index %d appears twice", r/int(layers), r%int(layers), dup)
		}
		off = append(off, len(data))
	}
	if _, err := nr.br.ReadByte(); err == nil {
		return nil, nr.errAt(nr.pos, "data after the end of the array (shape %s of %s)", shape, h.descr)
	} else if !errors.Is(err, io.EOF) {
		return nil, nr.errAt(nr.pos, "%v", err)
	}
	return newLog(nr.name, int(steps), int(layers), off, data), nil
}

// knownSize returns how many bytes r still holds, when it can tell without
// reading: readers with Len (bytes.Reader, strings.Reader, bytes.Buffer)
// and seekers (os.File).
func knownSize(r io.Reader) (int64, bool) {
	if l, ok := r.(interface{ Len() int }); ok {
		return int64(l.Len()), true
	}
	if s, ok := r.(io.Seeker); ok {
		cur, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false
		}
		end, err := s.Seek(0, io.SeekEnd)
		if err != nil {
			return 0, false
		}
		if _, err := s.Seek(cur, io.SeekStart); err != nil {
			return 0, false
		}
		return end - cur, true
	}
	return 0, false
}
