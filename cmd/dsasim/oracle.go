package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/oracle"
)

// minFigures are the Belady MIN figures of run's summary.
type minFigures struct {
	// ReservedHits (mode tokens): the token MIN's reserved hits at the
	// run's reservation and scope, in lines.
	ReservedHits *int64
	// LineHits: the line MIN's KV hits for the whole LLC.
	LineHits *int64
}

// computeMIN replays a run's reservation accesses (over the run's batch,
// so that nothing is generated twice) through Belady's MIN:
// the token store (mode tokens only) and the line cache, side by side. In
// the packed layout it computes nothing and says why on stderr.
func computeMIN(e *env, cmd string, cfg config.Config, b *engine.Batch) (minFigures, error) {
	var f minFigures
	start := time.Now()
	stop := progress(e, func() string { return fmt.Sprintf("dsasim %s: computing Belady's MIN", cmd) })
	defer stop()
	r, err := oracle.NewRunWithBatch(cfg, b)
	if errors.Is(err, oracle.ErrPacked) {
		fmt.Fprintf(e.stderr, "dsasim %s: no MIN figures: %v\n", cmd, err)
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("%s: MIN: %w", cmd, err)
	}
	var wg sync.WaitGroup
	if cfg.Mode == config.ModeTokens {
		wg.Go(func() {
			if hits, ok := r.MIN(r.Slots(int64(cfg.Reserve)), cfg.TokenScope); ok {
				f.ReservedHits = total(hits)
			}
		})
	}
	var lineErr error
	wg.Go(func() {
		hits, err := r.LineMIN()
		if lineErr = err; err == nil {
			f.LineHits = total(hits)
		}
	})
	wg.Wait()
	stop()
	if lineErr != nil {
		return f, fmt.Errorf("%s: MIN: %w", cmd, lineErr)
	}
	fmt.Fprintf(e.stderr, "dsasim %s: Belady's MIN (horizon %d steps) in %v\n", cmd, cfg.Horizon, time.Since(start).Round(time.Millisecond))
	return f, nil
}

// total returns the sum of per-step counts.
func total(xs []int64) *int64 {
	var n int64
	for _, x := range xs {
		n += x
	}
	return &n
}
