package ui

import (
	"image/color"
	"math"

	"github.com/ebitenui/ebitenui/image"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"dsaviz/internal/fontface"
)

// Design sizes, in design pixels: the panel multiplies them by its unit
// (device scale x window zoom, x lectureScale in lecture mode).
const (
	panelWidth   = 330 // the whole column, padding included
	panelPadX    = 12
	panelPadY    = 10
	labelWidth   = 116 // the label column of every field row
	bodySize     = 15  // text of labels, inputs and buttons
	smallSize    = 13  // hints, tooltips and errors
	rowGap       = 6   // between rows
	sectionGap   = 10  // between the transport, the groups and the errors
	lectureScale = 1.3 // how much larger the lecture theme is
)

// colours are what the panel paints with: its column, text, boxes,
// buttons, one accent (for the play button and the focused field) and
// the error text. One value per theme: darkColours and lectureColours.
type colours struct {
	panel, panelEdge, header            color.RGBA
	text, label, muted, disabled, error color.RGBA
	box, boxEdge, boxHover              color.RGBA
	button, buttonHover, buttonDown     color.RGBA
	accent, accentHover, accentDown     color.RGBA
	focus, tooltip                      color.RGBA
}

// darkColours sit next to render.DefaultPalette's background (#121418)
// and text (#f2f2f2): a slightly lighter column, boxes a step lighter
// again, and one accent (Okabe-Ito blue).
func darkColours() colours {
	return colours{
		panel:       color.RGBA{0x18, 0x1b, 0x21, 0xff},
		panelEdge:   color.RGBA{0x2a, 0x2f, 0x38, 0xff},
		header:      color.RGBA{0x21, 0x26, 0x2f, 0xff},
		text:        color.RGBA{0xf2, 0xf2, 0xf2, 0xff},
		label:       color.RGBA{0xd4, 0xd8, 0xde, 0xff},
		muted:       color.RGBA{0xa8, 0xb0, 0xbc, 0xff},
		disabled:    color.RGBA{0x6b, 0x72, 0x80, 0xff},
		error:       color.RGBA{0xff, 0x9a, 0x73, 0xff}, // a light vermillion, legible on the dark column
		box:         color.RGBA{0x0f, 0x11, 0x15, 0xff},
		boxEdge:     color.RGBA{0x3b, 0x42, 0x50, 0xff},
		boxHover:    color.RGBA{0x5a, 0x64, 0x75, 0xff},
		button:      color.RGBA{0x2a, 0x30, 0x3b, 0xff},
		buttonHover: color.RGBA{0x34, 0x3b, 0x48, 0xff},
		buttonDown:  color.RGBA{0x45, 0x4e, 0x5f, 0xff},
		accent:      color.RGBA{0x0b, 0x5f, 0x96, 0xff},
		accentHover: color.RGBA{0x13, 0x70, 0xad, 0xff},
		accentDown:  color.RGBA{0x0a, 0x4f, 0x7d, 0xff},
		focus:       color.RGBA{0x56, 0xb4, 0xe9, 0xff},
		tooltip:     color.RGBA{0x2a, 0x30, 0x3b, 0xf2},
	}
}

