// Shared helpers for the end-to-end tests: the browser, instrumented pages, page markup and assertions.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { DIST } from '../../lib/browser.mjs';

export { CHROMIUM_ARGS, DIST, FEEDS_HOST, REPO, WWW, launchBrowser, wwwRequire } from '../../lib/browser.mjs';
export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
// The runner copies www/dist once at start and serves (and packs) that copy, so that a rebuild during a run
// cannot mix two builds: `paths.dist` is the copy.
export const paths = { dist: DIST };

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Bounded polling in node: resolves with fn's first truthy result, or throws after `timeout` ms. */
export async function until(fn, { timeout = 10000, interval = 50, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); } catch (error) { last = error; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

/** A deferred: a promise with its resolve function outside, to hold a response until the test lets it go. */
export function deferred() {
  let resolve;
  const promise = new Promise((ok) => { resolve = ok; });
  return { promise, resolve };
}

// Runs in every page before its scripts: records unhandled rejections, uncaught errors and feedlet's events.
function instrument() {
  const record = (window.__e2e = { rejections: [], errors: [], events: [], fetches: [] });
  // Every fetch() the page starts, in order: counted in the page, so a request cannot be "in flight" unseen.
  const originalFetch = window.fetch;
  window.fetch = function (input) {
    record.fetches.push(String(input && input.url || input));
    return originalFetch.apply(this, arguments);
  };
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    record.rejections.push(String(reason && (reason.stack || reason.message) || reason));
  });
  window.addEventListener('error', (event) => record.errors.push(String(event.message)));
  for (const type of ['feedlet:load', 'feedlet:error']) {
    document.addEventListener(type, (event) => {
      const target = event.composedPath()[0];
      record.events.push({ type, id: target && target.id || '', detail: type === 'feedlet:load'
        ? { count: event.detail.count, from: event.detail.from, warnings: event.detail.warnings, errors: event.detail.errors }
        : { kind: event.detail.error && event.detail.error.kind, message: event.detail.error && event.detail.error.message } });
    });
  }
}

// Lets a test hide and show the page: document.visibilityState follows window.__e2eSetHidden(bool).
export function fakeVisibility() {
  let hidden = false;
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  window.__e2eSetHidden = (value) => {
    hidden = !!value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
}

// Browser-generated console lines about failed requests: expected in fault tests, not written by feedlet.
const BROWSER_NOISE = /^(Failed to load resource|Access to fetch at .* has been blocked by CORS policy)/;

/** Everything a test needs; `cleanup` closes the contexts it opened. */
export class TestContext {
  constructor({ browser, server, other }) {
    this.browser = browser;
    this.server = server;
    this.other = other;
    this.scope = server.scope();
    this.contexts = [];
    this.newPage = this.newPage.bind(this);
  }

  /**
   * A fresh browser context and an instrumented page in it. With `clock`, the context's timers and Date are
   * Playwright's: time flows, and `page.clock.fastForward(ms)` jumps ahead (a 30 s refresh in a moment).
   */
  async newPage({ context: contextOptions = {}, init = [], reuse, clock = false } = {}) {
    const context = reuse || await this.browser.newContext({ viewport: { width: 1000, height: 800 }, ...contextOptions });
    if (!reuse) {
      this.contexts.push(context);
      if (clock) await context.clock.install();
      await context.addInitScript(instrument);
      // A script is a function, or [function, argument].
      for (const script of init) await context.addInitScript(...[].concat(script));
    }
    const page = await context.newPage();
    const log = (page.e2e = { pageErrors: [], console: [] });
    page.on('pageerror', (error) => log.pageErrors.push(error.message));
    page.on('console', (message) => log.console.push({ type: message.type(), text: message.text() }));
    return page;
  }

  async cleanup() {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => {})));
  }
}

