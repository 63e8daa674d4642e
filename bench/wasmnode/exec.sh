#!/bin/sh
# exec.sh is a `go test -exec` program for GOOS=js GOARCH=wasm packages that
# import Ebiten (see run.js), e.g. from the project's root:
#   GOOS=js GOARCH=wasm go test -exec "$PWD/bench/wasmnode/exec.sh" -run XXX -bench . ./render
# The binary runs under node, with the stack size Go's own wasm runner uses.
dir=$(cd "$(dirname "$0")" && pwd)
exec node --stack-size=8192 "$dir/run.js" "$(go env GOROOT)/lib/wasm" "$@"
