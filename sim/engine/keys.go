package engine

// KeySpace numbers what a reservation holds, a token (modes tokens and
// prevk) or a page (mode pages) of one layer of one request of the batch:
//
//	key = (request*Layers + layer)*PerLayer + unit
//
// where unit is the token index (PerLayer = Layout.MaxContext) or the page
// index (PerLayer = Layout.PagesPerLayer). With one request this is
// layer*PerLayer + unit, the keys from before batches. It is the one place
// that maps (request, layer, token) to a key: the engine, the pictures and
// any tool that replays the engine's key sequence use it. The engine looks
// keys up step by step, layer by layer, then request by request, each
// selection in index order (mode tokens: every selected token's key; mode
// pages: the page key of each selected token).
type KeySpace struct {
	Requests, Layers, PerLayer int
}

// Key returns the key of a unit of a request's layer.
func (k KeySpace) Key(request, layer, unit int) int32 {
	return int32((request*k.Layers+layer)*k.PerLayer + unit)
}

// Split is Key's inverse.
func (k KeySpace) Split(key int32) (request, layer, unit int) {
	rl, unit := int(key)/k.PerLayer, int(key)%k.PerLayer
	if k.Requests == 1 {
		return 0, rl, unit // no second division for the usual batch of one
	}
	return rl / k.Layers, rl % k.Layers, unit
}

// Size is the number of keys: every key is in [0, Size()).
func (k KeySpace) Size() int { return k.Requests * k.Layers * k.PerLayer }
