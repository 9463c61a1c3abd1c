// The warm benchmark page: bench/browser.mjs drives it through `window.bench`.
// bench/browser.mjs runs every case of one feed once per round, in rotating order, with a forced GC before
// each sample (Chromium started with --js-flags=--expose-gc), so that one case's garbage is not collected on
// another's time, and reads the main thread's CPU time around each sample.
import init, { parseFeed, renderFeed } from '/www/dist/feedlet.js';
import { domExtractAll, domWidget } from '/bench/dom-widget.mjs';

const feeds = new Map(); // name → { bytes: Uint8Array, text: string }
const feedletTarget = document.getElementById('feedlet-target');
const domTarget = document.getElementById('dom-target');
const rss = typeof window.RSSParser === 'function' ? new window.RSSParser() : null;
let wasm = null;

const CASES = {
  // The cost of a sample itself (a round trip through the DevTools protocol), subtracted from CPU times.
  noop: () => 0,
  // (a) parse + select + render of the top 10, from bytes (what `mount` hands it after fetch().arrayBuffer()).
  'feedlet renderFeed top 10': (f) => renderFeed(feedletTarget, f.bytes, { limit: 10 }).count,
  // (b) full parse to JS objects.
  'feedlet parseFeed (all entries)': (f) => parseFeed(f.bytes).entries.length,
  // (c) the hand-written DOMParser widget, from the already decoded text.
  'DOMParser widget top 10': (f) => domWidget(domTarget, f.text, 10),
  // (d) DOMParser extracting every entry to plain objects.
  'DOMParser extract all': (f) => domExtractAll(f.text).entries.length,
  // (e) rss-parser's browser bundle.
  'rss-parser parseString': async (f) => (await rss.parseString(f.text)).items.length,
};

async function load(names) {
  wasm = await init();
  for (const name of names) {
    if (feeds.has(name)) continue;
    const buffer = await (await fetch(`/target/bench-feeds/${name}`)).arrayBuffer();
    feeds.set(name, { bytes: new Uint8Array(buffer), text: new TextDecoder().decode(buffer) });
  }
  // Each case once, to check that all of them read the same entries.
  const check = {};
  for (const name of names) {
    const f = feeds.get(name);
    check[name] = {};
    for (const [label, run] of Object.entries(CASES)) {
      if (label === 'noop') continue;
      try {
        check[name][label] = await run(f);
      } catch (error) {
        check[name][label] = `error: ${error && error.message}`;
      }
    }
  }
  return { check, rssParser: rss !== null, cases: Object.keys(CASES) };
}

/** One sample: `batch` calls of case `label` on feed `name`; returns wall ms per call. */
async function one(name, label, batch = 1) {
  const f = feeds.get(name);
  const run = CASES[label];
  const start = performance.now();
  for (let i = 0; i < batch; i++) await run(f);
  return (performance.now() - start) / batch;
}

/** Wasm linear memory, in bytes (it never shrinks, so after a call it is the peak so far). */
const memory = () => (wasm && wasm.memory ? wasm.memory.buffer.byteLength : null);

/** In a fresh page: wasm memory after init, then after one `op` ('render' or 'parse') on feed `name`. */
async function memoryProbe(name, op) {
  wasm = await init();
  const initial = memory();
  const buffer = await (await fetch(`/target/bench-feeds/${name}`)).arrayBuffer();
  const bytes = new Uint8Array(buffer);
  const start = performance.now();
  const count = op === 'render' ? renderFeed(feedletTarget, bytes, { limit: 10 }).count : parseFeed(bytes).entries.length;
  const ms = performance.now() - start;
  const after = memory();
  // A second call shows whether memory keeps growing (a leak) or is reused.
  if (op === 'render') renderFeed(feedletTarget, bytes, { limit: 10 });
  else parseFeed(bytes);
  return { input: bytes.length, initial, after, again: memory(), count, ms };
}

window.bench = { load, one, memory, memoryProbe, ready: true };
