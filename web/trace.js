// trace.js: hands index logs the user picks (the Load trace button opens
// the hidden file input) or drops on the page to the app, as bytes:
// window.dsaviz.loadTrace(name, Uint8Array). The app parses them; a bad
// file shows its error and the run goes on.
(function () {
  'use strict';
  const maxBytes = 1 << 30; // the readers refuse larger logs anyway

  function send(file) {
    if (!file) return;
    if (!window.dsaviz || typeof dsaviz.loadTrace !== 'function') {
      alert('dsaviz is still starting; try again in a moment.');
      return;
    }
    if (file.size > maxBytes) {
      dsaviz.loadTrace(file.name, new Uint8Array(0), 'the file is ' + file.size + ' bytes, more than the 1 GiB the app reads');
      return;
    }
    file.arrayBuffer().then(
      (buf) => dsaviz.loadTrace(file.name, new Uint8Array(buf), ''),
      (e) => dsaviz.loadTrace(file.name, new Uint8Array(0), 'the browser could not read it: ' + e));
  }

  const input = document.getElementById('dsaviz-trace');
  input.addEventListener('change', () => {
    send(input.files[0]);
    input.value = ''; // the same file may be loaded again
  });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) send(e.dataTransfer.files[0]);
  });
})();
