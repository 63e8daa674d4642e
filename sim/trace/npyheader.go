package trace

import (
	"fmt"
	"strconv"
)

// npyHeader is what a .npy header says about its array.
type npyHeader struct {
	descr   string  // dtype, such as "<i4"
	fortran bool    // true: column-major (refused)
	shape   []int64 // dimensions
}

// headerError is a fault in a .npy header at byte pos of the header text.
type headerError struct {
	pos int
	msg string
}

func (e *headerError) Error() string { return e.msg }

// parseNPYHeader reads the Python dict literal of a .npy header, such as
// {'descr': '<i4', 'fortran_order': False, 'shape': (3, 2, 4), }, padded
// with spaces and ending in a newline. It accepts exactly the three keys
// NumPy writes, each once.
func parseNPYHeader(text []byte) (npyHeader, error) {
	p := &dictParser{s: text}
	var h npyHeader
	seen := map[string]bool{}
	p.space()
	if err := p.expect('{'); err != nil {
		return h, err
	}
	for {
		p.space()
		if p.peek() == '}' {
			p.i++
			break
		}
		keyPos := p.i
		key, err := p.str()
		if err != nil {
			return h, err
		}
		if seen[key] {
			return h, p.fail(keyPos, "key %q appears twice", key)
		}
		seen[key] = true
		p.space()
		if err := p.expect(':'); err != nil {
			return h, err
		}
		p.space()
		switch key {
		case "descr":
			if p.peek() == '[' {
				return h, p.fail(p.i, "descr is a structured dtype; indices must be one integer column")
			}
			h.descr, err = p.str()
		case "fortran_order":
			h.fortran, err = p.boolean()
		case "shape":
			h.shape, err = p.tuple()
		default:
			return h, p.fail(keyPos, "unknown key %q (want descr, fortran_order, shape)", key)
		}
		if err != nil {
			return h, err
		}
		p.space()
		if p.peek() == ',' {
			p.i++
		} else if p.peek() != '}' {
			return h, p.fail(p.i, "want ',' or '}' after the value of %q", key)
		}
	}
	p.space()
	if p.i != len(p.s) {
		return h, p.fail(p.i, "unexpected text after the header's '}'")
	}
	for _, key := range []string{"descr", "fortran_order", "shape"} {
		if !seen[key] {
			return h, p.fail(p.i, "key %q is missing", key)
		}
	}
	return h, nil
}

// dictParser scans the small subset of Python literals .npy headers use.
type dictParser struct {
	s []byte
	i int
}

func (p *dictParser) fail(pos int, format string, args ...any) error {
	return &headerError{pos: pos, msg: fmt.Sprintf(format, args...)}
}

func (p *dictParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *dictParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *dictParser) expect(c byte) error {
	if p.peek() != c {
		return p.fail(p.i, "want %q", c)
	}
	p.i++
	return nil
}

// str reads a quoted string without escapes.
func (p *dictParser) str() (string, error) {
	q := p.peek()
	if q != '\'' && q != '"' {
		return "", p.fail(p.i, "want a quoted string")
	}
	start := p.i + 1
	for j := start; j < len(p.s); j++ {
		switch p.s[j] {
		case q:
			p.i = j + 1
			return string(p.s[start:j]), nil
		case '\\', '\n':
			return "", p.fail(j, "unsupported character in a string")
		}
	}
	return "", p.fail(p.i, "unterminated string")
}

func (p *dictParser) boolean() (bool, error) {
	for _, w := range []string{"True", "False"} {
		if len(p.s)-p.i >= len(w) && string(p.s[p.i:p.i+len(w)]) == w {
			p.i += len(w)
			return w == "True", nil
		}
	}
	return false, p.fail(p.i, "want True or False")
}

// tuple reads (a, b, c), (a,) or (), with an optional L after each integer
// (Python 2).
func (p *dictParser) tuple() ([]int64, error) {
	if err := p.expect('('); err != nil {
		return nil, err
	}
	var dims []int64
	for {
		p.space()
		if p.peek() == ')' {
			p.i++
			return dims, nil
		}
		start := p.i
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
		if p.i == start {
			return nil, p.fail(start, "want a dimension (a non-negative integer)")
		}
		d, err := strconv.ParseInt(string(p.s[start:p.i]), 10, 64)
		if err != nil {
			return nil, p.fail(start, "dimension %s is too large", p.s[start:p.i])
		}
		dims = append(dims, d)
		if p.peek() == 'L' {
			p.i++
		}
		p.space()
		switch p.peek() {
		case ',':
			p.i++
		case ')':
		default:
			return nil, p.fail(p.i, "want ',' or ')' in the shape")
		}
		if len(dims) > 32 {
			return nil, p.fail(start, "shape has more than 32 dimensions")
		}
	}
}
