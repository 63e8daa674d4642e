package render

import "testing"

func TestFormats(t *testing.T) {
	s := func(b []byte) string { return string(b) }
	tests := []struct{ got, want string }{
		{commas(0), "0"},
		{commas(999), "999"},
		{commas(1000), "1,000"},
		{commas(25600), "25,600"},
		{commas(-1234567), "-1,234,567"},
		{s(appendBytesText(nil, 50<<20)), "50 MiB"},
		{s(appendBytesText(nil, 768)), "768 B"},
		{s(appendBytesText(nil, 20*(1<<20)+1<<19)), "20.5 MiB"},
		{s(appendSeconds(nil, 2.414e-3)), "2.41 ms"},
		{s(appendSeconds(nil, 812e-6)), "812 µs"},
		{s(appendSeconds(nil, 9.996e-3)), "10.0 ms"},
		{s(appendSeconds(nil, 1.2)), "1.20 s"},
		{s(appendSeconds(nil, 0)), "-"},
		{s(appendRate(nil, 415.2)), "415"},
		{s(appendRate(nil, 12345)), "12,300"},
		{s(appendRate(nil, 0.5)), "0.50"},
		{s(appendTenths(nil, 413)), "41.3"},
		{s(appendTenths(nil, 5)), "0.5"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestFormatsDoNotAllocate(t *testing.T) {
	buf := make([]byte, 0, 64)
	n := testing.AllocsPerRun(100, func() {
		b := appendCommas(buf[:0], 1234567)
		b = appendSeconds(b, 2.41e-3)
		b = appendRate(b, 12345)
		b = appendBytesText(b, 50<<20)
		_ = appendTenths(b, 413)
	})
	if n != 0 {
		t.Errorf("formatting allocates %.1f times, want 0", n)
	}
}
