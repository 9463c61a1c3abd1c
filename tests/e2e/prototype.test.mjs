// A polluted Object.prototype (issue 10, item 11): a page whose scripts (or a library on it) set
// `Object.prototype.proxy`, `.limit`, `.src`, `.summary`, every other option name, and the members of the
// dictionaries the browser reads for feedlet (fetch's `credentials` and `method`, attachShadow's `slotAssignment`,
// Intl's `calendar`…) before the embed loads. No widget may change: each renders exactly as on a clean page, and
// its requests are the same plain GETs.
import assert from 'node:assert/strict';
import { atom, jsonFeed, posts } from './lib/feeds.mjs';
import { FEEDS_HOST, assertHealthy, pageHtml, waitForWidget, widgetState } from './lib/harness.mjs';

/**
 * Runs before the page's scripts: every name below becomes an inherited, non-enumerable property of every object.
 * `intl` adds the members of Intl.DateTimeFormat's and Intl.RelativeTimeFormat's options.
 */
function pollute(intl) {
  const template = document.createElement('template');
  template.innerHTML = '<p data-field="title">POLLUTED TEMPLATE</p>';
  const values = {
    // Every option of the widget and the JS API, with a value that would show.
    src: '/evil.xml', limit: 1, offset: 1, category: 'nope', excludeCategory: 'odd', sort: 'feed', date: false,
    summary: 'html', image: false, author: true, categories: true, summaryLength: 3, dateStyle: 'relative',
    locale: 'ar-EG', timeZone: 'Pacific/Kiritimati', layout: 'cards', target: '_blank', heading: 'Polluted',
    emptyText: 'Polluted empty', errorText: 'Polluted error', summaryMode: 'html', refresh: 30, cache: 'off',
    cacheTtl: 0, proxy: 'http://evil.test/?{url}', lightDom: true, timeout: 1,
    // Parse options and what feedlet's JavaScript reads from its own objects.
    baseUrl: 'http://evil.test/', base: 'http://evil.test/', charset: 'utf-16le', maxInputBytes: 1, maxDepth: 1,
    maxEntries: 1, maxTextBytes: 1, maxWarnings: 0, template, input: 'polluted', kind: 'internal', sources: [],
    // Dictionaries the browser reads through the prototype chain: fetch, attachShadow, events, listeners, Intl.
    credentials: 'include', method: 'POST', mode: 'same-origin', redirect: 'error', referrerPolicy: 'unsafe-url',
    integrity: 'sha256-AAAA', keepalive: true, priority: 'low', headers: { 'x-polluted': '1' }, body: 'polluted',
    slotAssignment: 'manual', delegatesFocus: true, bubbles: false, composed: false, signal: AbortSignal.abort(),
    // The names wasm.js links feedlet_more.wasm by (its import module and non-function imports), and init's option.
    '': { polluted: true }, memory: 'polluted', L: 'polluted', S: 'polluted', N: 1, T1: 'polluted', G0: 1, more: false,
    ...intl && {
      calendar: 'japanese', numberingSystem: 'arab', hour12: true, hourCycle: 'h11', era: 'long', numeric: 'always',
      style: 'narrow', localeMatcher: 'lookup', timeZoneName: 'long', weekday: 'long',
      // Each of these alone also changes (or, beside dateStyle, refuses) a DateTimeFormat built from a plain object.
      year: '2-digit', month: 'narrow', day: '2-digit', hour: 'numeric', minute: 'numeric', second: 'numeric',
      dayPeriod: 'long', fractionalSecondDigits: 3, formatMatcher: 'basic', timeStyle: 'full',
    },
  };
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(Object.prototype, key, { value, writable: true, configurable: true, enumerable: false });
  }
  window.__polluted = Object.keys(values).length;
}

// The page: the element, an auto-mounted element, `mount()` with a plain object, and `parseFeed` with `{}`; one
// widget reads a feed from another origin (CORS), where `credentials: 'include'` or `mode: 'same-origin'` would fail.
const API_SCRIPT = `import init, { mount, parseFeed } from '/dist/feedlet.js';
mount(document.getElementById('api'), { src: 'feed.xml' });
const text = await (await fetch('feed.xml')).text();
await init();
window.__parsed = parseFeed(text, {}).entries.length;
`;

/**
 * Renders the page on a clean and on a polluted context (pollute(intl)), and compares every widget and every feed
 * request.
 */
