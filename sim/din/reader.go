package din

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// MaxLineBytes is the longest line the Reader accepts, extra fields
// included: a din line is a label and an address, so a longer line is
// garbage, not a trace, and refusing it bounds the Reader's memory.
const MaxLineBytes = 64 << 10

// ParseError is a malformed line: which file, which line, what is wrong.
type ParseError struct {
	File string // the name given to NewReader
	Line int64  // 1-based line number
	Msg  string // what is wrong, worded for the person who made the file
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("din: %s:%d: %s", e.File, e.Line, e.Msg)
}

// Reader reads din records from a stream, one line at a time, with no
// allocation per line. It is not safe for concurrent use.
type Reader struct {
	br      *bufio.Reader
	name    string
	line    int64 // lines read so far
	records int64 // accesses returned so far
	skipped int64 // escapes (labels 3 and 4) skipped so far
	err     error // sticky: the first error, returned by every later Next
}

// NewReader returns a Reader of r. The name (usually the file's) prefixes
// every error; "-" is fine for standard input.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, MaxLineBytes), name: name}
}

// Line is the number of lines read so far: after an error, the line the
// error is on.
func (r *Reader) Line() int64 { return r.line }

// Records is the number of accesses (labels 0, 1, 2) Next has returned.
func (r *Reader) Records() int64 { return r.records }

// Skipped is the number of escape records (labels 3 and 4) skipped.
func (r *Reader) Skipped() int64 { return r.skipped }

// Next returns the next access: a record labelled read, write or fetch.
// It skips blank lines and escapes (counting the latter in Skipped). At
// the end of the input it returns io.EOF; a malformed line gives a
// *ParseError, a failing stream its error wrapped with the name. Errors
// are sticky: once Next has failed, it returns the same error forever.
func (r *Reader) Next() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	for {
		b, err := r.br.ReadSlice('\n')
		if len(b) > 0 {
			r.line++
		}
		switch {
		case err == nil, err == io.EOF && len(b) > 0:
		case err == io.EOF:
			r.err = io.EOF
			return Record{}, r.err
		case errors.Is(err, bufio.ErrBufferFull):
			r.err = r.errorf("line longer than %d bytes", MaxLineBytes)
			return Record{}, r.err
		default:
			r.err = fmt.Errorf("din: %s: line %d: %w", r.name, r.line+1, err)
			return Record{}, r.err
		}
		rec, ok, msg := parseLine(b)
		if msg != "" {
			r.err = r.errorf("%s", msg)
			return Record{}, r.err
		}
		if !ok {
			continue // blank line
		}
		if !rec.Label.Access() {
			r.skipped++
			continue
		}
		r.records++
		return rec, nil
	}
}

func (r *Reader) errorf(format string, args ...any) error {
	return &ParseError{File: r.name, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// isSpace reports the field separators: space, tab, and the line ends.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// hexDigit1 maps a hexadecimal digit to its value plus one, anything
// else to 0. A table, statically initialized, because random addresses mix
// digits and letters unpredictably and a branch per digit mispredicts.
var hexDigit1 = [256]uint8{
	'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10,
	'a': 11, 'b': 12, 'c': 13, 'd': 14, 'e': 15, 'f': 16,
	'A': 11, 'B': 12, 'C': 13, 'D': 14, 'E': 15, 'F': 16,
}

// parseLine parses one line (with its line end, if any). It returns
// ok=false for a blank line, and a message for a malformed one. It does
// not allocate unless the line is malformed.
func parseLine(b []byte) (rec Record, ok bool, msg string) {
	i, n := 0, len(b)
	for i < n && isSpace(b[i]) {
		i++
	}
	if i == n {
		return Record{}, false, ""
	}
	// Label: decimal digits, 0..4.
	start := i
	label := 0
	for i < n && '0' <= b[i] && b[i] <= '9' {
		if label <= int(MaxLabel) {
			label = label*10 + int(b[i]-'0')
		}
		i++
	}
	if i == start || (i < n && !isSpace(b[i])) || label > int(MaxLabel) {
		return Record{}, false, "label must be 0 (read), 1 (write), 2 (fetch), 3 or 4 (escapes), got " + quoteField(b, start)
	}
	for i < n && isSpace(b[i]) && b[i] != '\n' {
		i++
	}
	if i == n || b[i] == '\n' {
		return Record{}, false, "missing address after label " + strconv.Itoa(label)
	}
	// Address: hexadecimal, optional 0x, at most 64 bits.
	start = i
	if i+1 < n && b[i] == '0' && (b[i+1] == 'x' || b[i+1] == 'X') {
		i += 2
	}
	digits := i
	var addr uint64
	for ; i < n; i++ {
		d := hexDigit1[b[i]]
		if d == 0 {
			break
		}
		if addr>>60 != 0 {
			return Record{}, false, "address does not fit in 64 bits: " + quoteField(b, start)
		}
		addr = addr<<4 | uint64(d-1)
	}
	if i == digits || (i < n && !isSpace(b[i])) {
		return Record{}, false, "address must be hexadecimal, got " + quoteField(b, start)
	}
	return Record{Label: Label(label), Addr: addr}, true, ""
}

// quoteField quotes the field of b starting at i, shortened to keep an
// error message readable whatever the line holds.
func quoteField(b []byte, i int) string {
	const max = 24
	j := i
	for j < len(b) && !isSpace(b[j]) && j-i < max {
		j++
	}
	s := strconv.Quote(string(b[i:j]))
	if j < len(b) && !isSpace(b[j]) {
		s += "..."
	}
	return s
}
