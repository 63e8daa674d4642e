//go:build !linux

package oracle

import "testing"

// reportCPU runs f b.N times (CPU time is measured on Linux only).
func reportCPU(b *testing.B, f func()) {
	for b.Loop() {
		f()
	}
}
