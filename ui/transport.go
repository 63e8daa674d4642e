package ui

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/ebitenui/ebitenui/widget"
)

// Command is a transport action the panel asks the game for (OnCommand).
type Command int

// The commands. The panel's buttons send all but TogglePlay, which is for
// the game's own key bindings.
const (
	Play             Command = iota // start playing
	Pause                           // stop after the current layer
	TogglePlay                      // Pause if playing, Play if not
	StepOnce                        // finish the current decode step, then pause
	LayerOnce                       // run one layer, then pause
	Reset                           // restart the run from step 0
	ToggleHelp                      // show or hide the help overlay
	ToggleFullscreen                // enter or leave full screen
	StepBack                        // go back one decode step, paused
	ToggleCompare                   // show B beside A, or A alone
	ToggleEditTarget                // edit B's config in the panel, or A's
	ExportCSV                       // download one row per step of the runs
	ExportConfig                    // download the config (and B's) as JSON
	ExportPNG                       // download the screen as a picture
	LoadTrace                       // replay a real index log (.npy or text)
	PrevRequest                     // show the previous request of the batch
	NextRequest                     // show the next request of the batch
)

var commandNames = [...]string{"Play", "Pause", "TogglePlay", "StepOnce", "LayerOnce", "Reset", "ToggleHelp", "ToggleFullscreen", "StepBack", "ToggleCompare", "ToggleEditTarget", "ExportCSV", "ExportConfig", "ExportPNG", "LoadTrace", "PrevRequest", "NextRequest"}

// String returns the command's Go name.
func (c Command) String() string {
	if c < 0 || int(c) >= len(commandNames) {
		return "Command(" + strconv.Itoa(int(c)) + ")"
	}
	return commandNames[c]
}

// commandButtons are the transport buttons after play, in their order.
var commandButtons = [...]struct {
	c          Command
	label, tip string
}{
	{StepBack, "Back", "Go back one decode step, paused (Left arrow): the numbers are those of a run that never went back."},
	{StepOnce, "Step", "Finish the current decode step, then pause (Right arrow)."},
	{LayerOnce, "Layer", "Run one layer, then pause (Shift+Right arrow)."},
	{Reset, "Reset", "Restart the run from step 0 (R)."},
	{ToggleHelp, "Help", "Keys, colours, and what the picture shows (H or ?)."},
	{ToggleCompare, "Compare", "Show B beside A on the same selection trace, or A alone (C). B starts as A without a reservation."},
	{ToggleEditTarget, "Edit: A", "Which run the fields below edit while comparing: A, or B (B takes A's trace keys)."},
	{ToggleFullscreen, "Full screen", "Enter or leave full screen (F)."},
	{ExportCSV, "CSV", "Download one row per completed step of A (and B): accesses, hits, blocking misses, KV hit rate, estimated time and tokens/s."},
	{ExportConfig, "Config", "Download the config as JSON (B's too when comparing), for dsasim -config FILE."},
	{ExportPNG, "PNG", "Download a picture of the screen."},
	{LoadTrace, "Load trace", "Replay a real index log (.npy of shape [steps, layers, k], or text lines 'step layer i1 i2 ...'); dropping the file on the page does the same. The config follows the log's shape."},
}

// editLabel is the edit-target button's text.
func editLabel(b bool) string {
	if b {
		return "Edit: B"
	}
	return "Edit: A"
}

// SetEditing shows which run the fields edit (b: B) and whether there is a
// B to edit; the game shows the matching config with SetConfig.
func (p *Panel) SetEditing(b, comparing bool) {
	p.editB, p.comparing = b, comparing
	if btn := p.v.buttons[ToggleEditTarget]; btn != nil {
		btn.SetText(editLabel(b))
		btn.GetWidget().Disabled = !comparing
	}
	if btn := p.v.buttons[ToggleCompare]; btn != nil {
		btn.SetText(compareLabel(comparing))
	}
}

