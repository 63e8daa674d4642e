package trace

// tokenTable maps a token to an int32, 0 for tokens never set: a dense
// slice when indices are compact, else a map.
type tokenTable struct {
	dense  []int32
	sparse map[int32]int32
}

func newTokenTable(n int, dense bool) tokenTable {
	if dense {
		return tokenTable{dense: make([]int32, n)}
	}
	return tokenTable{sparse: make(map[int32]int32)}
}

func (tt *tokenTable) get(tok int32) int32 {
	if tt.dense != nil {
		return tt.dense[tok]
	}
	return tt.sparse[tok]
}

func (tt *tokenTable) set(tok, v int32) {
	if tt.dense != nil {
		tt.dense[tok] = v
	} else {
		tt.sparse[tok] = v
	}
}
