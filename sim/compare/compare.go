package compare

import (
	"fmt"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// Comparison owns the runs on screen: A alone, or A and B side by side.
// Both engines read one shared trace source, so each selection is
// generated once, and they advance in lockstep, layer by layer. Periodic
// checkpoints (engine clones) let it go back or jump to any step: Seek
// restores the latest checkpoint at or before the target, and the caller
// re-simulates from there with Advance, so the numbers after any jump are
// those of a run that never went back.
type Comparison struct {
	src   trace.Source  // request 0's selections
	batch *engine.Batch // every request's, nil when replaying a log
	lanes []lane
	// every is the checkpoint interval in steps: the runs keep a
	// checkpoint at each multiple of it they reached (step 0 included). It
	// starts at 1 and doubles, dropping every other checkpoint, whenever
	// more than keep would be held: so the checkpoints cover the whole run
	// reached, within the memory budget, whatever its length.
	every, keep int
}

// checkpoint is a run's engine at the start of a decode step.
type checkpoint struct {
	step int
	eng  *engine.Engine
}

// lane is one configuration's run.
type lane struct {
	eng    *engine.Engine
	events []engine.Event // the last layer's events
	// checkpoints are the kept ones, by step.
	checkpoints []checkpoint
}

// Options tune a Comparison.
type Options struct {
	// MaxEvents bounds each run's event buffer (0: every event of a layer,
	// engine.MaxEventsPerLayer). Events beyond it are counted as dropped.
	MaxEvents int
	// CheckpointBytes is the memory the checkpoints of one run may take
	// (0: DefaultCheckpointBytes): it sets how many are kept (at least 2).
	CheckpointBytes int64
	// Source, when not nil, is the trace both runs read (a real log);
	// otherwise the synthetic generator of A's config.
	Source trace.Source
}

// DefaultCheckpointBytes is the default checkpoint budget of one run.
const DefaultCheckpointBytes = 64 << 20

// New builds a comparison of a alone (b nil) or of a and b, at step 0. B
// runs on A's trace: its trace keys must equal A's (see ShareTrace), or New
// refuses it.
func New(a config.Config, b *config.Config, o Options) (*Comparison, error) {
	cfgs := []config.Config{a}
	if b != nil {
		if diff := TraceDiff(a, *b); diff != "" {
			return nil, fmt.Errorf("compare: B must share A's trace, but its %s differs", diff)
		}
		cfgs = append(cfgs, *b)
	}
	// One source of selections for both runs: the log, or A's batch of
	// synthetic requests.
	var batch *engine.Batch
	if o.Source == nil {
		var err error
		if batch, err = engine.NewBatch(a); err != nil {
			return nil, err
		}
	}
	c := &Comparison{batch: batch}
	var stateBytes int64
	for i, cfg := range cfgs {
		var e *engine.Engine
		var err error
		if batch != nil {
			e, err = engine.NewWithBatch(cfg, batch)
		} else {
			e, err = engine.New(cfg, o.Source)
		}
		if err != nil {
			if i == 1 {
				return nil, fmt.Errorf("run B: %w", err)
			}
			return nil, err
		}
		n := e.MaxEventsPerLayer()
		if o.MaxEvents > 0 {
			n = min(n, o.MaxEvents)
		}
		c.lanes = append(c.lanes, lane{eng: e, events: make([]engine.Event, 0, n)})
		c.src = e.Source()
		stateBytes = max(stateBytes, e.StateBytes())
	}
	budget := o.CheckpointBytes
	if budget <= 0 {
		budget = DefaultCheckpointBytes
	}
	c.every, c.keep = 1, int(min(max(budget/max(stateBytes, 1), 2), 1<<16))
	for i := range c.lanes {
		l := &c.lanes[i]
		l.checkpoints = []checkpoint{{0, l.eng.Clone()}}
	}
	return c, nil
}

// TraceDiff names the first trace key on which b differs from a, with
// both values, or "" when b can run on a's trace.
func TraceDiff(a, b config.Config) string {
	for _, k := range traceKeys {
		va, _ := a.Get(k)
		vb, _ := b.Get(k)
		if va != vb {
			return fmt.Sprintf("%s (%s, A has %s)", k, vb, va)
		}
	}
	return ""
}

// Runs is the number of runs: 1, or 2 when comparing.
func (c *Comparison) Runs() int { return len(c.lanes) }

// View is a read-only view of run i (0 is A, 1 is B).
func (c *Comparison) View(i int) engine.View { return c.lanes[i].eng.View() }

// Events are the events of the layer run i ran last (read-only, valid
// until the next Advance).
func (c *Comparison) Events(i int) []engine.Event { return c.lanes[i].events }

// Batch is the runs' batch of synthetic requests, nil when they replay a
// log (Source).
func (c *Comparison) Batch() *engine.Batch { return c.batch }

// Source is the shared trace source (request 0's, with a batch).
func (c *Comparison) Source() trace.Source { return c.src }

// CheckpointEvery is the interval between checkpoints now, in steps.
func (c *Comparison) CheckpointEvery() int { return c.every }

// Step is the decode step the next layer belongs to (the runs are in
// lockstep).
func (c *Comparison) Step() int { return c.lanes[0].eng.Step() }

// Layer is the next layer to run.
func (c *Comparison) Layer() int { return c.lanes[0].eng.Layer() }

// Done reports whether every step has run.
func (c *Comparison) Done() bool { return c.lanes[0].eng.Done() }

// Steps is the number of decode steps of the run.
func (c *Comparison) Steps() int { return c.lanes[0].eng.Config().Steps }

// Advance runs the next layer of every run; with events false, no events
// are recorded (re-simulating after a Seek, which shows nothing of it).
// After the last step it does nothing.
func (c *Comparison) Advance(events bool) {
	for i := range c.lanes {
		l := &c.lanes[i]
		if events {
			l.events = l.eng.AdvanceLayer(l.events)
		} else {
			l.eng.AdvanceLayer(nil)
			l.events = l.events[:0]
		}
	}
	if s := c.Step(); c.Layer() == 0 && s%c.every == 0 && s > c.lanes[0].lastCheckpoint() {
		for i := range c.lanes {
			l := &c.lanes[i]
			l.checkpoints = append(l.checkpoints, checkpoint{s, l.eng.Clone()})
		}
		if len(c.lanes[0].checkpoints) > c.keep {
			c.thin()
		}
	}
}

// lastCheckpoint is the step of the lane's latest checkpoint.
func (l *lane) lastCheckpoint() int { return l.checkpoints[len(l.checkpoints)-1].step }

// thin doubles the checkpoint interval and drops the checkpoints that are
// not at a multiple of it.
func (c *Comparison) thin() {
	c.every *= 2
	for i := range c.lanes {
		l := &c.lanes[i]
		kept := l.checkpoints[:0]
		for _, k := range l.checkpoints {
			if k.step%c.every == 0 {
				kept = append(kept, k)
			}
		}
		clear(l.checkpoints[len(kept):]) // let the dropped clones go
		l.checkpoints = kept
	}
}

// Seek moves every run to the start of the decode step target (clamped to
// 0..Steps) as far as checkpoints allow: it restores the latest checkpoint
// at or before target, unless the runs already stand between it and
// target, and returns the step the runs stand at. The caller then calls
// Advance until Step() reaches target. Events are cleared.
func (c *Comparison) Seek(target int) int {
	target = min(max(target, 0), c.Steps())
	for i := range c.lanes {
		l := &c.lanes[i]
		k := len(l.checkpoints) - 1
		for k > 0 && l.checkpoints[k].step > target {
			k--
		}
		at := l.checkpoints[k].step
		cur := l.eng.Step()
		if cur < at || cur > target || (cur == target && l.eng.Layer() > 0) {
			l.eng = l.checkpoints[k].eng.Clone()
		}
		l.events = l.events[:0]
	}
	return c.Step()
}
