package ui

import (
	"fmt"
	"math"

	"github.com/ebitenui/ebitenui"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/internal/fontface"
	"dsaviz/sim/config"
)

// Option configures a Panel (New).
type Option func(*options)

type options struct {
	onConfig  func(cfg config.Config, preset string)
	onCommand func(Command)
	onSpeed   func(stepsPerSecond float64)
	onJump    func(step int)
	lecture   bool
	speed     float64
	font      *fontface.Font
}

// OnConfig sets the function called when the user changes a value and the
// whole config validates, with the new config and the preset it equals
// ("" once it differs from the preset it started from). It runs inside
// UI().Update. An invalid value is refused instead: the panel shows the
// reason, puts the previous value back and keeps the previous config.
func OnConfig(f func(cfg config.Config, preset string)) Option {
	return func(o *options) { o.onConfig = f }
}

// OnJump sets the function called with the decode step typed in the step
// field (0..steps), after Enter or when the field loses focus.
func OnJump(f func(step int)) Option { return func(o *options) { o.onJump = f } }

// OnCommand sets the function called when a transport button is pressed.
func OnCommand(f func(Command)) Option { return func(o *options) { o.onCommand = f } }

// OnSpeed sets the function called when the speed slider moves, with the
// decode steps per second asked for.
func OnSpeed(f func(stepsPerSecond float64)) Option { return func(o *options) { o.onSpeed = f } }

// Lecture selects the lecture theme, for projectors in lecture halls:
// light, high-contrast colours and everything lectureScale larger (see
// Panel.SetLecture to switch it later).
func Lecture(on bool) Option { return func(o *options) { o.lecture = on } }

// Font sets the font the panel writes in, already parsed (the app parses
// Go Regular once for the scene and the panel); by default the panel
// parses Go Regular itself.
func Font(f *fontface.Font) Option { return func(o *options) { o.font = f } }

// InitialSpeed sets the speed the slider starts at, in decode steps per
// second; it snaps to the nearest stop of the slider (default
// DefaultSpeed).
func InitialSpeed(stepsPerSecond float64) Option {
	return func(o *options) { o.speed = stepsPerSecond }
}

// Panel is the control column on the right of the screen: the transport
// (play, step, speed, seed, preset) above every config key in collapsible
// groups. It owns an ebitenui.UI whose root lays the column over the whole
// screen; the scene draws in what Width leaves. Everything it reports goes
// through the callbacks given to New; nothing it is told (SetConfig,
// SetPlaying, SetError) calls them back.
type Panel struct {
	opts        options
	font        *fontface.Font
	presetNames []string
	presets     map[string]config.PresetInfo

	cfg     config.Config
	preset  string // "" when cfg is custom
	base    string // the preset cfg started from: a change back to it names it again
	playing bool
	// comparing and editB: whether B runs, and whether the fields edit it.
	comparing, editB bool
	step             int // the decode step the run stands at (SetStep)
	// request and requests: the request of the batch shown (0-based) and
	// the batch's size (SetRequest).
	request, requests int
	speed             int // index into speeds
	errMsg            string
	errs              [numSections]string // refusals shown under each section
	open              [len(groups)]bool
	unit              float64 // device pixels per design pixel the widgets are built for
	top               float64 // scroll position of the groups, kept across rebuilds

	ui *ebitenui.UI
	v  *view
}

// New returns a panel showing cfg and preset ("" for custom values). It
// fails only if the font or a shipped preset cannot be read.
func New(cfg config.Config, preset string, opts ...Option) (*Panel, error) {
	p := &Panel{cfg: cfg, preset: preset, base: preset, unit: 1}
	p.opts.speed = DefaultSpeed
	for _, o := range opts {
		o(&p.opts)
	}
	p.speed = speedIndex(p.opts.speed)
	if p.opts.lecture {
		p.unit = lectureScale
	}
	p.font = p.opts.font
	if p.font == nil {
		f, err := fontface.GoRegular()
		if err != nil {
			return nil, fmt.Errorf("ui: %w", err)
		}
		p.font = f
	}
	p.presetNames = config.PresetNames()
	p.presets = make(map[string]config.PresetInfo, len(p.presetNames))
	for _, name := range p.presetNames {
		info, err := config.LoadPreset(name)
		if err != nil {
			return nil, fmt.Errorf("ui: %w", err)
		}
		p.presets[name] = info
	}
	for i, g := range groups {
		p.open[i] = g.open
	}
	p.ui = &ebitenui.UI{DisableDefaultFocus: true}
	p.ui.PreRenderHook = p.capture
	p.build()
	return p, nil
}

// UI returns the ebitenui UI: call its Update in the game's Update and its
// Draw, after the scene, in the game's Draw.
func (p *Panel) UI() *ebitenui.UI { return p.ui }

// Config returns the config the panel shows.
func (p *Panel) Config() config.Config { return p.cfg }

// SetConfig shows cfg and preset ("" for custom values) after a change
// made elsewhere (the URL, a reset). It calls no callback, and clears the
// refusals shown.
func (p *Panel) SetConfig(cfg config.Config, preset string) {
	if cfg == p.cfg && preset == p.preset {
		return
	}
	p.cfg, p.preset = cfg, preset
	if preset != "" {
		p.base = preset
	}
	p.clearRefusals()
	p.show()
}

