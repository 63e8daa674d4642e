package trace

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// maxTextLine bounds one line of a text log.
const maxTextLine = 64 << 20

// textRow is one selection of a text log, before the grid is assembled.
type textRow struct {
	step, layer int32
	start, end  int32 // in the data read so far
	line        int
}

// ReadText reads the text form of an index log: one line per (step, layer),
// "step layer i1 i2 ...", fields separated by spaces or tabs; blank lines
// and lines starting with # are ignored. Lines may come in any order, but
// together they must cover a complete grid: every step 0..S-1 with every
// layer 0..L-1, each exactly once. An index of -1 is padding; others must
// be 0..2^31-1 and distinct within a line. Lines longer than 64 MiB are
// refused. Errors read "trace: NAME: line N: ...".
func ReadText(r io.Reader, name string) (*Log, error) {
	return readText(bufio.NewReaderSize(r, 64<<10), name)
}

func readText(br *bufio.Reader, name string) (*Log, error) {
	errLine := func(n int, format string, args ...any) error {
		return fmt.Errorf("trace: %s: line %d: %s", name, n, fmt.Sprintf(format, args...))
	}
	var (
		data []int32
		rows []textRow
		long []byte // a line longer than the buffer, assembled
	)
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		for errors.Is(err, bufio.ErrBufferFull) {
			if len(long)+len(line) > maxTextLine {
				return nil, errLine(n, "longer than %d MiB", maxTextLine>>20)
			}
			long = append(long, line...)
			line, err = br.ReadSlice('\n')
		}
		if len(long) > 0 {
			long = append(long, line...)
			line, long = long, long[:0]
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, errLine(n, "%v", err)
		}
		if len(line) > maxTextLine {
			return nil, errLine(n, "longer than %d MiB", maxTextLine>>20)
		}
		if row, ok, perr := parseTextLine(line, &data); perr != nil {
			return nil, errLine(n, "%v", perr)
		} else if ok {
			row.line = n
			rows = append(rows, row)
			if len(data) > maxLogEntries || len(rows) > maxLogRows {
				return nil, errLine(n, "more than %d indices or %d selections", maxLogEntries, maxLogRows)
			}
		}
		if err != nil { // io.EOF
			break
		}
	}
	return assembleText(name, rows, data)
}

// parseTextLine appends the indices of one line to data, sorted, and
// returns its row; ok is false for blank and comment lines.
func parseTextLine(line []byte, data *[]int32) (row textRow, ok bool, err error) {
	fields := bytes.Fields(line)
	if len(fields) == 0 || fields[0][0] == '#' {
		return row, false, nil
	}
	if len(fields) < 2 {
		return row, false, fmt.Errorf("want \"step layer i1 i2 ...\", got %d field", len(fields))
	}
	for i, p := range []*int32{&row.step, &row.layer} {
		v, err := strconv.ParseInt(string(fields[i]), 10, 32)
		if err != nil || v < 0 || v == math.MaxInt32 {
			return row, false, fmt.Errorf("%s %q is not an integer 0..%d", [2]string{"step", "layer"}[i], fields[i], math.MaxInt32-1)
		}
		*p = int32(v)
	}
	row.start = int32(len(*data))
	for i, f := range fields[2:] {
		v, err := strconv.ParseInt(string(f), 10, 64)
		switch {
		case err != nil || v < -1 || v > math.MaxInt32:
			return row, false, fmt.Errorf("step %d layer %d: index %d, %q, is not an integer 0..%d (or -1 for padding)", row.step, row.layer, i+1, f, math.MaxInt32)
		case v >= 0:
			*data = append(*data, int32(v))
		}
	}
	row.end = int32(len(*data))
	if dup, ok := sortRow((*data)[row.start:]); !ok {
		return row, false, fmt.Errorf("step %d layer %d: index %d appears twice", row.step, row.layer, dup)
	}
	return row, true, nil
}

// assembleText checks that rows cover the grid [steps x layers] exactly
// once and orders the data step-major.
func assembleText(name string, rows []textRow, data []int32) (*Log, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("trace: %s: %s", name, fmt.Sprintf(format, args...))
	}
	if len(rows) == 0 {
		return nil, fail("no selections (every line is blank or a comment)")
	}
	steps, layers := 0, 0
	for _, r := range rows {
		steps, layers = max(steps, int(r.step)+1), max(layers, int(r.layer)+1)
	}
	cells := int64(steps) * int64(layers)
	if cells > int64(len(rows)) {
		return nil, fail("%d lines cannot cover steps 0..%d x layers 0..%d (%d selections): every step needs every layer exactly once", len(rows), steps-1, layers-1, cells)
	}
	grid := make([]int, cells) // index in rows, +1; 0 = missing
	for i, r := range rows {
		cell := &grid[int(r.step)*layers+int(r.layer)]
		if *cell != 0 {
			return nil, fail("line %d: step %d layer %d appears again (first on line %d)", r.line, r.step, r.layer, rows[*cell-1].line)
		}
		*cell = i + 1
	}
	// No duplicate and no more cells than rows: every cell is filled.
	off := make([]int, 1, cells+1)
	ordered := make([]int32, 0, len(data))
	for _, i := range grid {
		r := rows[i-1]
		ordered = append(ordered, data[r.start:r.end]...)
		off = append(off, len(ordered))
	}
	return newLog(name, steps, layers, off, ordered), nil
}

// WriteText writes src in the form ReadText reads: a comment line, then one
// line "step layer i1 i2 ..." per (step, layer), step-major.
func WriteText(w io.Writer, src Source) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# dsaviz trace: %d steps x %d layers; each line: step layer token indices\n", src.Steps(), src.Layers())
	var buf []byte
	for t := 0; t < src.Steps(); t++ {
		for l := 0; l < src.Layers(); l++ {
			buf = strconv.AppendInt(buf[:0], int64(t), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, int64(l), 10)
			for _, tok := range src.Selection(t, l) {
				buf = append(buf, ' ')
				buf = strconv.AppendInt(buf, int64(tok), 10)
			}
			buf = append(buf, '\n')
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("trace: writing text: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("trace: writing text: %w", err)
	}
	return nil
}
