package din

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxLineBytes is the longest line the Reader accepts, extra fields
// included, its '\n' not: a din line is a label and an address, so a
// longer line is garbage, not a trace, and refusing it bounds the
// Reader's memory.
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

// Reader reads din records from a stream with no allocation per line. It
// is not safe for concurrent use.
//
// It keeps its own buffer rather than a bufio.Reader: parsing a line
// straight from the buffer finds its end on the way, in one pass, where
// ReadSlice scans every line for '\n' first and the parse reads it a
// second time. On BenchmarkReader the one pass reads about twice as many
// lines per second.
type Reader struct {
	src     io.Reader
	buf     []byte // a line and its '\n'; the unread data is buf[r:w]
	r, w    int
	srcErr  error // the error src returned, io.EOF at its end: no more data
	name    string
	line    int64 // lines read so far
	records int64 // accesses returned so far
	skipped int64 // escapes (labels 3 and 4) skipped so far
	err     error // sticky: the first error, returned by every later Next
}

// NewReader returns a Reader of src. The name (usually the file's)
// prefixes every error; "-" or "stdin" is fine for standard input.
func NewReader(src io.Reader, name string) *Reader {
	return &Reader{src: src, buf: make([]byte, MaxLineBytes+1), name: name}
}

// Reset makes r read src from the start under a new name, keeping its
// buffer: reading many traces costs no new allocation.
func (r *Reader) Reset(src io.Reader, name string) {
	*r = Reader{src: src, buf: r.buf, name: name}
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
	for r.err == nil {
		rec, n, st := scanLine(r.buf[r.r:r.w], r.srcErr == io.EOF)
		switch st {
		case lineRecord:
			r.r += n
			r.line++
			if rec.Label.Access() {
				r.records++
				return rec, nil
			}
			r.skipped++
		case lineBlank:
			r.r += n
			r.line++
		case lineShort:
			r.fill()
		case lineBad:
			r.line++
			r.err = &ParseError{File: r.name, Line: r.line, Msg: lineProblem(r.buf[r.r : r.r+n])}
		}
	}
	return Record{}, r.err
}

// fill reads more data after the unread part, or sets the error that ends
// the reading: the end of the input, a failing source, or a line too long.
func (r *Reader) fill() {
	switch {
	case r.srcErr == io.EOF: // every line has been parsed
		r.err = io.EOF
		return
	case r.srcErr != nil:
		r.err = fmt.Errorf("din: %s: line %d: %w", r.name, r.line+1, r.srcErr)
		return
	}
	if r.r > 0 {
		r.w = copy(r.buf, r.buf[r.r:r.w])
		r.r = 0
	}
	if r.w == len(r.buf) {
		r.line++
		r.err = &ParseError{File: r.name, Line: r.line, Msg: fmt.Sprintf("line longer than %d bytes", MaxLineBytes)}
		return
	}
	// Read until a line end arrives (or the buffer is full), so that a
	// source that returns little at a time does not make Next rescan a
	// long line once per read.
	for empty := 0; empty < 100; { // as bufio: a source that keeps returning nothing is broken
		n, err := r.src.Read(r.buf[r.w:])
		if n < 0 || n > len(r.buf)-r.w {
			r.srcErr = fmt.Errorf("the source returned an impossible count %d", n)
			return
		}
		fresh := r.buf[r.w : r.w+n]
		r.w += n
		if err != nil {
			r.srcErr = err
			if errors.Is(err, io.EOF) {
				r.srcErr = io.EOF // the end, however a source wraps it
			}
			return
		}
		if n == 0 {
			empty++
			continue
		}
		if r.w == len(r.buf) || bytes.IndexByte(fresh, '\n') >= 0 {
			return
		}
	}
	r.srcErr = io.ErrNoProgress
}