// lectureColours sit next to render.LecturePalette's light page: a light
// grey column, white boxes with dark edges, near-black text, and the same
// accent, deep enough for white text on it.
func lectureColours() colours {
	return colours{
		panel:       color.RGBA{0xee, 0xef, 0xf1, 0xff},
		panelEdge:   color.RGBA{0x9a, 0xa0, 0xa8, 0xff},
		header:      color.RGBA{0xdc, 0xdf, 0xe4, 0xff},
		text:        color.RGBA{0x11, 0x11, 0x11, 0xff},
		label:       color.RGBA{0x22, 0x25, 0x2a, 0xff},
		muted:       color.RGBA{0x3f, 0x45, 0x4e, 0xff},
		disabled:    color.RGBA{0x80, 0x86, 0x8f, 0xff},
		error:       color.RGBA{0xa3, 0x3b, 0x00, 0xff}, // a dark vermillion, legible on the light column
		box:         color.RGBA{0xff, 0xff, 0xff, 0xff},
		boxEdge:     color.RGBA{0x6b, 0x72, 0x7c, 0xff},
		boxHover:    color.RGBA{0x3f, 0x45, 0x4e, 0xff},
		button:      color.RGBA{0xf8, 0xf8, 0xf9, 0xff},
		buttonHover: color.RGBA{0xe2, 0xe5, 0xea, 0xff},
		buttonDown:  color.RGBA{0xc8, 0xcd, 0xd4, 0xff},
		accent:      color.RGBA{0x0b, 0x5f, 0x96, 0xff},
		accentHover: color.RGBA{0x13, 0x70, 0xad, 0xff},
		accentDown:  color.RGBA{0x0a, 0x4f, 0x7d, 0xff},
		focus:       color.RGBA{0x00, 0x50, 0x8a, 0xff},
		tooltip:     color.RGBA{0xff, 0xff, 0xff, 0xff},
	}
}

// coloursFor returns the lecture colours when lecture is set, else the
// dark ones.
func coloursFor(lecture bool) colours {
	if lecture {
		return lectureColours()
	}
	return darkColours()
}

// theme is everything the panel draws with at one unit: ebitenui's theme
// for the stock widgets, plus the faces, sizes and images of the panel's
// own parts. It is rebuilt, with the widgets, when the unit changes.
type theme struct {
	unit float64
	c    colours
	base *widget.Theme

	body, small text.Face
	lineHeight  float64 // of body text, in device pixels

	width, padX, padY int // the column and its padding
	inner             int // width inside the padding
	list              int // width of the scrolling groups, left of their scroll bar
	bar, barGap       int // the scroll bar and the space before it
	label             int // the label column
	gap, section      int // row and section spacing
	rowHeight         int // every field row: an input's height
	checkSize         int // the checkbox's side

	inputPad                                 *widget.Insets
	panel, inputIdle, inputHover, inputFocus *image.NineSlice
	header, button, accent                   *widget.ButtonImage
	tooltip                                  *image.NineSlice
	textColor                                *widget.ButtonTextColor
	accentText                               *widget.ButtonTextColor // on the accent: white in both themes
	arrow                                    *ebiten.Image           // a list button's down arrow
}

