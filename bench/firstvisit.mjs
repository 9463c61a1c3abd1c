#!/usr/bin/env node
// First visit: the README's two lines on a page, against a minimal hand-written DOMParser script that fetches and
// renders the same feed, in headless Chromium, side by side in the same rounds (alternating, a new tab each sample).
//
//   node bench/firstvisit.mjs        (after `make build` and `node bench/generate.mjs`; prints Markdown)
//   FEEDLET_BENCH_SCALE=0.3 node bench/firstvisit.mjs   (fewer samples, noisier)
//   node bench/firstvisit.mjs --baseline /tmp/old/dist   (also an older build's snippet, in the same rounds)
//   FEEDLET_BENCH_ONLY=phone FEEDLET_BENCH_CHROMIUM_ARGS=--js-flags=--no-wasm-lazy-compilation node bench/firstvisit.mjs
//                                    (only the conditions whose name contains "phone"; extra Chromium flags)
//
// Three conditions:
//   desktop, first visit   a fresh browser context (empty HTTP cache, no compiled code)
//   phone, first visit     the same with CDP Emulation.setCPUThrottlingRate 4 and
//                          Network.emulateNetworkConditions 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up
//   phone, repeat visit    one context: a first load fills the HTTP cache, then the measured load; the code is
//                          served as a CDN serves hashed files (Cache-Control: immutable), page and feed never cached
// The time is from navigation start to `feedlet:load` (the widget) or to the script's list being in the DOM.
// Splits come from Resource Timing and the widget's performance marks (www/src/wasm.js):
//   chain       navigation start → the page asks for the wasm (each round trip before it is the request chain)
//   download    that moment → the wasm's last byte (its round trip and transfer, shared with what loads alongside)
//   feed        navigation start → the feed's last byte
//   compile     the wasm's last byte → mark `feedlet:ready` (module compiled and instantiated)
//   wait        `feedlet:ready` → `feedlet:render-start` (the feed still on its way, or the skeleton)
//   first call  `feedlet:render-start` → `feedlet:render-end`: the first renderFeeds, parse and DOM
//   to event    `feedlet:render-end` → `feedlet:load`
// After each measured load, the same renderFeeds call (same bytes, same options, a new shadow root) is timed twice
// more on the same throttled tab: the first call's excess over them is what a first call pays.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'www', 'package.json'));
const { chromium } = require('playwright-core');

const SCALE = Number(process.env.FEEDLET_BENCH_SCALE) > 0 ? Number(process.env.FEEDLET_BENCH_SCALE) : 1;
const BASELINE = (() => {
  const at = process.argv.indexOf('--baseline');
  return at > 0 ? resolve(process.argv[at + 1] || '') : process.env.FEEDLET_BENCH_BASELINE ? resolve(process.env.FEEDLET_BENCH_BASELINE) : null;
})();
const FEED = process.env.FEEDLET_BENCH_FEED || 'atom-10.xml';
const log = (...args) => console.error('bench firstvisit:', ...args);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const fmt = (v) => (!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

const ALL_CONDITIONS = [
  { name: 'desktop, first visit', samples: Math.max(5, Math.round(15 * SCALE)), cpu: 1, network: null, repeat: false },
  { name: 'phone, first visit', samples: Math.max(3, Math.round(9 * SCALE)), cpu: 4, network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }, repeat: false },
  { name: 'phone, repeat visit', samples: Math.max(3, Math.round(9 * SCALE)), cpu: 4, network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }, repeat: true },
];
const CONDITIONS = ALL_CONDITIONS.filter((c) => c.name.includes(process.env.FEEDLET_BENCH_ONLY || ''));

// The README's snippet, as a blog would paste it (`dist` is /dist, or /base for the older build).
const FEEDLET_PAGE = (dist) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>feedlet: first visit</title>
<script type="module" src="${dist}/embed.js"></script>
</head><body><h1>My other page</h1>
<feedlet-posts src="/feed.xml"></feedlet-posts>
<script>document.addEventListener('feedlet:load', (e) => { window.__done = { end: performance.now(), items: e.detail && e.detail.count }; }, { capture: true, once: true });</script>
</body></html>`;

// The baseline: a plain script, written by hand, that fetches the feed and renders the same five items.
const DOM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>DOMParser: first visit</title>
<script type="module" src="/dom.js"></script>
</head><body><h1>My other page</h1><section id="posts"></section></body></html>`;
const DOM_SCRIPT = `const pick = (el, name) => { for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === name) return c; return null; };
const text = (el, name) => { const c = pick(el, name); return c ? c.textContent.trim() : ''; };
const response = await fetch('/feed.xml');
const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
const root = doc.documentElement;
const entries = root.localName === 'feed' ? [...root.children].filter((c) => c.localName === 'entry') : [...(pick(root, 'channel') || root).children].filter((c) => c.localName === 'item');
const dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' });
const list = document.createElement('ul');
for (const entry of entries.slice(0, 5)) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  const link = [...entry.children].find((c) => c.localName === 'link' && (c.getAttribute('rel') || 'alternate') === 'alternate');
  const href = link ? link.getAttribute('href') || link.textContent.trim() : '';
  if (/^https?:/i.test(href)) a.href = href;
  a.textContent = text(entry, 'title');
  li.append(a);
  const when = new Date(text(entry, 'published') || text(entry, 'updated') || text(entry, 'pubDate'));
  if (!Number.isNaN(when.getTime())) {
    const time = document.createElement('time');
    time.dateTime = when.toISOString();
    time.textContent = dates.format(when);
    li.append(' ', time);
  }
  const summary = document.createElement('p');
  const body = new DOMParser().parseFromString(text(entry, 'summary') || text(entry, 'description'), 'text/html');
  summary.textContent = (body.body.textContent || '').trim().slice(0, 160);
  li.append(summary);
  list.append(li);
}
document.getElementById('posts').append(list);
window.__done = { end: performance.now(), items: list.children.length };
`;

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.xml': 'application/xml' };

