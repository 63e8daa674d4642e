package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"dsaviz/sim/config"
)

// newFlagSet returns a flag set for a subcommand that reports errors
// instead of printing them, so that parse reports them the dsasim way.
func newFlagSet(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses a subcommand's arguments, flags and positional ones in any
// order ("dsasim trace FILE -json" as well as "dsasim trace -json FILE"),
// and returns the positional ones. "-h" prints the usage to stdout and
// returns flag.ErrHelp; a bad flag is a usageError.
func parse(e *env, fs *flag.FlagSet, args []string, synopsis, about string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				writeCommandUsage(e.stdout, fs, synopsis, about)
				return nil, err
			}
			return nil, usagef(fs.Name(), "%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// noPositional refuses positional arguments for commands that take none.
func noPositional(cmd string, args []string) error {
	if len(args) > 0 {
		return usagef(cmd, "%s: unexpected argument %q (flags start with -)", cmd, args[0])
	}
	return nil
}

// writeCommandUsage prints a subcommand's synopsis, description and flags:
// its own flags first, then the config keys, if it takes them.
func writeCommandUsage(w io.Writer, fs *flag.FlagSet, synopsis, about string) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", synopsis, strings.TrimSpace(about))
	var own, keys []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if slices.Contains(config.Keys(), f.Name) {
			keys = append(keys, f)
		} else {
			own = append(own, f)
		}
	})
	if len(own) > 0 {
		fmt.Fprintln(w, "\nFlags:")
		writeFlags(w, own)
	}
	if len(keys) > 0 {
		fmt.Fprintln(w, "\nConfig keys, each -KEY VALUE (the default shown is DefaultConfig's):")
		writeFlags(w, keys)
	}
}

// writeFlags prints flags as flag.PrintDefaults does.
func writeFlags(w io.Writer, flags []*flag.Flag) {
	for _, f := range flags {
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, usage)
	}
}

// keyFlag defines one flag for one config key, writing into c: for the
// commands that take only a few keys (replay).
func keyFlag(fs *flag.FlagSet, c *config.Config, key string) {
	fs.Var(keyValue{c, key}, key, config.Help(key))
}

// keyValue is the flag.Value of one config key.
type keyValue struct {
	c   *config.Config
	key string
}

func (v keyValue) String() string {
	if v.c == nil {
		return ""
	}
	if s, err := v.c.Get(v.key); err == nil {
		return s
	}
	return ""
}

func (v keyValue) Set(s string) error { return v.c.Set(v.key, s) }
