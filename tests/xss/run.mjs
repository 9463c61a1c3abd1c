#!/usr/bin/env node
// feedlet's XSS suite in a real browser: `cd www && node ../tests/xss/run.mjs` (after `make build`).
//
// 1. Every payload of payloads.mjs in every field, in every format (generate.mjs), rendered in headless Chromium
//    in every mode: <feedlet-posts> (embed.js) in Shadow DOM and light DOM, renderFeed (feedlet.js) into a light
//    element and into a shadow root, each with text summaries and summary="html", each with the default item
//    and with a custom <template> holding every data-field (16 modes; the JavaScript Feed-object "format" has no
//    URL to fetch, so it runs in the 8 renderFeed modes). Pages are served from 127.0.0.1 under
//      Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'
//    Asserted on the live DOM and the page: no script ran (canary __xss(id) and alert/confirm/prompt/print hooked in
//    every frame by addInitScript; a securitypolicyviolation listener; requests for the trap URLs /xss.js, /xss.css
//    and /navigated), no on* attribute anywhere in the rendered tree (shadow roots walked), no javascript:/data:/
//    vbscript:/blob: URL in href/src, no element outside the renderer's own set (plus the summary="html" allow-list,
//    plus the template's own elements), no style/srcset/id/name or any attribute outside the renderer's list, no
//    navigation (framenavigated, page URL), popup, dialog, extra frame or uncaught error, and every entry rendered,
//    in feed order. CSP reports that are not findings: img-src (a feed image on another origin, blocked on purpose)
//    and, in summary="html" modes only, script-src-attr/style-src-attr/style-src-elem reported against the document
//    (Chromium reports those while parsing a rich summary into the inert DOMParser document; a handler, style or
//    <style> that reached the tree fails the checks above). For Atom xhtml in summary="html", the rich summary may
//    only hold elements the entry's XHTML really contains (read with the browser's XML parser): no XML text,
//    comment or processing instruction may turn into markup. A self-test first proves the checks can see a leak.
//    Output: one line per format × mode, then `payloads × fields × formats × modes` tried and passed.
// 2. The feedparser sanitize cases in ../shared/corpora/feedparser (skipped, saying so, when absent): each case's
//    feed, and each HTML fragment it carries re-wrapped as an Atom entry, rendered by renderFeed in text and html
//    modes, light and shadow; every must_not_contain token is checked against the rendered tree:
//    - a markup token (`<script`, `<iframe`…) fails when an element of that name exists or the token occurs in
//      the outerHTML of the rendered nodes (where text and attribute values are escaped, so it can only be a tag);
//    - a bare token (`onclick`, `onerror`…) fails when an attribute of that name exists. Its occurrence in text
//      content or in an attribute value (a word in a title, a URL's query) is data, not markup, and is only
//      counted ("strict text occurrences"), since feedlet renders feed text as text on purpose.
//
// Options: --quick (2 modes, no feedparser: a smoke run); arguments filter by substring of the run name
// (`node ../tests/xss/run.mjs rss-cdata embed-shadow`, `… feedparser`); XSS_TIMING=1 prints timings.
// Ends with `N passed, M failed` (combinations plus feedparser cases) and exits non-zero on any failure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, REPO, launchBrowser } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { payloads } from './payloads.mjs';
import { generate, FORMAT_FIELDS, FIELDS } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(REPO, '..', 'shared', 'corpora', 'feedparser');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'";
const CONCURRENCY = 3;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filters = args.filter((a) => !a.startsWith('--'));
const started = Date.now();

