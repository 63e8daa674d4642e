package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dsasim runs the command in-process and returns its exit status, stdout
// and stderr.
func dsasim(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runEnv(&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args)
	return code, stdout.String(), stderr.String()
}

// writeFile writes a file into dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInput runs dsasim on bad command lines and files: each must give
// a clear message and the right exit status, and none may reach a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	badJSON := writeFile(t, dir, "bad.json", `{"ways": 8,`)
	unknownKey := writeFile(t, dir, "key.json", `{"wayz": 8}`)
	badTrace := writeFile(t, dir, "bad.txt", "0 0 1 2 3\n0 1 4 x 6\n")
	garbageDin := writeFile(t, dir, "garbage.din", "0 1000\n1 2000\n\x00\xff\xfegarbage\n")
	goodDin := writeFile(t, dir, "good.din", "0 1000\n")
	goodTrace := writeFile(t, dir, "good.txt", "0 0 1 2 3\n1 0 1 2 3\n")
	missing := filepath.Join(dir, "missing")
	noDir := filepath.Join(dir, "no", "such", "dir", "out")
	demo := func(more ...string) []string {
		return append([]string{"run", "-preset", "small-demo", "-steps", "2"}, more...)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no arguments", nil, 2, "Usage:"},
		{"unknown command", []string{"frob"}, 2, `dsasim: unknown command "frob" (commands: run, sweep, curve, figures, export, replay, trace, help)`},
		{"help of unknown command", []string{"help", "frob"}, 2, `unknown command "frob"`},
		{"help of two commands", []string{"help", "run", "sweep"}, 2, "help takes at most one command"},
		{"unknown flag", []string{"run", "-frob", "1"}, 2, "dsasim: run: flag provided but not defined: -frob\nRun 'dsasim run -h' for usage."},
		{"flag without value", []string{"run", "-ways"}, 2, "flag needs an argument: -ways"},
		{"stray argument", []string{"run", "small-demo"}, 2, `run: unexpected argument "small-demo"`},
		{"bad size", []string{"run", "-capacity", "12XB"}, 2, `config: capacity must be a number of bytes with an optional unit`},
		{"negative size", []string{"run", "-reserve", "-1KiB"}, 2, `config: reserve must be`},
		{"bad number", []string{"run", "-ways", "eight"}, 2, `config: ways must be a whole number`},
		{"bad bool", []string{"run", "-bypass=maybe"}, 2, `config: bypass must be true or false`},
		{"bad float", []string{"run", "-stepOverlap", "NaN"}, 2, `config: stepOverlap must be a finite number`},
		{"ways 0", []string{"run", "-ways", "0"}, 2, "dsasim: config: ways must be 1..64, got 0"},
		{"topk 0", []string{"run", "-topk", "0"}, 2, "config: topk must be"},
		{"reserve over capacity", demo("-reserve", "1MiB"), 2, "config: reserve must be"},
		{"capacity not whole sets", []string{"run", "-capacity", "1000"}, 2, "config: capacity must be"},
		{"overlap above 1", demo("-layerOverlap", "1.5"), 2, "config: layerOverlap must be"},
		{"unknown policy", demo("-policy", "plru"), 2, `config: policy must be`},
		{"several mistakes", []string{"run", "-ways", "0", "-topk", "0"}, 2, "ways must be 1..64, got 0\n        config: topk"},
		{"unknown preset", []string{"run", "-preset", "tiny"}, 2, `config: unknown preset "tiny"`},
		{"missing config file", []string{"run", "-config", missing}, 1, "config file: open " + missing},
		{"malformed json", []string{"run", "-config", badJSON}, 2, "config file " + badJSON + ": config: JSON syntax error"},
		{"unknown key in json", []string{"run", "-config", unknownKey}, 2, `unknown key "wayz"`},
		{"per-layer without csv", demo("-per-layer"), 2, "-per-layer needs -csv FILE"},
		{"csv to a missing dir", demo("-csv", noDir), 1, "no such file or directory"},
		{"missing trace", demo("-trace", missing), 1, missing},
		{"malformed trace", demo("-trace", badTrace), 1, "bad.txt: line 2"},
		{"trace of a batch", demo("-trace", goodTrace, "-batch", "2"), 2, "run: a trace replays one request's log: batch must be 1, got 2"},
		{"batch too large", demo("-batch", "257"), 2, "config: batch must be 1..256, got 257"},
		{"unknown time model", demo("-timeModel", "cycles"), 2, `config: timeModel must be one of mlp, paper, got "cycles"`},
		{"replay without trace", []string{"replay"}, 2, "replay: -trace FILE is required"},
		{"replay missing din", []string{"replay", "-trace", missing}, 1, "no such file or directory"},
		{"replay din with garbage", []string{"replay", "-trace", garbageDin}, 1, "din: " + garbageDin + ":3: label must be"},
		{"replay bad line size", []string{"replay", "-trace", goodDin, "-line", "100"}, 2, "config: line must be"},
		{"replay bad capacity", []string{"replay", "-trace", goodDin, "-capacity", "lots"}, 2, "config: capacity must be"},
		{"replay config key it lacks", []string{"replay", "-trace", goodDin, "-topk", "8"}, 2, "flag provided but not defined: -topk"},
		{"export without din", []string{"export", "-preset", "small-demo"}, 2, "export: -din FILE is required"},
		{"export to a missing dir", []string{"export", "-preset", "small-demo", "-din", noDir}, 1, "no such file or directory"},
		{"export bad config", []string{"export", "-din", noDir, "-topk", "0"}, 2, "config: topk must be"},
		{"sweep unknown key", []string{"sweep", "-param", "size", "-values", "1,2"}, 2, `sweep: -param must be a config key`},
		{"sweep no values", []string{"sweep", "-param", "ways"}, 2, "-values must be a comma-separated list"},
		{"sweep empty value", []string{"sweep", "-param", "ways", "-values", "4,,8"}, 2, "-values must be a comma-separated list"},
		{"sweep bad value", []string{"sweep", "-preset", "small-demo", "-param", "ways", "-values", "8,0"}, 2, "with ways 0: config: ways must be 1..64, got 0"},
		{"sweep unparsable value", []string{"sweep", "-param", "capacity", "-values", "1MiB,big"}, 2, "config: capacity must be"},
		{"sweep param also a flag", []string{"sweep", "-param", "ways", "-values", "4", "-ways", "8"}, 2, "-ways is swept"},
		{"trace without file", []string{"trace"}, 2, "trace: give one index log FILE"},
		{"trace two files", []string{"trace", "a", "b"}, 2, "trace: give one index log FILE"},
		{"trace missing file", []string{"trace", missing}, 1, missing},
		{"trace malformed", []string{"trace", badTrace}, 1, "bad.txt: line 2"},
		{"trace of a din file", []string{"trace", garbageDin}, 1, "garbage.din"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := dsasim(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("dsasim %q = exit %d, stderr:\n%s\nwant exit %d and stderr containing %q", tt.args, code, stderr, tt.code, tt.want)
			}
			for _, bad := range []string{"panic", "goroutine", "internal error"} {
				if strings.Contains(stderr, bad) {
					t.Errorf("dsasim %q: stderr mentions %q:\n%s", tt.args, bad, stderr)
				}
			}
		})
	}
}

