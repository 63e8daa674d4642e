// Package trace provides the DSA selection S(step, layer): for every decode
// step and layer, the sorted, distinct token indices the layer's top-k
// picked. Everything downstream (the engine, the oracle, the charts) reads
// selections through the Source interface, so a synthetic trace and a real
// index log are interchangeable.
//
// A Generator makes a synthetic, seeded trace in O(k) per (step, layer); its
// Params are calibrated so that the defaults reproduce the statistics the
// paper measured on logged traces (its Table 3, PaperStats). Measure
// computes those statistics for any Source, each as mean, P95 and σ:
// working set over 50 steps, persistence, lookback (a position distance in
// units of k), new lookups and inter-layer overlap, plus the step reuse
// distance. MeasureSteps measures a running trace as far as it has gone.
// WriteNPY and WriteText write any Source in the forms Read reads.
//
//	g, err := trace.NewGenerator(trace.DefaultParams())
//	if err != nil {
//		return err
//	}
//	sel := g.Selection(5, 0) // S(5, 0): sorted token indices, read-only
//	st := trace.Measure(g)   // st.NewLookups.Mean is about 0.55
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
