package main

import (
	"fmt"

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
}

// panelCommand is the panel's OnCommand: it queues the command.
func (g *Game) panelCommand(c ui.Command) {
	if c >= 0 && int(c) < len(panelCommands) {
		g.input.panelCmds = append(g.input.panelCmds, panelCommands[c])
	}
}

// setSpeed sets the playback speed (the panel's OnSpeed).
func (g *Game) setSpeed(stepsPerSecond float64) {
	g.run.play.speed = stepsPerSecond
	g.showURL()
}

// applyPanelConfig runs the config the panel asks for. The panel names a
// preset only while the config equals it; the link keeps naming the
// preset it started from, so that it lists only what differs.
func (g *Game) applyPanelConfig(ch configChange) {
	base := ch.preset
	if base == "" {
		base = g.run.spec.preset
	}
	if err := g.start(g.run.spec.withA(ch.cfg, base)); err != nil {
		g.setError(fmt.Sprintf("The new config cannot run: %v. The run is unchanged.", err))
		return
	}
	g.setError("")
	g.link.keep = false
	g.showURL()
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
