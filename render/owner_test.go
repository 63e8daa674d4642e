package render

import (
	"testing"

	"dsaviz/sim/config"
	"dsaviz/sim/engine"
	"dsaviz/sim/workload"
)

// TestGatherEventsOwnedByTheLayer: ownerOf's shortcut holds: every line
// of a gather's hit or miss (a token's event, not an eviction) is a KV
// line of the layer just run, of the event's request; in every mode and
// layout, with a batch, over whole runs of small-demo.
func TestGatherEventsOwnedByTheLayer(t *testing.T) {
	for _, mode := range []string{config.ModeNone, config.ModeWays, config.ModePrevK, config.ModePages, config.ModeTokens} {
		for _, layout := range []string{config.LayoutRounded, config.LayoutPaged, config.LayoutPacked} {
			c, err := config.Preset("small-demo")
			if err != nil {
				t.Fatal(err)
			}
			c.Mode, c.Layout, c.Batch, c.Steps, c.KVBytes = mode, layout, 2, 6, 200
			switch mode {
			case config.ModeNone:
				c.Reserve = 0
			case config.ModeWays:
				c.Reserve = config.Size(2 * c.WayBytes())
			}
			if mode == config.ModePages && layout == config.LayoutPacked {
				continue // refused: packed pages share boundary lines
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("%s %s: %v", mode, layout, err)
			}
			e, err := engine.New(c, nil)
			if err != nil {
				t.Fatal(err)
			}
			lay := e.Layout()
			buf := make([]engine.Event, 0, e.MaxEventsPerLayer())
			for !e.Done() {
				layer := e.Layer()
				buf = e.AdvanceLayer(buf)
				for _, x := range buf {
					if x.Token < 0 || x.Outcome == engine.Evicted {
						continue
					}
					for j := range x.N {
						cl, l, ok := lay.Owner(x.Line + j)
						if !ok || cl != workload.KV || l != layer || lay.RequestOf(x.Line+j) != int(x.Request) {
							t.Fatalf("%s %s: event %+v of layer %d: line %d owned by class %v layer %d request %d (ok %v)",
								mode, layout, x, layer, x.Line+j, cl, l, lay.RequestOf(x.Line+j), ok)
						}
					}
				}
			}
		}
	}
}
