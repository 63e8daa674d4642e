package ui

import (
	img "image"

	"github.com/ebitenui/ebitenui/input"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// textField is a one-line ebitenui TextInput that draws itself as plain
// text on a box until it has focus. A TextInput renders through two
// masking buffers the size of the screen on every frame; two dozen of
// them would spend most of a software-rendered frame (the browser without
// a GPU) clearing buffers. Unfocused, a field costs a box and a line of
// text; focused, the TextInput draws itself.
//
// The field reports an edit once: on Enter (which also ends the edit) or
// when it loses focus, through commit. It selects its whole text when a
// click gives it focus, so that typing replaces the value.
type textField struct {
	in     *widget.TextInput
	th     *theme
	commit func(text string)

	hover      bool
	selectAll  bool // select everything once the focusing click is released
	op         text.DrawOptions
	translate  func(*ebiten.DrawImageOptions)
	lastScreen *ebiten.Image
	clip       *ebiten.Image // lastScreen's sub-image over the field
	clipRect   img.Rectangle
}

// newTextField returns a field showing value; commit receives the text when
// an edit ends. opts are added to the TextInput's widget (layout data).
func newTextField(th *theme, value string, commit func(string), opts ...widget.WidgetOpt) *textField {
	f := &textField{th: th, commit: commit}
	f.in = widget.NewTextInput(
		widget.TextInputOpts.WidgetOpts(append(opts,
			widget.WidgetOpts.MinSize(th.px(40), th.rowHeight),
			widget.WidgetOpts.CursorEnterHandler(func(*widget.WidgetCursorEnterEventArgs) { f.hover = true }),
			widget.WidgetOpts.CursorExitHandler(func(*widget.WidgetCursorExitEventArgs) { f.hover = false }),
		)...),
		widget.TextInputOpts.SubmitHandler(func(args *widget.TextInputChangedEventArgs) {
			f.commit(args.InputText)
			f.in.Focus(false) // Enter ends the edit: keys go back to the app
		}),
	)
	f.in.GetWidget().FocusEvent.AddHandler(func(args any) {
		a, ok := args.(*widget.WidgetFocusEventArgs)
		if !ok || a.Widget != f.in {
			return
		}
		if a.Focused {
			f.selectAll = true
			return
		}
		f.commit(f.in.GetText())
	})
	f.in.SetText(value)
	f.translate = func(o *ebiten.DrawImageOptions) {
		r := f.in.GetWidget().Rect
		o.GeoM.Translate(float64(r.Min.X), float64(r.Min.Y))
	}
	return f
}

// Focused reports whether the field is being edited.
func (f *textField) Focused() bool { return f.in.IsFocused() }

// show sets the field's text, unless it already reads so.
func (f *textField) show(value string) {
	if f.in.GetText() != value {
		f.in.SetText(value)
	}
}

// GetWidget, PreferredSize, SetLocation and Validate make the field a
// child ebitenui containers can lay out, by delegating to the TextInput.
func (f *textField) GetWidget() *widget.Widget   { return f.in.GetWidget() }
func (f *textField) PreferredSize() (int, int)   { return f.in.PreferredSize() }
func (f *textField) SetLocation(r img.Rectangle) { f.in.SetLocation(r) }
func (f *textField) Validate()                   { f.in.Validate() }

// Update lets the TextInput handle input, then selects the whole text once
// the click that focused it is released.
func (f *textField) Update(updObj *widget.UpdateObject) {
	f.in.Update(updObj)
	if f.selectAll && f.in.IsFocused() && !input.MouseButtonPressed(ebiten.MouseButtonLeft) {
		f.in.SelectAll()
		f.selectAll = false
	}
}

// Render draws the TextInput while it has focus, and otherwise its box
// and text, clipped to the box. It allocates nothing once the field has
// been drawn at its place.
func (f *textField) Render(screen *ebiten.Image) {
	if f.in.IsFocused() {
		f.in.Render(screen)
		return
	}
	if !f.in.GetWidget().IsVisible() {
		return
	}
	r := f.in.GetWidget().Rect
	box := f.th.inputIdle
	if f.hover {
		box = f.th.inputHover
	}
	box.Draw(screen, r.Dx(), r.Dy(), f.translate)

	pad := f.th.inputPad
	inner := img.Rect(r.Min.X+pad.Left, r.Min.Y, r.Max.X-pad.Right, r.Max.Y)
	if screen != f.lastScreen || inner != f.clipRect {
		f.lastScreen, f.clipRect = screen, inner
		f.clip, _ = screen.SubImage(inner).(*ebiten.Image)
	}
	if f.clip == nil {
		return
	}
	f.op.GeoM.Reset()
	f.op.GeoM.Translate(float64(inner.Min.X), float64(r.Min.Y)+(float64(r.Dy())-f.th.lineHeight)/2)
	f.op.ColorScale.Reset()
	f.op.ColorScale.ScaleWithColor(colText)
	text.Draw(f.clip, f.in.GetText(), f.th.body, &f.op)
}
