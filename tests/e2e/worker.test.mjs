// Big feeds off the main thread (issue 12, item 6): a response over 1 MiB is parsed and selected in a module Worker
// running the same compiled module (posted to it, not downloaded again), its bytes transferred there and back, and
// the page only builds the list. The list is the one the main thread builds without a Worker, in every render
// mode, merged with another feed, with "show more", through the element and through `mount`, under the strict
// CSP; where no Worker can start (none in the browser, a CSP that refuses it), the main thread renders.
import assert from 'node:assert/strict';
import { escapeXml } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, waitForWidget } from './lib/harness.mjs';
import { CSP } from './csp.test.mjs';

const DAY = 86400000;

/**
 * An RSS feed of `n` items over 1 MiB: dates out of document order (so the sort matters), every third item
 * undated, escaped HTML descriptions with an image and a link (relative, against the feed's link), categories,
 * long content.
 */
function bigRss(n, now = Date.now()) {
  const items = Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const date = k % 3 ? `<pubDate>${new Date(Math.floor((now - ((k * 7919) % n) * DAY / 4) / 1000) * 1000).toUTCString()}</pubDate>` : '';
    const html = `<p>Item <b>${k}</b> says <a href="notes/${k}">more</a>.</p><img src="img/${k}.png" width="640" height="360" alt="">`;
    return `<item><title>Big item ${k}</title><link>https://big.example/posts/${k}</link><guid>urn:big:${k}</guid>${date}
<category>${k % 2 ? 'odd' : 'even'}</category><description>${escapeXml(html)}</description>
<content:encoded><![CDATA[<p>${'A long body of the post, repeated to make the feed big. '.repeat(14)}</p>]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>
<link>https://big.example/</link><language>en</language>
${items.join('\n')}
</channel></rss>
`;
}

/** A small feed sharing two links with the big one (the big feed's host wins them) and adding posts of its own. */
function smallRss(now = Date.now()) {
  const item = (title, link, days) => `<item><title>${title}</title><link>${link}</link><pubDate>${new Date(Math.floor((now - days * DAY) / 1000) * 1000).toUTCString()}</pubDate><description>Small ${title}</description></item>`;
  return `<rss version="2.0"><channel><title>Small</title><link>https://small.example/</link>
${item('Small copy of 2', 'https://big.example/posts/2', 0.01)}${item('Small own', 'https://small.example/own', 0.02)}${item('Small copy of 4', 'https://big.example/posts/4', 1)}
</channel></rss>`;
}

const WIDGETS = `
  <feedlet-posts id="plain" src="big.xml"></feedlet-posts>
  <feedlet-posts id="cards" src="big.xml" layout="cards" limit="5"></feedlet-posts>
  <feedlet-posts id="html" src="big.xml" summary="html" limit="4"></feedlet-posts>
  <feedlet-posts id="filtered" src="big.xml" category="even" offset="2" limit="3" author categories></feedlet-posts>
  <feedlet-posts id="feedorder" src="big-chunked.xml" sort="feed" limit="3" date-style="long"></feedlet-posts>
  <feedlet-posts id="merged" src="big.xml small.xml" limit="6"></feedlet-posts>
  <feedlet-posts id="more" src="big.xml" limit="3" more light-dom></feedlet-posts>`;
const IDS = ['plain', 'cards', 'html', 'filtered', 'feedorder', 'merged', 'more'];

// In every page: records each Worker started and each message posted to one with the bytes it transferred.
function spyOnWorkers() {
  const spy = (window.__workers = { started: [], transfers: [] });
  if (!window.Worker) return;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      spy.started.push({ url: String(url), type: options && options.type });
    }
    postMessage(message, transfer) {
      spy.transfers.push((transfer || []).map((item) => item instanceof ArrayBuffer ? item.byteLength : String(item)));
      return super.postMessage(message, transfer);
    }
  };
}

function noWorkers() {
  delete window.Worker;
}

