package ui

import (
	"strconv"

	"github.com/ebitenui/ebitenui/widget"
)

// requestTip is the request row's tooltip.
const requestTip = "Which request of the batch the token strip and the HUD show, for A and B alike " +
	"(\",\" and \".\" step through them; also req=K in the link). The other figures are the batch's."

// requestRow returns the row that steps through the requests of a batch:
// previous, "2 of 8", next. It is shown only for a batch of several
// requests (SetRequest).
func (p *Panel) requestRow() *widget.Container {
	v, th := p.v, p.v.th
	inner := widget.NewContainer(widget.ContainerOpts.Layout(widget.NewGridLayout(
		widget.GridLayoutOpts.Columns(3),
		widget.GridLayoutOpts.Stretch([]bool{false, true, false}, nil),
		widget.GridLayoutOpts.Spacing(th.gap, 0),
	)))
	v.reqText = widget.NewText(
		widget.TextOpts.Text(requestText(p.request, p.requests), &th.body, th.c.text),
		widget.TextOpts.Position(widget.TextPositionCenter, widget.TextPositionCenter),
	)
	v.reqStep = [2]*widget.Button{
		p.button("<", "The previous request of the batch (,).", th.button, func() { p.command(PrevRequest) }),
		p.button(">", "The next request of the batch (.).", th.button, func() { p.command(NextRequest) }),
	}
	inner.AddChild(v.reqStep[0], v.reqText, v.reqStep[1])
	v.reqTip = newTooltip(th, requestTip)
	v.reqRow = row(th, "Request", v.reqTip, inner)
	p.showRequestRow()
	return v.reqRow
}

// requestText is what the request row says: "2 of 8".
func requestText(request, requests int) string {
	return strconv.Itoa(request+1) + " of " + strconv.Itoa(requests)
}

// SetRequest shows the request of the batch on screen (0-based) and the
// batch's size; the request row is shown only when requests > 1. It calls
// no callback.
func (p *Panel) SetRequest(request, requests int) {
	if request == p.request && requests == p.requests {
		return
	}
	p.request, p.requests = request, requests
	p.v.reqText.Label = requestText(request, requests)
	p.showRequestRow()
}

// showRequestRow shows the request row for a batch of several requests
// and hides it otherwise, with its tooltip (ebitenui's tooltips on hidden
// widgets fire a "hide" event on every frame).
func (p *Panel) showRequestRow() {
	v := p.v
	vis, tips := widget.Visibility_Hide, []*widget.ToolTip(nil)
	if p.requests > 1 {
		vis, tips = widget.Visibility_Show, []*widget.ToolTip{v.reqTip}
	}
	w := v.reqRow.GetWidget()
	if w.GetVisibility() == vis {
		return
	}
	w.SetVisibility(vis)
	w.ToolTips = tips
	if v.root != nil {
		v.root.RequestRelayout()
	}
}
