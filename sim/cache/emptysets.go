package cache

// emptySets is the sparse set of ordered-policy sets that have an empty
// way. Every other set is full, whether explicit or lazy; sets in the list
// are always explicit and up to date, so a stream can fill them directly
// and count exactly how many of its lines evicted nothing.
type emptySets struct {
	list []int32
	pos  []int32 // index in list, or -1
}

func (e *emptySets) init(sets int) {
	e.list = make([]int32, sets)
	e.pos = make([]int32, sets)
	for s := range e.list {
		e.list[s] = int32(s)
		e.pos[s] = int32(s)
	}
}

func (e emptySets) clone() emptySets {
	return emptySets{
		list: append([]int32(nil), e.list...),
		pos:  append([]int32(nil), e.pos...),
	}
}

func (e *emptySets) add(s int) {
	if e.pos[s] >= 0 {
		return
	}
	e.pos[s] = int32(len(e.list))
	e.list = append(e.list, int32(s))
}

func (e *emptySets) remove(s int) {
	i := e.pos[s]
	if i < 0 {
		return
	}
	last := e.list[len(e.list)-1]
	e.list[i] = last
	e.pos[last] = i
	e.list = e.list[:len(e.list)-1]
	e.pos[s] = -1
}
