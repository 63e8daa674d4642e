package din

import (
	"bytes"
	"strconv"
)

// lineStatus is what scanLine found at the start of the unread data.
type lineStatus uint8

const (
	lineRecord lineStatus = iota // a well-formed record
	lineBlank                    // an empty or all-blank line
	lineShort                    // the line is not all there yet: read more
	lineBad                      // a malformed line
)

// isBlank reports the field separators: space, tab and carriage return
// (so that \r\n line ends need no special case).
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// hexDigit1 maps a hexadecimal digit to its value plus one, anything
// else to 0. A table, statically initialized, because random addresses mix
// digits and letters unpredictably and a branch per digit mispredicts.
var hexDigit1 = [256]uint8{
	'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10,
	'a': 11, 'b': 12, 'c': 13, 'd': 14, 'e': 15, 'f': 16,
	'A': 11, 'B': 12, 'C': 13, 'D': 14, 'E': 15, 'F': 16,
}

// scanLine parses the line at the start of b in one pass and returns the
// record and the bytes the line takes, its '\n' included. final says that
// no more data will come: the line then ends at the end of b. With
// lineShort, b holds no whole line yet (or nothing at all); with lineBad,
// n is the length of the line, for lineProblem to explain. It does not
// allocate.
func scanLine(b []byte, final bool) (rec Record, n int, st lineStatus) {
	i := 0
	for i < len(b) && isBlank(b[i]) {
		i++
	}
	if i == len(b) {
		if final && i > 0 {
			return Record{}, i, lineBlank
		}
		return Record{}, 0, lineShort
	}
	if b[i] == '\n' {
		return Record{}, i + 1, lineBlank
	}
	// Label: one decimal digit, 0..4 (longer labels are refused below).
	label := b[i] - '0'
	i++
	if label > uint8(MaxLabel) || i == len(b) || !isBlank(b[i]) {
		return badOrShort(b, final)
	}
	for i < len(b) && isBlank(b[i]) {
		i++
	}
	// Address: hexadecimal, optional 0x, at most 64 bits.
	if i+1 < len(b) && b[i] == '0' && b[i+1]|0x20 == 'x' {
		i += 2
	}
	start := i
	var addr uint64
	for i < len(b) {
		d := hexDigit1[b[i]]
		if d == 0 {
			break
		}
		addr = addr<<4 | uint64(d-1)
		i++
	}
	if i == start || i-start > 16 && !leadingZeros(b[start:i]) {
		return badOrShort(b, final)
	}
	rec = Record{Label: Label(label), Addr: addr}
	switch {
	case i == len(b):
		if final {
			return rec, i, lineRecord
		}
		return Record{}, 0, lineShort
	case b[i] == '\n':
		return rec, i + 1, lineRecord
	case !isBlank(b[i]):
		return badOrShort(b, final)
	}
	// Extra fields, or the \r of a \r\n: skip to the end of the line.
	j := bytes.IndexByte(b[i:], '\n')
	switch {
	case j >= 0:
		return rec, i + j + 1, lineRecord
	case final:
		return rec, len(b), lineRecord
	}
	return Record{}, 0, lineShort
}

// leadingZeros reports whether a run of more than 16 hex digits has only
// zeros before its last 16, so that its value fits in 64 bits.
func leadingZeros(digits []byte) bool {
	for _, c := range digits[:len(digits)-16] {
		if c != '0' {
			return false
		}
	}
	return true
}

// badOrShort classifies a line scanLine could not parse: malformed if it
// is all there, else short (read the rest, then judge the whole line).
func badOrShort(b []byte, final bool) (Record, int, lineStatus) {
	if j := bytes.IndexByte(b, '\n'); j >= 0 {
		return Record{}, j + 1, lineBad
	}
	if final {
		return Record{}, len(b), lineBad
	}
	return Record{}, 0, lineShort
}

// lineProblem explains what is wrong with a malformed line, for the
// error message; it is off the fast path and may allocate.
func lineProblem(line []byte) string {
	f := fields(line)
	labelOK := len(f) > 0 && len(f[0]) == 1 && '0' <= f[0][0] && f[0][0] <= '4'
	switch {
	case !labelOK:
		got := `""`
		if len(f) > 0 {
			got = quote(f[0])
		}
		return "label must be 0 (read), 1 (write), 2 (fetch), 3 or 4 (escapes), got " + got
	case len(f) == 1:
		return "missing address after label " + string(f[0])
	}
	digits := f[1]
	if len(digits) > 2 && digits[0] == '0' && digits[1]|0x20 == 'x' {
		digits = digits[2:]
	}
	for _, c := range digits {
		if hexDigit1[c] == 0 {
			return "address must be hexadecimal, got " + quote(f[1])
		}
	}
	if len(digits) == 0 {
		return "address must be hexadecimal, got " + quote(f[1])
	}
	return "address does not fit in 64 bits: " + quote(f[1])
}

// fields splits a line at blanks, up to its first two fields.
func fields(line []byte) [][]byte {
	var f [][]byte
	for i := 0; i < len(line) && len(f) < 2; {
		for i < len(line) && (isBlank(line[i]) || line[i] == '\n') {
			i++
		}
		j := i
		for j < len(line) && !isBlank(line[j]) && line[j] != '\n' {
			j++
		}
		if j > i {
			f = append(f, line[i:j])
		}
		i = j
	}
	return f
}

// quote quotes a field for an error message, shortened to keep the
// message readable whatever the line holds.
func quote(field []byte) string {
	const max = 24
	if len(field) > max {
		return strconv.Quote(string(field[:max])) + "..."
	}
	return strconv.Quote(string(field))
}