/** A test page: external scripts only, a landmark, a button that must keep working, and the embed unless `embed: false`. */
export function pageHtml({ title = 'feedlet e2e', lang = 'en', head = '', body = '', embed = true } = {}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="stylesheet" href="/_e2e/page.css">
<script src="/_e2e/page.js"></script>
${embed ? '<script type="module" src="/dist/embed.js"></script>' : ''}
${head}
</head>
<body>
<main>
<h1>${title}</h1>
<button id="e2e-button" type="button">Still works</button>
${body}
</main>
</body>
</html>`;
}

/** feedlet's own console lines ("feedlet: …"), whatever their level. */
export const feedletMessages = (page) => page.e2e.console.filter((m) => m.text.startsWith('feedlet:'));

/** Waits until feedlet logged at least `count` lines, then (after a round trip that flushes pending events) returns them all. */
export async function settleMessages(page, count) {
  if (count > 0) await until(() => feedletMessages(page).length >= count, { timeout: 5000, message: `${count} feedlet console message(s); got ${JSON.stringify(feedletMessages(page))}` });
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  return feedletMessages(page);
}

/**
 * The host page is unharmed: no uncaught exception, no unhandled rejection, exactly `messages` feedlet console
 * lines (each matching every regexp in `match`), no other script warning or error, and the page's button still works.
 */
export async function assertHealthy(page, { messages = 0, match = [] } = {}) {
  const logged = await settleMessages(page, messages);
  const record = await page.evaluate(() => window.__e2e);
  assert.deepEqual(page.e2e.pageErrors, [], 'uncaught exceptions on the page');
  assert.deepEqual(record.rejections, [], 'unhandled rejections on the page');
  assert.equal(logged.length, messages, `expected ${messages} "feedlet:" console message(s), got ${JSON.stringify(logged.map((m) => m.text), null, 1)}`);
  for (const { text } of logged) for (const pattern of match) assert.match(text, pattern, `the console message must name the cause and the fix: ${pattern} does not match ${JSON.stringify(text)}`);
  const other = page.e2e.console.filter((m) => (m.type === 'error' || m.type === 'warning') && !m.text.startsWith('feedlet:') && !BROWSER_NOISE.test(m.text));
  assert.deepEqual(other, [], 'unexpected console warnings or errors');
  const button = page.locator('#e2e-button');
  const before = Number(await button.getAttribute('data-count') || 0);
  await button.click();
  assert.equal(Number(await button.getAttribute('data-count')), before + 1, 'the page\'s own button must keep working');
  return logged;
}

/** Waits until the page recorded `count` feedlet events of `type` (optionally from the element with `id`). */
export async function waitForEvent(page, type, { id, count = 1, timeout = 10000 } = {}) {
  await page.waitForFunction(({ type, id, count }) => window.__e2e.events.filter((e) => e.type === type && (!id || e.id === id)).length >= count,
    { type, id, count }, { timeout, polling: 50 });
}

/** How many fetch() calls the page started for URLs containing `part`. */
export const fetchCount = (page, part) => page.evaluate((part) => window.__e2e.fetches.filter((url) => url.includes(part)).length, part);

export const events = (page, type, id) => page.evaluate(({ type, id }) => window.__e2e.events.filter((e) => e.type === type && (!id || e.id === id)), { type, id });

/**
 * What a widget shows, read from its shadow root (or its own children in light-DOM mode).
 * Run in the page: `await page.locator('#w').evaluate(widgetState)`.
 */
export function widgetState(element) {
  const root = element.shadowRoot || element;
  const section = root.querySelector('section.feedlet');
  const visible = (node) => !!node && node.checkVisibility();
  const items = [...root.querySelectorAll('li.feedlet__item:not(.feedlet__item--skeleton)')].map((li) => {
    const title = li.querySelector('.feedlet__title');
    // A readable date is a <time datetime>; one the feed wrote unreadably is a plain span of the same class.
    const time = li.querySelector('.feedlet__date');
    const img = li.querySelector('img');
    return {
      title: title && title.textContent,
      tag: title && title.localName,
      href: title && title.getAttribute('href'),
      target: title && title.getAttribute('target'),
      rel: title && title.getAttribute('rel'),
      dir: title && title.getAttribute('dir'),
      datetime: time && time.getAttribute('datetime'),
      date: time && time.textContent,
      summary: (li.querySelector('.feedlet__summary') || {}).textContent || null,
      author: (li.querySelector('.feedlet__author') || {}).textContent || null,
      categories: (li.querySelector('.feedlet__categories') || {}).textContent || null,
      image: img && { src: img.getAttribute('src'), alt: img.getAttribute('alt'), loading: img.getAttribute('loading'), decoding: img.getAttribute('decoding'), width: img.getAttribute('width'), height: img.getAttribute('height') },
      html: li.innerHTML.length,
    };
  });
  const list = root.querySelector('ul.feedlet__list');
  const status = root.querySelector('[role="status"]');
  const fallback = [...element.children].filter((child) => child.localName !== 'template' && !child.classList.contains('feedlet__view') && !child.classList.contains('feedlet__status') && child.localName !== 'section');
  return {
    shadow: !!element.shadowRoot,
    sectionClass: section && section.className,
    lang: section && section.getAttribute('lang'),
    busy: !!root.querySelector('[aria-busy="true"]'),
    skeleton: root.querySelectorAll('.feedlet__item--skeleton').length,
    listRole: list && list.getAttribute('role'),
    heading: (root.querySelector('.feedlet__heading') || {}).textContent || null,
    items,
    titles: items.map((item) => item.title),
    errorText: visible(root.querySelector('.feedlet__error')) ? root.querySelector('.feedlet__error').textContent : null,
    emptyText: visible(root.querySelector('.feedlet__empty:not(.feedlet__error)')) ? root.querySelector('.feedlet__empty').textContent : null,
    status: status && status.textContent,
    statusLive: status && status.getAttribute('aria-live'),
    fallbackVisible: fallback.some(visible),
    fallbackText: fallback.map((node) => node.textContent.trim()).join(' '),
    listVisible: visible(list),
  };
}

/** Waits until `predicate(widgetState(element))` holds for the element matching `selector`; returns that state. */
export async function waitForWidget(page, selector, predicate, { timeout = 10000, message } = {}) {
  let last;
  try {
    return await until(async () => {
      last = await page.locator(selector).evaluate(widgetState);
      return predicate(last) && last;
    }, { timeout, interval: 40, message: message || `widget ${selector}` });
  } catch (error) {
    error.message += `\nlast state: ${JSON.stringify(last && { ...last, items: undefined })}`;
    throw error;
  }
}

export const rendered = (n) => (state) => state.items.length === (n ?? state.items.length) && state.items.length > 0 && !state.busy;
