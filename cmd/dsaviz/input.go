package main

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// keyState is this tick's keyboard, as far as the shortcuts care.
type keyState struct {
	space    bool   // Space went down this tick
	right    bool   // Right arrow went down this tick, or repeats while held
	left     bool   // Left arrow, likewise
	escape   bool   // Escape went down this tick
	shift    bool   // a Shift key is held
	modifier bool   // Control, Alt or Meta is held: the keys are the browser's or the desktop's
	chars    []rune // characters typed this tick, as the keyboard layout gives them
}

// Holding the Right arrow repeats it after repeatDelay ticks, every
// repeatEvery ticks (the browser's own key repeat does not reach Ebiten).
const (
	repeatDelay = 30
	repeatEvery = 6
)

// repeats reports whether a key held for d ticks fires again this tick
// (the first press is IsKeyJustPressed's, which also sees a key pressed
// and released between two ticks).
func repeats(d int) bool {
	return d >= repeatDelay && (d-repeatDelay)%repeatEvery == 0
}

// shortcuts appends to dst the commands the keys ask for (issue 3,
// section 4, issue 9): Space play/pause; Right one decode step;
// Shift+Right one layer; Left one decode step back; C compare A and B; G
// charts; L the lecture theme; N the tour's next scene; R reset; H or ?
// help (its next page, closed after the last), Escape closes it; F
// fullscreen; "," (or "<") and "." (or ">") the previous and next
// request of a batch. Letters go by the character
// typed, so they follow the keyboard layout ("?" is wherever the layout
// puts it). The caller skips this while a text field has the focus.
func shortcuts(k keyState, dst []command) []command {
	if k.modifier {
		return dst
	}
	if k.space {
		dst = append(dst, cmdTogglePlay)
	}
	if k.right {
		if k.shift {
			dst = append(dst, cmdLayerOnce)
		} else {
			dst = append(dst, cmdStepOnce)
		}
	}
	if k.left {
		dst = append(dst, cmdStepBack)
	}
	if k.escape {
		dst = append(dst, cmdCloseHelp)
	}
	for _, r := range k.chars {
		switch r {
		case 'r', 'R':
			dst = append(dst, cmdReset)
		case 'c', 'C':
			dst = append(dst, cmdToggleCompare)
		case 'g', 'G':
			dst = append(dst, cmdToggleCharts)
		case 'n', 'N':
			dst = append(dst, cmdNextScene)
		case 'l', 'L':
			dst = append(dst, cmdToggleLecture)
		case 'h', 'H', '?':
			dst = append(dst, cmdToggleHelp)
		case 'f', 'F':
			dst = append(dst, cmdToggleFullscreen)
		case ',', '<':
			dst = append(dst, cmdPrevRequest)
		case '.', '>':
			dst = append(dst, cmdNextRequest)
		}
	}
	return dst
}

// held reports whether key went down this tick or repeats while held.
func held(key ebiten.Key) bool {
	return inpututil.IsKeyJustPressed(key) || repeats(inpututil.KeyPressDuration(key))
}

// readKeys reads this tick's keyboard from Ebiten; chars is reused.
func readKeys(chars []rune) keyState {
	pressed := ebiten.IsKeyPressed
	return keyState{
		space:    inpututil.IsKeyJustPressed(ebiten.KeySpace),
		right:    held(ebiten.KeyArrowRight),
		left:     held(ebiten.KeyArrowLeft),
		escape:   inpututil.IsKeyJustPressed(ebiten.KeyEscape),
		shift:    pressed(ebiten.KeyShift),
		modifier: pressed(ebiten.KeyControl) || pressed(ebiten.KeyAlt) || pressed(ebiten.KeyMeta),
		chars:    ebiten.AppendInputChars(chars[:0]),
	}
}
