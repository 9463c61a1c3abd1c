#!/usr/bin/env node
// Browser benchmarks in headless Chromium (playwright-core, /usr/bin/chromium), served from 127.0.0.1.
//
//   node bench/browser.mjs            (after `make build` and `node bench/generate.mjs`; prints Markdown)
//   FEEDLET_BENCH_SCALE=0.2 node bench/browser.mjs      (a quick, noisier look)
//   FEEDLET_BENCH_SITE=/tmp/site node bench/browser.mjs  (serve another build: a folder with www/dist, bench, …)
//   FEEDLET_BENCH_BASELINE=/tmp/old/dist node bench/browser.mjs   (the cold table also loads an older build's
//                                    feedlet.js, in the same rounds: is this build's cold render slower than it?)
//   FEEDLET_BENCH_ONLY=cold node bench/browser.mjs  (the cold table only)
//
// Warm: on the 20 KB, 1 MB and 10 MB Atom feeds, every case runs once per round in rotating order
// (interleaved), with a forced GC before each sample; medians over many rounds after warm-up. Each sample
// records wall time (performance.now in the page) and the renderer main thread's CPU time (DevTools
// Performance.getMetrics ThreadTime, less the median of an empty sample), which a busy machine disturbs less.
// Cold: a fresh browser context (empty cache) per sample, rotating feedlet (`init()`, and `init({ more: false })`
// as the embed loads it), the baseline build when given, and the DOMParser widget.
// Memory: wasm linear memory after one call on the 10 MB feed, in a fresh context per call.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'www', 'package.json'));
// The folder served as the site root: the repository, or (to compare another build of www/dist) a folder laid
// out the same way: www/dist, www/node_modules/rss-parser, bench, target/bench-feeds.
const site = resolve(process.env.FEEDLET_BENCH_SITE || root);
const { chromium } = require('playwright-core');

const SCALE = Number(process.env.FEEDLET_BENCH_SCALE) > 0 ? Number(process.env.FEEDLET_BENCH_SCALE) : 1;
const LABELS = ['feedlet renderFeed top 10', 'feedlet parseFeed (all entries)', 'DOMParser widget top 10', 'DOMParser extract all', 'rss-parser parseString'];
// feed, seconds of sampling, least rounds, warm-up rounds, calls per sample
const PLAN = [
  ['atom-10.xml', 15, 30, 5, 10],
  ['atom-100.xml', 45, 15, 3, 1],
  ['atom-1000.xml', 100, 7, 1, 1],
];
const COLD_SAMPLES = Math.max(5, Math.round(21 * SCALE));
const ONLY = process.env.FEEDLET_BENCH_ONLY || '';
// An older build's dist folder, served under the site as /target/bench-baseline/ for the cold table.
const BASELINE = process.env.FEEDLET_BENCH_BASELINE ? resolve(process.env.FEEDLET_BENCH_BASELINE) : null;
// The cold table's pages, by kind: what each loads (bench/cold-feedlet.html with a build and a way to load it, or the
// widget's page) and how the report names it.
const COLD_PAGES = {
  feedlet: ['bench/cold-feedlet.html?', 'feedlet: import feedlet.js; init() ∥ fetch; renderFeed'],
  'feedlet, first module': ['bench/cold-feedlet.html?more=0&', 'feedlet: the same with init({ more: false })'],
  ...(BASELINE ? { baseline: ['bench/cold-feedlet.html?dist=/target/bench-baseline/&', 'baseline build: import its feedlet.js; init() ∥ fetch; renderFeed'] } : {}),
  dom: ['bench/cold-dom.html?', 'DOMParser widget: import dom-widget.mjs ∥ fetch; render'],
};
const log = (...args) => console.error('bench browser:', ...args);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.round((s.length - 1) * q)] : NaN;
}
const fmt = (v) => (!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const kib = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MiB` : `${(b / 1024).toFixed(1)} KiB`);

async function serve() {
  for (const need of ['www/dist/feedlet.js', 'www/dist/feedlet_bg.wasm', 'target/bench-feeds/atom-1000.xml']) {
    if (!existsSync(join(site, need))) throw new Error(`${need} is missing: run \`make build\` and \`node bench/generate.mjs\` first`);
  }
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--root', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]);
    });
    server.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return { server, url };
}

