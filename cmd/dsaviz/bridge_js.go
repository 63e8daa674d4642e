//go:build js

package main

import (
	"encoding/json"
	"syscall/js"

	"dsaviz/render"
)

// jsHost is the JavaScript bridge: it publishes window.dsaviz, the app's
// interface for tests and for course pages that embed it:
//
//	dsaviz.ready       true once the second frame is drawn (the first may
//	                   come before anything is presented)
//	dsaviz.startup     {main, firstFrame, ready}: performance.now() when
//	                   the Go program started, drew its first frame and
//	                   became ready
//	dsaviz.error       the last user-facing error, or ""
//	dsaviz.config()    A's config as a flat object with the URL keys (sizes
//	                   in bytes), preset ("" for the defaults), compare, and
//	                   when comparing b, B's config; seeds above 2^53 lose
//	                   precision as JavaScript numbers
//	dsaviz.stats()     {step, layer, accesses, hits, reservedHits,
//	                   sharedHits, misses, blockingMisses, hitRate,
//	                   kvHitRate, tokensPerSecond, b (B's figures when
//	                   comparing), seeking, fps, tps, done, frames, playing,
//	                   speed, help, updateMs, drawMs, request (the batch's
//	                   request shown, 1-based), requests (per request:
//	                   {prompt, accesses, reservedHits, sharedHits, misses,
//	                   blockingMisses, kvHitRate, missPages, slowdown}; also
//	                   in b)}, cumulative since the last reset; step counts
//	                   completed decode steps
//	dsaviz.hover()     the tooltip of what lies under the pointer: {lines
//	                   (its text, [] when none shows), box, llc}, box the
//	                   tooltip and llc pane A's LLC picture as {x, y, w, h}
//	                   in CSS pixels, or null when not drawn
//	dsaviz.palette()   the named colours of the picture, the legend and the
//	                   charts ({hit, streamMiss, blockingMiss, reserved,
//	                   seriesA, ...}) as "#rrggbb"
//	dsaviz.csv()       one CSV row per completed step of A (and B), as the
//	                   panel's CSV button downloads it
//	dsaviz.configJSON(["b"])
//	                   A's (or B's) config as the JSON dsasim -config reads
//	dsaviz.lastDownload the name of the last file offered for download
//	dsaviz.loadTrace(name, bytes[, problem])
//	                   load an index log (.npy or text) as the runs' trace;
//	                   a bad file sets dsaviz.error and changes nothing
//	dsaviz.trace       the name of the trace the runs replay, "" for the
//	                   generator
//	dsaviz.play(), dsaviz.pause(), dsaviz.stepOnce(), dsaviz.stepBack()
//	                   queue a command for the next Update; return false if
//	                   the queue is full
//	dsaviz.configure("ways=4&seed=7")
//	                   change the run as a link would (config keys over the
//	                   current config, b.KEY for B, cmp, at, preset=NAME,
//	                   play, speed); all or nothing: a refused change sets
//	                   dsaviz.error
//	dsaviz.testPanic("update"|"draw")
//	                   test hook: make the next Update or Draw panic, to
//	                   check that the app recovers
//
// Only numbers, booleans and strings cross. Calls from JavaScript run on
// their own goroutine, so they touch the Game only through the mailbox.
type jsHost struct {
	obj   js.Value
	ready bool
}

