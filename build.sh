#!/usr/bin/env bash
# build.sh: the one entry point to build, serve and test dsaviz.
#   ./build.sh serve [ADDR]  build the web app into dist/ and serve it (default 127.0.0.1:8080)
#   ./build.sh build         build the static site into dist/
#   ./build.sh desktop       build the native app into bin/dsaviz
#   ./build.sh test          install what is missing, then run every check
#   ./build.sh speed         measure fps, steps/s, first frame and sizes in headless Chromium
#   ./build.sh shot QUERY... screenshot the app for each query into ./shots (DSAVIZ_SHOT_WAIT=4s)
set -Eeuo pipefail
cd "$(dirname "$0")"

STATICCHECK_VERSION=v0.8.2
# DSAVIZ_DIST moves the static site elsewhere (the end-to-end test builds into a temp dir).
DIST=${DSAVIZ_DIST:-dist}
CHROMIUM=${DSAVIZ_CHROMIUM:-/usr/bin/chromium}

# install_packages installs Debian packages that are missing, when we can.
install_packages() {
	local missing=()
	for p in "$@"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "build.sh: installing ${missing[*]}" >&2
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "build.sh: missing Debian packages ${missing[*]} (run as root on Debian to install them)" >&2
		return 1
	fi
}

cmd_test() {
	install_packages chromium
	if [ ! -x "$CHROMIUM" ]; then
		echo "build.sh: $CHROMIUM not found; the end-to-end test needs it" >&2
		return 1
	fi
	go mod download
	echo "== gofmt" >&2
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
	if [ -n "$unformatted" ]; then
		echo "gofmt would change:" >&2
		echo "$unformatted" >&2
		return 1
	fi
	echo "== go vet" >&2
	go vet ./...
	echo "== go vet (GOOS=js GOARCH=wasm)" >&2
	GOOS=js GOARCH=wasm go vet ./...
	echo "== staticcheck $STATICCHECK_VERSION" >&2
	go run "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" ./...
	echo "== sim imports nothing of the screen" >&2
	if go list -deps ./sim/... | grep -E 'hajimehoshi/ebiten|ebitenui|^syscall/js$'; then
		echo "sim/ must not depend on ebiten, ebitenui or syscall/js" >&2
		return 1
	fi
	echo "== render imports neither ui/ nor cmd/" >&2
	if go list -deps ./render/... | grep -E '^dsaviz/(ui|cmd)(/|$)'; then
		echo "render/ must not depend on ui/ or cmd/" >&2
		return 1
	fi
	echo "== go test (native, with fuzz seed corpora, and the browser end to end)" >&2
	DSAVIZ_CHROMIUM=$CHROMIUM go test -count=1 ./...
	echo "== the app's Draw allocations, in a real window (xvfb)" >&2
	install_packages xvfb
	xvfb-run -a -s "-screen 0 1280x800x24" go test -count=1 -run '^TestDrawAllocs$' -v ./cmd/dsaviz | grep -E 'allocations|^(ok|FAIL|---)'
	echo "== a partial redraw leaves the pixels of a full one, in a real window (xvfb)" >&2
	xvfb-run -a -s "-screen 0 1280x800x24" go test -count=1 -run '^TestPartialRedrawMatchesFull$' -v ./render | grep -E 'partial|differ|^(ok|FAIL|---)'
	echo "== go test (sim under GOOS=js GOARCH=wasm, node)" >&2
	GOOS=js GOARCH=wasm go test -count=1 -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./sim/...
	echo "== all checks passed" >&2
}

# remove_stage removes a half-built site left by a failed cmd_build.
STAGE=
remove_stage() {
	if [ -n "$STAGE" ]; then rm -rf "$STAGE"; fi
}