function serve() {
  const dist = join(root, 'www', 'dist');
  if (BASELINE && !existsSync(join(BASELINE, 'embed.js'))) throw new Error(`--baseline ${BASELINE}: no embed.js there`);
  const feedPath = join(root, 'target', 'bench-feeds', FEED);
  for (const need of [join(dist, 'embed.js'), feedPath]) {
    if (!existsSync(need)) throw new Error(`${need} is missing: run \`make build\` and \`node bench/generate.mjs\` first`);
  }
  const feed = readFileSync(feedPath);
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const fresh = { 'cache-control': 'no-store' };
    // Code is served as a CDN serves hashed files; the page and the feed are never cached.
    const code = { 'cache-control': 'public, max-age=31536000, immutable' };
    // Compressed as a CDN or a blog host compresses text (gzip -9), for both pages alike.
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] || '');
    const send = (status, type, body, headers) => {
      const compressed = gzip ? gzipSync(body, { level: 9 }) : body;
      response.writeHead(status, { 'content-type': type, ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...headers });
      response.end(compressed);
    };
    if (path === '/feedlet.html') return send(200, TYPES['.html'], FEEDLET_PAGE('/dist'), fresh);
    if (path === '/baseline.html') return send(200, TYPES['.html'], FEEDLET_PAGE('/base'), fresh);
    if (path === '/dom.html') return send(200, TYPES['.html'], DOM_PAGE, fresh);
    if (path === '/dom.js') return send(200, TYPES['.js'], DOM_SCRIPT, code);
    if (path === '/feed.xml') return send(200, TYPES['.xml'], feed, fresh);
    for (const [prefix, folder] of [['/dist/', dist], ['/base/', BASELINE]]) {
      if (!folder || !path.startsWith(prefix)) continue;
      const file = join(folder, normalize(path.slice(prefix.length)));
      if (file.startsWith(folder + sep) && existsSync(file)) return send(200, TYPES[extname(file)] || 'application/octet-stream', readFileSync(file), code);
    }
    return send(404, 'text/plain', 'not found', fresh);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

/** One measured load of `page` in `context`, under the condition's throttling; returns the time and its splits. */
async function visit(context, url, condition, measured = true) {
  const page = await context.newPage();
  // The feed is never served from feedlet's own localStorage cache on the measured load: only the code is cached.
  if (measured) await page.addInitScript(() => localStorage.clear());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  await cdp.send('Network.enable');
  if (condition.network) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition.network });
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__done, null, { timeout: 60_000, polling: 50 });
  // The same call as the widget's first render, twice more: same bytes, same options, a new shadow root.
  const again = !measured || !/feedlet\.html$/.test(url) ? [] : await page.evaluate(async (dist) => {
    const api = await import(`${dist}/feedlet.js`);
    const element = document.querySelector('feedlet-posts');
    const input = new Uint8Array(await (await fetch('/feed.xml')).arrayBuffer());
    const { options } = api.readOptions(api.attributesToOptions(element));
    const times = [];
    for (let i = 0; i < 2; i++) {
      const host = document.body.appendChild(document.createElement('div'));
      const view = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
      const start = performance.now();
      api.renderFeeds(view, [{ input, baseUrl: new URL('/feed.xml', location.href).href }], options);
      times.push(performance.now() - start);
    }
    return times;
  }, '/dist');
  const result = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const find = (suffix) => resources.find((r) => r.name.endsWith(suffix));
    const mark = (name) => {
      const m = performance.getEntriesByName(name)[0];
      return m ? m.startTime : NaN;
    };
    const wasm = find('.wasm');
    const feed = find('/feed.xml');
    return {
      total: window.__done.end,
      items: window.__done.items,
      chain: wasm ? wasm.startTime : NaN,
      download: wasm ? wasm.responseEnd - wasm.startTime : NaN,
      wasmEnd: wasm ? wasm.responseEnd : NaN,
      feed: feed ? feed.responseEnd : NaN,
      ready: mark('feedlet:ready'),
      renderStart: mark('feedlet:render-start'),
      renderEnd: mark('feedlet:render-end'),
      bytes: resources.reduce((sum, r) => sum + (r.transferSize || 0), 0),
    };
  });
  await page.close();
  return { ...result, second: again[0], third: again[1] };
}

