package ui

import (
	img "image"
	"image/color"
	"strconv"
	"strings"
	"time"

	"github.com/ebitenui/ebitenui/widget"

	"dsaviz/sim/config"
)

// labels names each config key in the panel; the key itself, as the URL
// and the command line spell it, is in the field's tooltip.
var labels = map[string]string{
	"capacity": "Capacity", "line": "Line (bytes)", "ways": "Ways",
	"policy": "Policy", "hash": "Set index", "bypass": "Bypass streams",
	"reserve": "Reserve", "mode": "Mode", "pageTokens": "Page tokens",
	"layers": "Layers", "topk": "Top-k", "kvBytes": "KV bytes",
	"indexerBytes": "Indexer bytes", "weightBytes": "Weight bytes",
	"prompt": "Prompt tokens", "steps": "Steps", "seed": "Seed",
	"stepOverlap": "Step overlap", "layerOverlap": "Layer overlap",
	"returnRate": "Return rate", "returnDistance": "Return distance", "sinks": "Sinks",
	"window": "Window", "reach": "Reach (x k)", "layout": "KV layout",
	"bandwidth": "Bandwidth GB/s", "missLatency": "Miss latency ns",
	"hitLatency": "Hit latency ns", "mlp": "MLP",
	"batch": "Batch (requests)", "timeModel": "Time model",
	"tokenScope": "Token scope", "horizon": "MIN horizon (steps)",
}

// choices lists the values of the keys that take one of a few names; they
// get a list button.
var choices = map[string][]string{
	"policy":     {config.PolicyLRU, config.PolicyFIFO, config.PolicyRandom, config.PolicySRRIP},
	"hash":       {config.HashMod, config.HashXOR},
	"mode":       {config.ModeNone, config.ModeWays, config.ModePrevK, config.ModePages, config.ModeTokens},
	"layout":     {config.LayoutRounded, config.LayoutPacked, config.LayoutPaged},
	"timeModel":  {config.TimeMLP, config.TimePaper},
	"tokenScope": {config.ScopeGlobal, config.ScopeLayer},
}

// toggles are the boolean keys: they get a checkbox.
var toggles = map[string]bool{"bypass": true}

// field is the input of one config key: exactly one of text, list or check.
type field struct {
	key   string
	text  *textField
	list  *widget.ListComboButton
	check *widget.Checkbox
}

// newField builds the input of key, showing its value in p's config.
// Every change goes to p.apply; the returned widget is the input alone.
func (p *Panel) newField(key string) (*field, widget.PreferredSizeLocateableWidget) {
	th := p.v.th
	f := &field{key: key}
	p.v.fields[key] = f
	value, _ := p.cfg.Get(key) // key is a config key: no error
	switch {
	case choices[key] != nil:
		entries := make([]any, len(choices[key]))
		for i, c := range choices[key] {
			entries[i] = c
		}
		f.list = newList(th, th.list-th.label, entries, value, entryLabel, func(e any) {
			s, _ := e.(string)
			p.apply(key, s)
		})
		return f, withArrow(th, f.list)
	case toggles[key]:
		state := widget.WidgetUnchecked
		if value == "true" {
			state = widget.WidgetChecked
		}
		box := th.checkSize
		f.check = widget.NewCheckbox(
			widget.CheckboxOpts.InitialState(state),
			widget.CheckboxOpts.DisableDefaultKeys(),
			widget.CheckboxOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.GridLayoutData{
				MaxWidth: box, MaxHeight: box, VerticalPosition: widget.GridLayoutPositionCenter,
			})),
			widget.CheckboxOpts.StateChangedHandler(func(a *widget.CheckboxChangedEventArgs) {
				p.apply(key, strconv.FormatBool(a.State == widget.WidgetChecked))
			}),
		)
		return f, f.check
	default:
		f.text = newTextField(p.v, value, func(s string) { p.apply(key, s) })
		p.v.texts = append(p.v.texts, f.text)
		return f, f.text
	}
}

// newList returns a list button of width w choosing among entries,
// calling chosen with the entry picked.
func newList(th *theme, w int, entries []any, initial any, label func(any) string, chosen func(any)) *widget.ListComboButton {
	return widget.NewListComboButton(
		widget.ListComboButtonOpts.Entries(entries),
		widget.ListComboButtonOpts.InitialEntry(initial),
		widget.ListComboButtonOpts.EntryLabelFunc(label, label),
		widget.ListComboButtonOpts.ListParams(&widget.ListParams{MinSize: &img.Point{X: w}}),
		widget.ListComboButtonOpts.DisableDefaultKeys(true),
		widget.ListComboButtonOpts.EntrySelectedHandler(func(a *widget.ListComboButtonEntrySelectedEventArgs) {
			chosen(a.Entry)
		}),
	)
}