async function main() {
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'],
  });
  const results = { chromium: browser.version(), scale: SCALE, baseline: BASELINE, warm: {}, cold: {}, memory: {}, check: null };
  if (BASELINE) {
    if (!existsSync(join(BASELINE, 'feedlet.js'))) throw new Error(`FEEDLET_BENCH_BASELINE: no feedlet.js in ${BASELINE}`);
    rmSync(join(site, 'target', 'bench-baseline'), { recursive: true, force: true });
    cpSync(BASELINE, join(site, 'target', 'bench-baseline'), { recursive: true });
  }
  try {
    if (!ONLY || ONLY === 'warm') {
    // ---- warm, interleaved ----
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/favicon|404/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${url}bench/page.html`);
    await page.waitForFunction(() => window.bench && window.bench.ready);
    const loaded = await page.evaluate((names) => window.bench.load(names), PLAN.map((p) => p[0]));
    results.check = loaded.check;
    results.rssParser = loaded.rssParser;
    log('entries read per case:', JSON.stringify(loaded.check));
    const labels = ['noop', ...LABELS.filter((l) => loaded.rssParser || !l.startsWith('rss-parser'))];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime');
    const hasCpu = Boolean(await threadTime());
    results.cpu = hasCpu;
    const sample = async (name, label, batch) => {
      await page.evaluate(() => typeof gc === 'function' && gc());
      const before = hasCpu ? (await threadTime()).value : 0;
      const wall = await page.evaluate(([n, l, b]) => window.bench.one(n, l, b), [name, label, batch]);
      const cpu = hasCpu ? ((await threadTime()).value - before) * 1000 : NaN;
      return { wall, cpu };
    };
    for (const [name, seconds, least, warmup, batch] of PLAN) {
      const samples = Object.fromEntries(labels.map((l) => [l, { wall: [], cpu: [], batch }]));
      for (let r = 0; r < warmup; r++) for (const l of labels) await sample(name, l, batch);
      const start = Date.now();
      let r = 0;
      while (r < Math.max(5, Math.round(least * Math.min(1, SCALE * 2))) || (Date.now() - start) / 1000 < seconds * SCALE) {
        for (let k = 0; k < labels.length; k++) {
          const l = labels[(r + k) % labels.length];
          const { wall, cpu } = await sample(name, l, batch);
          samples[l].wall.push(wall);
          samples[l].cpu.push(cpu);
        }
        r++;
        if (r >= 400) break;
      }
      results.warm[name] = samples;
      log(name, `${r} rounds`, Object.entries(samples).map(([l, s]) => `${l}: ${fmt(median(s.wall))} ms wall, ${fmt(median(s.cpu) / batch)} ms cpu`).join('; '));
    }
    if (errors.length) log('page errors:', errors.slice(0, 5).join(' | '));
    await context.close();
    }

    // ---- cold first render, a fresh context per sample ----
    // 20 KB is the target; 1 MB shows what a big feed costs on a page's first (and usually only) render,
    // when the wasm still runs in V8's baseline tier.
    if (!ONLY || ONLY === 'cold') for (const [feed, samples] of [['atom-10.xml', COLD_SAMPLES], ['atom-100.xml', Math.max(5, Math.round(COLD_SAMPLES / 2))]]) {
      const cold = (results.cold[feed] = {});
      const kinds = Object.keys(COLD_PAGES);
      for (const kind of kinds) cold[kind] = { total: [], script: [], items: [], imported: [], init: [], render: [] };
      for (let i = 0; i < samples; i++) {
        // Each kind in turn, starting one further each round.
        for (let k = 0; k < kinds.length; k++) {
          const kind = kinds[(i + k) % kinds.length];
          const ctx = await browser.newContext();
          const p = await ctx.newPage();
          await p.goto(`${url}${COLD_PAGES[kind][0]}feed=${feed}`);
          const done = await p.waitForFunction(() => window.__done, null, { timeout: 120000 }).then((h) => h.jsonValue());
          cold[kind].total.push(done.end);
          cold[kind].script.push(done.end - done.scriptStart);
          cold[kind].items.push(done.items);
          for (const part of ['imported', 'init', 'render']) if (part in done) cold[kind][part].push(done[part]);
          await ctx.close();
        }
      }
      log('cold', feed, Object.entries(cold).map(([k, v]) => `${k}: ${fmt(median(v.total))} ms`).join('; '));
    }

    // ---- wasm memory ----
    if (!ONLY) for (const [name, op] of [['atom-1000.xml', 'render'], ['atom-1000.xml', 'parse'], ['atom-100.xml', 'render'], ['atom-100.xml', 'parse']]) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${url}bench/page.html`);
      await p.waitForFunction(() => window.bench && window.bench.ready);
      results.memory[`${name} ${op}`] = await p.evaluate(([n, o]) => window.bench.memoryProbe(n, o), [name, op]);
      await ctx.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  mkdirSync(join(root, 'target', 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'target', 'bench-results', 'browser.json'), JSON.stringify(results, null, 1));
  report(results);
}

/**
 * The ratio of medians a ÷ b, and its 2.5 % and 97.5 % quantiles over 2,000 resamples of both sample lists.
 * @param {number[]} a
 * @param {number[]} b
 */
