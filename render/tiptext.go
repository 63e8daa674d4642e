package render

import (
	"bytes"
	"strconv"
)

// tipText is a tooltip's text: its lines, one after the other in one
// reused buffer, so that describing the same thing again allocates
// nothing. Lines are written like a textLine's: b := t.begin(); b =
// append(b, ...); t.end(b).
type tipText struct {
	buf  []byte
	ends []int // where each line ends in buf
}

// reset empties the text.
func (t *tipText) reset() { t.buf, t.ends = t.buf[:0], t.ends[:0] }

// begin starts a line: append to the result, then give it to end.
func (t *tipText) begin() []byte { return t.buf }

// end closes the line b (begin's buffer with the line appended).
func (t *tipText) end(b []byte) {
	t.buf = b
	t.ends = append(t.ends, len(b))
}

// add appends a line of constant text.
func (t *tipText) add(s string) { t.end(append(t.begin(), s...)) }

// lines is the number of lines.
func (t *tipText) lines() int { return len(t.ends) }

// line returns line i (read-only: it is the buffer's).
func (t *tipText) line(i int) []byte {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.buf[start:t.ends[i]]
}

// equal reports whether t and o hold the same lines.
func (t *tipText) equal(o *tipText) bool {
	if len(t.ends) != len(o.ends) || !bytes.Equal(t.buf, o.buf) {
		return false
	}
	for i, e := range t.ends {
		if o.ends[i] != e {
			return false
		}
	}
	return true
}

// copyFrom makes t a copy of o, reusing t's storage.
func (t *tipText) copyFrom(o *tipText) {
	t.buf = append(t.buf[:0], o.buf...)
	t.ends = append(t.ends[:0], o.ends...)
}

// strings returns the lines as new strings (nil for no text).
func (t *tipText) strings() []string {
	if t.lines() == 0 {
		return nil
	}
	s := make([]string, t.lines())
	for i := range s {
		s[i] = string(t.line(i))
	}
	return s
}

// appendHex appends x in hexadecimal with a 0x prefix: 0x4000001a40.
func appendHex(b []byte, x uint64) []byte {
	return strconv.AppendUint(append(b, "0x"...), x, 16)
}

// appendRange appends "lo" or "lo–hi".
func appendRange(b []byte, lo, hi int) []byte {
	b = appendCommas(b, int64(lo))
	if hi != lo {
		b = append(b, "–"...)
		b = appendCommas(b, int64(hi))
	}
	return b
}
