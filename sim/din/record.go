package din

import "strconv"

// Label is the kind of a din reference.
type Label uint8

// The labels of the din format.
const (
	Read   Label = 0 // data read
	Write  Label = 1 // data write
	Fetch  Label = 2 // instruction fetch
	Escape Label = 3 // escape: an access of unknown type (skipped by Reader)
	Flush  Label = 4 // escape: flush the cache (skipped by Reader)
)

// MaxLabel is the largest label of the format.
const MaxLabel = Flush

var labelNames = [...]string{"read", "write", "fetch", "escape", "flush"}

func (l Label) String() string {
	if l <= MaxLabel {
		return labelNames[l]
	}
	return "Label(" + strconv.Itoa(int(l)) + ")"
}

// Access reports whether the label is a memory access (read, write or
// fetch) rather than an escape.
func (l Label) Access() bool { return l <= Fetch }

// Record is one reference of a trace: its label and byte address.
type Record struct {
	Label Label
	Addr  uint64
}
