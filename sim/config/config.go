// Package config holds Config, the one value that defines a dsaviz run: the
// LLC geometry and policy, the reservation, the model shape, the selection
// generator and the timing constants. The same camelCase keys name its
// fields in JSON files, URL queries and command-line flags.
package config

// Policy names accepted by Config.Policy.
const (
	PolicyLRU    = "lru"
	PolicyFIFO   = "fifo"
	PolicyRandom = "random"
	PolicySRRIP  = "srrip"
)

// Set-index functions accepted by Config.Hash.
const (
	HashMod = "mod"
	HashXOR = "xor"
)

// Reservation modes accepted by Config.Mode.
const (
	ModeNone   = "none"
	ModeWays   = "ways"
	ModePrevK  = "prevk"
	ModePages  = "pages"
	ModeTokens = "tokens"
)

// KV layouts accepted by Config.Layout.
const (
	LayoutRounded = "rounded"
	LayoutPacked  = "packed"
	LayoutPaged   = "paged"
)

// Config defines one simulated run. It is plain data: copy it freely. Every
// field documents its unit and its default (DefaultConfig).
type Config struct {
	// Capacity is the LLC size in bytes (default 50MiB, an H100 L2).
	Capacity Size `json:"capacity"`
	// Line is the cache line size in bytes, a power of two (default 128).
	Line int `json:"line"`
	// Ways is the associativity, 1..64 (default 16).
	Ways int `json:"ways"`
	// Policy is the shared part's replacement policy: lru, fifo, random
	// (seeded) or srrip (default lru).
	Policy string `json:"policy"`
	// Hash is the set index: mod (line mod sets) or xor (the line's row
	// number folded into its set bits) (default mod).
	Hash string `json:"hash"`
	// Bypass makes the indexer and weight streams non-temporal: they are
	// read but never allocated in the LLC (default false).
	Bypass bool `json:"bypass"`
	// Reserve is the part of the capacity set aside for KV, in bytes
	// (default 0; ignored in mode none).
	Reserve Size `json:"reserve"`
	// Mode is the reservation scheme: none, ways, prevk, pages or tokens
	// (default none).
	Mode string `json:"mode"`
	// PageTokens is the number of tokens per KV page, used by the paged
	// layout and the pages mode (default 64, as FlashMLA).
	PageTokens int `json:"pageTokens"`

	// Layers is the number of transformer layers simulated (default 61).
	Layers int `json:"layers"`
	// TopK is the number of tokens each layer selects per step (default 2048).
	TopK int `json:"topk"`
	// KVBytes is the KV entry per token per layer in bytes (default 656).
	KVBytes int `json:"kvBytes"`
	// IndexerBytes is the indexer key per token per layer in bytes; 0
	// disables the indexer stream (default 132).
	IndexerBytes int `json:"indexerBytes"`
	// WeightBytes is the weight stream read per layer per step in bytes
	// (default 64MiB, larger than the default LLC).
	WeightBytes Size `json:"weightBytes"`
	// Prompt is the number of tokens in the context before the first
	// decode step (default 32768).
	Prompt int `json:"prompt"`
	// Steps is the number of decode steps of a run (default 64).
	Steps int `json:"steps"`
	// Seed seeds every random choice of the run (default 1).
	Seed uint64 `json:"seed"`

	// StepOverlap is the probability that a token selected at the previous
	// step is selected again (default 0.45).
	StepOverlap float64 `json:"stepOverlap"`
	// LayerOverlap is the probability that a refilled slot takes a token
	// the previous layer selected at this step (default 0.36).
	LayerOverlap float64 `json:"layerOverlap"`
	// ReturnRate is the probability that a refilled slot, not taken from
	// the previous layer, takes a token this layer selected before and
	// dropped (default 0.5).
	ReturnRate float64 `json:"returnRate"`
	// Lookback is the mean distance in steps to the last selection of a
	// returning token (default 3.3).
	Lookback float64 `json:"lookback"`
	// Sinks is the number of first tokens always selected (default 4).
	Sinks int `json:"sinks"`
	// Window is the number of most recent tokens always selected (default 16).
	Window int `json:"window"`
	// Skew shapes the popularity of never-selected tokens: 0 is uniform
	// over the context, larger values favour recent tokens (default 1).
	Skew float64 `json:"skew"`
	// Layout is the KV layout: rounded (stride rounded up to the line),
	// packed, or paged (pages of PageTokens at shuffled frames)
	// (default rounded).
	Layout string `json:"layout"`

	// Bandwidth is the memory bandwidth in GB/s (1e9 bytes/s) (default 3350).
	Bandwidth float64 `json:"bandwidth"`
	// MissLatency is the latency of an LLC miss in ns (default 600).
	MissLatency float64 `json:"missLatency"`
	// HitLatency is the latency of an LLC hit in ns (default 200).
	HitLatency float64 `json:"hitLatency"`
	// MLP is the number of misses in flight that overlap (default 128).
	MLP int `json:"mlp"`
}

// DefaultConfig returns the defaults: DeepSeek-V3.2's shape on an H100 L2
// with no reservation.
func DefaultConfig() Config {
	return Config{
		Capacity: 50 << 20, Line: 128, Ways: 16, Policy: PolicyLRU, Hash: HashMod,
		Reserve: 0, Mode: ModeNone, PageTokens: 64,
		Layers: 61, TopK: 2048, KVBytes: 656, IndexerBytes: 132, WeightBytes: 64 << 20,
		Prompt: 32768, Steps: 64, Seed: 1,
		StepOverlap: 0.45, LayerOverlap: 0.36, ReturnRate: 0.5, Lookback: 3.3,
		Sinks: 4, Window: 16, Skew: 1, Layout: LayoutRounded,
		Bandwidth: 3350, MissLatency: 600, HitLatency: 200, MLP: 128,
	}
}
