package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"dsaviz/sim/config"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the work failed: a file could not be read or written, a trace is malformed
	exitUsage   = 2 // the command line or the config is invalid
)

// usageError is a mistake on the command line or in the config: exit
// status 2, and a pointer to the command's help.
type usageError struct {
	cmd string // the subcommand, or "" for the top level
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError for cmd.
func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// env is what a command reads and writes: the process's streams, or a
// test's buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand.
type command struct {
	name     string
	summary  string // one line for the command list
	synopsis string
	run      func(e *env, args []string) error
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"run", "simulate a scenario and print its totals", runSynopsis, cmdRun},
		{"sweep", "run one scenario for several values of a key, in parallel", sweepSynopsis, cmdSweep},
		{"curve", "the token reservation's hits at every size, LRU and MIN, both scopes", curveSynopsis, cmdCurve},
		{"figures", "regenerate the standard figures (PNG and SVG) into a directory", figuresSynopsis, cmdFigures},
		{"export", "write the engine's address stream as a din trace", exportSynopsis, cmdExport},
		{"replay", "replay a din address trace through a plain LLC", replaySynopsis, cmdReplay},
		{"trace", "check a real DSA index log and measure its statistics", traceSynopsis, cmdTrace},
		{"help", "show this help, or a command's", "dsasim help [COMMAND]", cmdHelp},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run is the whole program: it runs the subcommand args name and returns
// the exit status. Errors go to stderr as "dsasim: ..." lines; a panic,
// which no input should cause, is turned into an error message too.
func run(args []string, stdout, stderr io.Writer) int {
	return runEnv(&env{stdin: os.Stdin, stdout: stdout, stderr: stderr}, args)
}

func runEnv(e *env, args []string) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.stderr, "dsasim: internal error (please report it with the command line): %v\n%s", r, debug.Stack())
			status = exitFailure
		}
	}()
	if len(args) == 0 {
		writeUsage(e.stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" {
		name = "help"
	}
	cmd, ok := findCommand(name)
	if !ok {
		return report(e, &usageError{err: fmt.Errorf("unknown command %q (commands: %s)", name, commandNames())})
	}
	return report(e, cmd.run(e, args[1:]))
}

// report prints err, if any, and returns the exit status it calls for.
func report(e *env, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(e.stderr, "dsasim: %s\n", indentLines(err.Error()))
	var ue *usageError
	if errors.As(err, &ue) {
		if ue.cmd != "" {
			fmt.Fprintf(e.stderr, "Run 'dsasim %s -h' for usage.\n", ue.cmd)
		} else {
			fmt.Fprintln(e.stderr, "Run 'dsasim help' for usage.")
		}
		return exitUsage
	}
	return exitFailure
}

// indentLines indents the lines after the first of a joined error, so
// that several problems read as one report.
func indentLines(s string) string {
	return strings.ReplaceAll(s, "\n", "\n        ")
}

func commandNames() string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: dsasim COMMAND [ARGUMENTS]

dsasim simulates dynamic sparse attention (DSA) decoding against a
last-level cache, the same simulation as the dsaviz app.

`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n", c.synopsis)
	}
	fmt.Fprint(w, "\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
A scenario starts from the defaults, then a preset, then a config file,
then -KEY VALUE flags, each overriding the one before. Config keys:
%s
Sizes take units (KiB MiB GiB KB MB GB).
Presets: %s.

Run 'dsasim COMMAND -h' for a command's flags.
Exit status: 0 success, 1 the work failed (a file could not be read or
written, a trace is malformed), 2 the command line or the config is invalid.
`, wrapWords(config.Keys(), 72, "  "), strings.Join(config.PresetNames(), ", "))
}

// wrapWords joins words into indented lines of at most width columns.
func wrapWords(words []string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, w := range words {
		if len(line) > len(indent) && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	b.WriteString(line + "\n")
	return b.String()
}

func cmdHelp(e *env, args []string) error {
	switch len(args) {
	case 0:
		writeUsage(e.stdout)
		return nil
	case 1:
		if args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			writeUsage(e.stdout)
			return nil
		}
		cmd, ok := findCommand(args[0])
		if !ok {
			return usagef("", "unknown command %q (commands: %s)", args[0], commandNames())
		}
		return cmd.run(e, []string{"-h"}) // prints the usage, returns flag.ErrHelp
	}
	return usagef("help", "help takes at most one command, got %q", strings.Join(args, " "))
}
