package din

import (
	"bufio"
	"fmt"
	"io"
)

// Writer writes din records, buffered. Call Flush at the end. Errors are
// sticky: after a failed write every call returns the first error.
type Writer struct {
	bw  *bufio.Writer
	buf [24]byte // "4 " + 16 hex digits + "\n" fits
	err error
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10)}
}

const hexDigits = "0123456789abcdef"

// Write writes one record as "label hexaddr\n", the address in lowercase
// hexadecimal without a prefix or leading zeros. A label above MaxLabel
// is an error.
func (w *Writer) Write(rec Record) error {
	if w.err != nil {
		return w.err
	}
	if rec.Label > MaxLabel {
		w.err = fmt.Errorf("din: label must be 0..%d, got %d", MaxLabel, rec.Label)
		return w.err
	}
	b := w.buf[:]
	i := len(b) - 1
	b[i] = '\n'
	a := rec.Addr
	for {
		i--
		b[i] = hexDigits[a&15]
		a >>= 4
		if a == 0 {
			break
		}
	}
	i--
	b[i] = ' '
	i--
	b[i] = '0' + byte(rec.Label)
	if _, err := w.bw.Write(b[i:]); err != nil {
		w.err = fmt.Errorf("din: %w", err)
	}
	return w.err
}

// Flush writes any buffered records to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if err := w.bw.Flush(); err != nil {
		w.err = fmt.Errorf("din: %w", err)
	}
	return w.err
}
