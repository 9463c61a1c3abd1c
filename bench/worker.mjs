#!/usr/bin/env node
// Big feeds off the main thread (issue 12, item 6): the renderer main thread's CPU time for a widget showing the top
// 10 of the 10 MB Atom feed (target/bench-feeds/atom-1000.xml), with the Worker (the default) and without it
// (`Worker` removed from the page before feedlet.js loads, so the main thread parses), side by side in the same
// rounds (alternating, a new tab each sample), in headless Chromium.
//
//   node bench/worker.mjs        (after `make build` and `node bench/generate.mjs`; prints Markdown)
//   FEEDLET_BENCH_SCALE=0.4 node bench/worker.mjs   (fewer samples, noisier)
//
// Each sample: the page loads feedlet.js and the wasm (`ready()`), then the measured steps are `mount`s of the
// feed, from the call to its `feedlet:load` event: from the network twice (the download read as a stream, the parse
// and selection in the Worker or here, the render of the 10 posts), then with the page's `fetch` answering from the
// bytes in memory, which leaves the widget's own work (the figure the issue's target is about), and the download
// alone, read as the widget reads it. A last step times the calls alone, no mount: the Worker path as the widget
// drives it (the bytes transferred to dist/worker.js, `selectFeeds` there, `renderFeeds` of the narrowed feeds
// here) against `renderFeeds` of the bytes here, as `node bench/browser.mjs` times renderFeed. CPU time is DevTools `Performance.getMetrics` `ThreadTime` around
// the step, less the median of an empty step; the first mount of a page also starts the Worker, and a second
// mount of the same feed on the same page shows the cost once it runs. Wall time is the step's `performance.now()`.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'www', 'package.json'));
const { chromium } = require('playwright-core');

