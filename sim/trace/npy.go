package trace

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// npyMagic starts every .npy file.
const npyMagic = "\x93NUMPY"

// maxNPYHeader bounds the header text (NumPy writes a few hundred bytes).
const maxNPYHeader = 1 << 20

// npyDtype is an integer element type of a .npy array.
type npyDtype struct {
	size      int  // bytes: 1, 2, 4 or 8
	signed    bool // 'i' (signed: -1 pads) or 'u'
	bigEndian bool
}

// parseDtype accepts NumPy's integer descrs: a byte order ('<', '>', or
// '|' for one byte), 'i' or 'u', and a size of 1, 2, 4 or 8 bytes.
func parseDtype(descr string) (npyDtype, error) {
	bad := fmt.Errorf("dtype %q is not supported: indices must be integers (int8..int64 or uint8..uint64, for example '<i4' or '<i8')", descr)
	if len(descr) != 3 || (descr[1] != 'i' && descr[1] != 'u') {
		return npyDtype{}, bad
	}
	dt := npyDtype{size: int(descr[2] - '0'), signed: descr[1] == 'i', bigEndian: descr[0] == '>'}
	switch {
	case dt.size != 1 && dt.size != 2 && dt.size != 4 && dt.size != 8:
		return npyDtype{}, bad
	case descr[0] == '|' && dt.size == 1, descr[0] == '<', descr[0] == '>':
		return dt, nil
	}
	return npyDtype{}, bad
}

// decode returns the element at the start of b.
func (dt npyDtype) decode(b []byte) int64 {
	var order binary.ByteOrder = binary.LittleEndian
	if dt.bigEndian {
		order = binary.BigEndian
	}
	var u uint64
	switch dt.size {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(order.Uint16(b))
	case 4:
		u = uint64(order.Uint32(b))
	default:
		u = order.Uint64(b)
	}
	if !dt.signed {
		return int64(min(u, math.MaxInt64))
	}
	shift := 64 - 8*dt.size // sign-extend
	return int64(u<<shift) >> shift
}

// ReadNPY reads an index log saved by NumPy (np.save): format version 1, 2
// or 3, an integer dtype of either byte order (int32 or int64 usually),
// C order, shape [steps, layers, k] (or [steps, k] for one layer). An index
// of -1 is padding; other indices must be 0..2^31-1 and distinct within a
// selection. The header is checked against the data before anything large
// is allocated. Errors read "trace: NAME: byte OFFSET: ...".
func ReadNPY(r io.Reader, name string) (*Log, error) {
	remaining, sized := knownSize(r)
	return readNPY(bufio.NewReaderSize(r, 64<<10), name, remaining, sized)
}

// npyReader is the state of one ReadNPY: the input and the byte offset.
type npyReader struct {
	br        *bufio.Reader
	name      string
	pos       int64 // bytes read so far
	headerPos int64 // where the header text starts
}

func (nr *npyReader) errAt(pos int64, format string, args ...any) error {
	return fmt.Errorf("trace: %s: byte %d: %s", nr.name, pos, fmt.Sprintf(format, args...))
}

// full reads exactly len(b) bytes; what says what was being read.
func (nr *npyReader) full(b []byte, what string) error {
	n, err := io.ReadFull(nr.br, b)
	nr.pos += int64(n)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nr.errAt(nr.pos, "the file ends inside the %s", what)
	}
	if err != nil {
		return nr.errAt(nr.pos, "%v", err)
	}
	return nil
}

func readNPY(br *bufio.Reader, name string, remaining int64, sized bool) (*Log, error) {
	nr := &npyReader{br: br, name: name}
	var pre [8]byte
	if err := nr.full(pre[:], "NumPy header"); err != nil {
		return nil, err
	}
	if string(pre[:6]) != npyMagic {
		return nil, nr.errAt(0, "not a NumPy .npy file (it does not start with \\x93NUMPY)")
	}
	if pre[6] < 1 || pre[6] > 3 {
		return nil, nr.errAt(6, "NumPy format version %d.%d is not supported (1, 2 or 3)", pre[6], pre[7])
	}
	var headerLen int64
	if pre[6] == 1 {
		var b [2]byte
		if err := nr.full(b[:], "NumPy header"); err != nil {
			return nil, err
		}
		headerLen = int64(binary.LittleEndian.Uint16(b[:]))
	} else {
		var b [4]byte
		if err := nr.full(b[:], "NumPy header"); err != nil {
			return nil, err
		}
		headerLen = int64(binary.LittleEndian.Uint32(b[:]))
	}
	if headerLen > maxNPYHeader || (sized && headerLen > remaining-nr.pos) {
		return nil, nr.errAt(8, "header length %d is longer than the file or %d bytes", headerLen, maxNPYHeader)
	}
	text := make([]byte, headerLen)
	headerPos := nr.pos
	nr.headerPos = headerPos
	if err := nr.full(text, "NumPy header"); err != nil {
		return nil, err
	}
	h, err := parseNPYHeader(text)
	if err != nil {
		var he *headerError
		if errors.As(err, &he) {
			return nil, nr.errAt(headerPos+int64(he.pos), "header %q: %s", strings.TrimSpace(string(text)), he.msg)
		}
		return nil, nr.errAt(headerPos, "header: %v", err)
	}
	return nr.body(h, remaining, sized)
}
