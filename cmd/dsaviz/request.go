package main

// The request of a batch the app shows (issue 10, section 3): req=K in
// the link, the "," and "." keys, and the panel's request row choose it;
// the scene's token strip, HUD and tooltips show it, for A and B alike
// (they share the batch). It is page state (page.request), not config: it
// changes nothing that is simulated.

// stepRequest shows the request d places after the one shown, wrapping
// around the batch; with a batch of one it does nothing.
func (g *Game) stepRequest(d int) {
	n := g.run.spec.cfg.Batch
	if n <= 1 {
		return
	}
	g.link.launched.request = ((g.link.launched.request+d)%n + n) % n
	g.syncRequest()
	g.showURL()
}

// syncRequest keeps the request shown within the batch (a new config may
// have fewer requests: the last one is shown, and the link follows) and
// tells the scene and the panel. It runs every Update; it costs nothing
// when nothing changed.
func (g *Game) syncRequest() {
	n := max(g.run.spec.cfg.Batch, 1)
	if r := &g.link.launched.request; *r >= n || *r < 0 {
		*r = min(max(*r, 0), n-1)
		g.showURL()
	}
	r := g.link.launched.request
	g.screen.scene.SetRequest(r)
	g.screen.panel.SetRequest(r, n)
}
