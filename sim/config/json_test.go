package config_test

import (
	"errors"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want func(*config.Config)
	}{
		{"empty object keeps base", `{}`, func(*config.Config) {}},
		{"size as string", `{"capacity": "32MiB"}`, func(c *config.Config) { c.Capacity = 32 << 20 }},
		{"size as number", `{"capacity": 33554432}`, func(c *config.Config) { c.Capacity = 32 << 20 }},
		{"size as decimal string", `{"reserve": "1.5 MB"}`, func(c *config.Config) { c.Reserve = 1500000 }},
		{"null keeps base", `{"ways": null, "capacity": null}`, func(*config.Config) {}},
		{"int", `{"ways": 8}`, func(c *config.Config) { c.Ways = 8 }},
		{"seed above int64", `{"seed": 18446744073709551615}`, func(c *config.Config) { c.Seed = 1<<64 - 1 }},
		{"float", `{"stepOverlap": 0.3, "bandwidth": 1e3}`, func(c *config.Config) { c.StepOverlap = 0.3; c.Bandwidth = 1000 }},
		{"bool", `{"bypass": true}`, func(c *config.Config) { c.Bypass = true }},
		{"names are lowered like Set", `{"policy": "SRRIP"}`, func(c *config.Config) { c.Policy = config.PolicySRRIP }},
		{"whitespace around", " \n{\"ways\":4}\n\t ", func(c *config.Config) { c.Ways = 4 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := config.DefaultConfig()
			got, err := config.ParseJSON([]byte(tt.in), base)
			want := config.DefaultConfig()
			tt.want(&want)
			if err != nil || got != want {
				t.Errorf("ParseJSON(%s) = %v, %v, want %v, nil", tt.in, got.Query(base), err, want.Query(base))
			}
		})
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // parts of the message
	}{
		{"empty", ``, []string{"JSON syntax error after 0 bytes", "unexpected end"}},
		{"not an object", `[1, 2]`, []string{"must be an object"}},
		{"null document", `null`, []string{"must be an object"}},
		{"syntax error", `{"ways": 8,}`, []string{"JSON syntax error after 12 bytes"}},
		{"unterminated", `{"ways": 8`, []string{"after 10 bytes: unexpected end"}},
		{"trailing garbage", `{"ways": 8} x`, []string{"after 13 bytes", "after top-level value"}},
		{"second object", `{"ways": 8} {}`, []string{"after 13 bytes", "after top-level value"}},
		{"unknown key", `{"wayz": 8}`, []string{`unknown key "wayz"`, "capacity line ways"}},
		{"key with other case", `{"topK": 8}`, []string{`unknown key "topK"`}},
		{"repeated key", `{"ways": 8, "ways": 4}`, []string{`"ways" appears twice`}},
		{"int as string", `{"ways": "8"}`, []string{"ways must be a JSON number", `"8"`}},
		{"int with fraction", `{"ways": 8.5}`, []string{"ways must be a whole number", "8.5"}},
		{"bool as string", `{"bypass": "true"}`, []string{"bypass must be JSON true or false"}},
		{"name as number", `{"policy": 3}`, []string{"policy must be a JSON string"}},
		{"size as bool", `{"capacity": true}`, []string{"capacity must be a JSON number of bytes or a string"}},
		{"size as object", `{"capacity": {"MiB": 50}}`, []string{"capacity must be a JSON number of bytes"}},
		{"bad size", `{"capacity": "lots"}`, []string{"capacity must be a number of bytes", `"lots"`}},
		{"negative size", `{"reserve": -1}`, []string{"reserve must be a size from 0 to 1PiB"}},
		{"float overflow", `{"reach": 1e999}`, []string{"reach must be a finite number"}},
		{"earlier name twice", `{"lookback": 3, "returnDistance": 4}`, []string{`"returnDistance" appears twice (or under its earlier name)`}},
		{"removed key", `{"skew": 1}`, []string{`unknown key "skew": it was removed`}},
		{"every problem is reported", `{"ways": "x", "nope": 1, "capacity": "lots"}`,
			[]string{"ways must be", `unknown key "nope"`, "capacity must be"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := config.DefaultConfig()
			got, err := config.ParseJSON([]byte(tt.in), base)
			if err == nil {
				t.Fatalf("ParseJSON(%s) = %v, nil, want an error", tt.in, got.Query(base))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseJSON(%s) error = %q, want it to contain %q", tt.in, err, w)
				}
			}
			if got != base {
				t.Errorf("ParseJSON(%s) failed but returned %v, want base", tt.in, got.Query(base))
			}
		})
	}
}

func TestParseJSONErrorKinds(t *testing.T) {
	_, err := config.ParseJSON([]byte(`{"nope": 1, "ways": "x"}`), config.DefaultConfig())
	if !errors.Is(err, config.ErrUnknownKey) {
		t.Errorf("ParseJSON error %v does not wrap ErrUnknownKey", err)
	}
	var fe *config.FieldError
	if !errors.As(err, &fe) || fe.Key != "ways" {
		t.Errorf("ParseJSON error %v holds no *FieldError for ways", err)
	}
}
