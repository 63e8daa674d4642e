package ui

import (
	"image"
	"testing"

	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"

	"dsaviz/sim/config"
)

// frame runs one Update and one Draw of the panel on a w x h screen at
// scale 1 and zoom 1.
func frame(p *Panel, screen *ebiten.Image) {
	p.Width(1, 1)
	p.UI().Update()
	p.UI().Draw(screen)
}

func TestScrollView(t *testing.T) {
	p, _ := newTestPanel(t, "")
	for g := range groups { // open everything: the list no longer fits
		if !p.open[g] {
			p.toggleGroup(g)
		}
	}
	screen := ebiten.NewImage(1280, 600)
	frame(p, screen)
	frame(p, screen)
	s := p.v.scroll
	if s.overflow() == 0 {
		t.Fatalf("every group open fits in %v; the test needs a taller list", s.GetWidget().Rect)
	}
	if vis := p.v.scrollBar.GetWidget().GetVisibility(); vis != widget.Visibility_Show {
		t.Errorf("scroll bar visibility %v while the list overflows", vis)
	}
	view := s.GetWidget().Rect
	if got := s.content.GetWidget().Rect.Min.Y; got != view.Min.Y {
		t.Errorf("at the top the content starts at y=%d, want the view's %d", got, view.Min.Y)
	}

	// A turn of the wheel moves the bar, which moves the list.
	s.GetWidget().ScrolledEvent.Fire(&widget.WidgetScrolledEventArgs{Widget: s.GetWidget(), Y: -3})
	settle()
	frame(p, screen) // the bar reports its move as it draws
	frame(p, screen)
	if s.Top <= 0 {
		t.Fatalf("after scrolling down Top = %v, want > 0", s.Top)
	}
	if got := s.content.GetWidget().Rect.Min.Y; got >= view.Min.Y {
		t.Errorf("scrolled content starts at y=%d, want above the view's %d", got, view.Min.Y)
	}

	// Collapsing everything makes it fit again: back to the top, bar hidden.
	for g := range groups {
		p.toggleGroup(g)
	}
	frame(p, screen)
	frame(p, screen)
	if s.Top != 0 || s.overflow() != 0 {
		t.Errorf("collapsed: Top = %v, overflow %d; want 0, 0", s.Top, s.overflow())
	}
	if vis := p.v.scrollBar.GetWidget().GetVisibility(); vis != widget.Visibility_Hide_Blocking {
		t.Errorf("scroll bar visibility %v while everything fits", vis)
	}
}

func TestScrollViewClipsInput(t *testing.T) {
	p, _ := newTestPanel(t, "")
	screen := ebiten.NewImage(1280, 800)
	frame(p, screen)
	l := &p.v.scroll.layer
	in := p.v.scroll.GetWidget().Rect.Min.Add(image.Pt(5, 5))
	above := image.Pt(in.X, p.v.scroll.GetWidget().Rect.Min.Y-5) // the transport
	if !l.ActiveFor(in.X, in.Y, 1) {
		t.Error("the list takes no clicks inside its view")
	}
	if l.ActiveFor(above.X, above.Y, 1) {
		t.Error("the list takes clicks above its view, where the transport is")
	}
}

// TestDrawAllocations checks that the panel's own drawing allocates
// nothing per frame: the fields' text and the clipped list.
func TestDrawAllocations(t *testing.T) {
	p, _ := newTestPanel(t, "small-demo")
	screen := ebiten.NewImage(1280, 800)
	frame(p, screen)
	frame(p, screen)
	// Ebiten's DrawImage may allocate as it queues a command (outside a
	// game loop the queue is never flushed): an idle field must cost no
	// more than that one draw.
	f := p.v.fields["capacity"].text
	var op ebiten.DrawImageOptions
	one := testing.AllocsPerRun(50, func() { screen.DrawImage(f.look, &op) })
	if n := testing.AllocsPerRun(50, func() { f.Render(screen) }); n > one {
		t.Errorf("textField.Render: %v allocations per frame, want at most one DrawImage's %v", n, one)
	}
	if n := testing.AllocsPerRun(50, func() { p.Width(1, 1); _ = p.TypingFocused(); p.SetPlaying(false) }); n != 0 {
		t.Errorf("Width, TypingFocused, SetPlaying: %v allocations per frame, want 0", n)
	}
}

// BenchmarkFrame measures one Update and Draw of the panel, ebitenui's
// work included.
func BenchmarkFrame(b *testing.B) {
	cfg := config0(b)
	p, err := New(cfg, "small-demo")
	if err != nil {
		b.Fatal(err)
	}
	screen := ebiten.NewImage(1280, 800)
	frame(p, screen)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		frame(p, screen)
	}
}

func config0(b *testing.B) config.Config {
	c, err := config.Preset("small-demo")
	if err != nil {
		b.Fatal(err)
	}
	return c
}
