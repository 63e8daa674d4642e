package trace_test

import (
	"fmt"

	"dsaviz/sim/trace"
)

func Example() {
	p := trace.DefaultParams()
	p.Layers, p.Steps = 8, 40 // a smaller trace than the default 61 x 64
	g, err := trace.NewGenerator(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	sel := g.Selection(10, 3)
	fmt.Println("tokens selected by layer 3 at step 10:", len(sel))
	fmt.Println("first sink and newest token:", sel[0], sel[len(sel)-1])

	st := trace.Measure(g)
	fmt.Printf("new fraction %.2f, persistence %.1f steps, lookback %.1f steps, overlap %.2f\n",
		st.NewFraction, st.Persistence, st.Lookback, st.InterLayerOverlap)
	// Output:
	// tokens selected by layer 3 at step 10: 2048
	// first sink and newest token: 0 32777
	// new fraction 0.54, persistence 1.8 steps, lookback 3.2 steps, overlap 0.36
}
