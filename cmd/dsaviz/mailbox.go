package main

import "sync"

// command is a request from the page (window.dsaviz) to the app. Commands
// are queued and applied by the next Update, so time still advances only
// in Update.
type command int

const (
	cmdPlay command = iota + 1
	cmdPause
	cmdStepOnce
	cmdPanicInUpdate // test hook: panic in the next Update
	cmdPanicInDraw   // test hook: panic in the next Draw
)

// maxPendingCommands bounds the queue; a page that floods it loses the
// excess rather than growing memory.
const maxPendingCommands = 64

// mailbox carries commands from the JavaScript bridge to the Game and the
// latest Stats back. JavaScript calls run on their own goroutine, so both
// directions go through a mutex, held only to copy.
type mailbox struct {
	mu    sync.Mutex
	cmds  []command
	stats Stats
}

// post queues c for the next Update. It reports false if the queue is full.
func (m *mailbox) post(c command) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.cmds) >= maxPendingCommands {
		return false
	}
	m.cmds = append(m.cmds, c)
	return true
}

// take moves the pending commands into dst[:0] and returns it, so the
// caller can reuse one slice from frame to frame.
func (m *mailbox) take(dst []command) []command {
	m.mu.Lock()
	defer m.mu.Unlock()
	dst = append(dst[:0], m.cmds...)
	m.cmds = m.cmds[:0]
	return dst
}

// publish stores the latest statistics for readers.
func (m *mailbox) publish(s Stats) {
	m.mu.Lock()
	m.stats = s
	m.mu.Unlock()
}

// read returns the latest published statistics.
func (m *mailbox) read() Stats {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.stats
}
