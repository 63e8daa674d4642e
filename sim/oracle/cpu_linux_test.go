//go:build linux

package oracle

import (
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time the process has used, user and system: on a
// machine shared with other work it measures a benchmark better than the
// wall clock (run with -cpu 1, so that it is the benchmark's own).
func processCPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU runs f b.N times and reports its CPU time per operation.
func reportCPU(b *testing.B, f func()) {
	start := processCPU()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64((processCPU()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}
