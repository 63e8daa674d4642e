package cache

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// refTokenLRU is a token LRU on a plain list, most recent first.
type refTokenLRU struct {
	slots int
	list  []int32
}

func (r *refTokenLRU) get(k int32) bool {
	i := slices.Index(r.list, k)
	if i < 0 {
		return false
	}
	r.list = slices.Insert(slices.Delete(r.list, i, i+1), 0, k)
	return true
}

// add inserts k as the most recent; a resident k only moves to the front.
func (r *refTokenLRU) add(k int32) int32 {
	if r.get(k) {
		return -1
	}
	ev := int32(-1)
	if len(r.list) == r.slots {
		ev = r.list[len(r.list)-1]
		r.list = r.list[:len(r.list)-1]
	}
	r.list = slices.Insert(r.list, 0, k)
	return ev
}

// checkTokenLRU verifies the invariants: the list from head to tail and
// back visits every resident key once, slot and key tables agree, and the
// free slots plus the used ones are all the slots.
func checkTokenLRU(t *testing.T, s *TokenLRU) []int32 {
	t.Helper()
	var order []int32
	prev := int32(-1)
	for x := s.head; x >= 0; x = s.next[x] {
		if s.prev[x] != prev {
			t.Fatalf("prev[%d] = %d, want %d", x, s.prev[x], prev)
		}
		if got := s.SlotOf(s.key[x]); got != int(x) {
			t.Fatalf("SlotOf(key[%d]) = %d, want %d", x, got, x)
		}
		order = append(order, s.key[x])
		prev = x
		if len(order) > len(s.key) {
			t.Fatal("cycle in the LRU list")
		}
	}
	if prev != s.tail {
		t.Fatalf("tail = %d, want %d", s.tail, prev)
	}
	if len(order) != s.used || s.used+len(s.free) != len(s.key) {
		t.Fatalf("used %d, listed %d, free %d, slots %d", s.used, len(order), len(s.free), len(s.key))
	}
	return order
}

func TestTokenLRUMatchesList(t *testing.T) {
	for _, slots := range []int{1, 2, 3, 7, 32} {
		s, err := NewTokenLRU(slots, 64)
		if err != nil {
			t.Fatal(err)
		}
		ref := &refTokenLRU{slots: slots}
		rng := rand.New(rand.NewPCG(uint64(slots), 1))
		for i := range 5000 {
			k := int32(rng.IntN(64))
			switch rng.IntN(5) {
			case 0, 1:
				if got, want := s.Get(k), ref.get(k); got != want {
					t.Fatalf("op %d: Get(%d) = %v, want %v", i, k, got, want)
				}
				if !s.Contains(k) {
					_, ev, err := s.Add(k)
					if want := ref.add(k); ev != want || err != nil {
						t.Fatalf("op %d: Add(%d) evicted %d (err %v), want %d", i, k, ev, err, want)
					}
				}
			case 3: // Add of any key, resident or not
				slot0 := s.SlotOf(k)
				slot, ev, err := s.Add(k)
				if want := ref.add(k); ev != want || err != nil {
					t.Fatalf("op %d: Add(%d) evicted %d (err %v), want %d", i, k, ev, err, want)
				}
				if slot0 >= 0 && slot != slot0 {
					t.Fatalf("op %d: Add(%d) of a resident key moved it from slot %d to %d", i, k, slot0, slot)
				}
			case 2:
				i := slices.Index(ref.list, k)
				if i >= 0 {
					ref.list = slices.Delete(ref.list, i, i+1)
				}
				if got := s.Remove(k); got != (i >= 0) {
					t.Fatalf("op %d: Remove(%d) = %v, want %v", i, k, got, i >= 0)
				}
			default:
				if got, want := s.Contains(k), slices.Contains(ref.list, k); got != want {
					t.Fatalf("op %d: Contains(%d) = %v, want %v", i, k, got, want)
				}
			}
			if got := checkTokenLRU(t, s); !slices.Equal(got, ref.list) {
				t.Fatalf("op %d: order %v, want %v", i, got, ref.list)
			}
		}
		c := s.Clone()
		if _, _, err := c.Add(63); err != nil {
			t.Fatal(err)
		}
		c.Get(0)
		checkTokenLRU(t, s)
	}
}

func TestNewTokenLRURefusesImpossibleSizes(t *testing.T) {
	for _, tc := range []struct{ slots, keys int }{{0, 1}, {1, 0}, {-1, 5}, {1 << 31, 1}} {
		if _, err := NewTokenLRU(tc.slots, tc.keys); err == nil {
			t.Errorf("NewTokenLRU(%d, %d) = nil error, want an error", tc.slots, tc.keys)
		}
	}
}

func TestTokenLRUAddOfResidentKeyKeepsOneSlot(t *testing.T) {
	s, err := NewTokenLRU(3, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int32{4, 5, 4, 4, 6, 4} {
		if _, ev, err := s.Add(k); ev != -1 || err != nil {
			t.Fatalf("Add(%d) = evicted %d, err %v; want -1, nil", k, ev, err)
		}
	}
	if got, want := checkTokenLRU(t, s), []int32{4, 6, 5}; !slices.Equal(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	if s.Len() != 3 {
		t.Fatalf("Len() = %d, want 3", s.Len())
	}
}

func TestTokenLRUKeysOutOfRange(t *testing.T) {
	s, err := NewTokenLRU(2, 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Add(3); err != nil {
		t.Fatal(err)
	}
	for _, k := range []int32{-1, 10, 1 << 30, -1 << 31} {
		if _, _, err := s.Add(k); !errors.Is(err, ErrKeyRange) {
			t.Errorf("Add(%d) error = %v, want ErrKeyRange", k, err)
		}
		if s.Get(k) || s.Contains(k) || s.Remove(k) || s.SlotOf(k) != -1 {
			t.Errorf("key %d out of range: Get, Contains, Remove or SlotOf claims it is resident", k)
		}
	}
	for _, slot := range []int{-1, 2, 99} {
		if got := s.KeyAt(slot); got != -1 {
			t.Errorf("KeyAt(%d) = %d, want -1", slot, got)
		}
	}
	if got := checkTokenLRU(t, s); !slices.Equal(got, []int32{3}) {
		t.Fatalf("order after refused keys = %v, want [3]", got)
	}
}
