#!/usr/bin/env node
// First post painted on a phone's first visit: a page with the list prerendered by `feedlet render --embed` (and
// feedlet.css linked) against the README's plain embed, side by side in the same rounds, a fresh context each sample.
//
//   node bench/prerender.mjs [samples]   (after `make build` and `cargo build --bin feedlet`; prints Markdown)
//
// Phone: CDP Emulation.setCPUThrottlingRate 4 and Network.emulateNetworkConditions 150 ms RTT, 1.6 Mbit/s down,
// 750 kbit/s up (as bench/firstvisit.mjs). "First post" is the first animation frame in which a post's title is in
// the page (light DOM or the widget's shadow root), or the first contentful paint if later, measured from navigation
// start; "load" is `feedlet:load`. The prerendered page links feedlet.css, which blocks its first paint: one request.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atom, posts } from '../tests/e2e/lib/feeds.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'www', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import('../tests/lib/browser.mjs');
const SAMPLES = Number(process.argv[2]) || 7;
const cli = join(root, 'target', 'debug', 'feedlet');
if (!existsSync(join(root, 'www', 'dist', 'feedlet.css')) || !existsSync(cli)) {
  console.error('bench prerender: run `make build` and `cargo build --bin feedlet` first');
  process.exit(2);
}

const feed = atom({ entries: posts(20) });
let origin = '';
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const file = pages[path] ?? (path.startsWith('/dist/') ? readFileSync(join(root, 'www', path)) : null);
  if (file == null) return res.writeHead(404).end();
  const type = path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : path.endsWith('.xml') ? 'application/atom+xml' : 'text/html; charset=utf-8';
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(file);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
origin = `http://127.0.0.1:${server.address().port}`;

// Records the first frame with a post in it, and the feedlet:load event.
const probe = `<script>(() => { const has = () => { const w = document.querySelector('feedlet-posts'); return !!(w && (w.shadowRoot || w).querySelector('li.feedlet__item:not(.feedlet__item--skeleton) .feedlet__title')); };
const tick = () => has() ? (window.__first = performance.now()) : requestAnimationFrame(tick); requestAnimationFrame(tick);
document.addEventListener('feedlet:load', () => { window.__load = performance.now(); }, { capture: true, once: true }); })();</script>`;
const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>first post</title>${head}
<script type="module" src="/dist/embed.js"></script>${probe}</head><body><h1>My blog</h1>${body}</body></html>`;
const prerendered = execFileSync(cli, ['render', '--embed', '--src', '/feed.xml', '--base', `${origin}/feed.xml`, '--limit', '5', '--locale', 'en', '-'], { input: feed }).toString();
const pages = {
  '/feed.xml': feed,
  '/plain.html': page('', '<feedlet-posts src="/feed.xml" limit="5" locale="en"></feedlet-posts>'),
  '/prerendered.html': page('<link rel="stylesheet" href="/dist/feedlet.css">', prerendered),
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
async function visit(name) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForFunction(() => window.__first && window.__load, null, { timeout: 60000 });
  // Nothing is painted before the first contentful paint: a post in the first frame shows at that paint.
  const result = await tab.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { first: Math.max(window.__first, fcp), load: window.__load, fcp };
  });
  await context.close();
  return result;
}

const runs = { plain: [], prerendered: [] };
for (let i = 0; i < SAMPLES; i++) for (const name of i % 2 ? ['prerendered', 'plain'] : ['plain', 'prerendered']) runs[name].push(await visit(name));
await browser.close();
server.close();

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const m = (name, key) => median(runs[name].map((r) => r[key]));
console.log(`phone, first visit (CPU 4×, 150 ms RTT, 1.6 Mbit/s), 20-post Atom feed, 5 shown, median of ${SAMPLES}\n`);
console.log('| page | first post painted | first contentful paint | feedlet:load |\n|---|---|---|---|');
for (const name of ['plain', 'prerendered']) console.log(`| ${name} | ${m(name, 'first').toFixed(0)} ms | ${m(name, 'fcp').toFixed(0)} ms | ${m(name, 'load').toFixed(0)} ms |`);
console.log(`\nfirst post: prerendered / plain = ${(m('prerendered', 'first') / m('plain', 'first')).toFixed(2)}×`);
