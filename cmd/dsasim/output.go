package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// output is a file a command writes (or stdout for "-"), buffered.
type output struct {
	*bufio.Writer
	name string
	f    *os.File // nil for stdout
}

// createOutput creates the named file, or wraps stdout for "-".
func createOutput(e *env, name string) (*output, error) {
	if name == "-" {
		return &output{Writer: bufio.NewWriter(e.stdout), name: "stdout"}, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &output{Writer: bufio.NewWriter(f), name: name, f: f}, nil
}

// Close flushes and closes the output and reports the first error.
func (o *output) Close() error {
	err := o.Flush()
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", o.name, err)
	}
	return nil
}

// abandon closes the output after a failure, ignoring further errors.
func (o *output) abandon() {
	if o.f != nil {
		o.f.Close()
	}
}

// openInput opens the named file, or stdin for "-".
func openInput(e *env, name string) (io.ReadCloser, string, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), "stdin", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	return f, name, nil
}
