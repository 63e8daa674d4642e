package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
)

const sweepSynopsis = "dsasim sweep -param KEY -values a,b,c [run flags] [-csv FILE]"

const sweepAbout = `
Sweep runs one scenario (built as run builds it) once per value of one
config key, in parallel on all cores, and writes one CSV row per value, in
the order given: the key, then the run's totals (the columns of run -json:
steps accesses hits reservedHits sharedHits misses blockingMisses evictions
hitRate kvHitRate seconds stepSeconds tokensPerSecond pageUtilization
missPages slowdown).
Each row is exactly what 'dsasim run -KEY value' would give. Without -csv
the CSV goes to stdout. When the sweep takes more than a second, progress
goes to stderr. -png FILE draws one column (-y, default blockingMisses)
against the values: a reservation in MiB, numbers as given, other values
(modes, policies) one place each in the order given.

Example:
  dsasim sweep -preset small-demo -param reserve -values 0,8KiB,16KiB,32KiB -csv reserve.csv -png reserve.png`

func cmdSweep(e *env, args []string) error {
	fs := newFlagSet("sweep")
	var f scenarioFlags
	param := fs.String("param", "", "the config `KEY` to sweep")
	values := fs.String("values", "", "comma-separated `values` of the key")
	csvFile := fs.String("csv", "-", "write the CSV to `FILE` (\"-\": stdout)")
	pngFile := fs.String("png", "", "draw column -y against the values into `FILE` (.png, .svg or .pdf)")
	yCol := fs.String("y", "blockingMisses", "the CSV `COLUMN` -png draws")
	f.register(fs)
	rest, err := parse(e, fs, args, sweepSynopsis, sweepAbout)
	if err != nil {
		return err
	}
	if err := noPositional("sweep", rest); err != nil {
		return err
	}
	if !slices.Contains(config.Keys(), *param) {
		return usagef("sweep", "sweep: -param must be a config key (%s), got %q", strings.Join(config.Keys(), " "), *param)
	}
	if isSet(fs, *param) {
		return usagef("sweep", "sweep: -%s is swept; give its values with -values, not as a flag", *param)
	}
	col, ok := summaryColumn(*yCol)
	if !ok {
		names := make([]string, len(summaryColumns))
		for i, c := range summaryColumns {
			names[i] = c.name
		}
		return usagef("sweep", "sweep: -y must be a CSV column (%s), got %q", strings.Join(names, " "), *yCol)
	}
	if err := figureName("sweep", *pngFile); err != nil {
		return err
	}
	vals := strings.Split(*values, ",")
	for i := range vals {
		vals[i] = strings.TrimSpace(vals[i])
	}
	if *values == "" || slices.Contains(vals, "") {
		return usagef("sweep", "sweep: -values must be a comma-separated list of values, got %q", *values)
	}
	// Build each value's scenario first: one bad value stops the sweep
	// before anything runs.
	base, err := f.build(e, fs)
	if err != nil {
		return err
	}
	cfgs := make([]config.Config, len(vals))
	for i, v := range vals {
		c := base.cfg
		if err := c.Set(*param, v); err != nil {
			return usagef("sweep", "sweep: %v", err)
		}
		if err := c.Validate(); err != nil {
			return usagef("sweep", "sweep: with %s %s: %v", *param, v, err)
		}
		cfgs[i] = c
	}
	out, err := createOutput(e, *csvFile)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	defer out.abandon()
	start := time.Now()
	results, err := sweep(e, "dsasim sweep", cfgs, base)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	cw := csv.NewWriter(out)
	header := []string{*param}
	for _, col := range summaryColumns {
		header = append(header, col.name)
	}
	cw.Write(header)
	for i := range results {
		row := []string{vals[i]}
		for _, col := range summaryColumns {
			row = append(row, col.value(&results[i]))
		}
		cw.Write(row)
	}
	if cw.Flush(); cw.Error() != nil {
		return fmt.Errorf("sweep: write %s: %w", out.name, cw.Error())
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	if *pngFile != "" {
		if err := drawSweep(*pngFile, *param, vals, cfgs, results, col); err != nil {
			return fmt.Errorf("sweep: %w", err)
		}
	}
	fmt.Fprintf(e.stderr, "dsasim sweep: %d runs of %s in %v on %d cores\n", len(cfgs), *param, time.Since(start).Round(time.Millisecond), min(runtime.GOMAXPROCS(0), len(cfgs)))
	return nil
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// sweep runs one engine per config on GOMAXPROCS workers and returns the
// summaries in the configs' order; progress lines start with label. The
// trace source, if any, is shared: a Log is safe for concurrent use.
func sweep(e *env, label string, cfgs []config.Config, base scenario) ([]summary, error) {
	results := make([]summary, len(cfgs))
	err := parallel(e, label, len(cfgs), func(i int) (err error) {
		results[i], err = runOne(cfgs[i], base)
		return err
	})
	return results, err
}

// parallel calls work(0..n-1) on GOMAXPROCS workers, with progress lines
// ("label: k of n runs done") on stderr after the first second, and
// returns the first failure by index. A panic in work, which no config
// should cause, becomes that index's error: the top-level recover cannot
// see goroutines.
func parallel(e *env, label string, n int, work func(i int) error) error {
	errs := make([]error, n)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				errs[i] = guarded(func() error { return work(i) })
				done.Add(1)
			}
		})
	}
	stop := progress(e, func() string { return fmt.Sprintf("%s: %d of %d runs done", label, done.Load(), n) })
	wg.Wait()
	stop()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("run %d of %d: %w", i+1, n, err)
		}
	}
	return nil
}

// guarded calls f, turning a panic into an error.
func guarded(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it with the command line): %v", r)
		}
	}()
	return f()
}

// runOne runs one config to the end.
func runOne(cfg config.Config, base scenario) (summary, error) {
	eng, err := engine.New(cfg, base.src)
	if err != nil {
		return summary{}, err
	}
	eng.Run()
	return summarize(eng, traceName(base)), nil
}

// progress writes the line report gives on stderr every second once the
// first second has passed, unless it is the line written last; the
// returned stop ends it (calling it again does nothing).
func progress(e *env, report func() string) (stop func()) {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		last := ""
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				if line := report(); line != last {
					fmt.Fprintln(e.stderr, line)
					last = line
				}
			}
		}
	})
	var once sync.Once
	return func() {
		once.Do(func() {
			close(quit)
			wg.Wait()
		})
	}
}
