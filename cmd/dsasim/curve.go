package main

import (
	"encoding/csv"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"dsaviz/sim/config"
	"dsaviz/sim/oracle"
)

const curveSynopsis = "dsasim curve [run flags] -csv FILE [-png FILE] [-points N] [-min=false]"

const curveAbout = `
Curve writes the token reservation's hits for every reservation size at
once: one CSV row per size, from one token slot to the capacity minus one
way, for both tokenScopes. LRU has the stack property (a store of c slots
holds the c most recently used tokens, whatever c), so one pass over the
run's token reuse distances gives the LRU's reserved hits at every size:
exactly what 'dsasim run -mode tokens -reserve SIZE' counts. Belady's MIN,
seeing -horizon steps ahead, is run at each size (in parallel; -min=false
skips it).

Columns: reserveBytes slots current (the config's own size), then for
global and layer (each layer its share of the slots, LRU inside; sizes below
one slot per layer are left empty), LRU and MIN: ReservedHits KVHitRate
BlockingMisses (globalReservedHits ... layerMinBlockingMisses). In mode
tokens the shared part never holds a KV line (a token's lines go to the
reservation and an evicted token is dropped), so the blocking misses are
exactly the gathered lines minus the reserved hits, the same as a separate
run's at that size; the indexer and weight streams, whose hits do depend on
the shared part's size, are not in the curve. The curve is the token
reservation's whatever -mode says; the packed layout is refused (its tokens
share lines, which the curve does not model).

-png draws the KV hit rates against the reservation in MiB, the config's
size marked, with the line MIN of the whole LLC as a ceiling. Progress goes
to stderr when the curve takes more than a second.

Example:
  dsasim curve -preset dsv32-h100 -csv dsv32.csv -png dsv32.png`

// curveRow is one reservation size of the curve.
type curveRow struct {
	slots   int
	current bool
	// hits by scope (0 global, 1 layer) and oracle (0 LRU, 1 MIN);
	// ok false where the size is not allowed or MIN was skipped.
	hits [2][2]int64
	ok   [2][2]bool
}

var curveScopes = [2]string{config.ScopeGlobal, config.ScopeLayer}

func cmdCurve(e *env, args []string) error {
	fs := newFlagSet("curve")
	var f scenarioFlags
	csvFile := fs.String("csv", "", "write the CSV to `FILE` (\"-\": stdout)")
	pngFile := fs.String("png", "", "draw the KV hit rates into `FILE` (.png, .svg or .pdf)")
	points := fs.Int("points", 32, "reservation sizes, evenly spread (`N`, 2..4096), besides the config's own")
	withMIN := fs.Bool("min", true, "run Belady's MIN at every size")
	f.register(fs)
	rest, err := parse(e, fs, args, curveSynopsis, curveAbout)
	if err != nil {
		return err
	}
	if err := noPositional("curve", rest); err != nil {
		return err
	}
	if *csvFile == "" {
		return usagef("curve", "curve: -csv FILE is required (\"-\" for stdout)")
	}
	if *points < 2 || *points > 4096 {
		return usagef("curve", "curve: -points must be 2..4096, got %d", *points)
	}
	if err := figureName("curve", *pngFile); err != nil {
		return err
	}
	sc, err := f.build(e, fs)
	if err != nil {
		return err
	}
	if sc.cfg.Layout == config.LayoutPacked {
		return usagef("curve", "curve: %v", oracle.ErrPacked)
	}
	start := time.Now()
	var prog curveProgress
	prog.phase.Store("reading the selections")
	stop := progress(e, prog.report)
	r, err := oracle.NewRun(sc.cfg, sc.src)
	if err != nil {
		stop()
		return fmt.Errorf("curve: %w", err)
	}
	rows := curveSizes(r, sc.cfg, *points)
	prog.phase.Store("counting stack distances")
	fillLRU(r, rows)
	var lineHits int64
	if *withMIN {
		lineHits, err = fillMIN(r, rows, &prog)
	}
	stop()
	if err != nil {
		return fmt.Errorf("curve: %w", err)
	}
	if err := writeCurveCSV(e, *csvFile, r, sc.cfg, rows); err != nil {
		return err
	}
	if *pngFile != "" {
		if err := drawCurve(*pngFile, r, sc.cfg, rows, lineHits, *withMIN); err != nil {
			return fmt.Errorf("curve: %w", err)
		}
	}
	fmt.Fprintf(e.stderr, "dsasim curve: %d sizes of %d steps in %v\n", len(rows), sc.cfg.Steps, time.Since(start).Round(time.Millisecond))
	return nil
}

