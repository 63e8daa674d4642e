package trace

// Source gives the DSA selection S(step, layer): for each decode step and
// layer, the token indices the layer's top-k picked, sorted ascending and
// distinct. A synthetic Generator and a Log read from a file are Sources;
// the engine, the statistics and the app read every trace through it.
type Source interface {
	// Layers is the number of layers, numbered 0..Layers()-1.
	Layers() int
	// Steps is the number of decode steps, numbered 0..Steps()-1.
	Steps() int
	// Selection returns S(step, layer), or nil when step or layer is out
	// of range. The slice is read-only and stays valid: the source never
	// overwrites it. Results do not depend on the order of calls.
	Selection(step, layer int) []int32
}
