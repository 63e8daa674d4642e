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
	src   trace.Source // request 0's selections
	lanes []lane
	// every is the checkpoint interval in steps: a checkpoint is kept at
	// every step that is a multiple of it (step 0 included).
	every int
}

// lane is one configuration's run.
type lane struct {
	eng    *engine.Engine
	events []engine.Event // the last layer's events
	// checkpoints[i] is the engine at the start of step i*every, once the
	// run has reached it (nil before).
	checkpoints []*engine.Engine
}

// Options tune a Comparison.
type Options struct {
	// MaxEvents bounds each run's event buffer (0: every event of a layer,
	// engine.MaxEventsPerLayer). Events beyond it are counted as dropped.
	MaxEvents int
	// CheckpointBytes is the memory the checkpoints of one run may take
	// (0: DefaultCheckpointBytes). The interval between checkpoints grows
	// with the engine's state so that the budget holds.
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
	c := &Comparison{}
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
				return nil, fmt.Errorf("B: %w", err)
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
	c.every = checkpointInterval(a.Steps, stateBytes, budget)
	for i := range c.lanes {
		l := &c.lanes[i]
		l.checkpoints = make([]*engine.Engine, (a.Steps+c.every-1)/c.every)
		l.checkpoints[0] = l.eng.Clone()
	}
	return c, nil
}

// checkpointInterval is the smallest interval in steps whose checkpoints,
// each of stateBytes, fit in budget (at least 1).
func checkpointInterval(steps int, stateBytes, budget int64) int {
	fit := max(budget/max(stateBytes, 1), 1)
	every := (int64(steps) + fit - 1) / fit
	return int(max(every, 1))
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

// Source is the shared trace source (request 0's, with a batch).
func (c *Comparison) Source() trace.Source { return c.src }

// CheckpointEvery is the interval between checkpoints, in steps.
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
		if s := l.eng.Step(); l.eng.Layer() == 0 && s%c.every == 0 && s/c.every < len(l.checkpoints) && l.checkpoints[s/c.every] == nil {
			l.checkpoints[s/c.every] = l.eng.Clone()
		}
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
		k := min(target/c.every, len(l.checkpoints)-1)
		for k > 0 && l.checkpoints[k] == nil {
			k--
		}
		at := k * c.every
		cur := l.eng.Step()
		if cur < at || cur > target || (cur == target && l.eng.Layer() > 0) {
			l.eng = l.checkpoints[k].Clone()
		}
		l.events = l.events[:0]
	}
	return c.Step()
}