// SetPlaying makes the play button read Pause while playing, Play if not.
func (p *Panel) SetPlaying(playing bool) {
	if playing == p.playing {
		return
	}
	p.playing = playing
	p.v.play.SetText(playLabel(playing))
}

// SetError shows msg, an error from outside the panel, under the
// transport ("" clears it).
func (p *Panel) SetError(msg string) {
	if msg == p.errMsg {
		return
	}
	p.errMsg = msg
	p.v.setMessage(p.v.errLine, msg)
}

// Speed returns the decode steps per second the speed slider asks for.
func (p *Panel) Speed() float64 { return speeds[p.speed] }

// TypingFocused reports whether a text field has focus: the game must then
// leave keys to it rather than treat them as shortcuts.
func (p *Panel) TypingFocused() bool {
	for _, f := range p.v.texts {
		if f.Focused() {
			return true
		}
	}
	return false
}

// SetLecture switches the panel to the lecture theme (on) or back to the
// dark one. The widgets are built again, keeping their state, on the next
// Width.
func (p *Panel) SetLecture(on bool) {
	if on == p.opts.lecture {
		return
	}
	p.opts.lecture = on
	p.unit = -1 // no unit Width computes: it builds again
}

// Lecture reports whether the panel shows the lecture theme.
func (p *Panel) Lecture() bool { return p.opts.lecture }

// Width returns the device pixels the panel takes on the right of the
// screen at device scale scale (device pixels per CSS pixel) and window
// zoom zoom (render.UIZoom). It also sizes the panel: call it whenever
// either changes (every frame is fine), before UI().Update. A new size
// rebuilds the widgets, keeping their state; the same size costs nothing.
func (p *Panel) Width(scale, zoom float64) int {
	u := scale * zoom
	if math.IsNaN(u) || u <= 0 {
		u = 1
	}
	u = max(0.25, min(8, u))
	if p.opts.lecture {
		u *= lectureScale
	}
	if u != p.unit {
		p.unit = u
		p.build()
	}
	return p.v.th.width
}

// view is one build of the widgets: the ones the panel updates after it
// was built. Panel.build makes a new one when the unit changes.
type view struct {
	th        *theme
	play      *widget.Button
	buttons   map[Command]*widget.Button // the other transport buttons
	speed     *widget.Slider
	speedText *widget.Label
	seed      *textField
	step      *textField
	reqRow    *widget.Container // the request row: shown for a batch of several requests
	reqText   *widget.Text
	reqStep   [2]*widget.Button // previous, next
	reqTip    *widget.ToolTip
	preset    *widget.ListComboButton
	presetTip *widget.Text
	errLine   *widget.Text // SetError's message
	fields    map[string]*field
	texts     []*textField // every text field, for TypingFocused
	headers   [len(groups)]*widget.Button
	bodies    [len(groups)]*widget.Container
	tips      [len(groups)][]rowTip
	refusals  [numSections]*widget.Text
	scroll    *scrollView
	scrollBar *widget.Slider
	content   *widget.Container // what scrolls
	root      *widget.Container
	screen    *ebiten.Image // the screen of the frame being drawn
}

// setMessage shows msg in t, hiding t when msg is empty, and lays the
// column out again if that changed anything.
func (v *view) setMessage(t *widget.Text, msg string) {
	if t.Label == msg {
		return
	}
	t.Label = msg
	if msg == "" {
		t.GetWidget().SetVisibility(widget.Visibility_Hide)
	} else {
		t.GetWidget().SetVisibility(widget.Visibility_Show)
	}
	v.root.RequestRelayout()
}

// capture keeps the screen being drawn, for the field being edited: it
// draws there rather than into the scrolling list's clip (see textField).
func (p *Panel) capture(screen *ebiten.Image) { p.v.screen = screen }

// build makes the widget tree for the current unit and state, replacing
// the previous one (ending any edit in progress).
func (p *Panel) build() {
	if p.v != nil {
		p.top = p.v.scroll.Top
		p.ui.ClearFocus()
	}
	th := newTheme(p.font, p.unit, coloursFor(p.opts.lecture))
	p.v = &view{th: th, fields: make(map[string]*field, len(config.Keys()))}
	root := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewAnchorLayout()))
	p.v.root = root
	column := widget.NewContainer(
		widget.ContainerOpts.BackgroundImage(th.panel),
		widget.ContainerOpts.WidgetOpts(
			widget.WidgetOpts.LayoutData(widget.AnchorLayoutData{
				HorizontalPosition: widget.AnchorLayoutPositionEnd,
				StretchVertical:    true,
			}),
			widget.WidgetOpts.MinSize(th.width, 0),
		),
		widget.ContainerOpts.Layout(widget.NewGridLayout(
			widget.GridLayoutOpts.Columns(1),
			widget.GridLayoutOpts.Stretch([]bool{true}, []bool{false, true}),
			widget.GridLayoutOpts.Spacing(0, th.section),
			widget.GridLayoutOpts.Padding(&widget.Insets{Left: th.padX, Right: th.padX, Top: th.padY, Bottom: th.padY}),
		)),
	)
	column.AddChild(p.buildTransport(), p.buildGroups())
	root.AddChild(column)
	p.ui.Container = root
	p.ui.PrimaryTheme = th.base // UI's next Update or Draw applies it and validates the tree
}
