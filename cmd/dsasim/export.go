package main

import (
	"fmt"
	"time"

	"dsaviz/sim/din"
	"dsaviz/sim/engine"
)

const exportSynopsis = "dsasim export -din FILE [run flags]"

const exportAbout = `
Export runs a scenario, as run does, and writes the address stream the
engine issues as a Dinero-style din trace to FILE ("-" for stdout): every
line access in order (indexer stream, KV gather, weight stream, layer by
layer), one "0 hexaddr" read per line, the byte address line*lineSize.
Evictions are not accesses and are left out. Bypassed streams (-bypass)
are written as ordinary reads: din cannot say non-temporal.

Other trace-driven simulators can replay the file; so can 'dsasim replay',
which gives back the run's hits and misses exactly in mode none with bypass
off and policy lru, fifo or srrip.

Example:
  dsasim export -preset small-demo -mode none -reserve 0 -din demo.din`

func cmdExport(e *env, args []string) error {
	fs := newFlagSet("export")
	var f scenarioFlags
	dinFile := fs.String("din", "", "write the din trace to `FILE` (\"-\": stdout)")
	f.register(fs)
	rest, err := parse(e, fs, args, exportSynopsis, exportAbout)
	if err != nil {
		return err
	}
	if err := noPositional("export", rest); err != nil {
		return err
	}
	if *dinFile == "" {
		return usagef("export", "export: -din FILE is required (\"-\" writes stdout)")
	}
	sc, eng, err := f.buildEngine(e, fs)
	if err != nil {
		return err
	}
	out, err := createOutput(e, *dinFile)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer out.abandon()
	start := time.Now()
	lines, err := export(eng, din.NewWriter(out))
	if err != nil {
		return fmt.Errorf("export: write %s: %w", out.name, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if want := eng.Totals().Sum().Accesses; lines != want {
		return fmt.Errorf("export: wrote %d lines but the engine counted %d accesses (please report)", lines, want)
	}
	fmt.Fprintf(e.stderr, "dsasim export: %d steps, %d line accesses written to %s in %v\n",
		sc.cfg.Steps, lines, out.name, time.Since(start).Round(time.Microsecond))
	return nil
}

// export runs the engine to the end and writes every access event,
// expanded to its lines, as din reads. It returns the lines written.
func export(eng *engine.Engine, w *din.Writer) (int64, error) {
	line := uint64(eng.Config().Line)
	buf := make([]engine.Event, 0, eng.MaxEventsPerLayer())
	var lines int64
	for !eng.Done() {
		events := eng.AdvanceLayer(buf)
		if eng.Dropped() != 0 {
			return lines, fmt.Errorf("the engine dropped %d events of step %d (please report)", eng.Dropped(), eng.Step())
		}
		for _, ev := range events {
			if ev.Outcome == engine.Evicted {
				continue
			}
			for x := ev.Line; x < ev.Line+uint64(ev.N); x++ {
				if err := w.Write(din.Record{Label: din.Read, Addr: x * line}); err != nil {
					return lines, err
				}
			}
			lines += int64(ev.N)
		}
	}
	return lines, w.Flush()
}