if (!existsSync(join(DIST, 'embed.js')) || !existsSync(join(DIST, 'feedlet_bg.wasm'))) {
  console.log('xss: www/dist is missing: run `make build` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------
// The server (tests/lib/server.mjs, every response under the CSP): www/dist, the harness, the generated feeds
// from memory, the feedparser corpus, and trap URLs.

const { feeds, stats } = generate();
const hits = []; // requests for trap URLs: { path, id, job } (the job from the Referer: the harness page's ?job=)
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const HARNESS_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>feedlet xss</title>'
  + '<link rel="stylesheet" href="/harness.css"><script type="module" src="/harness.js"></script></head><body><main><h1>host page</h1></main></body></html>';

// The host page's own style: items outside the viewport skip layout and paint (content-visibility), as in a page
// that shows the widget in a column; without it every run lays out some 750 cards.
const HARNESS_CSS = '.feedlet__item, feedlet-posts::part(item), .harness-host::part(item) '
  + '{ content-visibility: auto; contain-intrinsic-size: auto 160px }';

// Trap URLs record who asked (by id and job) and answer with something that would show if it ran.
const TRAPS = {
  '/xss.js': (id) => ({ type: 'text/javascript; charset=utf-8', body: `window.__xss && window.__xss(${Number(id) || 0});` }),
  '/xss.css': () => ({ type: 'text/css', body: 'html{outline:1px solid red}' }),
  '/navigated': () => ({ type: 'text/html; charset=utf-8', body: '<!doctype html><p>navigated</p>' }),
};
function trap(req, res, url) {
  const path = Object.keys(TRAPS).find((p) => p === '/navigated' ? url.pathname.startsWith(p) : url.pathname === p);
  if (!path) return false;
  const id = url.searchParams.get('id');
  let job = '';
  try { job = new URL(req.headers.referer || '').searchParams.get('job') || ''; } catch { /* no referer */ }
  hits.push({ path: path === '/navigated' ? url.pathname : path, id, job });
  const { type, body } = TRAPS[path](id);
  res.writeHead(200, server.headersFor(type));
  res.end(body);
  return true;
}

const server = await startServer({
  dirs: { '/dist/': DIST, '/fp/': join(CORPUS, 'files') },
  headers: { 'cache-control': 'no-store', 'content-security-policy': CSP },
  fallback: trap,
});
for (const path of ['/', '/harness.html']) server.put(path, { type: 'text/html; charset=utf-8', body: HARNESS_HTML });
server.put('/harness.js', { type: 'text/javascript; charset=utf-8', body: () => readFileSync(join(HERE, 'harness.js')) });
server.put('/harness.css', { type: 'text/css', body: HARNESS_CSS });
server.put('/ok.png', { type: 'image/png', body: PNG });
server.put('/ok.svg', { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' });
server.put('/ok.html', { type: 'text/html; charset=utf-8', body: '<!doctype html><p>ok</p>' });
for (const feed of feeds) server.put(`/feeds/${feed.file}`, { type: feed.contentType + '; charset=utf-8', body: feed.body });
const origin = server.origin;

const browser = await launchBrowser();

// Runs in every frame before any script: the canary, the dialog hooks and the CSP listener.
function instrument() {
  let log;
  try { log = window.top.__xssLog; } catch { /* cross-origin frame */ }
  if (!log) { log = []; Object.defineProperty(window, '__xssLog', { value: log }); }
  const current = () => { try { return window.top.__xssCase || null; } catch { return null; } };
  const record = (type, arg) => log.push({ type, arg: String(arg), frame: location.href, current: current() });
  window.__xss = (id) => record('canary', id);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (value) => { record(name, value); return null; };
  document.addEventListener('securitypolicyviolation',
    (e) => record('csp', `${e.effectiveDirective} at ${e.target && e.target.nodeName} blocked ${e.blockedURI}${e.sample ? ' sample ' + e.sample : ''}`), true);
}

/**
 * A harness page in a fresh browser context. `run(call, arg, after)` evaluates `call(arg)` in it (then `after(page)`),
 * and returns what the page did meanwhile: the canary/dialog/CSP log, navigations, popups, dialogs, uncaught
 * errors and frames. Several runs share one page (the wasm compiles once); each run's widget is removed after it.
 */
async function openPage(job) {
  const context = await browser.newContext();
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const events = { navigations: 0, popups: 0, dialogs: [], errors: [] };
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) events.navigations++; });
  page.on('popup', () => { events.popups++; });
  page.on('dialog', (dialog) => { events.dialogs.push(`${dialog.type()}: ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => events.errors.push(String(error && error.message || error)));
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  const home = `${origin}/harness.html?job=${encodeURIComponent(job)}`;
  let broken = null;
  const t0 = Date.now();
  try {
    await page.goto(home);
    await page.waitForFunction(() => window.harness, null, { timeout: 30000 });
  } catch (error) {
    broken = `the harness did not load: ${String(error && error.message || error).split('\n')[0]}`
      + ` (page errors: ${[...events.errors, ...consoleErrors].slice(0, 3).join('; ') || 'none'})`;
  }
  const loadMs = Date.now() - t0;
  let seen = { navigations: events.navigations, popups: 0, dialogs: 0, errors: 0 };
  return {
    loadMs,
    /** Evaluates `call(arg)`, which returns { result, tree?, log } (the harness takes the log and cleans up). */
    async run(call, arg) {
      const out = { navigations: 0, popups: 0, dialogs: [], errors: [], frames: 1, navigated: false };
      if (broken) { out.crash = broken; return out; }
      const t1 = Date.now();
      try {
        Object.assign(out, await page.evaluate(call, arg));
        out.ms = Date.now() - t1;
      } catch (error) {
        out.crash = String(error && error.message || error).split('\n')[0];
        broken = `an earlier run broke the page: ${out.crash}`;
      }
      out.navigations = events.navigations - seen.navigations;
      out.popups = events.popups - seen.popups;
      out.dialogs = events.dialogs.slice(seen.dialogs);
      out.errors = events.errors.slice(seen.errors);
      seen = { navigations: events.navigations, popups: events.popups, dialogs: events.dialogs.length, errors: events.errors.length };
      out.frames = page.frames().length;
      out.url = page.url();
      out.navigated = out.url !== home;
      if (out.navigated || out.navigations) broken = 'the page navigated away in an earlier run';
      return out;
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Part 1: payloads × fields × formats × modes.

const MODES = [];
for (const light of [false, true]) for (const template of [false, true]) for (const html of [false, true]) {
  MODES.push({ name: `embed-${light ? 'light' : 'shadow'}${template ? '-template' : ''}-${html ? 'html' : 'text'}`, kind: 'embed', light, template, html });
}
for (const shadow of [false, true]) for (const template of [false, true]) for (const html of [false, true]) {
  MODES.push({ name: `renderFeed-${shadow ? 'shadow' : 'light'}${template ? '-template' : ''}-${html ? 'html' : 'text'}`, kind: 'direct', shadow, template, html });
}
const modes = quick ? MODES.filter((m) => ['embed-shadow-html', 'renderFeed-light-template-text'].includes(m.name)) : MODES;

const jobs = [];
for (const feed of feeds) {
  for (const mode of modes) {
    if (feed.format === 'js-object' && mode.kind === 'embed') continue; // a Feed object has no URL to fetch
    const name = `${feed.format}/${mode.name}`;
    if (filters.length && !filters.some((f) => name.includes(f))) continue;
    jobs.push({ name, feed, mode, group: `${feed.format}/${mode.kind}` });
  }
}
// One page per format and kind (embed or renderFeed): its modes run one after another in it.
const groups = [...new Set(jobs.map((j) => j.group))].map((group) => jobs.filter((j) => j.group === group));

const byId = new Map(payloads.map((p) => [p.id, p]));
const totals = { combos: 0, failedCombos: 0, jobs: 0, failedJobs: 0 };
const details = [];

async function runGroup(list) {
  const page = await openPage(list[0].group);
  for (const job of list) await runJob(job, page);
  await page.close();
}

async function runJob({ name, feed, mode, group }, page) {
  const src = `/feeds/${feed.file}`;
  const opts = { src, html: mode.html, template: mode.template, light: mode.light, shadow: mode.shadow, object: feed.format === 'js-object',
    fidelity: feed.format === 'atom-xhtml' && mode.html };
  const out = await page.run(([kind, o]) => window.harness.runMode(kind, o), [mode.kind, opts]);
  const fields = FORMAT_FIELDS[feed.format];
  const combos = payloads.length * fields.size;
  const failed = new Set(); // `${payloadId}|${field}`
  const jobProblems = [];
  const lines = [];
  const failPayload = (id, field, what) => {
    const p = byId.get(id);
    const targets = field && fields.has(field) ? [field] : [...fields];
    for (const f of targets) failed.add(`${id}|${f}`);
    lines.push(`payload #${id} (${p ? p.category : '?'}) ${field || 'all fields'}: ${what}${p ? `\n        payload: ${JSON.stringify(p.payload).slice(0, 160)}` : ''}`);
  };
  if (out.crash) jobProblems.push(`page failed: ${out.crash}`);
  const result = out.result || {};
  if (out.result && !result.ok) jobProblems.push(`the widget reported an error: ${result.error}`);
  if (out.result && result.ok && result.count !== feed.entries) jobProblems.push(`rendered ${result.count} of ${feed.entries} entries`);
  const check = out.tree;
  if (check) {
    if (check.items !== feed.entries) jobProblems.push(`${check.items} items in the tree for ${feed.entries} entries`);
    // Items must be in feed order so that item i shows payload i/3: B and C entries carry fixed titles.
    const misplaced = check.titles.findIndex((t, i) => i % 3 !== 0 && t !== `${'ABC'[i % 3]}${Math.floor(i / 3) + 1}`);
    if (misplaced >= 0) jobProblems.push(`item ${misplaced} is out of order (title ${JSON.stringify(check.titles[misplaced])})`);
    for (const { index, extra } of check.fidelity || []) {
      const id = Math.floor(index / 3) + 1;
      const what = `Atom xhtml fidelity: the rich summary holds ${extra.join(', ')}, not so in the entry's XHTML`
        + ' (XML text, a comment, a PI, a foreign-namespace or an empty element became markup)';
      if (index < 0) jobProblems.push(extra.join('; '));
      else failPayload(id, 'summary', what);
    }
    for (const problem of check.problems) {
      if (problem.index < 0) jobProblems.push(`outside any item: ${problem.what}`);
      else failPayload(Math.floor(problem.index / 3) + 1, problem.field === 'unknown' ? null : problem.field, `${'ABC'[problem.index % 3]} entry: ${problem.what}`);
    }
  }
  for (const entry of out.log || []) {
    if (entry.type === 'canary' && byId.has(Number(entry.arg))) failPayload(Number(entry.arg), null, `the canary ran (frame ${entry.frame})`);
    else if (entry.type === 'canary') jobProblems.push(`the canary ran with ${entry.arg} (frame ${entry.frame})`);
    else if (entry.type === 'csp') {
      if (!cspExpected(entry.arg, mode.html)) jobProblems.push(`CSP violation: ${entry.arg}`);
    } else jobProblems.push(`${entry.type}(${entry.arg}) was called (frame ${entry.frame})`);
  }
  for (const hit of takeHits(group)) {
    if (byId.has(Number(hit.id))) failPayload(Number(hit.id), null, `the page requested ${hit.path}?id=${hit.id}`);
    else jobProblems.push(`the page requested ${hit.path}`);
  }
  if (out.navigations || out.navigated) jobProblems.push(`the page navigated (to ${out.url})`);
  if (out.popups) jobProblems.push(`${out.popups} popup(s)`);
  if (out.dialogs && out.dialogs.length) jobProblems.push(`dialogs: ${out.dialogs.join('; ')}`);
  if (out.errors && out.errors.length) jobProblems.push(`uncaught errors: ${out.errors.slice(0, 3).join('; ')}`);
  if (out.frames !== 1) jobProblems.push(`${out.frames - 1} frame(s) exist`);
  const failedCombos = jobProblems.length ? combos : failed.size;
  totals.combos += combos;
  totals.failedCombos += failedCombos;
  totals.jobs++;
  if (failedCombos) totals.failedJobs++;
  const imgBlocked = (out.log || []).filter((e) => e.type === 'csp' && /^img-src/.test(e.arg)).length;
  const inert = (out.log || []).filter((e) => e.type === 'csp' && !/^img-src/.test(e.arg) && cspExpected(e.arg, mode.html)).length;
  const timing = out.ms ? `, ${out.ms} ms wall, in page: render ${out.inPage.render} + check ${out.inPage.check} + settle ${out.inPage.settle} ms` : '';
  const head = `${failedCombos ? 'FAIL' : 'ok  '} ${name}: ${combos - failedCombos}/${combos} combinations`
    + ` (${result.count ?? '?'} items, ${result.refusedUrls ?? '?'} refused URLs${imgBlocked ? `, ${imgBlocked} img-src blocks` : ''}${inert && mode.html ? `, ${inert} inert-parse CSP reports` : ''}${process.env.XSS_TIMING ? timing : ''})`;
  const body = [...jobProblems.map((p) => `job: ${p}`), ...lines];
  console.log(head + (body.length ? '\n' + body.slice(0, 25).map((l) => '     ' + l).join('\n') + (body.length > 25 ? `\n     … and ${body.length - 25} more` : '') : ''));
  if (failedCombos) details.push({ name, body });
}

/**
 * Which CSP reports are expected rather than findings. img-src: a feed image on another origin, blocked as the
 * test's CSP intends. script-src-attr, style-src-attr and style-src-elem reported against the document (not an
 * element) in summary="html" modes: Chromium reports an inline handler, style attribute or <style> when it parses
 * one, even into the inert DOMParser document that rich summaries are read from (where nothing can run or apply).
 * A handler, style or <style> that reached the rendered tree is caught by the element and attribute checks; in
 * text modes nothing is parsed, so there every such report fails.
 */
function cspExpected(text, html) {
  return /^img-src/.test(text) || (html && /^(script-src-attr|style-src-attr|style-src-elem) at #document /.test(text));
}

/** The trap requests made by one job's page (and its frames); an unattributable one goes to the first taker. */
function takeHits(job) {
  const mine = [];
  for (let i = hits.length - 1; i >= 0; i--) {
    if (hits[i].job === job || !hits[i].job) mine.push(...hits.splice(i, 1));
  }
  return mine;
}

async function pool(list, worker, n) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, list.length) }, async () => {
    while (next < list.length) await worker(list[next++]);
  }));
}
// A harness that cannot load (a broken www/dist, say) would fail every run after a long timeout, and one that
// cannot see a leak would pass everything: check both once first.
{
  const probe = await openPage('probe');
  const out = await probe.run(() => window.harness.selfTest(), null);
  await probe.close();
  const trapped = takeHits('probe').some((hit) => hit.path === '/xss.js' && hit.id === '0');
  const want = ['javascript:', 'onerror', 'style', '<iframe>'];
  const blind = out.crash ? [] : [
    ...want.filter((w) => !out.problems.some((p) => p.includes(w))).map((w) => `check() missed ${w}`),
    ...(out.canary ? [] : ['the canary did not record a same-origin script']),
    ...(out.cspHandler ? [] : ['no CSP report for an inline handler on a live element']),
    ...(trapped ? [] : ['the trap URL /xss.js was not recorded']),
  ];
  if (out.crash || blind.length) {
    console.log(`xss: ${out.crash || `the self-test failed: ${blind.join('; ')}`}`);
    console.log('0 passed, 1 failed');
    await browser.close();
    await server.close();
    process.exit(1);
  }
}

