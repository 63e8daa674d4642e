package trace

// tokenSet is a set of tokens as a bitmap, token tok at bit tok%64 of word
// tok/64. The generator keeps one per layer of the tokens the layer ever
// selected: 32 times smaller than the last-selected table, it answers "was
// tok never selected?" from the L1 cache, where the table, read at random
// tokens, would miss (drawNever may ask 64 times for one token).
type tokenSet []uint64

// tokenSetWords is the number of words of a tokenSet holding tokens [0, n).
func tokenSetWords(n int) int { return (n + 63) / 64 }

// has reports whether tok is in s.
func (s tokenSet) has(tok int) bool { return s[tok>>6]&(1<<(tok&63)) != 0 }

// add puts tok in s.
func (s tokenSet) add(tok int) { s[tok>>6] |= 1 << (tok & 63) }
