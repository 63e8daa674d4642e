package config_test

import (
	"flag"
	"io"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

func TestRegisterFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want func(*config.Config)
	}{
		{"no flags", nil, func(*config.Config) {}},
		{"bool alone", []string{"-bypass"}, func(c *config.Config) { c.Bypass = true }},
		{"bool false", []string{"-bypass", "-bypass=false"}, func(c *config.Config) { c.Bypass = false }},
		{"size with unit", []string{"-capacity", "32MiB"}, func(c *config.Config) { c.Capacity = 32 << 20 }},
		{"equals form", []string{"--ways=8", "-policy=SRRIP"}, func(c *config.Config) { c.Ways = 8; c.Policy = config.PolicySRRIP }},
		{"float", []string{"-stepOverlap", "0.25"}, func(c *config.Config) { c.StepOverlap = 0.25 }},
		{"last one wins", []string{"-topk", "8", "-topk", "16"}, func(c *config.Config) { c.TopK = 16 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c.RegisterFlags(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatalf("Parse(%q) = %v", tt.args, err)
			}
			want := config.DefaultConfig()
			tt.want(&want)
			if c != want {
				t.Errorf("Parse(%q) set %v, want %v", tt.args, c.Query(config.DefaultConfig()), want.Query(config.DefaultConfig()))
			}
			if fs.NArg() != 0 {
				t.Errorf("Parse(%q) left arguments %q", tt.args, fs.Args())
			}
		})
	}
}

func TestRegisterFlagsErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad size", []string{"-capacity", "lots"}, "config: capacity must be a number of bytes"},
		{"bad int", []string{"-ways", "eight"}, "config: ways must be a whole number"},
		{"bad bool", []string{"-bypass=maybe"}, "bypass"},
		{"missing value", []string{"-ways"}, "flag needs an argument: -ways"},
		{"unknown flag", []string{"-nope", "1"}, "flag provided but not defined: -nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.DefaultConfig()
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c.RegisterFlags(fs)
			err := fs.Parse(tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

// TestRegisterFlagsUsage checks that -h tells each key's meaning, value
// name and default.
func TestRegisterFlagsUsage(t *testing.T) {
	c := config.DefaultConfig()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	c.RegisterFlags(fs)
	fs.PrintDefaults()
	for _, want := range []string{
		"-capacity bytes\n", "LLC size in bytes", "(default 50MiB)",
		"-bypass\n", "-policy policy\n", "(default lru)", "-stepOverlap probability\n", "(default 0.45)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("PrintDefaults() lacks %q; it printed:\n%s", want, out.String())
		}
	}
	for _, key := range config.Keys() {
		if fs.Lookup(key) == nil {
			t.Errorf("RegisterFlags defined no flag -%s", key)
		}
	}
}
