package render

import "math"

// How a colour looks to a reader with a colour-vision deficiency, or in a
// greyscale print, and how different two colours look: the measuring
// tools of palette_cvd_test.go.

// cvdView is one way of seeing the palette.
type cvdView int

const (
	normalVision cvdView = iota
	protanopia
	deuteranopia
	tritanopia
	greyscale
	numViews
)

var viewNames = [numViews]string{"normal", "protanopia", "deuteranopia", "tritanopia", "greyscale"}

// machado holds the simulation matrices of Machado, Oliveira and
// Fernandes, "A Physiologically-based Model for Simulation of Color Vision
// Deficiency", IEEE TVCG 15(6), 2009, at severity 1.0 (dichromacy), as
// published in the paper's table of matrices (its supplementary material,
// www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html).
// Each maps a linear RGB colour (sRGB primaries) to the linear RGB colour
// the deficient reader perceives; every row sums to 1, so greys stay grey.
var machado = [numViews][3][3]float64{
	protanopia: {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	},
	deuteranopia: {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	},
	tritanopia: {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900},
	},
}

// linear returns an 8-bit sRGB component as linear light in [0, 1]
// (IEC 61966-2-1).
func linear(b byte) float64 {
	v := float64(b) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// seen returns how colour c looks in view v, as linear RGB in [0, 1]: the
// Machado matrix applied in linear light and clipped to the gamut, or
// for greyscale the grey of the same relative luminance.
func seen(c [4]byte, v cvdView) [3]float64 {
	rgb := [3]float64{linear(c[0]), linear(c[1]), linear(c[2])}
	switch v {
	case normalVision:
		return rgb
	case greyscale:
		y := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
		return [3]float64{y, y, y}
	}
	m := &machado[v]
	var out [3]float64
	for i := range out {
		out[i] = min(1, max(0, m[i][0]*rgb[0]+m[i][1]*rgb[1]+m[i][2]*rgb[2]))
	}
	return out
}

// lab is a colour in CIELAB (D65 white).
type lab struct{ L, A, B float64 }

// labOf converts linear sRGB to CIELAB under D65.
func labOf(rgb [3]float64) lab {
	x := 0.4124564*rgb[0] + 0.3575761*rgb[1] + 0.1804375*rgb[2]
	y := 0.2126729*rgb[0] + 0.7151522*rgb[1] + 0.0721750*rgb[2]
	z := 0.0193339*rgb[0] + 0.1191920*rgb[1] + 0.9503041*rgb[2]
	f := func(t float64) float64 {
		const d = 6.0 / 29
		if t > d*d*d {
			return math.Cbrt(t)
		}
		return t/(3*d*d) + 4.0/29
	}
	fx, fy, fz := f(x/0.95047), f(y/1.0), f(z/1.08883)
	return lab{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// deltaE00 is the CIEDE2000 colour difference of two CIELAB colours, as
// Sharma, Wu and Dalal give it ("The CIEDE2000 Color-Difference Formula:
// Implementation Notes, Supplementary Test Data, and Mathematical
// Observations", Color Res. Appl. 30(1), 2005), with kL = kC = kH = 1.
func deltaE00(p, q lab) float64 {
	rad := math.Pi / 180
	c1, c2 := math.Hypot(p.A, p.B), math.Hypot(q.A, q.B)
	cm := (c1 + c2) / 2
	cm7 := math.Pow(cm, 7)
	g := 0.5 * (1 - math.Sqrt(cm7/(cm7+math.Pow(25, 7))))
	a1, a2 := (1+g)*p.A, (1+g)*q.A
	c1p, c2p := math.Hypot(a1, p.B), math.Hypot(a2, q.B)
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		h := math.Atan2(b, a) / rad
		if h < 0 {
			h += 360
		}
		return h
	}
	h1, h2 := hue(p.B, a1), hue(q.B, a2)
	dL, dC := q.L-p.L, c2p-c1p
	dh := 0.0
	if c1p*c2p != 0 {
		dh = h2 - h1
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*rad)
	lm, cmp := (p.L+q.L)/2, (c1p+c2p)/2
	hm := h1 + h2
	if c1p*c2p != 0 {
		switch {
		case math.Abs(h1-h2) <= 180:
			hm = (h1 + h2) / 2
		case h1+h2 < 360:
			hm = (h1 + h2 + 360) / 2
		default:
			hm = (h1 + h2 - 360) / 2
		}
	}
	t := 1 - 0.17*math.Cos((hm-30)*rad) + 0.24*math.Cos(2*hm*rad) +
		0.32*math.Cos((3*hm+6)*rad) - 0.20*math.Cos((4*hm-63)*rad)
	dTheta := 30 * math.Exp(-math.Pow((hm-275)/25, 2))
	cmp7 := math.Pow(cmp, 7)
	rc := 2 * math.Sqrt(cmp7/(cmp7+math.Pow(25, 7)))
	l50 := (lm - 50) * (lm - 50)
	sl := 1 + 0.015*l50/math.Sqrt(20+l50)
	sc := 1 + 0.045*cmp
	sh := 1 + 0.015*cmp*t
	rt := -math.Sin(2*dTheta*rad) * rc
	return math.Sqrt((dL/sl)*(dL/sl) + (dC/sc)*(dC/sc) + (dH/sh)*(dH/sh) + rt*(dC/sc)*(dH/sh))
}

// difference is the CIEDE2000 difference of two colours as seen in view v.
func difference(a, b [4]byte, v cvdView) float64 {
	return deltaE00(labOf(seen(a, v)), labOf(seen(b, v)))
}