async function samePage({ scope, server, other, newPage }, intl) {
  scope.put('/feed.xml', { type: 'application/atom+xml', body: atom({ entries: posts(6, { images: true, imageBase: 'https://images.example/' }) }) });
  const feeds = other.scope();
  feeds.put('/cross.xml', { type: 'application/atom+xml', headers: { 'access-control-allow-origin': '*' }, body: atom({ entries: posts(3, { prefix: 'Cross' }) }) });
  const cross = `http://${FEEDS_HOST}:${new URL(other.origin).port}${feeds.path('/cross.xml')}`;
  // The second wasm module's capabilities: JSON Feed, and rich summaries.
  scope.put('/feed.json', { type: 'application/feed+json', body: jsonFeed({ entries: posts(4, { prefix: 'Json' }) }) });
  scope.put('/api.js', { type: 'text/javascript', body: API_SCRIPT });
  const url = scope.put('/index.html', pageHtml({
    head: `<script type="module" src="${scope.path('/api.js')}"></script>`,
    body: `<feedlet-posts id="el" src="feed.xml"><a href="/blog/">fallback</a></feedlet-posts>
<div id="auto" data-feedlet="feed.xml"></div>
<div id="api"></div>
<feedlet-posts id="cross" src="${cross}"></feedlet-posts>
<feedlet-posts id="relative" src="feed.xml" date-style="relative" locale="de"></feedlet-posts>
<feedlet-posts id="zoned" src="feed.xml" date-style="long" time-zone="Asia/Seoul" locale="ko"></feedlet-posts>
<feedlet-posts id="json" src="feed.json"></feedlet-posts>
<feedlet-posts id="rich" src="feed.xml" summary="html"></feedlet-posts>`,
  }));
  // Every feed request either server sees for this test: its method and whether it carried polluted headers or
  // the cookie.
  const requests = { clean: [], polluted: [] };
  let mode = 'clean';
  const watch = (server, prefix) => server.onRequest((path, req) => {
    if (path.startsWith(prefix) && /\.xml$/.test(path)) {
      requests[mode].push(`${req.method} ${path.slice(prefix.length)}${req.headers['x-polluted'] ? ' x-polluted' : ''}${req.headers.cookie ? ' cookie' : ''}`);
    }
  });
  const unwatch = [watch(server, scope.prefix), watch(other, feeds.prefix)];

  const results = {};
  for (mode of ['clean', 'polluted']) {
    const page = await newPage({ init: mode === 'polluted' ? [[pollute, intl]] : [] });
    // The same cookie on both origins: a credentialed cross-origin request would carry it.
    await page.context().addCookies([
      { name: 'session', value: 'secret', domain: '127.0.0.1', path: '/' },
      { name: 'session', value: 'secret', domain: FEEDS_HOST, path: '/' },
    ]);
    await page.goto(url);
    const states = {};
    for (const id of ['el', 'auto', 'api', 'cross', 'relative', 'zoned', 'json', 'rich']) {
      const state = await waitForWidget(page, `#${id}`, (s) => s.items.length > 0 || s.errorText || s.fallbackVisible, { message: `#${id} (${mode})` });
      states[id] = { ...state, items: state.items.map((item) => ({ ...item, html: undefined })) };
    }
    await page.waitForFunction(() => typeof window.__parsed == 'number');
    results[mode] = { states, parsed: await page.evaluate(() => window.__parsed), polluted: await page.evaluate(() => window.__polluted) };
    if (mode === 'polluted') {
      assert.ok(results.polluted.polluted > 50, 'the prototype was polluted before the page ran');
      await assertHealthy(page);
    }
  }
  for (const off of unwatch) off();
  requests.clean.sort();
  requests.polluted.sort();
  assert.deepEqual(requests.polluted, requests.clean, 'the same requests');
  assert.ok(requests.clean.every((line) => line.startsWith('GET ')), requests.clean.join(', '));
  assert.ok(requests.clean.some((line) => line === 'GET /cross.xml'), 'the cross-origin request carries no cookie');
  for (const id of Object.keys(results.clean.states)) {
    assert.deepEqual(results.polluted.states[id], results.clean.states[id], `#${id} renders as on a clean page`);
  }
  assert.equal(results.clean.states.el.items.length, 5);
  assert.equal(results.clean.states.cross.items.length, 3);
  assert.equal(results.clean.states.json.items.length, 4, 'the JSON Feed renders (feedlet_more.wasm linked on the polluted page too)');
  assert.equal(results.clean.states.rich.items.length, 5);
  // Dates in each style (medium, relative, long with a time zone) are among what was compared.
  assert.match(results.clean.states.relative.items[0].date, /^vor \d+ Tagen$|^vorgestern$|^gestern$/);
  assert.match(results.clean.states.zoned.items[0].date, /^\d{4}년 \d{1,2}월 \d{1,2}일$/);
  assert.equal(results.polluted.parsed, results.clean.parsed, 'parseFeed(text, {}) reads no inherited option');
  assert.equal(results.clean.parsed, 6);
}

export const tests = [
  {
    name: 'prototype: every option name and fetch, attachShadow, event and listener member on Object.prototype changes no widget and no request',
    timeout: 60000,
    fn: (context) => samePage(context, false),
  },
  {
    name: 'prototype: Intl option members on Object.prototype (calendar, era, hour12…) change no date',
    timeout: 60000,
    fn: (context) => samePage(context, true),
  },
];
