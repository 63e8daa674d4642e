package trace

import (
	"fmt"
	"slices"
)

// Limits of a log, so that no file can make a reader allocate more than
// about 1.2 GiB: indices (int32) and selections (steps*layers).
const (
	maxLogEntries = 1 << 28
	maxLogRows    = 1 << 24
)

// Log is a real index log held in memory: the selections one model made
// while decoding, read by ReadNPY, ReadText or Read. It is a Source whose
// selections are sorted, distinct and non-negative, padding removed. Its
// prompt length is not in the file: MinPrompt gives the smallest that fits.
// A Log is immutable and safe for concurrent use.
type Log struct {
	name          string
	steps, layers int
	off           []int   // S(t,l) = data[off[r]:off[r+1]] with r = t*layers+l
	data          []int32 // every selection, sorted, one after another
	minK, maxK    int
	maxIndex      int
	minPrompt     int
}

// newLog derives a Log's summary from its rows, given in step-major order.
func newLog(name string, steps, layers int, off []int, data []int32) *Log {
	lg := &Log{name: name, steps: steps, layers: layers, off: off, data: data, minK: -1, maxIndex: -1}
	for t := range steps {
		for l := range layers {
			sel := lg.Selection(t, l)
			if lg.minK < 0 || len(sel) < lg.minK {
				lg.minK = len(sel)
			}
			lg.maxK = max(lg.maxK, len(sel))
			if len(sel) > 0 {
				top := int(sel[len(sel)-1])
				lg.maxIndex = max(lg.maxIndex, top)
				lg.minPrompt = max(lg.minPrompt, top-t+1)
			}
		}
	}
	return lg
}

// Name returns the name the log was read under (usually its file name).
func (lg *Log) Name() string { return lg.name }

// Steps returns the number of decode steps in the log.
func (lg *Log) Steps() int { return lg.steps }

// Layers returns the number of layers in the log.
func (lg *Log) Layers() int { return lg.layers }

// Selection returns S(step, layer), sorted and distinct, or nil when step or
// layer is out of range. The slice is read-only.
func (lg *Log) Selection(step, layer int) []int32 {
	if step < 0 || step >= lg.steps || layer < 0 || layer >= lg.layers {
		return nil
	}
	r := step*lg.layers + layer
	return lg.data[lg.off[r]:lg.off[r+1]:lg.off[r+1]]
}

// MinK returns the size of the smallest selection (padding removed).
func (lg *Log) MinK() int { return lg.minK }

// MaxK returns the size of the largest selection: the log's top-k.
func (lg *Log) MaxK() int { return lg.maxK }

// MaxIndex returns the largest token index in the log, or -1 if every
// selection is empty.
func (lg *Log) MaxIndex() int { return lg.maxIndex }

// MinPrompt returns the smallest prompt length P such that every index of
// step t is below P + t, the context at that step (0 if every selection is
// empty). A simulation of the log needs a prompt at least this long.
func (lg *Log) MinPrompt() int { return lg.minPrompt }

// String describes the log's shape for messages.
func (lg *Log) String() string {
	return fmt.Sprintf("%s: %d steps x %d layers, k %d..%d, indices up to %d", lg.name, lg.steps, lg.layers, lg.minK, lg.maxK, lg.maxIndex)
}

// sortRow sorts a freshly read selection in place and returns a repeated
// index, if any.
func sortRow(row []int32) (dup int32, ok bool) {
	slices.Sort(row)
	for i := 1; i < len(row); i++ {
		if row[i] == row[i-1] {
			return row[i], false
		}
	}
	return 0, true
}