// compareLabel is the compare button's text: what pressing it does.
func compareLabel(comparing bool) string {
	if comparing {
		return "A alone"
	}
	return "Compare"
}

// playLabel is the play button's text: what pressing it does.
func playLabel(playing bool) string {
	if playing {
		return "Pause"
	}
	return "Play"
}

// button returns a transport button calling click.
func (p *Panel) button(label, tip string, img *widget.ButtonImage, click func()) *widget.Button {
	textColor := p.v.th.textColor
	if img == p.v.th.accent {
		textColor = p.v.th.accentText
	}
	return widget.NewButton(
		widget.ButtonOpts.Image(img),
		widget.ButtonOpts.TextColor(textColor),
		widget.ButtonOpts.TextLabel(label),
		widget.ButtonOpts.TextPosition(widget.TextPositionCenter, widget.TextPositionCenter),
		widget.ButtonOpts.TextPadding(p.v.th.insets(8, 5)),
		widget.ButtonOpts.DisableDefaultKeys(), // Space and Enter belong to the game
		widget.ButtonOpts.WidgetOpts(widget.WidgetOpts.ToolTip(newTooltip(p.v.th, tip))),
		widget.ButtonOpts.ClickedHandler(func(*widget.ButtonClickedEventArgs) { click() }),
	)
}

// togglePlay asks for Pause while playing and Play otherwise. The button
// reads what it does next at once; SetPlaying confirms or corrects it.
func (p *Panel) togglePlay() {
	c := Play
	if p.playing {
		c = Pause
	}
	p.SetPlaying(c == Play)
	p.command(c)
}

// command reports c to the game.
func (p *Panel) command(c Command) {
	if p.opts.onCommand != nil {
		p.opts.onCommand(c)
	}
}

// buildTransport returns the top of the column: the buttons, the speed,
// the seed and the preset, with the refusal and error lines below them.
func (p *Panel) buildTransport() *widget.Container {
	v, th := p.v, p.v.th
	c := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewRowLayout(
		widget.RowLayoutOpts.Direction(widget.DirectionVertical),
		widget.RowLayoutOpts.Spacing(th.gap),
	)))
	buttons := widget.NewContainer(
		widget.ContainerOpts.Layout(widget.NewGridLayout(
			widget.GridLayoutOpts.Columns(3),
			widget.GridLayoutOpts.DefaultStretch(true, false),
			widget.GridLayoutOpts.Spacing(th.gap, th.gap),
		)),
		widget.ContainerOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true})),
	)
	v.play = p.button(playLabel(p.playing), "Play or pause (Space).", th.accent, p.togglePlay)
	buttons.AddChild(v.play)
	v.buttons = make(map[Command]*widget.Button, len(commandButtons))
	for _, b := range commandButtons {
		v.buttons[b.c] = p.button(b.label, b.tip, th.button, func() { p.command(b.c) })
		buttons.AddChild(v.buttons[b.c])
	}
	v.buttons[ToggleEditTarget].SetText(editLabel(p.editB))
	v.buttons[ToggleEditTarget].GetWidget().Disabled = !p.comparing
	v.buttons[ToggleCompare].SetText(compareLabel(p.comparing))
	c.AddChild(buttons, p.speedRow(),
		newMessage(th, "Decode steps per second. Slow speeds play each step layer by layer.", th.c.muted, th.inner),
		p.stepRow(), p.requestRow(), p.seedRow(), p.presetRow())
	v.refusals[transportSection] = p.newRefusal(transportSection)
	v.errLine = newMessage(th, p.errMsg, th.c.error, th.inner)
	if p.errMsg == "" {
		v.errLine.GetWidget().SetVisibility(widget.Visibility_Hide)
	}
	c.AddChild(v.refusals[transportSection], v.errLine)
	return c
}

