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

// Token reservation scopes accepted by Config.TokenScope.
const (
	ScopeGlobal = "global"
	ScopeLayer  = "layer"
)

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
	// way, a slot or a page; in mode tokens with tokenScope layer, a slot
	// per layer) and leave at least one way to the shared part.
	Reserve Size `json:"reserve"`
	// Mode is the reservation scheme: none, ways, prevk, pages or tokens
	// (default none).
	Mode string `json:"mode"`
	// PageTokens is the number of tokens per KV page, 1..4096, used by the
	// paged layout and the pages mode (default 64, as FlashMLA).
	PageTokens int `json:"pageTokens"`
	// TokenScope is how mode tokens shares its slots among layers: global
	// (one LRU over every layer's tokens) or layer (each layer gets its
	// share of the slots, slots/layers, the first slots%layers layers one
	// more, with an LRU of its own; reserve must then give every layer a
	// slot). Other modes ignore it (default global).
	TokenScope string `json:"tokenScope"`

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

	// StepOverlap is the mean probability, 0..1, that a token selected at
	// the previous step is selected again; each (step, layer) draws its own
	// around it, so 1 - stepOverlap is the mean new-lookup fraction, as
	// spread as the paper's (default 0.45: new lookups 0.55).
	StepOverlap float64 `json:"stepOverlap"`
	// LayerOverlap is the mean target share, 0..1, of a selection that the
	// previous layer also selected at this step: each (step, layer) draws
	// a target around it, and refilled slots take tokens of the previous
	// layer's selection until it is reached, and other refills avoid them
	// once it is (default 0.4: high targets are not always met, and the
	// measured overlap comes out about 0.36, the paper's).
	LayerOverlap float64 `json:"layerOverlap"`
	// ReturnRate is the mean probability, 0..1, that a refilled slot takes
	// a token this layer selected a few steps before and dropped, rather
	// than one drawn at a distance back (reach); each layer draws its own
	// around it. The higher, the smaller the working set (default 0.87).
	ReturnRate float64 `json:"returnRate"`
	// ReturnDistance is the mean distance in steps, 1..1000, to the last
	// selection of a returning token: the reuse distance (default 3.3). A
	// returning token was dropped at the previous step, so distances start
	// at 2: values below 2 behave as 2. Links and files of earlier versions
	// call it lookback, which is still read as this key.
	ReturnDistance float64 `json:"returnDistance"`
	// Reach is the mean distance back from the current position, in units
	// of topk, 0.01..1000, at which a token that is not returning is drawn
	// (Gamma distributed: mostly recent, with a tail deep into the
	// context). The paper's lookback, measured over every selected token,
	// comes out near it: a little longer, as tokens age while they stay
	// selected, and shorter when the context is not several times
	// reach*topk long (default 2.5: lookback 3.0 to 3.5 at k = 64 to 128 with
	// prompts of 500 to 1500 tokens). It replaces skew, which earlier
	// versions had and which is refused now.
	Reach float64 `json:"reach"`
	// Sinks is the number of first tokens always selected, 0..topk
	// (default 0). They count in every statistic, each as one run the
	// whole trace long at the longest lookback.
	Sinks int `json:"sinks"`
	// Window is the number of most recent tokens always selected,
	// 0..topk-sinks (default 0). Each stays selected window steps.
	Window int `json:"window"`
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

	// Horizon is how far ahead Belady's MIN (sim/oracle) sees, in decode
	// steps, 0..2^20: deciding during step t it knows the rest of step t
	// and steps t+1..t+horizon; a token not used within them counts as
	// used furthest in the future. The run itself ignores it (default 64).
	Horizon int `json:"horizon"`
}

// DefaultConfig returns the defaults: DeepSeek-V3.2's shape on an H100 L2
// with no reservation. It is valid, and a new copy on every call.
func DefaultConfig() Config {
	return Config{
		Capacity: 50 << 20, Line: 128, Ways: 16, Policy: PolicyLRU, Hash: HashMod,
		Reserve: 0, Mode: ModeNone, PageTokens: 64, TokenScope: ScopeGlobal,
		Layers: 61, TopK: 2048, KVBytes: 656, IndexerBytes: 132, WeightBytes: 64 << 20,
		Prompt: 32768, Steps: 64, Batch: 1, Seed: 1,
		StepOverlap: 0.45, LayerOverlap: 0.4, ReturnRate: 0.87, ReturnDistance: 3.3,
		Reach: 2.5, Sinks: 0, Window: 0, Layout: LayoutRounded,
		Bandwidth: 3350, MissLatency: 600, HitLatency: 200, MLP: 128, TimeModel: TimeMLP,
		Horizon: 64,
	}
}
