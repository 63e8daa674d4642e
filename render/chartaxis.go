package render

import (
	"math"
	"strconv"
)

// valueAxis is a chart's vertical axis: from 0 to Max, a tick every Step
// (Max a whole number of Steps).
type valueAxis struct {
	Max, Step float64
}

// percentAxis is the axis of a rate in percent: 0 to 100 every 25.
var percentAxis = valueAxis{Max: 100, Step: 25}

// niceStep returns the smallest step of 1, 2 or 5 times a power of ten
// that is at least raw (raw > 0). The power is found by multiplying and
// dividing by ten, not by a logarithm, so that native and Wasm agree.
func niceStep(raw float64) float64 {
	mag := 1.0
	for mag*10 <= raw {
		mag *= 10
	}
	for mag > raw {
		mag /= 10
	}
	for _, m := range [...]float64{1, 2, 5} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// niceAxis returns the axis from 0 that holds top with at most ticks
// ticks (0 included; ticks >= 2) at a nice step; a whole-number step when
// integer (counts). A top of 0, negative or NaN gets the axis of 1.
func niceAxis(top float64, ticks int, integer bool) valueAxis {
	if !(top > 0) || math.IsInf(top, 0) {
		top = 1
	}
	step := niceStep(top / float64(max(1, ticks-1)))
	if integer {
		step = max(step, 1)
	}
	n := math.Ceil(top/step - 1e-9)
	return valueAxis{Max: n * step, Step: step}
}

// Ticks is the number of ticks, 0 and Max included.
func (a valueAxis) Ticks() int { return int(math.Round(a.Max/a.Step)) + 1 }

// tickScale is how a tick label writes a value: divided by div, followed
// by suffix, with decimals digits after the point.
type tickScale struct {
	div      float64
	suffix   byte // 0, 'k' or 'M'
	decimals int
}

// scaleFor returns the tick scale of an axis: thousands as "k" from
// 10,000 and millions as "M" from 10 M, so that labels stay narrow, and as
// many decimals as the step needs.
func scaleFor(a valueAxis) tickScale {
	s := tickScale{div: 1}
	switch {
	case a.Max >= 1e7:
		s.div, s.suffix = 1e6, 'M'
	case a.Max >= 1e4:
		s.div, s.suffix = 1e3, 'k'
	}
	step := a.Step / s.div
	for s.decimals < 3 {
		x := step * math.Pow10(s.decimals)
		if math.Abs(x-math.Round(x)) < 1e-6*x {
			break
		}
		s.decimals++
	}
	return s
}

// appendTick appends tick value v as the axis's labels write it:
// "0", "2,500", "40k", "1.5M", "0.25"
// (0 always as "0").
func appendTick(b []byte, v float64, s tickScale) []byte {
	x := v / s.div
	if s.decimals == 0 || x == 0 {
		b = appendCommas(b, int64(math.Round(x)))
	} else {
		b = strconv.AppendFloat(b, x, 'f', s.decimals, 64)
	}
	if s.suffix != 0 {
		b = append(b, s.suffix)
	}
	return b
}
