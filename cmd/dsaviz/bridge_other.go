//go:build !js

package main

import (
	"os"
	"path/filepath"
)

// noHost is the desktop's host: there is no page to report to.
type noHost struct{}

func newHost(*mailbox) host        { return noHost{} }
func (noHost) frameDrawn(int64)    {}
func (noHost) setError(msg string) {}
func (noHost) showQuery(string)    {}

// download writes the file into the working directory.
func (noHost) download(name, _ string, data []byte) (string, error) {
	path, err := filepath.Abs(name)
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	return path, err
}

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
