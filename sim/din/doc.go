// Package din reads and writes Dinero-style "din" address traces, the
// classic input of trace-driven cache simulators (Dinero III and IV), so
// that dsaviz's address streams can be cross-checked with other tools and
// other tools' traces replayed through dsaviz's caches.
//
// A din trace is text, one reference per line:
//
//	label hexaddr [anything else]
//
// The label is one decimal digit: 0 data read, 1 data write, 2 instruction
// fetch, 3 escape (an access of unknown type), 4 escape (flush the cache).
// The address is a byte address in hexadecimal, with or without a 0x
// prefix, at most 64 bits. Fields are separated by spaces, tabs or carriage
// returns (so a line may end in "\r\n"); fields after the address are
// ignored, as Dinero ignores them; blank lines are skipped. A line may be
// MaxLineBytes long.
//
// Labels 3 and 4 carry no address a cache model of reads can use: the
// Reader skips them and counts them (Reader.Skipped), so a replay can say
// how many it left out instead of guessing what they meant. Any other
// label is an error.
//
// Reading costs no allocation per line:
//
//	r := din.NewReader(f, "trace.din")
//	for {
//		rec, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // names the file and the line: "din: trace.din:12: ..."
//		}
//		use(rec.Addr)
//	}
package din