const SCALE = Number(process.env.FEEDLET_BENCH_SCALE) > 0 ? Number(process.env.FEEDLET_BENCH_SCALE) : 1;
const SAMPLES = Math.max(3, Math.round(10 * SCALE));
const FEED = join(root, 'target', 'bench-feeds', process.env.FEEDLET_BENCH_FEED || 'atom-1000.xml');
const log = (...args) => console.error('bench worker:', ...args);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const fmt = (v) => (!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>worker bench</title></head><body>
<div id="a"></div><div id="b"></div><div id="c"></div><div id="d"></div>
<script type="module">
  if (location.hash === '#no-worker') delete window.Worker;
  const { mount, ready } = await import('/dist/feedlet.js');
  await ready();
  // One mount of the feed into a fresh element, timed from the call to its feedlet:load.
  window.step = (id) => new Promise((done) => {
    const target = document.getElementById(id);
    const start = performance.now();
    target.addEventListener('feedlet:load', (event) => done({ ms: performance.now() - start, count: event.detail.count }), { once: true });
    target.addEventListener('feedlet:error', (event) => done({ error: event.detail.error.message }), { once: true });
    mount(target, { src: '/feed.xml', limit: 10, cache: 'off' });
  });
  const bytes = new Uint8Array(await (await fetch('/feed.xml')).arrayBuffer());
  window.empty = () => new Promise((done) => setTimeout(() => done({ ms: 0 })));
  // The calls alone, no mount: the widget's Worker path (dist/worker.js, as offload.js drives it: the bytes
  // transferred, selectFeeds there, renderFeeds of the narrowed feeds here) against renderFeeds of the bytes here.
  const api = await import('/dist/feedlet.js');
  const { options } = api.readOptions({ limit: 10 });
  let worker = null;
  if (window.Worker) {
    worker = new Worker('/dist/worker.js', { type: 'module' });
    const module = await WebAssembly.compileStreaming(fetch('/dist/feedlet_bg.wasm'));
    await new Promise((ok) => { worker.onmessage = ok; worker.postMessage({ module }); });
  }
  let copy = null;
  window.prepareCall = () => { copy = bytes.slice(); return { ms: 0 }; };
  window.call = (id) => new Promise((done) => {
    const target = document.getElementById(id);
    const start = performance.now();
    const finish = (result) => done({ ms: performance.now() - start, count: result.count });
    if (!worker) return finish(api.renderFeeds(target, [{ input: copy }], options));
    worker.onmessage = ({ data }) => finish(api.renderFeeds(target, data.selection.feeds.map((input) => ({ input })), { ...options, offset: 0 }));
    worker.postMessage({ id: 1, sources: [{ input: copy }], options }, [copy.buffer]);
  });
  // The feed's bytes in memory, and a Response made of a copy of them before the step, as one chunk: the next mount's
  // fetch of the feed gets it, so that the step is the widget's own work on the bytes (parse, select, render): no
  // network, and no chunk by chunk reading.
  const original = window.fetch;
  let prepared = null;
  window.fetch = (url, init) => prepared && String(url).endsWith('/feed.xml') ? Promise.resolve(prepared).finally(() => { prepared = null; }) : original(url, init);
  window.prepare = () => {
    const copy = bytes.slice();
    prepared = new Response(new ReadableStream({ start(controller) { controller.enqueue(copy); controller.close(); } }));
    return { ms: 0 };
  };
  // The download alone, read as the widget reads it (a stream of chunks, then one array): what every mount pays
  // on the main thread before any parse.
  window.download = async () => {
    const start = performance.now();
    const reader = (await fetch('/feed.xml', { cache: 'no-cache' })).body.getReader();
    const chunks = [];
    let size = 0;
    for (let read; !(read = await reader.read()).done; size += read.value.length) chunks.push(read.value);
    const bytes = new Uint8Array(size);
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    return { ms: performance.now() - start, count: bytes.length > 0 ? 10 : 0 };
  };
  window.ready = true;
</script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

function serve() {
  const dist = join(root, 'www', 'dist');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (path === '/feed.xml') {
      const body = readFileSync(FEED);
      return res.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': body.length }).end(body);
    }
    const file = normalize(join(dist, path.replace(/^\/dist\//, '')));
    if (!path.startsWith('/dist/') || !file.startsWith(dist + sep) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function main() {
  if (!existsSync(FEED)) throw new Error(`${FEED} is missing: run node bench/generate.mjs`);
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const modes = ['Worker', 'main thread'];
  const rows = Object.fromEntries(modes.flatMap((m) => ['call', 'first', 'again', 'memory', 'empty', 'download'].map((k) => [`${m}/${k}`, { cpu: [], wall: [] }])));
  try {
    for (let round = 0; round < SAMPLES; round++) {
      for (const mode of round % 2 ? [...modes].reverse() : modes) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(url + (mode === 'Worker' ? '' : '#no-worker'));
        await page.waitForFunction(() => window.ready);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
        const measure = async (key, call) => {
          const before = await threadTime();
          const result = await page.evaluate(call);
          const cpu = (await threadTime() - before) * 1000;
          if (result.error || (key !== 'empty' && result.count !== 10)) throw new Error(`${mode} ${key}: ${JSON.stringify(result)}`);
          rows[`${mode}/${key}`].cpu.push(cpu);
          rows[`${mode}/${key}`].wall.push(result.ms);
        };
        await measure('empty', () => window.empty());
        await measure('first', () => window.step('a'));
        await measure('again', () => window.step('b'));
        await measure('download', () => window.download());
        await page.evaluate(() => window.prepare());
        await measure('memory', () => window.step('c'));
        await page.evaluate(() => window.prepareCall());
        await measure('call', () => window.call('d'));
        const workers = page.workers().length;
        // With Workers: the widget's, and the one the calls step drives.
        if (workers !== (mode === 'Worker' ? 2 : 0)) throw new Error(`${mode}: ${workers} workers`);
        if (errors.length) throw new Error(errors.join('\n'));
        await context.close();
      }
      log(`round ${round + 1}/${SAMPLES}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const empty = Object.fromEntries(modes.map((m) => [m, median(rows[`${m}/empty`].cpu)]));
  const cpu = (mode, key) => median(rows[`${mode}/${key}`].cpu) - empty[mode];
  const out = [];
  out.push(`Top 10 of the 10 MB Atom feed (${(readFileSync(FEED).length / 2 ** 20).toFixed(1)} MiB) through \`mount\`, ${SAMPLES} samples each, alternating (\`node bench/worker.mjs\`). CPU ms is the renderer main thread's (\`ThreadTime\`, less an empty step's median); wall ms is from the \`mount\` call to \`feedlet:load\`.`);
  out.push('');
  out.push('| mount | main-thread CPU ms, Worker | main-thread CPU ms, no Worker | no Worker ÷ Worker | wall ms, Worker | wall ms, no Worker |');
  out.push('|---|---:|---:|---:|---:|---:|');
  for (const [key, label] of [['call', '**the calls alone: parse, select and render the bytes in memory**'], ['memory', 'mount, the bytes in memory (one chunk)'], ['first', 'from the network, first on the page (starts the Worker)'], ['again', 'from the network, again on the same page'], ['download', 'the download alone (no mount)']]) {
    const a = cpu('Worker', key);
    const b = cpu('main thread', key);
    out.push(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${(b / a).toFixed(1)}× | ${fmt(median(rows[`Worker/${key}`].wall))} | ${fmt(median(rows[`main thread/${key}`].wall))} |`);
  }

  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
