package main

import (
	"errors"
	"fmt"
	"io"
	"math/bits"
	"time"

	"dsaviz/sim/cache"
	"dsaviz/sim/config"
	"dsaviz/sim/din"
	"dsaviz/sim/engine"
)

const replaySynopsis = "dsasim replay -trace FILE|- [-capacity C] [-line L] [-ways W] [-policy P] [-hash H] [-seed S] [-json]"

const replayAbout = `
Replay runs a Dinero-style din address trace ("label hexaddr" per line; 0
read, 1 write, 2 instruction fetch) through a plain LLC: no reservation, no
streams, every reference one line access, writes allocated like reads
(write-allocate). Escape records (labels 3 and 4) are skipped and counted.
It prints accesses, hits and misses (with -json one object), and how fast it
went on stderr.

A din file written by 'dsasim export' of a run in mode none, with bypass
off, replays to exactly that run's hits and misses (same capacity, line,
ways, hash, policy and seed).

Example:
  dsasim replay -trace run.din -capacity 64KiB -line 64 -ways 8`

// replayCounts is what replay prints.
type replayCounts struct {
	Accesses  int64    `json:"accesses"`
	Hits      int64    `json:"hits"`
	Misses    int64    `json:"misses"`
	HitRate   jsonReal `json:"hitRate"`
	Evictions int64    `json:"evictions"`
	Reads     int64    `json:"reads"`
	Writes    int64    `json:"writes"`
	Fetches   int64    `json:"fetches"`
	Skipped   int64    `json:"skipped"` // escape records (labels 3 and 4)
}

func cmdReplay(e *env, args []string) error {
	fs := newFlagSet("replay")
	traceFile := fs.String("trace", "", "din `FILE` to replay (\"-\": stdin)")
	jsonOut := fs.Bool("json", false, "print the counts as one JSON object")
	cfg := config.DefaultConfig()
	for _, key := range []string{"capacity", "line", "ways", "policy", "hash", "seed"} {
		keyFlag(fs, &cfg, key)
	}
	rest, err := parse(e, fs, args, replaySynopsis, replayAbout)
	if err != nil {
		return err
	}
	if err := noPositional("replay", rest); err != nil {
		return err
	}
	if *traceFile == "" {
		return usagef("replay", "replay: -trace FILE is required (\"-\" reads stdin)")
	}
	if err := cfg.Validate(); err != nil {
		return usagef("replay", "%v", err)
	}
	llc, err := newPlainLLC(cfg)
	if err != nil {
		return usagef("replay", "%v", err)
	}
	in, name, err := openInput(e, *traceFile)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	defer in.Close()
	start := time.Now()
	n, err := replay(din.NewReader(in, name), llc, cfg.Line)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(e.stderr, "dsasim replay: %d references in %v (%.1f M/s)\n", n.Accesses, elapsed.Round(time.Microsecond), float64(n.Accesses)/elapsed.Seconds()/1e6)
	if *jsonOut {
		return writeJSON(e.stdout, n)
	}
	_, err = fmt.Fprintf(e.stdout, "accesses %d\nhits %d\nmisses %d\nhitRate %s\nevictions %d\nreads %d\nwrites %d\nfetches %d\nskipped %d\n",
		n.Accesses, n.Hits, n.Misses, n.HitRate, n.Evictions, n.Reads, n.Writes, n.Fetches, n.Skipped)
	return err
}

// newPlainLLC builds the LLC replay uses: the whole capacity as one
// partition with the config's geometry and policy, its random victims
// drawn as the engine draws them for the config's seed.
func newPlainLLC(cfg config.Config) (*cache.Partition, error) {
	policy, err := cache.ParsePolicy(cfg.Policy)
	if err != nil {
		return nil, err
	}
	g := cache.Geometry{Sets: cfg.Sets(), Ways: cfg.Ways, XOR: cfg.Hash == config.HashXOR}
	return cache.New(g, cache.Options{Policy: policy, Seed: engine.RandomSeed(cfg)})
}

// replay runs every access of r through llc. line is a power of two (the
// config validated it), so the line address is a shift.
func replay(r *din.Reader, llc *cache.Partition, line int) (replayCounts, error) {
	var n replayCounts
	var byLabel [din.Fetch + 1]int64
	shift := uint(bits.TrailingZeros(uint(line)))
	for {
		rec, err := r.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return n, err
			}
			break
		}
		byLabel[rec.Label]++
		hit, _, evicted := llc.Access(rec.Addr >> shift)
		if hit {
			n.Hits++
		} else if evicted {
			n.Evictions++
		}
	}
	n.Reads, n.Writes, n.Fetches = byLabel[din.Read], byLabel[din.Write], byLabel[din.Fetch]
	n.Accesses = n.Reads + n.Writes + n.Fetches
	n.Misses = n.Accesses - n.Hits
	n.HitRate = ratio(n.Hits, n.Accesses)
	n.Skipped = r.Skipped()
	return n, nil
}