// curveProgress is what the curve is doing, for the progress lines.
type curveProgress struct {
	phase       atomic.Value // a string, before MIN
	done, total atomic.Int64 // MIN runs
}

func (p *curveProgress) report() string {
	if total := p.total.Load(); total > 0 {
		return fmt.Sprintf("dsasim curve: Belady's MIN: %d of %d runs done", p.done.Load(), total)
	}
	return "dsasim curve: " + p.phase.Load().(string)
}

// curveSizes returns the rows of the curve (oracle.Run.Sizes), the
// config's own size marked.
func curveSizes(r *oracle.Run, cfg config.Config, points int) []curveRow {
	own := r.Slots(int64(cfg.Reserve))
	var rows []curveRow
	for _, s := range r.Sizes(points, int64(cfg.Reserve)) {
		rows = append(rows, curveRow{slots: s, current: s == own})
	}
	return rows
}

// fillLRU sets the LRU hits of every row, both scopes counted at once.
func fillLRU(r *oracle.Run, rows []curveRow) {
	var wg sync.WaitGroup
	for sc, scope := range curveScopes {
		wg.Go(func() {
			for i := range rows {
				rows[i].hits[sc][0], rows[i].ok[sc][0] = r.LRU(rows[i].slots, scope)
			}
		})
	}
	wg.Wait()
}

// fillMIN runs MIN at every row and scope on all cores, and the line MIN
// of the whole LLC beside them; it returns the latter's hits.
func fillMIN(r *oracle.Run, rows []curveRow, prog *curveProgress) (int64, error) {
	type job struct{ row, scope int }
	jobs := []job{{-1, 0}} // the line MIN
	for i := range rows {
		for sc := range curveScopes {
			jobs = append(jobs, job{i, sc})
		}
	}
	var next atomic.Int64
	var lineHits int64
	var lineErr error
	var wg sync.WaitGroup
	prog.total.Store(int64(len(jobs)))
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					return
				}
				if jb := jobs[j]; jb.row < 0 {
					hits, err := r.LineMIN()
					lineHits, lineErr = *total(hits), err
				} else if hits, ok := r.MIN(rows[jb.row].slots, curveScopes[jb.scope]); ok {
					rows[jb.row].hits[jb.scope][1], rows[jb.row].ok[jb.scope][1] = *total(hits), true
				}
				prog.done.Add(1)
			}
		})
	}
	wg.Wait()
	return lineHits, lineErr
}

// curveColumns are the CSV header: the size, then per scope and oracle
// the three figures.
func curveColumns() []string {
	cols := []string{"reserveBytes", "slots", "current"}
	for _, scope := range curveScopes {
		for _, kind := range []string{"", "Min"} {
			for _, fig := range []string{"ReservedHits", "KVHitRate", "BlockingMisses"} {
				cols = append(cols, scope+kind+fig)
			}
		}
	}
	return cols
}

func writeCurveCSV(e *env, name string, r *oracle.Run, cfg config.Config, rows []curveRow) error {
	out, err := createOutput(e, name)
	if err != nil {
		return fmt.Errorf("curve: %w", err)
	}
	defer out.abandon()
	cw := csv.NewWriter(out)
	cw.Write(curveColumns())
	gather := r.GatherLines()
	for _, row := range rows {
		rec := []string{itoa(int64(row.slots) * cfg.TokenStride()), strconv.Itoa(row.slots), strconv.FormatBool(row.current)}
		for sc := range curveScopes {
			for kind := range 2 {
				if !row.ok[sc][kind] {
					rec = append(rec, "", "", "")
					continue
				}
				h := row.hits[sc][kind]
				rec = append(rec, itoa(h), ratio(h, gather).String(), itoa(gather-h))
			}
		}
		cw.Write(rec)
	}
	if cw.Flush(); cw.Error() != nil {
		return fmt.Errorf("curve: write %s: %w", out.name, cw.Error())
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("curve: %w", err)
	}
	return nil
}
