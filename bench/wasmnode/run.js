// run.js runs a Go test binary built for GOOS=js GOARCH=wasm under node,
// with the few browser globals that the package init of Ebiten and
// ebitenui read, so that the render and app packages' benchmarks measure
// WebAssembly speed without a browser. Nothing draws: requestAnimationFrame
// never fires and every DOM object is an inert stand-in.
//
//   node run.js GOROOT/lib/wasm TEST.wasm [test flags]
'use strict';

const [wasmLib, binary, ...args] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node run.js GOROOT/lib/wasm TEST.wasm [flags]');
  process.exit(2);
}

// inert returns an object on which any property read, call or construction
// gives another inert object; as a primitive it is 0.
function inert() {
  return new Proxy(function () {}, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => 0 : inert()),
    apply: () => inert(),
    construct: () => inert(),
  });
}

const noop = () => {};
globalThis.window = globalThis;
globalThis.document = inert();
globalThis.document.hasFocus = () => true;
globalThis.screen = inert();
globalThis.navigator = { userAgent: 'node', platform: 'Linux', maxTouchPoints: 0 };
globalThis.matchMedia = () => ({ matches: false, addEventListener: noop, addListener: noop });
globalThis.addEventListener = noop;
globalThis.requestAnimationFrame = () => 0;
globalThis.Document = function Document() {};
Object.defineProperty(Document.prototype, 'hidden', { get: () => false });

globalThis.require = require;
globalThis.fs = require('fs');
globalThis.path = require('path');
globalThis.TextEncoder = require('util').TextEncoder;
globalThis.TextDecoder = require('util').TextDecoder;
globalThis.performance ??= require('perf_hooks').performance;
globalThis.crypto ??= require('crypto');
require(require('path').join(wasmLib, 'wasm_exec.js'));

const go = new Go();
go.argv = [binary, ...args];
go.env = Object.assign({ TMPDIR: require('os').tmpdir() }, process.env);
go.exit = process.exit;
WebAssembly.instantiate(fs.readFileSync(binary), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
