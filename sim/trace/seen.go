package trace

import "math/bits"

// tokenSet is a set of tokens as a bitmap, token tok at bit tok%64 of word
// tok/64: writeSelection sorts a selection through one.
type tokenSet []uint64

// tokenSetWords is the number of words of a tokenSet holding tokens [0, n).
func tokenSetWords(n int) int { return (n + 63) / 64 }

// add puts tok in s.
func (s tokenSet) add(tok int) { s[tok>>6] |= 1 << (tok & 63) }

// addAll puts the tokens of toks in s.
func (s tokenSet) addAll(toks []int32) {
	for _, tok := range toks {
		s.add(int(tok))
	}
}

// drain writes the tokens of s in words [lo, hi) to out, in increasing
// order, and removes them from s. out must have room for them all.
func (s tokenSet) drain(out []int32, lo, hi int) {
	o := 0
	for i, word := range s[lo:hi] {
		base := int32(lo+i) * 64
		for word != 0 {
			out[o] = base + int32(bits.TrailingZeros64(word))
			o++
			word &= word - 1 // clear the lowest set bit
		}
		s[lo+i] = 0
	}
}
