package render

import (
	"math"
	"strconv"
)

// Number formats for labels, appending to a caller's buffer so that a
// label re-formatted every frame allocates nothing.

// appendCommas appends an integer with thousands separators: 25600 ->
// "25,600".
func appendCommas(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		if n == math.MinInt64 {
			return append(b, "9,223,372,036,854,775,808"...)
		}
		n = -n
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], n, 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}

// commas returns appendCommas as a string.
func commas(n int64) string { return string(appendCommas(nil, n)) }

// appendBytesText appends a byte count with a binary unit: "50 MiB",
// "20.5 MiB", "768 B".
func appendBytesText(b []byte, n int64) []byte {
	units := [...]string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	prec := 1
	if v == math.Trunc(v) {
		prec = 0
	}
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	b = append(b, ' ')
	return append(b, units[u]...)
}

// appendSeconds appends a duration with three significant digits in the
// unit that suits it: "812 µs", "2.41 ms", "1.20 s"; "-" for none.
func appendSeconds(b []byte, s float64) []byte {
	switch {
	case s <= 0 || math.IsInf(s, 0) || math.IsNaN(s):
		return append(b, '-')
	case s < 1e-6:
		return append(appendSig3(b, s*1e9), " ns"...)
	case s < 1e-3:
		return append(appendSig3(b, s*1e6), " µs"...)
	case s < 1:
		return append(appendSig3(b, s*1e3), " ms"...)
	}
	return append(appendSig3(b, s), " s"...)
}

// appendSig3 appends v (1 <= v < 1000 in use) with three significant
// digits.
func appendSig3(b []byte, v float64) []byte {
	switch {
	case v >= 99.95:
		return strconv.AppendFloat(b, v, 'f', 0, 64)
	case v >= 9.995:
		return strconv.AppendFloat(b, v, 'f', 1, 64)
	}
	return strconv.AppendFloat(b, v, 'f', 2, 64)
}

// appendRate appends a rate with three significant digits, and thousands
// separators from 1000: "415", "12,300", "0.50"; "-" for none.
func appendRate(b []byte, v float64) []byte {
	switch {
	case math.IsInf(v, 0) || math.IsNaN(v) || v < 0:
		return append(b, '-')
	case v >= 1000:
		p := math.Pow(10, math.Floor(math.Log10(v))-2)
		return appendCommas(b, int64(math.Round(v/p)*p))
	case v < 1:
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	return appendSig3(b, v)
}

// appendTenths appends a count of tenths as a decimal: 413 -> "41.3".
func appendTenths(b []byte, tenths int) []byte {
	if tenths < 0 {
		b = append(b, '-')
		tenths = -tenths
	}
	b = strconv.AppendInt(b, int64(tenths/10), 10)
	return append(b, '.', byte('0'+tenths%10))
}
