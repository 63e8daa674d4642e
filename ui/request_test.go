package ui

import (
	"slices"
	"testing"

	"github.com/ebitenui/ebitenui/widget"
)

// TestRequestRow: the request row shows only for a batch of several
// requests, says which one is shown, sends the previous and next
// commands, and survives a rebuild (a new zoom or theme).
func TestRequestRow(t *testing.T) {
	p, r := newTestPanel(t, "")
	visible := func() bool { return p.v.reqRow.GetWidget().GetVisibility() == widget.Visibility_Show }
	if visible() {
		t.Error("the request row shows before any batch is set")
	}
	p.SetRequest(0, 1)
	if visible() {
		t.Error("the request row shows for a batch of one")
	}
	p.SetRequest(1, 8)
	if !visible() || p.v.reqText.Label != "2 of 8" || len(p.v.reqRow.GetWidget().ToolTips) != 1 {
		t.Errorf("batch of 8, request 2: visible %v, label %q, %d tooltips", visible(), p.v.reqText.Label, len(p.v.reqRow.GetWidget().ToolTips))
	}
	p.v.reqStep[1].Click()
	settle()
	p.v.reqStep[0].Click()
	settle()
	if want := []Command{NextRequest, PrevRequest}; !slices.Equal(r.commands, want) {
		t.Errorf("commands = %v, want %v", r.commands, want)
	}
	p.Width(2, 1) // a new unit: the widgets are built again
	if !visible() || p.v.reqText.Label != "2 of 8" {
		t.Errorf("after a rebuild: visible %v, label %q", visible(), p.v.reqText.Label)
	}
	p.SetRequest(0, 1)
	if visible() || len(p.v.reqRow.GetWidget().ToolTips) != 0 {
		t.Error("the request row still shows (or keeps its tooltip) after the batch went back to one")
	}
}
