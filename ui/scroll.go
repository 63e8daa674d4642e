package ui

import (
	img "image"
	"math"

	"github.com/ebitenui/ebitenui/input"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
)

// scrollView shows the part of a tall content that fits its rectangle,
// scrolled by Top. ebitenui's ScrollContainer clips through two
// screen-sized buffers that it clears and composites on every frame: four
// full-screen passes, which halved the frame rate of a software renderer
// (the browser without a GPU, where a bare frame costs two). scrollView
// clips by drawing the content into a sub-image of the screen, which costs
// nothing extra.
//
// The content sits in a container of its own (box), so that ebitenui
// passes its events (focus, tooltips) up the tree and finds its theme.
type scrollView struct {
	box     *widget.Container
	content *widget.Container

	// Top is the scroll position: 0 shows the top of the content, 1 its
	// bottom.
	Top float64

	contentW, contentH int
	dirty              bool // the content's size may have changed
	layer              input.Layer
	viewRect           func() img.Rectangle
	lastScreen, clip   *ebiten.Image
	clipRect           img.Rectangle
}

// newScrollView returns a view of content; opts apply to its widget.
func newScrollView(content *widget.Container, opts ...widget.WidgetOpt) *scrollView {
	s := &scrollView{content: content, dirty: true}
	s.box = widget.NewContainer(widget.ContainerOpts.WidgetOpts(opts...))
	s.box.AddChild(content)
	s.viewRect = func() img.Rectangle { return s.box.GetWidget().Rect }
	return s
}

// GetWidget returns the view's widget.
func (s *scrollView) GetWidget() *widget.Widget { return s.box.GetWidget() }

// PreferredSize is the content's width; the view takes the height it is
// given.
func (s *scrollView) PreferredSize() (int, int) {
	s.measure()
	return s.contentW, 0
}

// SetLocation places the view.
func (s *scrollView) SetLocation(r img.Rectangle) {
	if s.box.GetWidget().Rect != r {
		s.box.GetWidget().Rect = r
		s.dirty = true
	}
}

// Validate validates the content.
func (s *scrollView) Validate() { s.box.Validate() }

// Update lets the content handle input.
func (s *scrollView) Update(updObj *widget.UpdateObject) { s.box.Update(updObj) }

// RequestRelayout lays the content out again before the next draw.
func (s *scrollView) RequestRelayout() {
	s.dirty = true
	s.content.RequestRelayout()
}

// SetupInputLayer limits the content's input to the view, as
// ScrollContainer does: rows scrolled out of sight take no clicks. The
// wheel passes through to the view itself. The layer is rewritten in
// place each frame, so that this allocates nothing.
func (s *scrollView) SetupInputLayer(def input.DeferredSetupInputLayerFunc) {
	if !s.box.GetWidget().IsVisible() {
		return
	}
	s.layer = input.Layer{
		DebugLabel: "scroll view content",
		EventTypes: input.LayerEventTypeAll ^ input.LayerEventTypeWheel,
		BlockLower: true,
		RectFunc:   s.viewRect,
	}
	s.content.GetWidget().ElevateToNewInputLayer(&s.layer)
	s.content.SetupInputLayer(def)
}

// measure updates the content's preferred size if it may have changed.
func (s *scrollView) measure() {
	if s.dirty {
		s.contentW, s.contentH = s.content.PreferredSize()
	}
}

// overflow returns how many pixels of content do not fit the view.
func (s *scrollView) overflow() int {
	s.measure()
	return max(0, s.contentH-s.box.GetWidget().Rect.Dy())
}

// pageSize returns the view's height in thousandths of the content's,
// the scroll bar's unit; 1000 or more when everything fits.
func (s *scrollView) pageSize() int {
	s.measure()
	if s.contentH <= 0 {
		return 1000
	}
	return int(math.Round(float64(s.box.GetWidget().Rect.Dy()) / float64(s.contentH) * 1000))
}

// Render lays the content out at the scroll position and draws it clipped
// to the view.
func (s *scrollView) Render(screen *ebiten.Image) {
	view := s.box.GetWidget().Rect
	if !s.box.GetWidget().IsVisible() || view.Empty() {
		return
	}
	s.Top = max(0, min(1, s.Top))
	s.measure()
	off := int(math.Round(float64(s.overflow()) * s.Top))
	r := img.Rect(view.Min.X, view.Min.Y-off, view.Max.X, view.Min.Y-off+s.contentH)
	if s.dirty || s.content.GetWidget().Rect != r {
		s.content.SetLocation(r)
		s.content.RequestRelayout()
		s.dirty = false
	}
	if screen != s.lastScreen || view != s.clipRect {
		s.lastScreen, s.clipRect = screen, view
		s.clip, _ = screen.SubImage(view).(*ebiten.Image)
	}
	if s.clip != nil {
		s.content.Render(s.clip)
	}
}
