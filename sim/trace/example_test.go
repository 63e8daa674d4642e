package trace_test

import (
	"fmt"

	"dsaviz/sim/trace"
)

func Example() {
	p := trace.DefaultParams()
	// One of the paper's sequences: k = 64, a 1000-token prompt, 200 steps.
	p.Layers, p.TopK, p.Prompt, p.Steps = 16, 64, 1000, 200
	g, err := trace.NewGenerator(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	sel := g.Selection(10, 3)
	fmt.Println("tokens selected by layer 3 at step 10:", len(sel))

	st := trace.Measure(g)
	for _, row := range trace.Table3Rows() {
		s := row.Of(st)
		fmt.Printf("%s: mean %.2f, P95 %.2f (%s)\n", row.Name, s.Mean, s.P95, row.Unit)
	}
	// Output:
	// tokens selected by layer 3 at step 10: 64
	// working set: mean 5.60, P95 6.33 (x k)
	// persistence: mean 1.78, P95 5.00 (steps)
	// lookback: mean 3.49, P95 7.69 (x k)
	// new lookups: mean 0.56, P95 0.95 (fraction)
	// inter-layer overlap: mean 0.34, P95 0.59 (fraction)
}