await pool(groups, runGroup, CONCURRENCY);

const formatsRun = new Set(jobs.map((j) => j.feed.format));
const modesRun = new Set(jobs.map((j) => j.mode.name));
console.log(`\nxss: ${payloads.length} payloads × ${FIELDS.length} fields (${[...formatsRun].map((f) => `${f} ${FORMAT_FIELDS[f].size}`).join(', ')})`
  + ` × ${formatsRun.size} formats × ${modesRun.size} modes (${totals.jobs} format/mode runs: a Feed object has no URL, so`
  + ` js-object runs only in the ${jobs.filter((j) => j.feed.format === 'js-object').length} renderFeed modes)`
  + `: ${totals.combos} combinations tried, ${totals.combos - totals.failedCombos} passed, ${totals.failedCombos} failed`);
console.log(`     xhtml payloads written as markup: ${stats.xhtmlMarkup}, as escaped text (not well-formed XML): ${stats.xhtmlEscaped};`
  + ` payloads XML cannot carry (written as character references): ${stats.nonconformingXml}`);

// ---------------------------------------------------------------------------------------------------------
// Part 2: the feedparser sanitize cases.

let fpPassed = 0;
let fpFailed = 0;
if (quick || (filters.length && !filters.some((f) => 'feedparser'.includes(f)))) {
  console.log('feedparser sanitize: not run (filtered)');
} else if (!existsSync(join(CORPUS, 'cases.json'))) {
  console.log(`feedparser sanitize: skipped: ${CORPUS} is absent`);
} else {
  const cases = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8'))
    .filter((c) => Array.isArray(c.must_not_contain) && c.must_not_contain.length)
    .map((c) => ({ file: c.file, tokens: c.must_not_contain }));
  const fpPage = await openPage('feedparser');
  const out = await fpPage.run(async (list) => {
    const result = await window.harness.feedparser(list);
    await new Promise((ok) => setTimeout(ok, 200));
    return { result, log: window.__xssLog.splice(0) };
  }, cases);
  await fpPage.close();
  if (out.crash) {
    console.log(`FAIL feedparser sanitize: the page failed: ${out.crash}`);
    fpFailed = cases.length;
  } else {
    const byFile = new Map(out.result.map((r) => [r.file, r]));
    const pageProblems = [];
    for (const entry of out.log || []) {
      if (entry.type === 'csp' && cspExpected(entry.arg, true)) continue;
      const r = entry.current && byFile.get(entry.current);
      if (r) r.violations.push(`${entry.type}(${entry.arg}) ran`);
      else pageProblems.push(`${entry.type}(${entry.arg})`);
    }
    if (out.navigations || out.navigated) pageProblems.push('the page navigated');
    if (out.dialogs.length) pageProblems.push(`dialogs: ${out.dialogs.join('; ')}`);
    if (out.errors.length) pageProblems.push(`uncaught errors: ${out.errors.slice(0, 3).join('; ')}`);
    if (out.frames !== 1) pageProblems.push(`${out.frames - 1} frame(s) exist`);
    for (const hit of takeHits('feedparser')) pageProblems.push(`requested ${hit.path}`);
    let notRendered = 0;
    let strict = 0;
    let fragments = 0;
    for (const r of out.result) {
      if (!r.rendered) notRendered++;
      fragments += r.fragments;
      strict += r.strictText;
      if (r.violations.length) {
        fpFailed++;
        console.log(`FAIL feedparser ${r.file}: ${r.violations.slice(0, 4).join('; ')}`);
      } else fpPassed++;
    }
    if (pageProblems.length) {
      console.log(`FAIL feedparser sanitize page: ${pageProblems.join('; ')}`);
      fpFailed += fpPassed;
      fpPassed = 0;
    }
    console.log(`feedparser sanitize: ${cases.length} cases with must_not_contain (each: the feed itself and its HTML fragments as an`
      + ` entry, text and html modes, light and shadow DOM): ${fpPassed} passed, ${fpFailed} failed;`
      + ` ${fragments} HTML fragments re-wrapped; ${notRendered} case(s) rendered nothing in any variant; ${strict} strict text/attribute-value occurrences of a bare token (data, not markup)`);
  }
}

await browser.close();
await server.close();

if (details.length) console.log(`failed runs: ${details.map((d) => d.name).join(', ')}`);
const passed = totals.combos - totals.failedCombos + fpPassed;
const failedCount = totals.failedCombos + fpFailed;
console.log(`xss suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failedCount} failed`);
process.exit(failedCount || !(totals.jobs || fpPassed) ? 1 : 0);
