package cache

import (
	"errors"
	"fmt"
)

// ErrKeyRange is wrapped by the error of a TokenLRU operation on a key
// outside [0, Keys).
var ErrKeyRange = errors.New("key out of range")

// TokenLRU is the token-granularity store of the reservation: a fixed
// number of slots, each holding one key (a token, or a page, of a layer),
// evicted whole in least-recently-used order. Keys are dense integers in
// [0, Keys), so lookup is one array read: no map, no list nodes, and a
// Clone is a copy of four slices.
type TokenLRU struct {
	key  []int32 // slot -> key, -1 when free
	prev []int32 // slot -> more recently used slot, -1 at the head
	next []int32 // slot -> less recently used slot, -1 at the tail
	slot []int32 // key -> slot+1, 0 when not resident: a new table is all zeros, so making one costs no pass over it (8 MB for dsv32-h100)
	head int32   // most recently used slot, -1 when empty
	tail int32   // least recently used slot, -1 when empty
	used int     // occupied slots
	free []int32 // free slots, a stack
}

// NewTokenLRU returns an empty store of the given number of slots for keys
// in [0, keys), or an error if either is impossible.
func NewTokenLRU(slots, keys int) (*TokenLRU, error) {
	if slots < 1 || slots > 1<<30 {
		return nil, fmt.Errorf("cache: token slots must be 1..%d, got %d", 1<<30, slots)
	}
	if keys < 1 || keys > 1<<30 {
		return nil, fmt.Errorf("cache: token keys must be 1..%d, got %d", 1<<30, keys)
	}
	t := &TokenLRU{
		key: make([]int32, slots), prev: make([]int32, slots), next: make([]int32, slots),
		slot: make([]int32, keys), head: -1, tail: -1, free: make([]int32, slots),
	}
	for i := range t.key {
		t.key[i] = -1
		t.free[i] = int32(slots - 1 - i) // slot 0 is handed out first
	}
	return t, nil
}

// Slots is the store's capacity.
func (t *TokenLRU) Slots() int { return len(t.key) }

// Keys is the size of the key space: keys are 0..Keys()-1.
func (t *TokenLRU) Keys() int { return len(t.slot) }

// inRange reports whether key is a valid key (one unsigned compare).
func (t *TokenLRU) inRange(key int32) bool { return uint32(key) < uint32(len(t.slot)) }

// Len is the number of resident keys.
func (t *TokenLRU) Len() int { return t.used }

// Contains reports whether key is resident, without touching its recency
// (false for a key out of range).
func (t *TokenLRU) Contains(key int32) bool { return t.inRange(key) && t.slot[key] > 0 }

// SlotOf returns the slot holding key, or -1 (also for a key out of
// range); it does not touch recency.
func (t *TokenLRU) SlotOf(key int32) int {
	if !t.inRange(key) {
		return -1
	}
	return int(t.slot[key]) - 1
}

// KeyAt returns the key in a slot, or -1 for a free slot or a slot out of
// range.
func (t *TokenLRU) KeyAt(slot int) int32 {
	if slot < 0 || slot >= len(t.key) {
		return -1
	}
	return t.key[slot]
}

// Get reports whether key is resident and, if so, makes it the most
// recently used (false for a key out of range).
func (t *TokenLRU) Get(key int32) bool {
	if !t.inRange(key) {
		return false
	}
	s := t.slot[key] - 1
	if s < 0 {
		return false
	}
	t.unlink(s)
	t.pushFront(s)
	return true
}

// Add makes key the most recently used. A key that is not resident is
// inserted, evicting the least recently used key when every slot is taken;
// a resident key keeps its slot (a key never holds two) and nothing is
// evicted. It returns the key's slot and the evicted key, or -1; a key out
// of range is refused with an error wrapping ErrKeyRange, and the store is
// unchanged.
func (t *TokenLRU) Add(key int32) (slot int, evicted int32, err error) {
	if !t.inRange(key) {
		return -1, -1, fmt.Errorf("cache: token key %d is outside 0..%d: %w", key, len(t.slot)-1, ErrKeyRange)
	}
	evicted = -1
	s := t.slot[key] - 1
	if s >= 0 {
		t.unlink(s)
		t.pushFront(s)
		return int(s), evicted, nil
	}
	if n := len(t.free); n > 0 {
		s = t.free[n-1]
		t.free = t.free[:n-1]
		t.used++
	} else {
		s = t.tail
		evicted = t.key[s]
		t.slot[evicted] = 0
		t.unlink(s)
	}
	t.key[s] = key
	t.slot[key] = s + 1
	t.pushFront(s)
	return int(s), evicted, nil
}

// Remove drops key if it is resident and reports whether it was (false for
// a key out of range).
func (t *TokenLRU) Remove(key int32) bool {
	if !t.inRange(key) {
		return false
	}
	s := t.slot[key] - 1
	if s < 0 {
		return false
	}
	t.unlink(s)
	t.slot[key] = 0
	t.key[s] = -1
	t.free = append(t.free, s)
	t.used--
	return true
}

// Oldest returns the least recently used key, or -1 when empty.
func (t *TokenLRU) Oldest() int32 {
	if t.tail < 0 {
		return -1
	}
	return t.key[t.tail]
}

// Clone returns a deep copy.
func (t *TokenLRU) Clone() *TokenLRU {
	c := *t
	c.key = append([]int32(nil), t.key...)
	c.prev = append([]int32(nil), t.prev...)
	c.next = append([]int32(nil), t.next...)
	c.slot = append([]int32(nil), t.slot...)
	c.free = append(make([]int32, 0, len(t.key)), t.free...)
	return &c
}

func (t *TokenLRU) unlink(s int32) {
	p, n := t.prev[s], t.next[s]
	if p >= 0 {
		t.next[p] = n
	} else {
		t.head = n
	}
	if n >= 0 {
		t.prev[n] = p
	} else {
		t.tail = p
	}
}

func (t *TokenLRU) pushFront(s int32) {
	t.prev[s] = -1
	t.next[s] = t.head
	if t.head >= 0 {
		t.prev[t.head] = s
	}
	t.head = s
	if t.tail < 0 {
		t.tail = s
	}
}
