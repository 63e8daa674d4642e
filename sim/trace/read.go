package trace

import (
	"bufio"
	"fmt"
	"io"
)

// Read reads an index log in either form, told apart by its first bytes: a
// NumPy .npy file (see ReadNPY) or the text form (see ReadText). name is
// used in errors, usually the file name. On error nothing is returned, so a
// caller keeps whatever it had loaded before.
func Read(r io.Reader, name string) (*Log, error) {
	remaining, sized := knownSize(r)
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(len(npyMagic))
	if err != nil && len(head) == 0 && err != io.EOF {
		return nil, fmt.Errorf("trace: %s: %w", name, err)
	}
	if string(head) == npyMagic {
		return readNPY(br, name, remaining, sized)
	}
	return readText(br, name)
}