/** Each widget's markup (the list only) and its load count, once every widget has rendered. */
async function lists(page) {
  for (const id of IDS) await waitForWidget(page, `#${id}`, (s) => s.items.length > 0, { timeout: 30000 });
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const element = document.getElementById(id);
    return [id, (element.shadowRoot || element).querySelector('section.feedlet').outerHTML];
  })), IDS);
}

/** Serves both feeds with no charset from the test origin; returns the page URL. */
function setUp(scope, { csp = CSP, body = WIDGETS, now } = {}) {
  const big = bigRss(1400, now);
  assert.ok(big.length > 2 ** 20 * 1.2, `the big feed is ${big.length} bytes`);
  // With its length and without (chunked): the page reads either, the Worker parses.
  scope.put('/big.xml', { type: 'application/rss+xml', headers: { 'content-length': String(Buffer.byteLength(big)) }, body: big });
  scope.put('/big-chunked.xml', { type: 'application/rss+xml', body: big });
  scope.put('/small.xml', { type: 'application/rss+xml', body: smallRss(now) });
  return scope.put('/index.html', { type: 'text/html; charset=utf-8', headers: csp ? { 'content-security-policy': csp } : {}, body: pageHtml({ title: 'Big feeds', body }) });
}

export const tests = [
  {
    name: 'worker: a feed over 1 MiB is parsed in a Worker, and every widget shows what the main thread shows without one',
    timeout: 180000,
    async fn({ scope, newPage }) {
      const now = Date.now();
      const url = setUp(scope, { now });
      const withWorker = await newPage({ init: [spyOnWorkers] });
      await withWorker.goto(url);
      const off = await lists(withWorker);
      const withoutWorker = await newPage({ init: [noWorkers, spyOnWorkers] });
      await withoutWorker.goto(url);
      const on = await lists(withoutWorker);
      for (const id of IDS) assert.equal(off[id], on[id], `${id}: the same list with and without the Worker`);

      const spy = await withWorker.evaluate(() => window.__workers);
      assert.equal(spy.started.length, 1, 'one Worker for the page, however many widgets');
      assert.match(spy.started[0].url, /\/dist\/worker\.js$/);
      assert.equal(spy.started[0].type, 'module');
      // The first message carries the compiled module (nothing transferred), each render the big bytes.
      assert.deepEqual(spy.transfers[0], [], 'the module is posted, not downloaded again');
      assert.ok(spy.transfers.length > IDS.length && spy.transfers.slice(1).every((items) => items.some((size) => size > 2 ** 20)), `each render transfers the big bytes: ${JSON.stringify(spy.transfers)}`);
      assert.equal(await withWorker.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('feedlet_bg.wasm')).length), 1, 'the wasm is downloaded once');
      assert.deepEqual((await withoutWorker.evaluate(() => window.__workers)).started, []);

      // The bytes came back: the page still holds the whole feed (the `feeds` property parses the copy in memory).
      const feeds = await withWorker.evaluate(() => document.getElementById('merged').feeds.map((feed) => feed.entries.length));
      assert.deepEqual(feeds, [1400, 3]);
      const detail = await withWorker.evaluate(() => window.__e2e.events.find((e) => e.id === 'merged' && e.type === 'feedlet:load').detail);
      assert.equal(detail.count, 6);

      // The widgets' titles are the expected ones, not just equal: the newest dated items first.
      const titles = await withWorker.locator('#merged').evaluate((el) => [...el.shadowRoot.querySelectorAll('.feedlet__title')].map((a) => a.textContent));
      assert.ok(titles.includes('Small own') && !titles.includes('Small copy of 2'), `the big feed's host wins its links: ${titles}`);
      const html = await withWorker.locator('#html').evaluate((el) => [...el.shadowRoot.querySelectorAll('.feedlet__summary--html')].map((d) => d.innerHTML));
      assert.equal(html.length, 4);
      // Against the entry's base: its content's, which is the feed's own address.
      assert.match(html[0], /^<p>Item <b>\d+<\/b> says <a href="http:\/\/127\.0\.0\.1:\d+\/[\w/]*notes\/\d+" rel="noopener noreferrer nofollow ugc">more<\/a>\.<\/p><img src="http:\/\/127\.0\.0\.1:\d+\/[\w/]*img\/\d+\.png"/, 'rich summaries are sanitized on the page');

      // Show more: the next posts come from the Worker again, the same as the main thread's.
      for (const page of [withWorker, withoutWorker]) {
        await page.locator('#more button.feedlet__more').click();
        await waitForWidget(page, '#more', (s) => s.items.length === 6, { timeout: 30000 });
      }
      const [a, b] = await Promise.all([withWorker, withoutWorker].map((page) => page.locator('#more').evaluate((el) => el.querySelector('section.feedlet').outerHTML)));
      assert.equal(a, b, 'show more: the same posts');
      const focus = await withWorker.locator('#more').evaluate((el) => [document.activeElement?.textContent, el.querySelectorAll('.feedlet__title')[3].textContent]);
      assert.equal(focus[0], focus[1], 'focus moves to the first new post');
      assert.equal(scope.hits('/big.xml') + scope.hits('/big-chunked.xml'), 2 * IDS.length, 'one download per widget: show more fetched nothing');
      await assertHealthy(withWorker);
      await assertHealthy(withoutWorker);
    },
  },
  {
    name: 'worker: a polluted Object.prototype (the names of the Worker\'s messages and options) changes no widget',
    timeout: 180000,
    async fn({ scope, newPage }) {
      const now = Date.now();
      const url = setUp(scope, { now });
      const clean = await newPage({ init: [noWorkers] });
      await clean.goto(url);
      const expected = await lists(clean);
      const polluted = await newPage({ init: [spyOnWorkers, () => {
        for (const [key, value] of Object.entries({ ready: true, id: 1, error: { kind: 'internal' }, selection: { feeds: [] }, inputs: [], type: 'classic', credentials: 'include', name: 'x', module: null, sources: [], options: {}, feeds: [] })) {
          Object.defineProperty(Object.prototype, key, { value, configurable: true, enumerable: false, writable: true });
        }
      }] });
      await polluted.goto(url);
      const got = await lists(polluted);
      for (const id of IDS) assert.equal(got[id], expected[id], `${id}: the same list`);
      const spy = await polluted.evaluate(() => window.__workers);
      assert.equal(spy.started.length, 1, 'the Worker still runs');
      assert.ok(spy.transfers.slice(1).every((items) => items.some((size) => size > 2 ** 20)));
      assert.deepEqual(polluted.e2e.pageErrors, []);
      assert.deepEqual(await polluted.evaluate(() => window.__e2e.rejections), []);
    },
  },
  {
    name: 'worker: through mount, and where a CSP refuses the Worker the main thread renders instead',
    timeout: 120000,
    async fn({ scope, newPage }) {
      const body = `<div id="target"></div><script type="module" src="mount.js"></script>`;
      scope.put('/mount.js', { type: 'text/javascript', body: `import { mount } from '/dist/feedlet.js';
        window.__mounted = mount(document.getElementById('target'), { src: 'big.xml', limit: 4, layout: 'cards' });` });
      const strict = setUp(scope, { body });
      const page = await newPage({ init: [spyOnWorkers] });
      await page.goto(strict);
      const state = await waitForWidget(page, '#target', (s) => s.items.length === 4, { timeout: 30000 });
      assert.equal((await page.evaluate(() => window.__workers)).started.length, 1, 'mount uses the Worker');
      await assertHealthy(page);

      // worker-src 'none': the Worker is refused; the same list renders on the main thread.
      const refused = scope.put('/refused.html', { type: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP + "; worker-src 'none'" }, body: pageHtml({ title: 'No workers', body }) });
      const other = await newPage({ init: [spyOnWorkers] });
      await other.goto(refused);
      const fallback = await waitForWidget(other, '#target', (s) => s.items.length === 4, { timeout: 30000 });
      assert.deepEqual(fallback.titles, state.titles);
      assert.ok((await other.evaluate(() => window.__workers)).transfers.every((sizes) => sizes.length === 0), 'no bytes went to the refused Worker');
      assert.deepEqual(other.e2e.pageErrors, []);
      assert.deepEqual(await other.evaluate(() => window.__e2e.rejections), []);
    },
  },
];
