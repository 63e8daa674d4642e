// Package trace provides the DSA selection S(step, layer): for every decode
// step and layer, the sorted, distinct token indices the layer's top-k
// picked. Everything downstream (the engine, the oracle, the charts) reads
// selections through the Source interface, so a synthetic trace and a real
// index log are interchangeable.
//
// A Generator makes a synthetic, seeded trace in O(k) per (step, layer); its
// Params are calibrated so that the defaults reproduce the statistics the
// paper measured on logged traces. Measure computes those statistics for any
// Source: the new fraction, persistence, lookback and inter-layer overlap,
// as DESIGN.md defines them.
//
//	g, err := trace.NewGenerator(trace.DefaultParams())
//	if err != nil {
//		return err
//	}
//	sel := g.Selection(5, 0) // S(5, 0): sorted token indices, read-only
//	st := trace.Measure(g)   // st.NewFraction is about 0.55
//
// Real logs load with Read (or ReadNPY, ReadText) into a Log, which is a
// Source too:
//
//	f, err := os.Open("indices.npy")
//	...
//	lg, err := trace.Read(f, "indices.npy")
//	...
//	fmt.Println(lg.Steps(), lg.Layers(), lg.MinPrompt(), trace.Measure(lg))
//
// The package uses only the standard library, reads no clock and keeps no
// global state; a seed gives the same trace natively and under
// GOOS=js GOARCH=wasm.
package trace
