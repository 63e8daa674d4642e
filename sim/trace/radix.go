package trace

// radixSort sorts a, whose values are in [0, limit), with an LSD radix sort
// on 8-bit digits, using tmp (grown as needed) as scratch; it returns tmp.
// For the ~1000 refills of a selection it is a few times faster than a
// comparison sort, and it runs in O(len(a)) for any context below 2^24.
func radixSort(a, tmp []int32, limit int) []int32 {
	if cap(tmp) < len(a) {
		tmp = make([]int32, len(a))
	}
	tmp = tmp[:len(a)]
	src, dst := a, tmp
	for shift := uint(0); shift < 32 && limit > 1<<shift; shift += 8 {
		// A digit indexes the 256 counters as a uint8, so no index needs
		// a bounds check; counters are int32, half the memory to clear.
		var next [256]int32 // first the count of each digit, then where it goes
		for _, v := range src {
			next[uint8(v>>shift)]++
		}
		pos := int32(0)
		for d, c := range next {
			next[d] = pos
			pos += c
		}
		dst = dst[:len(src)]
		for _, v := range src {
			d := uint8(v >> shift)
			dst[next[d]] = v
			next[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
	return tmp
}
