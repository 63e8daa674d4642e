package main

import (
	"fmt"

	"dsaviz/sim/compare"
	"dsaviz/sim/config"
	"dsaviz/ui"
)

// configChange is a config the panel asks for, with the preset it equals
// ("" for custom values).
type configChange struct {
	cfg    config.Config
	preset string
}

// panelConfig is the panel's OnConfig: it runs inside UI().Update, so it
// only queues the change.
func (g *Game) panelConfig(cfg config.Config, preset string) {
	g.input.panelEdit = &configChange{cfg, preset}
}

// panelCommands maps the panel's transport commands to the app's.
var panelCommands = [...]command{
	ui.Play:             cmdPlay,
	ui.Pause:            cmdPause,
	ui.TogglePlay:       cmdTogglePlay,
	ui.StepOnce:         cmdStepOnce,
	ui.LayerOnce:        cmdLayerOnce,
	ui.Reset:            cmdReset,
	ui.ToggleHelp:       cmdToggleHelp,
	ui.ToggleFullscreen: cmdToggleFullscreen,
	ui.StepBack:         cmdStepBack,
	ui.ToggleCompare:    cmdToggleCompare,
	ui.ToggleEditTarget: cmdToggleEditTarget,
	ui.ExportCSV:        cmdExportCSV,
	ui.ExportConfig:     cmdExportConfig,
	ui.ExportPNG:        cmdExportPNG,
	ui.LoadTrace:        cmdLoadTrace,
	ui.PrevRequest:      cmdPrevRequest,
	ui.NextRequest:      cmdNextRequest,
}

// panelCommand is the panel's OnCommand: it queues the command.
func (g *Game) panelCommand(c ui.Command) {
	if c >= 0 && int(c) < len(panelCommands) {
		g.input.panelCmds = append(g.input.panelCmds, panelCommands[c])
	}
}

// panelJump is the panel's OnJump: it queues the jump for Update.
func (g *Game) panelJump(step int) { g.input.panelJump = step }

// setSpeed sets the playback speed (the panel's OnSpeed).
func (g *Game) setSpeed(stepsPerSecond float64) {
	g.run.play.speed = stepsPerSecond
	g.showURL()
}

// applyPanelConfig runs the config the panel asks for, as A's or, while
// the panel edits B, as B's. The panel names a preset only while the
// config equals it; the link keeps naming the preset it started from, so
// that it lists only what differs.
func (g *Game) applyPanelConfig(ch configChange) {
	spec := g.run.spec
	if g.editingB() {
		if diff := compare.TraceDiff(spec.cfg, ch.cfg); diff != "" {
			g.setError(fmt.Sprintf("B runs on A's selection trace: edit A to change its %s. The run is unchanged.", diff))
			g.showPanelConfig()
			return
		}
		spec.b = ch.cfg
	} else {
		base := ch.preset
		if base == "" {
			base = spec.preset
		} else {
			spec.log = nil // a preset chosen: its own synthetic trace
			g.host.setTrace("")
		}
		spec = spec.withA(ch.cfg, base)
	}
	if err := g.start(spec); err != nil {
		g.setError(fmt.Sprintf("The new config cannot run: %v. The run is unchanged.", err))
		return
	}
	g.setError("")
	g.link.keep = false
	g.showURL()
}

// editingB reports whether the panel's fields edit B.
func (g *Game) editingB() bool { return g.screen.editB && g.run.spec.compare }

// toggleEditTarget makes the panel edit B instead of A, or A again.
func (g *Game) toggleEditTarget() {
	if !g.run.spec.compare {
		return
	}
	g.screen.editB = !g.screen.editB
	g.showPanelConfig()
}

// showPanelConfig shows the config the panel edits: A's or B's.
func (g *Game) showPanelConfig() {
	p := g.screen.panel
	if p == nil {
		return
	}
	spec := g.run.spec
	p.SetEditing(g.editingB(), spec.compare)
	if g.editingB() {
		p.SetConfig(spec.b, "")
		return
	}
	p.SetConfig(spec.cfg, shownPreset(spec.cfg, spec.preset))
}

// shownPreset is the preset the panel shows for cfg: preset while cfg
// equals it, "" (custom) once it differs.
func shownPreset(cfg config.Config, preset string) string {
	if preset == "" {
		return ""
	}
	if c, err := config.Preset(preset); err != nil || c != cfg {
		return ""
	}
	return preset
}