// newHost installs window.dsaviz. Every js.FuncOf made here lives for the
// whole program (the object is never removed), so none is released.
func newHost(m *mailbox) host {
	obj := js.Global().Get("Object").New()
	obj.Set("ready", false)
	startup := js.Global().Get("Object").New()
	startup.Set("main", now())
	obj.Set("startup", startup)
	obj.Set("error", "")
	obj.Set("trace", "")
	obj.Set("config", js.FuncOf(func(js.Value, []js.Value) any {
		spec := m.config()
		v := jsonValue(spec.cfg)
		if v.IsNull() {
			return v
		}
		v.Set("preset", spec.preset)
		v.Set("compare", spec.compare)
		if spec.compare {
			v.Set("b", jsonValue(spec.b))
		}
		return v
	}))
	obj.Set("stats", js.FuncOf(func(js.Value, []js.Value) any {
		return js.ValueOf(m.read().fields())
	}))
	obj.Set("hover", js.FuncOf(func(js.Value, []js.Value) any {
		return js.ValueOf(m.readHover().fields())
	}))
	poster := func(c command) js.Func {
		return js.FuncOf(func(js.Value, []js.Value) any { return m.post(c) })
	}
	obj.Set("palette", js.FuncOf(func(js.Value, []js.Value) any {
		pal := render.PaletteFor(m.read().Lecture) // the active theme's
		named := pal.Named()
		v := make(map[string]any, len(named))
		for k, c := range named {
			v[k] = c
		}
		return js.ValueOf(v)
	}))
	obj.Set("csv", js.FuncOf(func(js.Value, []js.Value) any {
		r := m.runs()
		if r == nil {
			return ""
		}
		return string(r.csv())
	}))
	obj.Set("configJSON", js.FuncOf(func(_ js.Value, args []js.Value) any {
		r := m.runs()
		if r == nil {
			return ""
		}
		i := 0
		if len(args) == 1 && args[0].Type() == js.TypeString && args[0].String() == "b" {
			i = 1
		}
		return string(r.configJSON(i))
	}))
	obj.Set("loadTrace", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeString {
			return false
		}
		f := traceFile{name: args[0].String()}
		if len(args) > 2 && args[2].Type() == js.TypeString {
			f.problem = args[2].String()
		}
		if n := args[1].Get("length"); n.Type() == js.TypeNumber && n.Int() > 0 {
			f.data = make([]byte, n.Int())
			js.CopyBytesToGo(f.data, args[1])
		}
		return m.postTrace(f)
	}))
	obj.Set("play", poster(cmdPlay))
	obj.Set("pause", poster(cmdPause))
	obj.Set("stepOnce", poster(cmdStepOnce))
	obj.Set("stepBack", poster(cmdStepBack))
	obj.Set("configure", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return false
		}
		return m.postChange(args[0].String())
	}))
	obj.Set("testPanic", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 1 && args[0].Type() == js.TypeString && args[0].String() == "draw" {
			return m.post(cmdPanicInDraw)
		}
		return m.post(cmdPanicInUpdate)
	}))
	js.Global().Set("dsaviz", obj)
	return &jsHost{obj: obj}
}

func (h *jsHost) frameDrawn(frames int64) {
	if frames == 1 {
		h.obj.Get("startup").Set("firstFrame", now())
	}
	if !h.ready && frames >= readyFrames {
		h.ready = true
		h.obj.Get("startup").Set("ready", now())
		h.obj.Set("ready", true)
	}
}

// now is performance.now(): milliseconds since navigation.
// jsonValue is v as a JavaScript value, through its JSON (null if it has
// none).
func jsonValue(v any) js.Value {
	b, err := json.Marshal(v)
	if err != nil {
		return js.Null()
	}
	return js.Global().Get("JSON").Call("parse", string(b))
}

func now() js.Value { return js.Global().Get("performance").Call("now") }

func (h *jsHost) setError(msg string) { h.obj.Set("error", msg) }

// openTrace opens the page's file dialog for an index log (web/trace.js
// hands the file to loadTrace).
func (h *jsHost) openTrace() {
	if in := js.Global().Get("document").Call("getElementById", "dsaviz-trace"); !in.IsNull() {
		in.Call("click")
	}
}

// setTrace tells the page the trace the runs replay.
func (h *jsHost) setTrace(name string) { h.obj.Set("trace", name) }

// download offers data as a file download: a Blob behind a link clicked
// at once. The page keeps no reference, so the Blob goes once saved.
func (h *jsHost) download(name, mime string, data []byte) (string, error) {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	parts := js.Global().Get("Array").New(arr)
	opts := js.Global().Get("Object").New()
	opts.Set("type", mime)
	blob := js.Global().Get("Blob").New(parts, opts)
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Call("setTimeout", js.FuncOf(func(this js.Value, _ []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		return nil
	}), 1000)
	h.obj.Set("lastDownload", name)
	return name, nil
}

// showQuery replaces the address's query in place (history.replaceState):
// copying the address shares the run, and the back button is not filled
// with every change.
func (h *jsHost) showQuery(query string) {
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String()
	if query != "" {
		url += "?" + query
	}
	url += loc.Get("hash").String()
	js.Global().Get("history").Call("replaceState", js.Null(), "", url)
}

// launchQuery returns the page's query (location.search).
func launchQuery() string {
	return js.Global().Get("location").Get("search").String()
}

// runs returns the runs on screen (nil before the first); only the
// browser bridge reads them from outside the game loop.
func (m *mailbox) runs() *runs { return m.current.get() }