async function main() {
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      ...(process.env.FEEDLET_BENCH_CHROMIUM_ARGS || '').split(' ').filter(Boolean)],
  });
  const results = [];
  try {
    for (const condition of CONDITIONS) {
      const samples = { feedlet: [], dom: [], ...(BASELINE ? { baseline: [] } : {}) };
      const kinds = Object.keys(samples);
      for (let i = 0; i < condition.samples; i++) {
        // Rotate which goes first, so drift on a shared machine falls on all.
        const order = kinds.map((_, k) => kinds[(i + k) % kinds.length]);
        for (const kind of order) {
          const context = await browser.newContext();
          const page = `${url}/${kind}.html`;
          if (condition.repeat) await visit(context, page, condition, false);
          samples[kind].push(await visit(context, page, condition));
          await context.close();
        }
      }
      results.push({ condition, samples });
      log(condition.name, kinds.map((kind) => `${kind} ${fmt(median(samples[kind].map((s) => s.total)))} ms`).join(', '));
    }
  } finally {
    await browser.close();
    server.close();
  }

  const out = [];
  const m = (list, f) => median(list.map(f));
  out.push(`### First visit: the README's snippet against a DOMParser script (${FEED})`);
  out.push('');
  out.push(`Each sample is a new tab; feedlet and the script${BASELINE ? ' (and the older build)' : ''} take turns in the same rounds. Time from navigation start to \`feedlet:load\` (or the script's list in the DOM), medians; the ratio is feedlet ÷ script (≤ 1 means feedlet is no later). Phone: CPU throttled 4×, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up. Repeat: code in the HTTP cache (\`immutable\`), page and feed fetched again.`);
  if (BASELINE) out.push(`The older build: \`${BASELINE}\`, served the same way under /base/.`);
  out.push('');
  out.push(`| visit | samples | feedlet | DOMParser script | ratio |${BASELINE ? ' older build | its ratio |' : ''}`);
  out.push(`|---|---:|---:|---:|---:|${BASELINE ? '---:|---:|' : ''}`);
  for (const { condition, samples } of results) {
    const f = m(samples.feedlet, (s) => s.total);
    const d = m(samples.dom, (s) => s.total);
    const b = BASELINE ? m(samples.baseline, (s) => s.total) : NaN;
    out.push(`| ${condition.name} | ${samples.feedlet.length} | ${fmt(f)} ms | ${fmt(d)} ms | ${(f / d).toFixed(2)}× |${BASELINE ? ` ${fmt(b)} ms | ${(b / d).toFixed(2)}× |` : ''}`);
  }
  out.push('');
  out.push("Where feedlet's time goes (medians, ms; chain and feed from navigation start, the rest durations; see the header of `bench/firstvisit.mjs`):");
  out.push('');
  out.push('| build | visit | request chain (wasm asked for) | wasm download | feed loaded | compile (last byte → ready) | wait (ready → render) | first call | to the event | total | bytes transferred |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const kind of BASELINE ? ['feedlet', 'baseline'] : ['feedlet']) {
    for (const { condition, samples } of results) {
      const list = samples[kind];
      out.push(`| ${kind === 'feedlet' ? 'this' : 'older'} | ${condition.name} | ${fmt(m(list, (s) => s.chain))} | ${fmt(m(list, (s) => s.download))} | ${fmt(m(list, (s) => s.feed))} | ${fmt(m(list, (s) => s.ready - s.wasmEnd))} | ${fmt(m(list, (s) => s.renderStart - s.ready))} | ${fmt(m(list, (s) => s.renderEnd - s.renderStart))} | ${fmt(m(list, (s) => s.total - s.renderEnd))} | ${fmt(m(list, (s) => s.total))} | ${fmt(m(list, (s) => s.bytes))} |`);
    }
  }
  out.push('');
  out.push('The first `renderFeeds` call against the same call made again on the same tab (same bytes and options, a new shadow root), medians in ms:');
  out.push('');
  out.push('| visit | first call | second call | third call | first − second |');
  out.push('|---|---:|---:|---:|---:|');
  for (const { condition, samples } of results) {
    const list = samples.feedlet;
    const first = m(list, (s) => s.renderEnd - s.renderStart);
    const second = m(list, (s) => s.second);
    out.push(`| ${condition.name} | ${fmt(first)} | ${fmt(second)} | ${fmt(m(list, (s) => s.third))} | ${fmt(first - second)} |`);
  }
  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
