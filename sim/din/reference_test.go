package din

import (
	"bytes"
	"strconv"
	"strings"
)

// refRead is the din format written the most obvious way, the model the
// fast Reader must match: split into lines, split lines into fields, parse
// the fields with strconv. It returns the accesses, the escapes skipped and
// the 1-based line of the first malformed line (0 if none).
func refRead(data []byte) (recs []Record, skipped int64, errLine int64) {
	lines := bytes.Split(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1] // the text ends with a line end
	}
	for i, line := range lines {
		n := int64(i + 1)
		if len(line) > MaxLineBytes {
			return recs, skipped, n
		}
		f := strings.FieldsFunc(string(line), func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' })
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 || len(f[0]) != 1 || f[0][0] < '0' || f[0][0] > '4' {
			return recs, skipped, n
		}
		hex := f[1]
		if len(hex) > 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') {
			hex = hex[2:]
		}
		addr, err := strconv.ParseUint(hex, 16, 64)
		if err != nil {
			return recs, skipped, n
		}
		if label := Label(f[0][0] - '0'); label.Access() {
			recs = append(recs, Record{label, addr})
		} else {
			skipped++
		}
	}
	return recs, skipped, 0
}
