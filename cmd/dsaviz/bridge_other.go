//go:build !js

package main

// noHost is the desktop's host: there is no page to report to.
type noHost struct{}

func newHost(*mailbox) host        { return noHost{} }
func (noHost) frameDrawn(int64)    {}
func (noHost) setError(msg string) {}