// newTheme builds the theme for unit device pixels per design pixel, in
// colours c.
func newTheme(font *fontface.Font, unit float64, c colours) *theme {
	t := &theme{unit: unit, c: c}
	t.body = font.Face(bodySize * unit)
	t.small = font.Face(smallSize * unit)
	m := t.body.Metrics()
	t.lineHeight = m.HAscent + m.HDescent

	t.width, t.padX, t.padY = t.px(panelWidth), t.px(panelPadX), t.px(panelPadY)
	t.inner = t.width - 2*t.padX
	t.bar, t.barGap = max(4, t.px(6)), t.px(4)
	t.list = t.inner - t.bar - t.barGap
	t.label = t.px(labelWidth)
	t.gap, t.section = t.px(rowGap), t.px(sectionGap)
	t.inputPad = t.insets(7, 5)
	t.rowHeight = int(math.Ceil(t.lineHeight)) + t.inputPad.Dy()
	t.checkSize = t.px(18)

	edge := max(1, t.px(1))
	t.panel = image.NewAdvancedNineSliceColor(t.c.panel, image.NewBorder(0, 0, 0, edge, t.c.panelEdge))
	t.inputIdle = image.NewBorderedNineSliceColor(t.c.box, t.c.boxEdge, edge)
	t.inputHover = image.NewBorderedNineSliceColor(t.c.box, t.c.boxHover, edge)
	t.inputFocus = image.NewBorderedNineSliceColor(t.c.box, t.c.focus, edge)
	t.tooltip = image.NewBorderedNineSliceColor(t.c.tooltip, t.c.boxEdge, edge)
	t.button = &widget.ButtonImage{
		Idle:     image.NewBorderedNineSliceColor(t.c.button, t.c.boxEdge, edge),
		Hover:    image.NewBorderedNineSliceColor(t.c.buttonHover, t.c.boxHover, edge),
		Pressed:  image.NewBorderedNineSliceColor(t.c.buttonDown, t.c.boxHover, edge),
		Disabled: image.NewBorderedNineSliceColor(t.c.panel, t.c.boxEdge, edge),
	}
	t.accent = &widget.ButtonImage{
		Idle:    image.NewNineSliceColor(t.c.accent),
		Hover:   image.NewNineSliceColor(t.c.accentHover),
		Pressed: image.NewNineSliceColor(t.c.accentDown),
	}
	t.header = &widget.ButtonImage{
		Idle:    image.NewNineSliceColor(t.c.header),
		Hover:   image.NewNineSliceColor(t.c.buttonHover),
		Pressed: image.NewNineSliceColor(t.c.buttonDown),
	}
	t.arrow = arrow(t.px(10), t.px(6), t.c.muted)
	t.textColor = &widget.ButtonTextColor{Idle: t.c.text, Hover: t.c.text, Pressed: t.c.text, Disabled: t.c.disabled}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	t.accentText = &widget.ButtonTextColor{Idle: white, Hover: white, Pressed: white, Disabled: t.c.disabled}
	t.base = t.widgetTheme()
	return t
}

// px converts design pixels to whole device pixels.
func (t *theme) px(design float64) int { return int(math.Round(design * t.unit)) }

// insets returns horizontal and vertical padding in device pixels.
func (t *theme) insets(x, y float64) *widget.Insets {
	return &widget.Insets{Left: t.px(x), Right: t.px(x), Top: t.px(y), Bottom: t.px(y)}
}

// widgetTheme is ebitenui's theme: the defaults of every stock widget the
// panel uses, so that the constructors name only what differs.
func (t *theme) widgetTheme() *widget.Theme {
	body := t.body
	start := widget.TextPositionStart
	middle := widget.TextPositionCenter
	left := &widget.TextPositioning{HTextPosition: start, VTextPosition: middle}
	yes := true
	// Buttons read from the left, like fields; the transport's centre
	// their words themselves. (ListComboButton cannot be told.)
	button := &widget.ButtonParams{
		Image: t.button, TextColor: t.textColor, TextFace: &body,
		TextPadding: t.inputPad, TextPosition: left,
	}
	list := &widget.ListParams{
		EntryFace: &body, EntryTextPadding: t.insets(8, 5),
		EntryTextHorizontalPosition: &start, EntryTextVerticalPosition: &middle,
		EntryColor: &widget.ListEntryColor{
			Unselected: t.c.text, Selected: t.c.text,
			DisabledUnselected: t.c.disabled, DisabledSelected: t.c.disabled,
			SelectingBackground: t.c.buttonDown, SelectedBackground: t.c.accent,
			FocusedBackground: t.c.buttonHover, SelectingFocusedBackground: t.c.accentHover,
			SelectedFocusedBackground: t.c.accentHover, DisabledSelectedBackground: t.c.button,
		},
		ScrollContainerImage: &widget.ScrollContainerImage{
			Idle: t.inputHover, Disabled: t.inputIdle, Mask: t.inputHover,
		},
		ScrollContainerPadding: t.insets(1, 1),
		Slider: &widget.SliderParams{ // thin, like the panel's scroll bar
			TrackImage:    &widget.SliderTrackImage{Idle: image.NewNineSliceColor(t.c.box)},
			HandleImage:   &widget.ButtonImage{Idle: image.NewNineSliceColor(t.c.boxEdge), Pressed: image.NewNineSliceColor(t.c.focus)},
			MinHandleSize: new(t.bar),
		},
	}
	return &widget.Theme{
		DefaultFace:      &body,
		DefaultTextColor: t.c.text,
		ButtonTheme:      button,
		LabelTheme: &widget.LabelParams{
			Face:  &body,
			Color: &widget.LabelColor{Idle: t.c.label, Disabled: t.c.disabled},
		},
		TextTheme: &widget.TextParams{Face: &body, Color: t.c.text},
		TextInputTheme: &widget.TextInputParams{
			Face: &body,
			Image: &widget.TextInputImage{
				Idle: t.inputFocus, Disabled: t.inputIdle,
				Highlight: image.NewNineSliceColor(t.c.accent),
			},
			Color:                &widget.TextInputColor{Idle: t.c.text, Disabled: t.c.disabled, Caret: t.c.focus, DisabledCaret: t.c.disabled},
			Padding:              t.inputPad,
			AllowDuplicateSubmit: &yes, // a refused value may be typed again
			SubmitOnEnter:        &yes,
			CaretWidth:           new(max(1, t.px(2))),
		},
		SliderTheme:   t.sliderParams(),
		CheckboxTheme: &widget.CheckboxParams{Image: t.checkbox()},
		ListTheme:     list,
		ListComboButtonTheme: &widget.ListComboButtonParams{
			List:             list,
			Button:           button,
			MaxContentHeight: new(t.px(240)),
		},
	}
}

