package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Size is a number of bytes. It parses from plain integers ("4096") or
// decimal numbers with a binary or decimal unit ("50MiB", "1.5 KB", "32k"),
// and unmarshals from JSON numbers and strings alike.
type Size int64

// MaxSize bounds every size ParseSize accepts (1 PiB): larger values are
// refused rather than allowed to overflow later arithmetic.
const MaxSize Size = 1 << 50

// sizeUnits are the units ParseSize knows, matched case-insensitively as a
// suffix, longest first so that "kib" is never read as "b".
var sizeUnits = []struct {
	suffix string
	scale  int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"t", 1 << 40},
	{"b", 1},
}

// maxSizeDigits bounds the length of the number ParseSize reads, so that an
// adversarial string costs nothing: 48 characters hold every exact size,
// down to one byte written in TiB (a fraction with 40 digits).
const maxSizeDigits = 48

// Requirements ParseSize reports, worded to follow "must be".
const (
	sizeSyntax = "a number of bytes with an optional unit (B, KiB, MiB, GiB, TiB, KB, MB, GB, TB), such as 4096, 64KiB or 1.5GB"
	sizeRange  = "a size from 0 to 1PiB"
	sizeWhole  = "a whole number of bytes"
)

// ParseSize parses a byte size: a decimal number with an optional fraction
// and an optional unit, with spaces allowed around both ("4096", "50MiB",
// " 1.5 KB ", "32k"). Units are case-insensitive; KiB, MiB, GiB, TiB and the
// single letters K, M, G, T are binary, KB, MB, GB and TB decimal. The
// result must be a whole number of bytes from 0 to MaxSize. Exponents
// ("1e3"), signs other than a leading minus (which is out of range), hex,
// digit separators, NaN and infinities are refused.
func ParseSize(s string) (Size, error) {
	v, requirement := parseSize(s)
	if requirement != "" {
		return 0, fmt.Errorf("config: size must be %s, got %q", requirement, s)
	}
	return v, nil
}

// parseSize returns the size, or the requirement s fails ("" if none).
func parseSize(s string) (Size, string) {
	t := strings.ToLower(strings.TrimSpace(s))
	scale := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			scale = u.scale
			break
		}
	}
	negative := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	if !isDecimal(t) || len(t) > maxSizeDigits {
		return 0, sizeSyntax
	}
	// The decimal grammar is checked above, so SetString reads exactly
	// the number written; Rat arithmetic makes "4.35KB" exactly 4350.
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return 0, sizeSyntax
	}
	r.Mul(r, new(big.Rat).SetInt64(scale))
	if negative {
		r.Neg(r)
	}
	if r.Sign() < 0 || r.Cmp(new(big.Rat).SetInt64(int64(MaxSize))) > 0 {
		return 0, sizeRange
	}
	if !r.IsInt() {
		return 0, sizeWhole
	}
	return Size(r.Num().Int64()), ""
}

// isDecimal reports whether t is digits, optionally followed by a point
// and more digits.
func isDecimal(t string) bool {
	whole, frac, hasPoint := strings.Cut(t, ".")
	return allDigits(whole) && (!hasPoint || allDigits(frac))
}

func allDigits(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// String formats the size with the largest binary unit that divides it
// exactly ("50MiB", "1KiB", "656", "0"). For every size from 0 to MaxSize,
// ParseSize(s.String()) gives s back; negative sizes format as plain
// numbers, which ParseSize refuses.
func (s Size) String() string {
	units := []struct {
		name  string
		scale int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}}
	if s > 0 {
		for _, u := range units {
			if int64(s)%u.scale == 0 {
				return strconv.FormatInt(int64(s)/u.scale, 10) + u.name
			}
		}
	}
	return strconv.FormatInt(int64(s), 10)
}

// MarshalJSON writes the size as a plain JSON number of bytes, which every
// JSON reader understands.
func (s Size) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, int64(s), 10), nil
}

// UnmarshalJSON accepts a JSON number of bytes or a string that ParseSize
// reads ("50MiB"). As encoding/json's convention asks, null leaves the size
// unchanged.
func (s *Size) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	str := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &str); err != nil {
			return fmt.Errorf("config: size: %v", err)
		}
	}
	v, err := ParseSize(str)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
