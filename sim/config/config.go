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

// Time models accepted by Config.TimeModel.
const (
	TimeMLP   = "mlp"
	TimePaper = "paper"
)

// MaxBatch is the largest batch: requests*layers also stays at most
// MaxRequestLayers, and the per-token tables grow with the batch.
const MaxBatch = 256

// KV layouts accepted by Config.Layout.
const (
	LayoutRounded = "rounded"
	LayoutPacked  = "packed"
	LayoutPaged   = "paged"
)

// Config defines one simulated run. It is plain data: copy it freely. Every
// field documents its unit, the range Validate allows and its default
// (DefaultConfig). Its json tags are the config keys (Keys).
type Config struct {
	// Capacity is the LLC size in bytes: whole sets of line*ways bytes, at
	// most MaxLines lines (default 50MiB, an H100 L2: 25,600 sets).
	Capacity Size `json:"capacity"`
	// Line is the cache line size in bytes, a power of two from 8 to
	// 65536 (default 128).
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
	// (default 0). Mode none ignores it (it may be 0..capacity). Mode ways
	// reserves reserve/(sets*line) whole ways, rounded down; tokens and
	// prevk hold reserve/TokenStride token slots; pages holds pages of
	// PageTokens slots. In those modes it must hold at least one unit (a
	// way, a slot or a page) and leave at least one way to the shared
	// part.
	Reserve Size `json:"reserve"`
	// Mode is the reservation scheme: none, ways, prevk, pages or tokens
	// (default none).
	Mode string `json:"mode"`
	// PageTokens is the number of tokens per KV page, 1..4096, used by the
	// paged layout and the pages mode (default 64, as FlashMLA).
	PageTokens int `json:"pageTokens"`

	// Layers is the number of transformer layers simulated, 1..4096, with
	// layers*(prompt+steps) at most MaxTokenTable (default 61).
	Layers int `json:"layers"`
	// TopK is the number of tokens each layer selects per step, 1..2^20,
	// with layers*topk at most MaxSelections (default 2048). While the
	// context is shorter, every token is selected.
	TopK int `json:"topk"`
	// KVBytes is the KV entry per token per layer in bytes, 1..2^20
	// (default 656).
	KVBytes int `json:"kvBytes"`
	// IndexerBytes is the indexer key per token per layer in bytes,
	// 0..2^20; 0 disables the indexer stream (default 132).
	IndexerBytes int `json:"indexerBytes"`
	// WeightBytes is the weight stream read per layer per step in bytes,
	// 0..1TiB (default 64MiB, larger than the default LLC).
	WeightBytes Size `json:"weightBytes"`
	// Prompt is the number of tokens in the context before the first
	// decode step, 1..MaxContext-1 (default 32768).
	Prompt int `json:"prompt"`
	// Steps is the number of decode steps of a run, 1..2^20, with
	// prompt+steps at most MaxContext (default 64).
	Steps int `json:"steps"`
	// Batch is the number of concurrent requests decoded together,
	// 1..MaxBatch, with batch*layers at most MaxRequestLayers,
	// batch*layers*topk at most MaxSelections and
	// batch*layers*(largest prompt+steps) at most MaxTokenTable
	// (default 1). Each request has its own KV, indexer keys and
	// selections; request 0's prompt is prompt, the others' are drawn
	// in PromptRange. Every layer runs every request before the next
	// layer; its weights stream once for the whole batch.
	Batch int `json:"batch"`
	// Seed seeds every random choice of the run, any value (default 1).
	Seed uint64 `json:"seed"`

	// StepOverlap is the probability, 0..1, that a token selected at the
	// previous step is selected again (default 0.45).
	StepOverlap float64 `json:"stepOverlap"`
	// LayerOverlap is the target share, 0..1, of a selection that the
	// previous layer also selected at this step: refilled slots take tokens
	// of the previous layer's selection until the share is reached
	// (default 0.36).
	LayerOverlap float64 `json:"layerOverlap"`
	// ReturnRate is the probability, 0..1, that a refilled slot takes a
	// token this layer selected before and dropped (whether it comes through
	// the previous layer or not), rather than one never selected (default
	// 0.5).
	ReturnRate float64 `json:"returnRate"`
	// Lookback is the mean distance in steps, 1..1000, to the last
	// selection of a returning token (default 3.3). A returning token was
	// dropped at the previous step, so distances start at 2: values below
	// 2 behave as 2.
	Lookback float64 `json:"lookback"`
	// Sinks is the number of first tokens always selected, 0..topk
	// (default 4).
	Sinks int `json:"sinks"`
	// Window is the number of most recent tokens always selected,
	// 0..topk-sinks (default 16).
	Window int `json:"window"`
	// Skew shapes the popularity of never-selected tokens, 0..8: 0 is
	// uniform over the context, larger values favour recent tokens
	// (default 1).
	Skew float64 `json:"skew"`
	// Layout is the KV layout: rounded (stride rounded up to the line),
	// packed, or paged (pages of PageTokens at shuffled frames)
	// (default rounded).
	Layout string `json:"layout"`

	// Bandwidth is the memory bandwidth in GB/s (1e9 bytes/s), 0.001..1e7
	// (default 3350).
	Bandwidth float64 `json:"bandwidth"`
	// MissLatency is the latency of an LLC miss in ns, 0..1e9 (default 600).
	MissLatency float64 `json:"missLatency"`
	// HitLatency is the latency of an LLC hit in ns, 0..1e9 (default 200).
	HitLatency float64 `json:"hitLatency"`
	// MLP is the number of misses in flight that overlap, 1..2^20
	// (default 128).
	MLP int `json:"mlp"`
	// TimeModel is how counts become time (default mlp). mlp: per
	// layer, streamBytes/bandwidth + ceil(blockingMisses/mlp)*missLatency
	// + kvHitLines*hitLatency/mlp. paper: the roofline of the paper's
	// Table 4, the KV gathers alone: per layer and request, one
	// efficient read of the selection (tokens*kvBytes/bandwidth) plus
	// missLatency for each distinct KV page (token/pageTokens) among the
	// tokens that missed, summed over layers and the batch.
	TimeModel string `json:"timeModel"`
}

// DefaultConfig returns the defaults: DeepSeek-V3.2's shape on an H100 L2
// with no reservation. It is valid, and a new copy on every call.
func DefaultConfig() Config {
	return Config{
		Capacity: 50 << 20, Line: 128, Ways: 16, Policy: PolicyLRU, Hash: HashMod,
		Reserve: 0, Mode: ModeNone, PageTokens: 64,
		Layers: 61, TopK: 2048, KVBytes: 656, IndexerBytes: 132, WeightBytes: 64 << 20,
		Prompt: 32768, Steps: 64, Batch: 1, Seed: 1,
		StepOverlap: 0.45, LayerOverlap: 0.36, ReturnRate: 0.5, Lookback: 3.3,
		Sinks: 4, Window: 16, Skew: 1, Layout: LayoutRounded,
		Bandwidth: 3350, MissLatency: 600, HitLatency: 200, MLP: 128, TimeModel: TimeMLP,
	}
}
