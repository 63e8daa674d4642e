package main

import (
	"slices"
	"testing"
)

func TestShortcuts(t *testing.T) {
	tests := []struct {
		name string
		keys keyState
		want []command
	}{
		{"nothing", keyState{}, nil},
		{"space", keyState{space: true, chars: []rune{' '}}, []command{cmdTogglePlay}},
		{"right", keyState{right: true}, []command{cmdStepOnce}},
		{"shift right", keyState{right: true, shift: true}, []command{cmdLayerOnce}},
		{"left", keyState{left: true}, []command{cmdStepBack}},
		{"compare", keyState{chars: []rune("cC")}, []command{cmdToggleCompare, cmdToggleCompare}},
		{"charts", keyState{chars: []rune("g")}, []command{cmdToggleCharts}},
		{"tour", keyState{chars: []rune("nN")}, []command{cmdNextScene, cmdNextScene}},
		{"lecture", keyState{chars: []rune("lL")}, []command{cmdToggleLecture, cmdToggleLecture}},
		{"r and R", keyState{chars: []rune("rR")}, []command{cmdReset, cmdReset}},
		{"help", keyState{chars: []rune("hH?")}, []command{cmdToggleHelp, cmdToggleHelp, cmdToggleHelp}},
		{"escape", keyState{escape: true}, []command{cmdCloseHelp}},
		{"fullscreen", keyState{chars: []rune("f")}, []command{cmdToggleFullscreen}},
		{"previous request", keyState{chars: []rune(",<")}, []command{cmdPrevRequest, cmdPrevRequest}},
		{"next request", keyState{chars: []rune(".>")}, []command{cmdNextRequest, cmdNextRequest}},
		{"ctrl+. is the browser's", keyState{modifier: true, chars: []rune(".")}, nil},
		{"other letters", keyState{chars: []rune("xyz/1")}, nil},
		{"ctrl+left is the browser's", keyState{modifier: true, left: true}, nil},
		{"ctrl+r is the browser's", keyState{modifier: true, chars: []rune("r")}, nil},
		{"ctrl+right is the browser's", keyState{modifier: true, right: true}, nil},
	}
	for _, tt := range tests {
		if got := shortcuts(tt.keys, nil); !slices.Equal(got, tt.want) {
			t.Errorf("%s: shortcuts(%+v) = %v, want %v", tt.name, tt.keys, got, tt.want)
		}
	}
}

func TestRepeats(t *testing.T) {
	var fired []int
	for d := range 50 {
		if repeats(d) {
			fired = append(fired, d)
		}
	}
	if want := []int{30, 36, 42, 48}; !slices.Equal(fired, want) {
		t.Errorf("a key held 0..49 ticks fires at %v, want %v", fired, want)
	}
}
