package main

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/render"
	"dsaviz/ui"
)

// runState is what is simulated, and when.
type runState struct {
	*runs
	play   playback
	ticks  tickClock
	budget cpuBudget
	// holdFrames is the number of frames drawn before any layer runs:
	// main shows the run at step 0 first (the first layer also generates
	// the trace's first step, which takes over 100 ms in the browser).
	holdFrames int64
	// broken is set while a layer runs and stays set if it panicked: the
	// engines may be half-way through a layer, so they are not advanced
	// again until new runs start (R or a config change).
	broken bool
	// layerCost is a running mean of the time a layer takes.
	layerCost time.Duration
	// shownFrame is the number of frames drawn when a layer's events were
	// last folded into the scene: playing, a layer is shown only once a
	// frame has drawn the last one (see advanceLayer).
	shownFrame int64
	// curve follows the runs' trace with the token reservation's curve,
	// while the charts are shown; minGap is the MIN the charts measured
	// themselves, for the runs minOf.
	curve  curveFollower
	minGap *render.MINGap
	minOf  *runs
}

// screenState is what is drawn: the scene, the panel and their sizes.
type screenState struct {
	scene    *render.Scene // the pictures; reads the runs in Draw
	panel    *ui.Panel
	panelPic panelCache // the panel's picture while nobody touches it
	panelW   int        // device pixels the panel takes on the right
	cssW     int        // the window in CSS pixels, from Layout
	cssH     int
	scale    float64 // device pixels per CSS pixel, from Layout

	editB            bool // the panel edits B (while comparing)
	frames           int64
	fps, tps         float64
	updateMs, drawMs windowMean       // CPU time per Update and Draw
	panicDraw        bool             // test hook armed by cmdPanicInDraw
	exportPNG        bool             // the next Draw saves the screen as a PNG
	measured         *render.Measured // the trace's statistics and MIN, measured when the help opens
	measuredOf       *runs            // the runs measured was measured on
	curve            *render.Curve    // the charts' reservation curve (nil: none counted)
	touches          []ebiten.TouchID

	// keepScreen is set when Ebiten does not clear the screen between
	// frames (main): a frame then draws only what changed. lastDraw is
	// what the last frame left on the screen.
	keepScreen bool
	lastDraw   drawnScreen
}

// linkState is what the page's address shares.
type linkState struct {
	// launched holds the page parameters the link started with that the
	// shared link keeps (play=0, lecture=1); its speed follows the slider.
	launched page
	shown    string // the query the page's address shows
	// keep leaves a link with mistakes in the address, as written, until
	// the first change, so that its author can see and fix it.
	keep bool
	// moment is the at= the address shows (-1 while playing, where a link
	// has none), so that Update rewrites the address only when it changes.
	moment int
	// tour is the guided tour's scene on screen (1-based, 0: none), while
	// the runs are tourSpec, the ones it set.
	tour     int
	tourSpec runSpec
	// tourHelp is the step at which the scene on screen pauses (and may
	// open the help; 0: none; see Game.tourHelp).
	tourHelp int
}

// inputQueue holds what Update gathers before it acts: the page's and the
// panel's requests and the keys, in buffers reused from tick to tick.
type inputQueue struct {
	cmds      []command
	changes   []string
	chars     []rune
	panelEdit *configChange // the panel's last change, applied by Update
	panelCmds []command     // the panel's commands, applied by Update
	panelJump int           // the step the panel's step field asks for, -1: none
}
