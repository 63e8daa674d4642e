package config

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Size is a number of bytes. It parses from plain integers ("4096") or
// numbers with a binary or decimal unit ("50MiB", "3.5 KB", "2GiB"), and
// unmarshals from JSON numbers and strings alike.
type Size int64

// maxSize bounds every parsed size (1 PiB): larger values are refused rather
// than allowed to overflow later arithmetic.
const maxSize = 1 << 50

var sizeUnits = []struct {
	suffix string
	scale  float64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

// ParseSize parses a byte size such as "50MiB", "64", "1.5 KB" or "32k"
// (single-letter units are binary). The result must be a whole number of
// bytes between 0 and 1 PiB.
func ParseSize(s string) (Size, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, fmt.Errorf("empty size")
	}
	scale := 1.0
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			scale = u.scale
			break
		}
	}
	if n, err := strconv.ParseInt(t, 10, 64); err == nil {
		if n < 0 || float64(n)*scale > maxSize {
			return 0, fmt.Errorf("size %q out of range 0..1PiB", s)
		}
		return Size(n * int64(scale)), nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("size %q is not a number of bytes (examples: 4096, 64KiB, 50MiB, 1.5GB)", s)
	}
	v := f * scale
	if v < 0 || v > maxSize {
		return 0, fmt.Errorf("size %q out of range 0..1PiB", s)
	}
	if v != math.Trunc(v) {
		return 0, fmt.Errorf("size %q is not a whole number of bytes", s)
	}
	return Size(v), nil
}

// String formats the size with the largest binary unit that divides it
// exactly ("50MiB", "656"), so that ParseSize(s.String()) == s.
func (s Size) String() string {
	units := []struct {
		name  string
		scale int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}}
	for _, u := range units {
		if s != 0 && int64(s)%u.scale == 0 {
			return strconv.FormatInt(int64(s)/u.scale, 10) + u.name
		}
	}
	return strconv.FormatInt(int64(s), 10)
}

// MarshalJSON writes the size as a plain number of bytes.
func (s Size) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatInt(int64(s), 10)), nil
}

// UnmarshalJSON accepts a number of bytes or a string with a unit.
func (s *Size) UnmarshalJSON(b []byte) error {
	var str string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
	} else {
		str = string(b)
	}
	v, err := ParseSize(str)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
