package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"dsaviz/sim/engine"
	"dsaviz/sim/trace"
)

// generateLog builds the scenario's generator, writes its selections to
// outFile when one is named (.npy, .txt, or "-" for text on stdout), and
// returns them as a Log read back from what was written (so its shape is
// what a reader of the file gets), and the generator itself, whose prompt
// lookback is measured from.
func generateLog(e *env, fs *flag.FlagSet, sf *scenarioFlags, outFile string) (*trace.Log, *trace.Generator, error) {
	ext := strings.ToLower(filepath.Ext(outFile))
	if outFile != "" && outFile != "-" && ext != ".npy" && ext != ".txt" {
		return nil, nil, usagef("trace", "trace: -o %s: the name must end in .npy or .txt (the format to write)", outFile)
	}
	sc, err := sf.build(e, fs)
	if err != nil {
		return nil, nil, err
	}
	g, err := trace.NewGenerator(engine.GeneratorParams(sc.cfg))
	if err != nil {
		return nil, nil, usagef("trace", "%v", err)
	}
	var buf bytes.Buffer
	write := trace.WriteNPY // the faster to read back
	if ext == ".txt" || outFile == "-" {
		write = trace.WriteText
	}
	if err := write(&buf, g); err != nil {
		return nil, nil, err
	}
	name := "generator"
	if outFile != "" {
		name = outFile
		out, err := createOutput(e, outFile)
		if err != nil {
			return nil, nil, fmt.Errorf("trace: %w", err)
		}
		defer out.abandon()
		if _, err := out.Write(buf.Bytes()); err != nil {
			return nil, nil, fmt.Errorf("trace: write %s: %w", out.name, err)
		}
		if err := out.Close(); err != nil {
			return nil, nil, fmt.Errorf("trace: %w", err)
		}
	}
	lg, err := trace.Read(&buf, name)
	if err != nil {
		return nil, nil, fmt.Errorf("trace: reading back what was written (please report): %w", err)
	}
	return lg, g, nil
}
