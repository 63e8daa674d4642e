package engine

import "dsaviz/sim/workload"

// Outcome is what happened to the lines of an Event.
type Outcome uint8

// The outcomes. A Miss of class KV is a blocking miss.
const (
	ReservedHit Outcome = iota
	SharedHit
	Miss
	// Evicted: the lines left the cache (their Class is the owner's).
	Evicted
)

var outcomeNames = [...]string{"reserved-hit", "shared-hit", "miss", "evicted"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome?"
}

// Event is what happened to a run of N consecutive lines from Line, all
// with the same outcome: one line of a scattered gather, a resident
// token's lines, or a whole stream applied at once.
type Event struct {
	Line    uint64
	N       uint64
	Token   int32 // the KV token gathered, or -1
	Class   workload.Class
	Outcome Outcome
	// Request is the request of the batch whose indexer stream or gather
	// this is (0 for the weight stream, which the batch shares).
	Request uint16
}

// events appends to a caller's buffer up to its capacity, never beyond,
// and counts what did not fit.
type events struct {
	buf     []Event
	dropped int64
	request uint16 // the request running, stamped on every event
}

func (e *events) add(ev Event) {
	if e.buf == nil {
		return
	}
	if len(e.buf) == cap(e.buf) {
		e.dropped++
		return
	}
	ev.Request = e.request
	e.buf = append(e.buf, ev)
}