function bootstrap(a, b) {
  // A fixed seed: the same samples give the same interval.
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < 2000; i++) ratios.push(median(pick(a)) / median(pick(b)));
  return [quantile(ratios, 0.025), median(a) / median(b), quantile(ratios, 0.975)];
}

function report(results) {
  const out = [];
  const p = (s = '') => out.push(s);
  p(`### Browser (\`node bench/browser.mjs\`, Chromium ${results.chromium} headless)`);
  p();
  const verdicts = [];
  if (Object.keys(results.warm).length) {
    p('Warm: one page; every case once per round in rotating order, `gc()` before each sample, medians after warm-up. ' +
      (results.cpu
        ? '"CPU ms" is the renderer main thread\'s CPU time per call (DevTools `Performance.getMetrics` `ThreadTime` around each sample, less the median of an empty sample); it is what the ratios use, since a busy machine inflates wall time. For the two widgets it also counts the style, layout and paint the browser does for the rendered list after the call (4–5 ms on this machine, the same for both), which the wall time of the call does not. "wall ms" is `performance.now()` in the page. '
        : '') +
      'The 20 KB feed runs 10 calls per sample. feedlet gets the feed as a `Uint8Array` (as `fetch().arrayBuffer()` gives it); DOMParser and rss-parser get the already decoded string (their `TextDecoder` time is not counted). The DOMParser widget builds the same list (title link, date, summary text cut to 160 characters via an inert `text/html` DOMParser); DOMParser extract-all keeps HTML bodies as HTML strings, while `parseFeed` also turns every summary into plain text.');
    p();
    p('| feed | size | entries | case | samples | CPU ms | CPU p25–p75 | wall ms | wall p25–p75 |');
    p('|---|---:|---:|---|---:|---:|---:|---:|---:|');
    const cpuOf = (samples, label) => {
      const s = samples[label];
      const noop = median(samples.noop.cpu);
      return s.cpu.map((c) => (c - noop) / s.batch);
    };
    for (const [name, samples] of Object.entries(results.warm)) {
      for (const [label, s] of Object.entries(samples)) {
        if (label === 'noop') continue;
        const entries = results.check && results.check[name] ? results.check[name][label] : '';
        const cpu = cpuOf(samples, label);
        p(`| ${name} | ${fileSize(name)} | ${entries} | ${label} | ${s.wall.length}${s.batch > 1 ? ` × ${s.batch}` : ''} | ${fmt(median(cpu))} | ${fmt(quantile(cpu, 0.25))}–${fmt(quantile(cpu, 0.75))} | ${fmt(median(s.wall))} | ${fmt(quantile(s.wall, 0.25))}–${fmt(quantile(s.wall, 0.75))} |`);
      }
      if (results.cpu) p(`| ${name} | | | (empty sample, subtracted) | ${samples.noop.cpu.length} | ${fmt(median(samples.noop.cpu))} | | ${fmt(median(samples.noop.wall))} | |`);
    }
    p();
    p(`**Ratios (same run; how many times faster feedlet is; higher is better; ${results.cpu ? 'CPU time, wall time in brackets' : 'wall time'}):**`);
    p();
    p('| feed | top 10: DOMParser widget ÷ renderFeed (target ≥ 8× on 1 MB) | full parse: DOMParser extract-all ÷ parseFeed (target ≥ 3× on 1 MB) | full parse: rss-parser ÷ parseFeed (target ≥ 8× on 1 MB) |');
    p('|---|---:|---:|---:|');
    for (const [name, s] of Object.entries(results.warm)) {
      const m = (l) => (results.cpu ? median(cpuOf(s, l)) : median(s[l].wall));
      const w = (l) => median(s[l].wall);
      const ratio = (a, b) => [m(a) / m(b), w(a) / w(b)];
      const a = ratio('DOMParser widget top 10', 'feedlet renderFeed top 10');
      const b = ratio('DOMParser extract all', 'feedlet parseFeed (all entries)');
      const c = s['rss-parser parseString'] ? ratio('rss-parser parseString', 'feedlet parseFeed (all entries)') : [NaN, NaN];
      const mark = ([v, vw], target) => `${fmt(v)}×${results.cpu ? ` (${fmt(vw)}×)` : ''}${name === 'atom-100.xml' ? (v >= target ? ' met' : ' **not met**') : ''}`;
      p(`| ${name} | ${mark(a, 8)} | ${mark(b, 3)} | ${mark(c, 8)} |`);
      if (name === 'atom-100.xml') verdicts.push(['top 10 from 1 MB ≥ 8× faster than the DOMParser widget', a[0], a[0] >= 8], ['full parse of 1 MB ≥ 3× faster than DOMParser extract-all', b[0], b[0] >= 3], ['full parse of 1 MB ≥ 8× faster than rss-parser', c[0], c[0] >= 8]);
    }
    p();
  }
  if (Object.keys(results.cold).length) {
    p(`**Cold first render**: a fresh browser context per sample (empty HTTP cache; feedlet.js and the wasm fetched, compiled and instantiated), the pages below taking turns. "From navigation" = \`performance.now()\` when the list is in the DOM; "from script start" = since the page's module script began; import, init and render split the latter. The ratio is DOMParser ÷ that page (≥ 1 means no slower than the DOMParser widget).${results.baseline ? ` The baseline is the build in \`${results.baseline}\`, loaded by the same page.` : ''}`);
    p();
    p('| feed | page | samples | from navigation, median ms | p25–p75 | from script start, median ms | import / init / render, median ms | items | DOMParser ÷ this |');
    p('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    const against = [];
    for (const [feed, cold] of Object.entries(results.cold)) {
      const cd = cold.dom;
      for (const [kind, c] of Object.entries(cold)) {
        const parts = c.imported && c.imported.length ? `${fmt(median(c.imported))} / ${fmt(median(c.init))} / ${fmt(median(c.render))}` : '';
        p(`| ${feed} (${fileSize(feed)}) | ${COLD_PAGES[kind]?.[1] || kind} | ${c.total.length} | ${fmt(median(c.total))} | ${fmt(quantile(c.total, 0.25))}–${fmt(quantile(c.total, 0.75))} | ${fmt(median(c.script))} | ${parts} | ${median(c.items)} | ${kind === 'dom' ? '' : `${fmt(median(cd.total) / median(c.total))}×`} |`);
      }
      if (feed !== 'atom-10.xml') continue;
      const ratio = median(cd.total) / median(cold.feedlet.total);
      verdicts.push(['cold first render of 20 KB no slower than the DOMParser widget', ratio, ratio >= 1]);
      if (cold.baseline) {
        // How this build's time compares with the baseline's, from the same rounds, and the spread of that ratio
        // over resamples of the rounds (a bootstrap): the machine's noise is of the same order as the differences.
        for (const kind of ['feedlet', 'feedlet, first module']) {
          const [low, mid, high] = bootstrap(cold.baseline.total, cold[kind].total);
          against.push(`- ${COLD_PAGES[kind][1]}: baseline ÷ this build = ${fmt(mid)}× (95 % of resamples within ${fmt(low)}–${fmt(high)}×; ≥ 1 means no slower than the baseline).`);
          verdicts.push([`cold first render of 20 KB (${kind === 'feedlet' ? 'init()' : 'init({ more: false })'}) no slower than the baseline build`, mid, mid >= 1]);
        }
      }
    }
    if (against.length) {
      p();
      p(`20 KB, against the baseline build (${results.cold['atom-10.xml'].baseline.total.length} samples each, same rounds):`);
      p();
      for (const line of against) p(line);
    }
    p();
  }
  if (Object.keys(results.memory).length) {
    p('**Wasm linear memory** (`WebAssembly.Memory` `buffer.byteLength` from the exports `init()` returns; it never shrinks, so it is the peak), a fresh page per row:');
    p();
    p('| feed | call | input | memory after init | after the call | ÷ input (target ≤ 3× on 10 MB) | after a second call | first call ms (fresh page) |');
    p('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const [key, m] of Object.entries(results.memory)) {
      const [name, op] = key.split(' ');
      const ratio = m.after / m.input;
      p(`| ${name} | ${op === 'render' ? 'renderFeed top 10' : 'parseFeed'} | ${kib(m.input)} | ${kib(m.initial)} | ${kib(m.after)} | ${ratio.toFixed(2)}× | ${kib(m.again)} | ${fmt(m.ms)} |`);
      if (name === 'atom-1000.xml') verdicts.push([`wasm memory after ${op === 'render' ? 'renderFeed' : 'parseFeed'} of 10 MB ≤ 3× input`, ratio, ratio <= 3]);
    }
    p();
  }
  p('| browser target | measured | met |');
  p('|---|---:|---|');
  for (const [what, v, ok] of verdicts) p(`| ${what} | ${fmt(v)}× | ${ok ? 'yes' : '**no**'} |`);
  if (Object.keys(results.warm).length && !results.rssParser) p('\nrss-parser: the browser bundle did not load in the page, so its column is empty.');
  console.log(out.join('\n'));
}

const fileSizes = {};
function fileSize(name) {
  if (!(name in fileSizes)) {
    try {
      const manifest = require(join(root, 'target', 'bench-feeds', 'manifest.json'));
      fileSizes[name] = manifest[name] ? kib(manifest[name].bytes) : '';
    } catch {
      fileSizes[name] = '';
    }
  }
  return fileSizes[name];
}

main().catch((error) => {
  console.error('bench browser:', error && error.stack ? error.stack : error);
  process.exit(1);
});
