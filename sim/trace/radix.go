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
		var count [257]int
		for _, v := range src {
			count[(v>>shift)&0xff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, v := range src {
			d := (v >> shift) & 0xff
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
	return tmp
}