# cmd_build writes the static site into $DIST: the page, the .wasm with a gzip -9 copy,
# the wasm_exec.js of the Go toolchain that built it, and build.json for the loader.
cmd_build() {
	local goroot wasm_bytes gz_bytes version
	goroot=$(go env GOROOT)
	if [ ! -f "$goroot/lib/wasm/wasm_exec.js" ]; then
		echo "build.sh: $goroot/lib/wasm/wasm_exec.js not found (Go 1.24 or newer is needed)" >&2
		return 1
	fi
	mkdir -p "$(dirname "$DIST")"
	STAGE=$(mktemp -d "${DIST%/}.tmp.XXXXXX")
	trap remove_stage EXIT
	local stage=$STAGE
	echo "== wasm: GOOS=js GOARCH=wasm go build ./cmd/dsaviz" >&2
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$stage/dsaviz.wasm" ./cmd/dsaviz
	gzip -9 -n -k "$stage/dsaviz.wasm"
	cp "$goroot/lib/wasm/wasm_exec.js" "$stage/wasm_exec.js"
	cp web/index.html web/style.css web/loader.js web/trace.js "$stage/"
	cp assets/traces/*.npy "$stage/" # synthetic sample logs for Load trace (assets/traces/README.md)
	wasm_bytes=$(stat -c %s "$stage/dsaviz.wasm")
	gz_bytes=$(stat -c %s "$stage/dsaviz.wasm.gz")
	version=$(sha256sum "$stage/dsaviz.wasm" | cut -c1-16)
	# The loader needs the raw size: with Content-Encoding: gzip the stream yields
	# decompressed bytes while Content-Length counts compressed ones.
	printf '{\n  "wasm": "dsaviz.wasm",\n  "wasmBytes": %d,\n  "wasmGzipBytes": %d,\n  "version": "%s",\n  "go": "%s"\n}\n' \
		"$wasm_bytes" "$gz_bytes" "$version" "$(go env GOVERSION)" >"$stage/build.json"
	chmod 644 "$stage"/*
	chmod 755 "$stage"
	rm -rf "$DIST"
	mv "$stage" "$DIST"
	STAGE=
	echo "build.sh: wrote $DIST/ (dsaviz.wasm $wasm_bytes bytes, gzipped $gz_bytes)" >&2
}

cmd_serve() {
	local addr=${1:-127.0.0.1:8080}
	cmd_build
	mkdir -p bin
	go build -trimpath -o bin/dsaserve ./cmd/dsaserve
	exec bin/dsaserve -addr "$addr" -dir "$DIST"
}

cmd_desktop() {
	mkdir -p bin
	# ebiten v2.10 needs no cgo: X11 and GL libraries are opened at run time.
	CGO_ENABLED=0 go build -trimpath -o bin/dsaviz ./cmd/dsaviz
	echo "build.sh: wrote bin/dsaviz" >&2
}

# cmd_speed measures the speed figures of issue 3, section 9, in one headless
# Chromium run (e2e TestSpeed): it reports, it does not assert.
cmd_speed() {
	DSAVIZ_SPEED=1 DSAVIZ_CHROMIUM=$CHROMIUM go test -count=1 -run '^TestSpeed$' -v -timeout 10m ./e2e
}

# cmd_shot saves a screenshot of the app for each query (e2e TestShot), to
# look at what users see.
cmd_shot() {
	[ $# -gt 0 ] || { echo "usage: ./build.sh shot QUERY... (e.g. 'preset=dsv32-h100')" >&2; exit 2; }
	DSAVIZ_SHOT="$*" DSAVIZ_E2E_KEEP=${DSAVIZ_E2E_KEEP:-$PWD/shots} DSAVIZ_CHROMIUM=$CHROMIUM \
		go test -count=1 -run '^TestShot$' -v -timeout 10m ./e2e
}

case "${1:-}" in
build) cmd_build ;;
shot) shift; cmd_shot "$@" ;;
speed) cmd_speed ;;
desktop) cmd_desktop ;;
test) cmd_test ;;
serve) shift; cmd_serve "$@" ;;
*)
	sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
