// Package e2e holds the end-to-end test of the browser app: it builds the
// static site with ./build.sh build, serves it on loopback with
// internal/staticserve, and drives Debian's Chromium through chromedp
// (software WebGL2 via SwiftShader), reading the app's window.dsaviz bridge.
//
//	go test ./e2e                 # needs /usr/bin/chromium; fails without it
//	go test -short ./e2e          # skips the browser
//	DSAVIZ_CHROMIUM=/path/to/chromium go test ./e2e
//	DSAVIZ_E2E_KEEP=/tmp/shots go test ./e2e   # also copies the screenshots there
//
// The test files build only natively (//go:build !js), so that
// GOOS=js GOARCH=wasm go vet ./... never sees chromedp.
package e2e
