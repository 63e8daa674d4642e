// loader.js downloads the dsaviz WebAssembly app with a real progress bar,
// starts it with the wasm_exec.js of the Go toolchain that built it, and
// removes the loading screen once the app has drawn. Every failure ends in a
// visible message with a Reload button: never a bar that waits forever.
//
// build.json (written by ./build.sh build) names the .wasm and gives its
// size in bytes. The size must come from there: when the server sends the
// gzip copy, Content-Length counts compressed bytes while the stream yields
// decompressed ones.
(function () {
  'use strict';

  // Milliseconds since navigation at each stage, for tests and the curious.
  const timings = {};
  window.dsavizLoad = timings;

  const $ = (id) => document.getElementById(id);
  const MB = 1e6;
  // After this long without a first frame, say so (and keep waiting).
  const SLOW_START_MS = 30000;

  let failed = false;

  // fail shows a problem in words and stops the progress display.
  function fail(title, text) {
    if (failed) return;
    failed = true;
    timings.failed = performance.now();
    console.error('dsaviz: ' + title + ': ' + text);
    if (!$('loading')) {
      // The app had started: show the problem over the canvas.
      document.body.appendChild(banner(title, text));
      return;
    }
    $('bar').classList.add('failed');
    $('status').textContent = title;
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    $('problem').hidden = false;
    $('retry').onclick = () => location.reload();
  }

  // banner builds a problem box like the loading screen's, for use over
  // the canvas.
  function banner(title, text) {
    const div = document.createElement('div');
    div.className = 'problem over-canvas';
    div.setAttribute('role', 'alert');
    const h = document.createElement('h2');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Reload';
    b.onclick = () => location.reload();
    div.append(h, p, b);
    return div;
  }

  function setStatus(text) {
    if (!failed) $('status').textContent = text;
  }

  // progress shows received of total bytes; total may be 0 (unknown).
  function progress(received, total) {
    if (failed) return;
    const bar = $('bar');
    if (total > 0) {
      const pct = Math.min(100, Math.floor((100 * received) / total));
      $('bar-fill').style.width = pct + '%';
      bar.setAttribute('aria-valuenow', String(pct));
      setStatus('Downloading ' + (received / MB).toFixed(1) + ' of ' + (total / MB).toFixed(1) + ' MB (' + pct + '%)');
    } else {
      bar.removeAttribute('aria-valuenow'); // indeterminate
      setStatus('Downloading ' + (received / MB).toFixed(1) + ' MB');
    }
  }

  // unsupported returns [title, text] when this browser cannot run the app.
  function unsupported() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return ['WebAssembly is not available',
        'dsaviz runs as WebAssembly, which this browser does not offer or has turned off. ' +
        'Use a current Firefox, Chrome, Edge or Safari, and check that no policy or extension disables WebAssembly.'];
    }
    if (typeof fetch !== 'function' || typeof Go !== 'function') {
      return ['This browser is too old',
        'dsaviz needs fetch and the Go WebAssembly support script (wasm_exec.js). Use a current browser.'];
    }
    let gl = null;
    try {
      gl = document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      gl = null;
    }
    if (!gl) {
      return ['WebGL 2 is not available',
        'dsaviz draws with WebGL 2, which this browser does not offer right now. ' +
        'Turn on hardware acceleration in the browser settings, update the graphics driver, or try another browser.'];
    }
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext(); // free the test context; the app makes its own
    return null;
  }

  // buildInfo reads build.json; without it the loader still works, with a
  // progress bar only when the server's Content-Length can be trusted.
  async function buildInfo() {
    try {
      const resp = await fetch('build.json', { cache: 'no-cache' });
      if (!resp.ok) throw new Error('HTTP ' + resp.status);
      return await resp.json();
    } catch (e) {
      console.warn('dsaviz: build.json unavailable (' + e.message + '); progress may be approximate');
      return {};
    }
  }

  // download fetches url and returns its bytes, reporting progress.
  async function download(url, expected) {
    let resp;
    try {
      resp = await fetch(url);
    } catch (e) {
      throw new LoadError('Could not download the app', url + ': ' + e.message + '. Check the network connection, then reload.');
    }
    if (!resp.ok) {
      throw new LoadError('Could not download the app', url + ': HTTP ' + resp.status + ' ' + resp.statusText + '.');
    }
    let total = expected > 0 ? expected : 0;
    if (!total && !resp.headers.get('Content-Encoding')) {
      total = Number(resp.headers.get('Content-Length')) || 0;
    }
    if (!resp.body || typeof resp.body.getReader !== 'function') {
      const whole = new Uint8Array(await resp.arrayBuffer());
      progress(whole.length, whole.length);
      return whole;
    }
    const reader = resp.body.getReader();
    let buf = new Uint8Array(total || 16 * MB);
    let n = 0;
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (e) {
        throw new LoadError('The download was interrupted', url + ': ' + e.message + ' after ' + (n / MB).toFixed(1) + ' MB. Reload to try again.');
      }
      if (chunk.done) break;
      const part = chunk.value;
      if (n + part.length > buf.length) {
        const bigger = new Uint8Array(Math.max(2 * buf.length, n + part.length));
        bigger.set(buf.subarray(0, n));
        buf = bigger;
      }
      buf.set(part, n);
      n += part.length;
      progress(n, total);
    }
    if (total && n !== total) {
      console.warn('dsaviz: received ' + n + ' bytes, build.json announced ' + total + ' (a stale cache?)');
    }
    progress(n, n);
    return buf.subarray(0, n);
  }

  function LoadError(title, text) {
    this.title = title;
    this.text = text;
  }

  // waitForFirstFrame polls window.dsaviz (the app's bridge) until it says
  // ready, then removes the loading screen so the canvas shows. Polling with
  // a timer, not requestAnimationFrame, keeps working at low frame rates.
  function waitForFirstFrame() {
    const started = performance.now();
    let warned = false;
    const timer = setInterval(() => {
      const app = window.dsaviz;
      if (app && app.ready) {
        clearInterval(timer);
        // The app's own record of the moment, not this poll's.
        timings.ready = (app.startup && app.startup.ready) || performance.now();
        if (app.startup) {
          timings.main = app.startup.main;
          timings.firstFrame = app.startup.firstFrame;
        }
        $('loading').remove();
        return;
      }
      if (app && app.error) {
        // The app recovers from its own errors and may still draw; if it
        // cannot, it exits and go.run below reports why.
        setStatus('Starting… (the app reported: ' + app.error + ')');
      }
      if (failed) {
        clearInterval(timer);
        return;
      }
      if (!warned && performance.now() - started > SLOW_START_MS) {
        warned = true;
        setStatus('Still starting after ' + SLOW_START_MS / 1000 + ' s: this computer may be drawing without a graphics card. Waiting…');
      }
    }, 100);
  }

  async function main() {
    timings.start = performance.now();
    const problem = unsupported();
    if (problem) {
      fail(problem[0], problem[1]);
      return;
    }
    const info = await buildInfo();
    const name = info.wasm || 'dsaviz.wasm';
    const url = info.version ? name + '?v=' + encodeURIComponent(info.version) : name;
    setStatus('Downloading…');
    const bytes = await download(url, info.wasmBytes);
    timings.downloaded = performance.now();

    setStatus('Starting…');
    const go = new Go();
    let exitCode = null;
    go.exit = (code) => { exitCode = code; };
    let instance;
    try {
      instance = (await WebAssembly.instantiate(bytes, go.importObject)).instance;
    } catch (e) {
      throw new LoadError('The app could not start', 'WebAssembly.instantiate failed: ' + e.message +
        '. The download may be damaged or built for another Go version; reload to try again.');
    }
    timings.instantiated = performance.now();
    waitForFirstFrame();
    go.run(instance).then(() => {
      // The app never returns on its own in the browser.
      const app = window.dsaviz;
      const why = app && app.error ? app.error : 'exit code ' + exitCode + '; the browser console may say more';
      fail('The app stopped', why);
    }, (e) => fail('The app stopped', String(e)));
  }

  main().catch((e) => {
    if (e instanceof LoadError) fail(e.title, e.text);
    else fail('The app could not start', String(e && e.message ? e.message : e));
  });
})();
