package din_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"dsaviz/sim/din"
)

func ExampleReader() {
	trace := "0 1000\n1 0x1040 extra fields are ignored\n4 0\n2 deadbeef\n"
	r := din.NewReader(strings.NewReader(trace), "example.din")
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-5s %#x\n", rec.Label, rec.Addr)
	}
	fmt.Println("escapes skipped:", r.Skipped())

	bad := din.NewReader(strings.NewReader("0 1000\n9 2000\n"), "bad.din")
	for {
		if _, err := bad.Next(); err != nil {
			fmt.Println(err)
			break
		}
	}
	// Output:
	// read  0x1000
	// write 0x1040
	// fetch 0xdeadbeef
	// escapes skipped: 1
	// din: bad.din:2: label must be 0 (read), 1 (write), 2 (fetch), 3 or 4 (escapes), got "9"
}

func ExampleWriter() {
	var buf bytes.Buffer
	w := din.NewWriter(&buf)
	for line := uint64(0); line < 3; line++ {
		if err := w.Write(din.Record{Label: din.Read, Addr: line * 64}); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	fmt.Print(buf.String())
	// Output:
	// 0 0
	// 0 40
	// 0 80
}
