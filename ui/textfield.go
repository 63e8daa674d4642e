package ui

import (
	img "image"

	"github.com/ebitenui/ebitenui/input"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// textField is a one-line ebitenui TextInput that shows a cached picture
// of itself, box and text, until it has focus. A TextInput renders
// through two masking buffers the size of the screen on every frame; two
// dozen of them would spend most of a software-rendered frame (the
// browser without a GPU) clearing buffers. Unfocused, a field costs one
// draw; focused, the TextInput draws itself.
//
// The field reports an edit once: on Enter (which also ends the edit) or
// when it loses focus, through commit. Escape cancels the edit: the text
// goes back to what it was and the field lets go of the keys. A click
// that gives the field focus selects its whole text, so that typing
// replaces the value.
type textField struct {
	in     *widget.TextInput
	th     *theme
	v      *view
	commit func(text string)

	hover     bool
	selectAll bool   // select everything once the focusing click is released
	before    string // the text when the edit began, for Escape
	op        ebiten.DrawImageOptions

	// look is the unfocused field, box and text, drawn again only when
	// what it shows changes.
	look      *ebiten.Image
	lookText  string
	lookHover bool
	textOp    text.DrawOptions
}

// newTextField returns a field showing value; commit receives the text when
// an edit ends. opts are added to the TextInput's widget (layout data).
func newTextField(v *view, value string, commit func(string), opts ...widget.WidgetOpt) *textField {
	th := v.th
	f := &textField{th: th, v: v, commit: commit}
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
			f.selectAll, f.before = true, f.in.GetText()
			return
		}
		f.commit(f.in.GetText())
	})
	f.in.SetText(value)
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

// cancel ends the edit, putting back the text it began with.
func (f *textField) cancel() {
	f.in.SetText(f.before)
	f.in.Focus(false)
}

// GetWidget, PreferredSize, SetLocation and Validate make the field a
// child ebitenui containers can lay out, by delegating to the TextInput.
func (f *textField) GetWidget() *widget.Widget   { return f.in.GetWidget() }
func (f *textField) PreferredSize() (int, int)   { return f.in.PreferredSize() }
func (f *textField) SetLocation(r img.Rectangle) { f.in.SetLocation(r) }
func (f *textField) Validate()                   { f.in.Validate() }

// Update lets the TextInput handle input, then selects the whole text once
// the click that focused it is released, and cancels the edit on Escape.
func (f *textField) Update(updObj *widget.UpdateObject) {
	if f.in.IsFocused() && inpututil.IsKeyJustPressed(ebiten.KeyEscape) {
		f.cancel()
	}
	f.in.Update(updObj)
	if f.selectAll && f.in.IsFocused() && !input.MouseButtonPressed(ebiten.MouseButtonLeft) {
		f.in.SelectAll()
		f.selectAll = false
	}
}

// Render draws the TextInput while it has focus, and otherwise the
// field's look: one image, so that an idle field costs one draw and no
// allocation per frame.
//
// The TextInput draws on the whole screen, not on screen: its masking
// buffers take the size of the image they draw on but the widget's
// screen coordinates, so a sub-image (a scrolled list's clip) would
// misplace it.
func (f *textField) Render(screen *ebiten.Image) {
	if f.in.IsFocused() {
		if f.v.screen != nil {
			screen = f.v.screen
		}
		f.in.Render(screen)
		return
	}
	r := f.in.GetWidget().Rect
	if !f.in.GetWidget().IsVisible() || r.Dx() <= 0 || r.Dy() <= 0 {
		return
	}
	if f.look == nil || f.look.Bounds().Size() != r.Size() || f.lookText != f.in.GetText() || f.lookHover != f.hover {
		f.drawLook(r.Dx(), r.Dy())
	}
	f.op.GeoM.Reset()
	f.op.GeoM.Translate(float64(r.Min.X), float64(r.Min.Y))
	screen.DrawImage(f.look, &f.op)
}

// drawLook draws the box and the text, clipped to the box's padding, into
// a w x h image.
func (f *textField) drawLook(w, h int) {
	if f.look == nil || f.look.Bounds().Dx() != w || f.look.Bounds().Dy() != h {
		if f.look != nil {
			f.look.Deallocate()
		}
		f.look = ebiten.NewImage(w, h)
	}
	f.lookText, f.lookHover = f.in.GetText(), f.hover
	f.look.Clear()
	box := f.th.inputIdle
	if f.hover {
		box = f.th.inputHover
	}
	box.Draw(f.look, w, h, nil)
	pad := f.th.inputPad
	clip, ok := f.look.SubImage(img.Rect(pad.Left, 0, w-pad.Right, h)).(*ebiten.Image)
	if !ok {
		return
	}
	f.textOp.GeoM.Reset()
	f.textOp.GeoM.Translate(float64(pad.Left), (float64(h)-f.th.lineHeight)/2)
	f.textOp.ColorScale.Reset()
	f.textOp.ColorScale.ScaleWithColor(f.th.c.text)
	text.Draw(clip, f.lookText, f.th.body, &f.textOp)
}