// TestRecover checks the belt-and-braces recover: a panic (here, help
// writing to a nil stdout) becomes a message and exit status 1.
func TestRecover(t *testing.T) {
	var stderr bytes.Buffer
	code := runEnv(&env{stdout: nil, stderr: &stderr}, []string{"help"})
	if code != exitFailure || !strings.HasPrefix(stderr.String(), "dsasim: internal error") {
		t.Errorf("a panicking command = exit %d, stderr %q; want 1 and an internal error message", code, stderr.String())
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := dsasim(t, "help")
	if code != 0 || !strings.Contains(stdout, "dsasim run [-preset NAME]") || !strings.Contains(stdout, "small-demo") {
		t.Errorf("dsasim help = exit %d, stdout:\n%s", code, stdout)
	}
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}} {
			code, stdout, stderr := dsasim(t, args...)
			if code != 0 || !strings.HasPrefix(stdout, "Usage: dsasim") || stderr != "" {
				t.Errorf("dsasim %q = exit %d, stdout %q, stderr %q; want 0 and the usage on stdout", args, code, stdout, stderr)
			}
		}
	}
	_, stdout, _ = dsasim(t, "run", "-h")
	for _, want := range []string{"-json", "-per-layer", "Config keys", "-capacity bytes", "-stepOverlap probability"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dsasim run -h does not mention %q:\n%s", want, stdout)
		}
	}
}