// withArrow lays a down arrow over the right end of a list button, so
// that it reads as a choice. The arrow takes no input: clicks reach the
// button under it.
func withArrow(th *theme, list *widget.ListComboButton) *widget.Container {
	c := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewAnchorLayout()))
	list.GetWidget().LayoutData = widget.AnchorLayoutData{StretchHorizontal: true, StretchVertical: true}
	c.AddChild(list, widget.NewGraphic(
		widget.GraphicOpts.Image(th.arrow),
		widget.GraphicOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.AnchorLayoutData{
			HorizontalPosition: widget.AnchorLayoutPositionEnd,
			VerticalPosition:   widget.AnchorLayoutPositionCenter,
			Padding:            &widget.Insets{Right: th.px(10)},
		})),
	))
	return c
}

// entryLabel is the text of a list entry: the value itself.
func entryLabel(e any) string {
	s, _ := e.(string)
	return s
}

// show makes the input read key's value in cfg.
func (f *field) show(cfg config.Config) {
	value, err := cfg.Get(f.key)
	if err != nil {
		return
	}
	switch {
	case f.list != nil:
		f.list.SetSelectedEntry(value)
	case f.check != nil:
		state := widget.WidgetUnchecked
		if value == "true" {
			state = widget.WidgetChecked
		}
		f.check.SetState(state)
	default:
		f.text.show(value)
	}
}

// row lays out a label and an input side by side, the label in the
// column every row shares, with tip as the tooltip of the whole row.
func row(th *theme, label string, tip *widget.ToolTip, input widget.PreferredSizeLocateableWidget) *widget.Container {
	c := widget.NewContainer(
		widget.ContainerOpts.Layout(widget.NewGridLayout(
			widget.GridLayoutOpts.Columns(2),
			widget.GridLayoutOpts.Stretch([]bool{false, true}, nil),
			widget.GridLayoutOpts.Spacing(th.gap, 0),
		)),
		widget.ContainerOpts.WidgetOpts(
			widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true}),
			widget.WidgetOpts.ToolTip(tip),
		),
	)
	c.AddChild(widget.NewLabel(
		widget.LabelOpts.LabelText(label),
		widget.LabelOpts.TextOpts(
			widget.TextOpts.Position(widget.TextPositionStart, widget.TextPositionCenter),
			widget.TextOpts.WidgetOpts(widget.WidgetOpts.MinSize(th.label-th.gap, th.rowHeight)),
		),
	), input)
	return c
}

// keyHelp is the tooltip of key's row: config.Help without the flag
// package's backquotes, then the key as links and flags spell it.
func keyHelp(key string) string {
	return strings.ReplaceAll(config.Help(key), "`", "") + ".\nKey: " + key
}

// newTooltip returns a tooltip reading tip, shown to the left of the
// widget it is attached to, over the scene rather than over the panel.
func newTooltip(th *theme, tip string) *widget.ToolTip {
	return newTooltipText(th, newMessage(th, tip, th.c.text, th.px(300)))
}

// newTooltipText returns a tooltip showing t, which may change later.
func newTooltipText(th *theme, t *widget.Text) *widget.ToolTip {
	return widget.NewToolTip(
		widget.ToolTipOpts.Content(tooltipBox(th, t)),
		widget.ToolTipOpts.Delay(400*time.Millisecond),
		widget.ToolTipOpts.Position(widget.TOOLTIP_POS_WIDGET),
		widget.ToolTipOpts.AnchorOriginHorizontal(widget.TOOLTIP_ANCHOR_START),
		widget.ToolTipOpts.AnchorOriginVertical(widget.TOOLTIP_ANCHOR_START),
		widget.ToolTipOpts.ContentOriginHorizontal(widget.TOOLTIP_ANCHOR_END),
		widget.ToolTipOpts.ContentOriginVertical(widget.TOOLTIP_ANCHOR_START),
		widget.ToolTipOpts.Offset(img.Point{X: -th.px(14), Y: 0}),
	)
}

// tooltipBox is what a tooltip shows: t on the tooltip background.
func tooltipBox(th *theme, t *widget.Text) *widget.Container {
	c := widget.NewContainer(
		widget.ContainerOpts.BackgroundImage(th.tooltip),
		widget.ContainerOpts.Layout(widget.NewAnchorLayout(widget.AnchorLayoutOpts.Padding(th.insets(8, 5)))),
	)
	c.AddChild(t)
	return c
}

// newMessage returns a text in the small face, wrapped at width.
func newMessage(th *theme, msg string, c color.Color, width int) *widget.Text {
	t := widget.NewText(
		widget.TextOpts.Text(msg, &th.small, c),
		widget.TextOpts.MaxWidth(float64(width)),
		widget.TextOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true})),
	)
	return t
}
