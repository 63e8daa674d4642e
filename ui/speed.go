package ui

import (
	"image"
	"image/color"
	"math"
	"strconv"

	eimage "github.com/ebitenui/ebitenui/image"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
)

// DefaultSpeed is the speed the panel starts at, in decode steps per
// second, unless InitialSpeed says otherwise.
const DefaultSpeed = 2

// speeds are the stops of the speed slider, in decode steps per second:
// a log scale of round numbers (1, 1.5, 2, 3, 5, 7.5 per decade) from one
// step in 20 s to 100 steps per second. ebitenui's Slider is int-valued;
// its value is an index into speeds.
var speeds = [...]float64{
	0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75,
	1, 1.5, 2, 3, 5, 7.5,
	10, 15, 20, 30, 50, 75, 100,
}

// speedLabels are the speeds as the panel shows them, made once.
var speedLabels = func() (l [len(speeds)]string) {
	for i, s := range speeds {
		l[i] = formatSpeed(s)
	}
	return l
}()

func formatSpeed(s float64) string {
	return strconv.FormatFloat(s, 'g', -1, 64) + "/s"
}

// speedIndex returns the stop nearest to stepsPerSecond on the log scale;
// values that are not positive numbers give DefaultSpeed's stop.
func speedIndex(stepsPerSecond float64) int {
	if math.IsNaN(stepsPerSecond) || stepsPerSecond <= 0 {
		stepsPerSecond = DefaultSpeed
	}
	stepsPerSecond = max(speeds[0], min(speeds[len(speeds)-1], stepsPerSecond))
	best, bestDist := 0, math.Inf(1)
	for i, s := range speeds {
		if d := math.Abs(math.Log(stepsPerSecond / s)); d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// setSpeed takes the slider's stop i and reports the new speed.
func (p *Panel) setSpeed(i int) {
	i = max(0, min(len(speeds)-1, i))
	if i == p.speed {
		return
	}
	p.speed = i
	p.v.speedText.Label = speedLabels[i]
	if p.opts.onSpeed != nil {
		p.opts.onSpeed(speeds[i])
	}
}

// speedRow returns the speed slider and the speed it asks for.
func (p *Panel) speedRow() *widget.Container {
	th := p.v.th
	h := th.px(18)
	p.v.speed = widget.NewSlider(
		widget.SliderOpts.Orientation(widget.DirectionHorizontal),
		widget.SliderOpts.MinMax(0, len(speeds)-1),
		widget.SliderOpts.InitialCurrent(p.speed),
		widget.SliderOpts.FixedHandleSize(th.px(10)),
		widget.SliderOpts.MinHandleSize(h),
		widget.SliderOpts.TrackImage(&widget.SliderTrackImage{
			Idle:  thinTrack(h, th.px(4), th.c.buttonDown),
			Hover: thinTrack(h, th.px(4), th.c.boxHover),
		}),
		widget.SliderOpts.DisableDefaultKeys(true),
		widget.SliderOpts.WidgetOpts(widget.WidgetOpts.LayoutData(widget.GridLayoutData{
			MaxHeight: h, VerticalPosition: widget.GridLayoutPositionCenter,
		})),
		widget.SliderOpts.ChangedHandler(func(a *widget.SliderChangedEventArgs) { p.setSpeed(a.Current) }),
	)
	p.v.speedText = widget.NewLabel(
		widget.LabelOpts.LabelText(speedLabels[p.speed]),
		widget.LabelOpts.TextOpts(
			widget.TextOpts.Position(widget.TextPositionEnd, widget.TextPositionCenter),
			widget.TextOpts.WidgetOpts(widget.WidgetOpts.MinSize(th.px(56), th.rowHeight)),
		),
	)
	inner := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewGridLayout(
		widget.GridLayoutOpts.Columns(2),
		widget.GridLayoutOpts.Stretch([]bool{true, false}, []bool{true}),
		widget.GridLayoutOpts.Spacing(th.gap, 0),
	)))
	inner.AddChild(p.v.speed, p.v.speedText)
	return row(th, "Speed", newTooltip(th, "Decode steps played per second, 0.05 to 100 on a log scale. At low speeds each step plays layer by layer."), inner)
}

// thinTrack is a slider track h pixels high that draws a line w pixels
// thick across its middle, so that the handle stands out from it.
func thinTrack(h, w int, c color.RGBA) *eimage.NineSlice {
	w = max(1, min(h, w))
	top := (h - w) / 2
	im := ebiten.NewImage(1, h)
	im.SubImage(image.Rect(0, top, 1, top+w)).(*ebiten.Image).Fill(c)
	return eimage.NewNineSlice(im, [3]int{0, 1, 0}, [3]int{top, w, h - top - w})
}
