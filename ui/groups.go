package ui

import (
	"math"

	"github.com/ebitenui/ebitenui/widget"
)

// group is a collapsible set of config keys.
type group struct {
	name string
	keys []string
	open bool // open when the panel starts
}

// groups lists every config key but seed, which the transport shows next
// to its "new seed" button.
var groups = [...]group{
	{"Cache", []string{"capacity", "line", "ways", "policy", "hash", "bypass"}, true},
	{"Reservation", []string{"mode", "reserve", "tokenScope", "pageTokens", "horizon"}, true},
	{"Model", []string{"layers", "topk", "kvBytes", "indexerBytes", "weightBytes", "prompt", "steps", "batch", "layout"}, false},
	{"Selection", []string{"stepOverlap", "layerOverlap", "returnRate", "returnDistance", "reach", "sinks", "window"}, false},
	{"Timing", []string{"timeModel", "bandwidth", "missLatency", "hitLatency", "mlp"}, false},
}

// Sections are where a refusal is shown: under a group, or under the
// transport for the seed and the preset.
const (
	transportSection = len(groups)
	numSections      = len(groups) + 1
)

// sectionOf returns the section showing key's refusals.
func sectionOf(key string) int {
	for i, g := range groups {
		for _, k := range g.keys {
			if k == key {
				return i
			}
		}
	}
	return transportSection
}

// headerLabel is a group's header: an arrow saying whether it is open.
func headerLabel(g int, open bool) string {
	if open {
		return "\u25bc  " + groups[g].name // ▼
	}
	return "\u25ba  " + groups[g].name // ►
}

// buildGroups returns the scrolling list of groups with its scroll bar.
func (p *Panel) buildGroups() *widget.Container {
	v, th := p.v, p.v.th
	v.content = widget.NewContainer(widget.ContainerOpts.Layout(widget.NewRowLayout(
		widget.RowLayoutOpts.Direction(widget.DirectionVertical),
		widget.RowLayoutOpts.Spacing(th.gap),
	)))
	for g := range groups {
		v.content.AddChild(p.buildGroup(g))
	}
	v.scrollBar = widget.NewSlider(
		widget.SliderOpts.Orientation(widget.DirectionVertical),
		widget.SliderOpts.MinMax(0, 1000),
		widget.SliderOpts.InitialCurrent(int(math.Round(p.top*1000))),
		widget.SliderOpts.FixedHandleSize(0),
		widget.SliderOpts.MinHandleSize(th.bar),
		widget.SliderOpts.PageSizeFunc(func() int { return v.scroll.pageSize() }),
		widget.SliderOpts.DisableDefaultKeys(true),
		widget.SliderOpts.ChangedHandler(func(a *widget.SliderChangedEventArgs) {
			v.scroll.Top = float64(a.Current) / 1000
		}),
	)
	v.scroll = newScrollView(v.content,
		widget.WidgetOpts.ScrolledHandler(func(a *widget.WidgetScrolledEventArgs) {
			v.scrollBar.Current -= int(math.Round(a.Y * float64(max(1, v.scroll.pageSize()/3))))
		}),
		// Keep the list at the top, and the bar out of sight, while it fits.
		widget.WidgetOpts.OnUpdate(func(widget.HasWidget) {
			fits := v.scroll.overflow() == 0
			if fits && v.scroll.Top != 0 {
				v.scroll.Top, v.scrollBar.Current = 0, 0
			}
			want := widget.Visibility_Show
			if fits {
				want = widget.Visibility_Hide_Blocking
			}
			if v.scrollBar.GetWidget().GetVisibility() != want {
				v.scrollBar.GetWidget().SetVisibility(want)
			}
		}),
	)
	v.scroll.Top = p.top
	area := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewGridLayout(
		widget.GridLayoutOpts.Columns(2),
		widget.GridLayoutOpts.Stretch([]bool{true, false}, []bool{true}),
		widget.GridLayoutOpts.Spacing(th.barGap, 0),
	)))
	area.AddChild(v.scroll, v.scrollBar)
	return area
}

// buildGroup returns group g: its header button, its rows (hidden while
// collapsed) and its refusal line (hidden while empty).
func (p *Panel) buildGroup(g int) *widget.Container {
	v, th := p.v, p.v.th
	c := widget.NewContainer(
		widget.ContainerOpts.Layout(widget.NewRowLayout(
			widget.RowLayoutOpts.Direction(widget.DirectionVertical),
			widget.RowLayoutOpts.Spacing(th.gap),
		)),
		widget.ContainerOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true})),
	)
	v.headers[g] = widget.NewButton(
		widget.ButtonOpts.Image(th.header),
		widget.ButtonOpts.TextLabel(headerLabel(g, p.open[g])),
		widget.ButtonOpts.TextPosition(widget.TextPositionStart, widget.TextPositionCenter),
		widget.ButtonOpts.DisableDefaultKeys(),
		widget.ButtonOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true})),
		widget.ButtonOpts.ClickedHandler(func(*widget.ButtonClickedEventArgs) { p.toggleGroup(g) }),
	)
	body := widget.NewContainer(
		widget.ContainerOpts.Layout(widget.NewRowLayout(
			widget.RowLayoutOpts.Direction(widget.DirectionVertical),
			widget.RowLayoutOpts.Spacing(th.gap),
		)),
		widget.ContainerOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.RowLayoutData{Stretch: true})),
	)
	for _, key := range groups[g].keys {
		_, input := p.newField(key)
		tip := newTooltip(th, keyHelp(key))
		r := row(th, labels[key], tip, input)
		v.tips[g] = append(v.tips[g], rowTip{r.GetWidget(), tip})
		body.AddChild(r)
	}
	v.bodies[g] = body
	p.showGroup(g)
	v.refusals[g] = p.newRefusal(g)
	c.AddChild(v.headers[g], body, v.refusals[g])
	return c
}

// newRefusal returns section s's refusal line, hidden while empty.
func (p *Panel) newRefusal(s int) *widget.Text {
	w := p.v.th.list
	if s == transportSection {
		w = p.v.th.inner
	}
	t := newMessage(p.v.th, p.errs[s], p.v.th.c.error, w)
	if p.errs[s] == "" {
		t.GetWidget().SetVisibility(widget.Visibility_Hide)
	}
	return t
}

// rowTip is a field row and its tooltip.
type rowTip struct {
	row *widget.Widget
	tip *widget.ToolTip
}

// toggleGroup opens group g if it is collapsed, and collapses it if open.
func (p *Panel) toggleGroup(g int) {
	p.open[g] = !p.open[g]
	p.showGroup(g)
	p.v.headers[g].SetText(headerLabel(g, p.open[g]))
	p.v.root.RequestRelayout()
}

// showGroup shows or hides group g's rows as p.open says. Hidden rows
// lose their tooltips: ebitenui's tooltips on hidden widgets fire a
// "hide" event on every frame.
func (p *Panel) showGroup(g int) {
	vis := widget.Visibility_Hide
	if p.open[g] {
		vis = widget.Visibility_Show
	}
	p.v.bodies[g].GetWidget().SetVisibility(vis)
	for _, rt := range p.v.tips[g] {
		rt.row.ToolTips = nil
		if p.open[g] {
			rt.row.ToolTips = []*widget.ToolTip{rt.tip}
		}
	}
}
