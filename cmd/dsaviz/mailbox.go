package main

import (
	"image"
	"math"
	"sync"

	"dsaviz/render"
)

// command is a request to the app, from the keys, the panel or the page
// (window.dsaviz). Commands are applied by Update, so time still advances
// only in Update.
type command int

const (
	cmdPlay command = iota + 1
	cmdPause
	cmdTogglePlay
	cmdStepOnce         // pause, and finish the current decode step
	cmdLayerOnce        // pause, and run one layer
	cmdStepBack         // pause, and go back one decode step
	cmdReset            // restart the run from step 0
	cmdToggleCompare    // show B beside A, or A alone
	cmdToggleEditTarget // the panel edits B, or A again
	cmdToggleCharts     // show the charts instead of the caches, or back
	cmdToggleLecture    // the lecture theme, or the default one
	cmdExportCSV        // download the runs' steps as CSV
	cmdExportConfig     // download the config(s) as JSON
	cmdExportPNG        // download the screen as PNG
	cmdLoadTrace        // ask the page for an index log file
	cmdNextScene        // the guided tour's next scene
	cmdToggleHelp       // open the help, show its next page, or close it after the last
	cmdCloseHelp        // close the help (Escape)
	cmdToggleFullscreen
	cmdPrevRequest   // show the previous request of the batch (wrapping around)
	cmdNextRequest   // show the next request of the batch (wrapping around)
	cmdPanicInUpdate // test hook: panic in the next Update
	cmdPanicInDraw   // test hook: panic in the next Draw
)

// maxPendingCommands bounds the queue; a page that floods it loses the
// excess rather than growing memory.
const maxPendingCommands = 64

// maxPendingTraces bounds the trace files waiting for an Update (each may
// be large).
const maxPendingTraces = 4

// mailbox carries commands and config changes from the JavaScript bridge
// to the Game, and the latest Stats and config back. JavaScript calls run
// on their own goroutine, so the queues go through a mutex and each
// published value has a lock of its own, every one held only to copy.
type mailbox struct {
	mu      sync.Mutex // guards the queues
	cmds    []command
	changes []string    // queries given to dsaviz.configure, oldest first
	traces  []traceFile // files given to dsaviz.loadTrace, oldest first

	stats latest[Stats]
	spec  latest[runSpec]
	// current is the runs on screen, for the page's exports (csv,
	// configJSON). In the browser a page's call runs between two frames of
	// the one-threaded Wasm program, never during an Update that advances
	// them.
	current latest[*runs]
	hover   latest[hoverInfo]
}

// latest is the newest value one side publishes for the other to read,
// under a lock of its own, held only to copy.
type latest[T any] struct {
	mu sync.Mutex
	v  T
}

func (l *latest[T]) set(v T) {
	l.mu.Lock()
	l.v = v
	l.mu.Unlock()
}

func (l *latest[T]) get() T {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.v
}

// post queues c for the next Update. It reports false if the queue is full.
func (m *mailbox) post(c command) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return pushBounded(&m.cmds, c, maxPendingCommands)
}

// postChange queues a change of the run, in the link's query form, for the
// next Update. It reports false if the queue is full.
func (m *mailbox) postChange(query string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return pushBounded(&m.changes, query, maxPendingCommands)
}

// traceFile is an index log the page handed over, or why it could not.
type traceFile struct {
	name    string
	data    []byte
	problem string // the page could not read the file: data is empty
}

// postTrace queues a trace file for the next Update; false if the queue
// is full.
func (m *mailbox) postTrace(f traceFile) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return pushBounded(&m.traces, f, maxPendingTraces)
}

// pushBounded appends v to *q unless it holds limit items already, and
// reports whether it did.
func pushBounded[T any](q *[]T, v T, limit int) bool {
	if len(*q) >= limit {
		return false
	}
	*q = append(*q, v)
	return true
}

// takeTraces returns the queued trace files and empties the queue.
func (m *mailbox) takeTraces() []traceFile {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := m.traces
	m.traces = nil
	return t
}

// take moves the pending commands into cmds[:0] and the pending changes
// into changes[:0] and returns them, so the caller can reuse its slices
// from frame to frame.
func (m *mailbox) take(cmds []command, changes []string) ([]command, []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cmds = append(cmds[:0], m.cmds...)
	changes = append(changes[:0], m.changes...)
	m.cmds = m.cmds[:0]
	clear(m.changes) // drop the strings
	m.changes = m.changes[:0]
	return cmds, changes
}

// publishConfig stores the spec of the current runs for readers.
func (m *mailbox) publishConfig(spec runSpec) { m.spec.set(spec) }

// publishRuns makes r the runs the page's exports read.
func (m *mailbox) publishRuns(r *runs) { m.current.set(r) }

// config returns the latest published spec.
func (m *mailbox) config() runSpec { return m.spec.get() }

// publish stores the latest statistics for readers.
func (m *mailbox) publish(s Stats) { m.stats.set(s) }

// read returns the latest published statistics.
func (m *mailbox) read() Stats { return m.stats.get() }

// publishHover stores what the tooltip shows, for readers.
func (m *mailbox) publishHover(h hoverInfo) { m.hover.set(h) }

// readHover returns what the tooltip showed at the latest Draw.
func (m *mailbox) readHover() hoverInfo { return m.hover.get() }

// hoverInfo is what window.dsaviz.hover() returns: the tooltip's lines
// (render.Hover's, never changed once published), its box and pane A's
// LLC picture, in CSS pixels.
type hoverInfo struct {
	lines    []string
	box, llc image.Rectangle
}

// newHoverInfo converts the scene's Hover from device pixels to CSS pixels
// (scale device pixels each).
func newHoverInfo(h render.Hover, scale float64) hoverInfo {
	return hoverInfo{lines: h.Lines, box: cssRect(h.Box, scale), llc: cssRect(h.LLC, scale)}
}

// cssRect is a rectangle of device pixels in CSS pixels, rounded outwards.
func cssRect(r image.Rectangle, scale float64) image.Rectangle {
	if r.Empty() || !(scale > 0) {
		return image.Rectangle{}
	}
	f := func(v int, round func(float64) float64) int { return int(round(float64(v) / scale)) }
	return image.Rect(f(r.Min.X, math.Floor), f(r.Min.Y, math.Floor), f(r.Max.X, math.Ceil), f(r.Max.Y, math.Ceil))
}

// fields returns h as JavaScript values: {lines: [...], box, llc}, each
// rectangle {x, y, w, h} or null when empty; lines is [] without a tooltip.
func (h hoverInfo) fields() map[string]any {
	lines := make([]any, len(h.lines))
	for i, l := range h.lines {
		lines[i] = l
	}
	return map[string]any{"lines": lines, "box": rectFields(h.box), "llc": rectFields(h.llc)}
}

// rectFields is r as {x, y, w, h}, or nil (null) when empty.
func rectFields(r image.Rectangle) any {
	if r.Empty() {
		return nil
	}
	return map[string]any{"x": r.Min.X, "y": r.Min.Y, "w": r.Dx(), "h": r.Dy()}
}