// sliderParams are the speed slider's and the scroll bars' defaults.
func (t *theme) sliderParams() *widget.SliderParams {
	return &widget.SliderParams{
		TrackImage: &widget.SliderTrackImage{
			Idle:  image.NewNineSliceColor(t.c.header),
			Hover: image.NewNineSliceColor(t.c.header),
		},
		HandleImage: &widget.ButtonImage{
			Idle:    image.NewNineSliceColor(t.c.boxHover),
			Hover:   image.NewNineSliceColor(t.c.muted),
			Pressed: image.NewNineSliceColor(t.c.focus),
		},
		MinHandleSize: new(t.px(16)),
		TrackPadding:  &widget.Insets{},
		PageSizeFunc:  func() int { return 1 },
	}
}

// checkbox draws the two states of the bypass box at the body size.
func (t *theme) checkbox() *widget.CheckboxImage {
	s := t.checkSize
	edge := max(1, t.px(1))
	box := func(fill, border color.Color, tick bool) *image.NineSlice {
		im := ebiten.NewImage(s, s)
		im.Fill(border)
		vector.FillRect(im, float32(edge), float32(edge), float32(s-2*edge), float32(s-2*edge), fill, false)
		if tick {
			f := float32(s)
			w := float32(max(2, t.px(2.5)))
			vector.StrokeLine(im, 0.22*f, 0.52*f, 0.42*f, 0.72*f, w, t.c.text, true)
			vector.StrokeLine(im, 0.42*f, 0.72*f, 0.78*f, 0.28*f, w, t.c.text, true)
		}
		return image.NewFixedNineSlice(im)
	}
	off, offHover := box(t.c.box, t.c.boxEdge, false), box(t.c.box, t.c.boxHover, false)
	on, onHover := box(t.c.accent, t.c.accent, true), box(t.c.accentHover, t.c.accentHover, true)
	return &widget.CheckboxImage{
		Unchecked: off, UncheckedHovered: offHover, UncheckedDisabled: off,
		Checked: on, CheckedHovered: onHover, CheckedDisabled: on,
	}
}

// arrow draws a w x h triangle pointing down.
func arrow(w, h int, c color.Color) *ebiten.Image {
	im := ebiten.NewImage(max(1, w), max(1, h))
	var p vector.Path
	p.MoveTo(0, 0)
	p.LineTo(float32(w), 0)
	p.LineTo(float32(w)/2, float32(h))
	p.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(c)
	vector.FillPath(im, &p, nil, op)
	return im
}
