package config_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"dsaviz/sim/config"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want config.Size
	}{
		{"plain bytes", "4096", 4096},
		{"zero", "0", 0},
		{"leading zeros", "007", 7},
		{"spaces around", " 64 ", 64},
		{"bytes unit", "64B", 64},
		{"KiB", "64KiB", 64 << 10},
		{"MiB", "50MiB", 50 << 20},
		{"GiB", "2GiB", 2 << 30},
		{"TiB", "1TiB", 1 << 40},
		{"KB is decimal", "1KB", 1000},
		{"MB is decimal", "50MB", 50e6},
		{"GB is decimal", "2GB", 2e9},
		{"TB is decimal", "1TB", 1e12},
		{"single letter k is binary", "32k", 32 << 10},
		{"single letter M is binary", "3M", 3 << 20},
		{"single letter g is binary", "1g", 1 << 30},
		{"single letter t is binary", "1t", 1 << 40},
		{"case-insensitive", "50mib", 50 << 20},
		{"upper case", "50MIB", 50 << 20},
		{"space before unit", "1.5 KB", 1500},
		{"fraction binary", "1.5KiB", 1536},
		{"fraction exact in decimal", "4.35KB", 4350},
		{"fraction that float64 would round", "1.005KB", 1005},
		{"tiny fraction of a TiB", "0.0000000000009094947017729282379150390625TiB", 1},
		{"trailing fraction zeros", "3.000B", 3},
		{"minus zero", "-0", 0},
		{"largest", "1024TiB", config.MaxSize},
		{"largest in bytes", "1125899906842624", config.MaxSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := config.ParseSize(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseSize(%q) = %d, %v, want %d, nil", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseSizeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // a part of the message
	}{
		{"empty", "", "a number of bytes"},
		{"only spaces", "   ", "a number of bytes"},
		{"only a unit", "KiB", "a number of bytes"},
		{"negative", "-1", "from 0 to 1PiB"},
		{"negative with unit", "-0.5KB", "from 0 to 1PiB"},
		{"exponent", "1e3", "a number of bytes"},
		{"hex", "0x10", "a number of bytes"},
		{"octal prefix", "0o10", "a number of bytes"},
		{"digit separators", "1_000", "a number of bytes"},
		{"plus sign", "+5", "a number of bytes"},
		{"NaN", "NaN", "a number of bytes"},
		{"infinity", "Inf", "a number of bytes"},
		{"point without fraction", "5.", "a number of bytes"},
		{"fraction without digits before", ".5KiB", "a number of bytes"},
		{"two points", "1.2.3", "a number of bytes"},
		{"two units", "1KiBMiB", "a number of bytes"},
		{"unknown unit", "5PiB", "a number of bytes"},
		{"space inside the number", "1 000", "a number of bytes"},
		{"fraction of a byte", "0.5", "a whole number of bytes"},
		{"fraction of a byte in KB", "0.0001KB", "a whole number of bytes"},
		{"above 1PiB", "1125899906842625", "from 0 to 1PiB"},
		{"above 1PiB with unit", "1025TiB", "from 0 to 1PiB"},
		{"above int64", "99999999999999999999999", "from 0 to 1PiB"},
		{"too many digits", strings.Repeat("1", 60), "a number of bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := config.ParseSize(tt.in)
			if err == nil {
				t.Fatalf("ParseSize(%q) = %d, nil, want an error", tt.in, got)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || !strings.Contains(msg, "config: size must be") {
				t.Errorf("ParseSize(%q) error = %q, want it to say %q", tt.in, msg, tt.want)
			}
		})
	}
}

func TestSizeString(t *testing.T) {
	tests := []struct {
		name string
		in   config.Size
		want string
	}{
		{"zero", 0, "0"},
		{"bytes", 656, "656"},
		{"KiB", 1 << 10, "1KiB"},
		{"KiB multiple", 48 << 10, "48KiB"},
		{"MiB", 50 << 20, "50MiB"},
		{"GiB", 3 << 30, "3GiB"},
		{"TiB", 1 << 40, "1TiB"},
		{"MaxSize", config.MaxSize, "1024TiB"},
		{"decimal MB stays bytes", 50e6, "50000000"},
		{"not a whole KiB", 1536 + 1, "1537"},
		{"half a MiB", 512 << 10, "512KiB"},
		{"negative", -1024, "-1024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.String(); got != tt.want {
				t.Errorf("Size(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
			}
		})
	}
}

// TestSizeRoundTrip checks ParseSize(s.String()) == s on the edges of
// every unit and on random sizes.
func TestSizeRoundTrip(t *testing.T) {
	sizes := []config.Size{0, 1, 1023, 1024, 1025, config.MaxSize, config.MaxSize - 1}
	for shift := range 51 {
		sizes = append(sizes, 1<<shift, 1<<shift-1, 1<<shift+1, 3<<shift>>1)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		sizes = append(sizes, config.Size(r.Int64N(int64(config.MaxSize)+1)))
		sizes = append(sizes, config.Size(r.Int64N(1<<20))<<r.IntN(31))
	}
	for _, s := range sizes {
		if s < 0 || s > config.MaxSize {
			continue
		}
		got, err := config.ParseSize(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSize(%q) = %d, %v, want %d, nil", s.String(), got, err, s)
		}
	}
}

func TestSizeJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want config.Size
	}{
		{"number", `4096`, 4096},
		{"string with unit", `"50MiB"`, 50 << 20},
		{"string of digits", `"4096"`, 4096},
		{"string with spaces", `" 1.5 KB "`, 1500},
		{"number with fraction", `4096.0`, 4096},
		{"null keeps the value", `null`, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := config.Size(7)
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil || got != tt.want {
				t.Errorf("json.Unmarshal(%s) = %d, %v, want %d, nil", tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range []string{`-1`, `"lots"`, `1e3`, `true`, `[1]`, `"1.5"`} {
		var s config.Size
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("json.Unmarshal(%s) = %d, nil, want an error", in, s)
		}
	}
	b, err := json.Marshal(config.Size(50 << 20))
	if err != nil || string(b) != "52428800" {
		t.Errorf("json.Marshal(50MiB) = %s, %v, want 52428800, nil", b, err)
	}
}