// stepRow returns the field that jumps to a decode step: it shows the step
// the run stands at (SetStep), and Enter asks for the step typed.
func (p *Panel) stepRow() *widget.Container {
	th := p.v.th
	p.v.step = newTextField(p.v, stepText(p.step), p.jump,
		widget.WidgetOpts.LayoutData(widget.GridLayoutData{MaxWidth: th.inner - th.label}))
	p.v.texts = append(p.v.texts, p.v.step)
	tip := "Go to the start of a decode step, 0.." + strconv.Itoa(p.cfg.Steps) +
		": the runs are re-simulated from the nearest checkpoint (also at=N in the link; Left steps back one)."
	return row(th, "Go to step", newTooltip(th, tip), p.v.step.in)
}

// jump asks for the decode step typed, or refuses text that is not one.
func (p *Panel) jump(text string) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 0 || n > p.cfg.Steps {
		p.errs[transportSection] = "Refused: go to step must be a decode step 0.." + strconv.Itoa(p.cfg.Steps) + ", got " + strconv.Quote(text)
		p.v.setMessage(p.v.refusals[transportSection], p.errs[transportSection])
		p.v.step.show(stepText(p.step))
		return
	}
	p.errs[transportSection] = ""
	p.v.setMessage(p.v.refusals[transportSection], "")
	if p.opts.onJump != nil && n != p.step {
		p.opts.onJump(n)
	}
}

// SetStep shows the decode step the run stands at in the step field
// (unless it is being edited); a negative step (playing) empties it.
func (p *Panel) SetStep(step int) {
	if step == p.step {
		return
	}
	p.step = step
	if f := p.v.step; f != nil && !f.Focused() {
		f.show(stepText(step))
	}
}

// stepText is what the step field shows for step: nothing for none.
func stepText(step int) string {
	if step < 0 {
		return ""
	}
	return strconv.Itoa(step)
}

// seedRow returns the seed field and its "new seed" button.
func (p *Panel) seedRow() *widget.Container {
	th := p.v.th
	f, input := p.newField("seed")
	p.v.seed = f.text
	inner := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewGridLayout(
		widget.GridLayoutOpts.Columns(2),
		widget.GridLayoutOpts.Stretch([]bool{true, false}, nil),
		widget.GridLayoutOpts.Spacing(th.gap, 0),
	)))
	inner.AddChild(input, p.button("New", "Pick a new random seed.", th.button, p.newSeed))
	return row(th, "Seed", newTooltip(th, keyHelp("seed")), inner)
}

// newSeed applies a random seed other than the current one. Seeds stay
// below a million so that a link reads well.
func (p *Panel) newSeed() {
	s := p.cfg.Seed
	for s == p.cfg.Seed {
		s = rand.Uint64N(1_000_000)
	}
	p.apply("seed", strconv.FormatUint(s, 10))
}

// presetRow returns the preset list, with the current preset's
// description as its tooltip.
func (p *Panel) presetRow() *widget.Container {
	th := p.v.th
	entries := make([]any, 0, len(p.presetNames)+1)
	entries = append(entries, "")
	for _, name := range p.presetNames {
		entries = append(entries, name)
	}
	p.v.preset = newList(th, th.inner-th.label, entries, p.preset, presetLabel, func(e any) {
		name, _ := e.(string)
		p.choosePreset(name)
	})
	p.v.presetTip = newMessage(th, p.presetHelp(), th.c.text, th.px(300))
	return row(th, "Preset", newTooltipText(th, p.v.presetTip), withArrow(th, p.v.preset))
}

// presetLabel names a preset entry; "" stands for values of one's own.
func presetLabel(e any) string {
	if s, _ := e.(string); s != "" {
		return s
	}
	return "custom"
}

// presetHelp describes the preset shown, for the preset row's tooltip.
func (p *Panel) presetHelp() string {
	if info, ok := p.presets[p.preset]; ok {
		return info.Description + "\nKey: preset=" + p.preset
	}
	return "Custom values. Choose a preset to load a shipped scenario.\nKey: preset"
}
