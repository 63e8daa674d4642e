//go:build !js

package main

import "os"

// noHost is the desktop's host: there is no page to report to.
type noHost struct{}

func newHost(*mailbox) host        { return noHost{} }
func (noHost) frameDrawn(int64)    {}
func (noHost) setError(msg string) {}
func (noHost) showQuery(string)    {}

// launchQuery returns what the desktop app was asked to run: its one
// argument, in the link's query form, such as
//
//	dsaviz 'preset=small-demo&ways=4&play=0'
func launchQuery() string {
	if len(os.Args) > 1 {
		return os.Args[1]
	}
	return ""
}
