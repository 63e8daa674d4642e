// Package workload lays a DSA model out in memory: where each layer's KV
// entries, indexer keys and weights live, as byte and line addresses. It
// answers, in O(1) and without allocating, which lines a token, a page or
// a stream occupies, and which region a line belongs to.
//
// Usage:
//
//	l, err := workload.New(cfg) // cfg must validate
//	first, n := l.TokenLines(layer, token) // n lines from first
//	class, layer, ok := l.Owner(line)      // what a line holds
package workload
