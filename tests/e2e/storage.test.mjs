// The widget's localStorage (issue 10, item 5): what is stored and under which key, `cache="off"` and
// `cache-ttl="0"`, the cache across pages that share storage, the 1 Mi-character cap with least-recently-used
// eviction, and the room the page keeps for its own writes.
import assert from 'node:assert/strict';
import { atom, posts } from './lib/feeds.mjs';
import { assertHealthy, events, pageHtml, rendered, waitForEvent, waitForWidget } from './lib/harness.mjs';

const CAP = 2 ** 20;
const RESERVE = 2 ** 18;

/** feedlet's entries in the page's localStorage: key → value length, and the index. */
const feedletStorage = (page) => page.evaluate(() => {
  const entries = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith('feedlet:v2:')) entries[key] = localStorage.getItem(key).length;
  }
  return { entries, index: JSON.parse(localStorage.getItem('feedlet:v2') || 'null') };
});

/** The key of a feed's entry: the URL and the proxy ('' for none). */
const keyOf = (url, proxy = '') => 'feedlet:v2:' + JSON.stringify([url, proxy]);

/** An Atom feed of about `bytes` bytes: one entry with a long summary. */
function bigFeed(prefix, bytes) {
  const [entry] = posts(1, { prefix });
  return atom({ entries: [{ ...entry, summary: 'a'.repeat(bytes) }] });
}

/** Adds a widget to the page and waits for its render. */
async function addWidget(page, id, attributes, count = 1) {
  await page.evaluate(([id, attributes]) => document.querySelector('main').insertAdjacentHTML('beforeend', `<feedlet-posts id="${id}" ${attributes}></feedlet-posts>`), [id, attributes]);
  await waitForWidget(page, `#${id}`, rendered(count));
  await waitForEvent(page, 'feedlet:load', { id, count: 1 });
}

export const tests = [
  {
    name: 'storage: an entry holds the bytes, time, charset and URL under the feed URL and proxy; cache="off" and cache-ttl="0" store and read nothing',
    async fn({ scope, newPage }) {
      const bodies = {};
      for (const name of ['a', 'b', 'c']) {
        bodies[name] = atom({ entries: posts(2, { prefix: name.toUpperCase() }) });
        scope.put(`/${name}.xml`, { type: 'application/atom+xml; charset=utf-8', body: bodies[name] });
      }
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="a" src="a.xml"></feedlet-posts>
<feedlet-posts id="b" src="b.xml" cache="off"></feedlet-posts>
<feedlet-posts id="c" src="c.xml" cache-ttl="0"></feedlet-posts>`,
      }));
      const page = await newPage();
      await page.goto(url);
      for (const id of ['a', 'b', 'c']) await waitForWidget(page, `#${id}`, rendered(2));
      const { entries, index } = await feedletStorage(page);
      const key = keyOf(scope.url('/a.xml'));
      assert.deepEqual(Object.keys(entries), [key], 'only the widget with a cache stored its feed');
      assert.deepEqual(index, [[key, key.length + entries[key]]]);
      const entry = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
      assert.deepEqual(Object.keys(entry).sort(), ['base', 'body', 'charset', 't']);
      assert.equal(entry.base, scope.url('/a.xml'));
      assert.equal(entry.charset, 'utf-8');
      assert.equal(Buffer.from(entry.body, 'base64').toString(), bodies.a, 'the bytes as they came');
      assert.ok(Math.abs(entry.t - Date.now()) < 60000);

      // A second page sharing the storage: the stored copy serves the same src, but not widgets without a cache.
      const second = await newPage({ reuse: page.context() });
      const url2 = scope.put('/other.html', pageHtml({
        body: `<feedlet-posts id="a" src="a.xml"></feedlet-posts>
<feedlet-posts id="off" src="a.xml" cache="off"></feedlet-posts>
<feedlet-posts id="zero" src="a.xml" cache-ttl="0"></feedlet-posts>`,
      }));
      await second.goto(url2);
      for (const id of ['a', 'off', 'zero']) await waitForWidget(second, `#${id}`, rendered(2));
      assert.deepEqual((await events(second, 'feedlet:load', 'a')).map((e) => e.detail.from), ['cache']);
      assert.deepEqual((await events(second, 'feedlet:load', 'off')).map((e) => e.detail.from), ['network']);
      assert.deepEqual((await events(second, 'feedlet:load', 'zero')).map((e) => e.detail.from), ['network']);
      assert.equal(scope.hits('/a.xml'), 3, 'the first visit, then one request each for cache="off" and cache-ttl="0"');
      await assertHealthy(page);
      await assertHealthy(second);
    },
  },
  {
    name: 'storage: across pages, a copy fetched through one proxy never stands for the feed fetched directly or through another',
    async fn({ scope, newPage }) {
      const feed = 'https://blog.example/feed.xml';
      scope.put('/proxy-a', { body: () => atom({ entries: posts(2, { prefix: 'Through A' }) }), type: 'application/atom+xml' });
      scope.put('/proxy-b', { body: () => atom({ entries: posts(2, { prefix: 'Through B' }) }), type: 'application/atom+xml' });
      const widget = (proxy) => `<feedlet-posts id="w" src="${feed}" proxy="${scope.path(proxy)}?url={url}"></feedlet-posts>`;
      const pageA = scope.put('/a.html', pageHtml({ body: widget('/proxy-a') }));
      const pageB = scope.put('/b.html', pageHtml({ body: widget('/proxy-b') }));
      const first = await newPage();
      await first.goto(pageA);
      assert.equal((await waitForWidget(first, '#w', rendered(2))).titles[0], 'Through A 1');
      const second = await newPage({ reuse: first.context() });
      await second.goto(pageB);
      const state = await waitForWidget(second, '#w', rendered(2));
      assert.equal(state.titles[0], 'Through B 1', 'another proxy is another response');
      assert.deepEqual((await events(second, 'feedlet:load')).map((e) => e.detail.from), ['network']);
      // Back on a page with the first proxy: its own copy, from the cache, without a request.
      const third = await newPage({ reuse: first.context() });
      await third.goto(pageA);
      assert.equal((await waitForWidget(third, '#w', rendered(2))).titles[0], 'Through A 1');
      assert.deepEqual((await events(third, 'feedlet:load')).map((e) => e.detail.from), ['cache']);
      assert.deepEqual([scope.hits('/proxy-a'), scope.hits('/proxy-b')], [1, 1]);
      const { entries } = await feedletStorage(third);
      assert.deepEqual(Object.keys(entries).sort(), [keyOf(feed, `${scope.path('/proxy-a')}?url={url}`), keyOf(feed, `${scope.path('/proxy-b')}?url={url}`)].sort());
      // Switching the proxy at run time: the copy in memory came through the other one, so it does not stand either.
      await third.locator('#w').evaluate((el, proxy) => { el.proxy = proxy; }, `${scope.path('/proxy-b')}?url={url}`);
      assert.equal((await waitForWidget(third, '#w', (s) => s.titles[0] === 'Through B 1')).titles.length, 2);
      scope.put('/proxy-c', { body: () => atom({ entries: posts(2, { prefix: 'Through C' }) }), type: 'application/atom+xml' });
      await third.locator('#w').evaluate((el, proxy) => { el.proxy = proxy; }, `${scope.path('/proxy-c')}?url={url}`);
      assert.equal((await waitForWidget(third, '#w', (s) => s.titles[0] === 'Through C 1')).titles.length, 2);
      await assertHealthy(third);
    },
  },
  {
    name: 'storage: feedlet\'s entries stay within 1 Mi characters, the least recently used going first',
    timeout: 60000,
    async fn({ scope, newPage }) {
      // About 320,000 characters each in base64: three fit under the cap, four do not.
      for (const name of ['a', 'b', 'c', 'd', 'e']) scope.put(`/${name}.xml`, { type: 'application/atom+xml', body: bigFeed(name.toUpperCase(), 240000) });
      const url = scope.put('/index.html', pageHtml({ body: '' }));
      const page = await newPage();
      await page.goto(url);
      const keys = (...names) => names.map((name) => keyOf(scope.url(`/${name}.xml`)));
      for (const name of ['a', 'b', 'c']) await addWidget(page, name, `src="${name}.xml"`);
      let stored = await feedletStorage(page);
      assert.deepEqual(stored.index.map(([key]) => key), keys('a', 'b', 'c'));
      await addWidget(page, 'd', 'src="d.xml"');
      stored = await feedletStorage(page);
      assert.deepEqual(stored.index.map(([key]) => key), keys('b', 'c', 'd'), 'a, the least recently used, went');
      // Reading b's copy (a fresh one, from the cache) makes it the most recently used: c goes next.
      await addWidget(page, 'b2', 'src="b.xml"');
      assert.deepEqual((await events(page, 'feedlet:load', 'b2')).map((e) => e.detail.from), ['cache']);
      await addWidget(page, 'e', 'src="e.xml"');
      stored = await feedletStorage(page);
      assert.deepEqual(stored.index.map(([key]) => key), keys('d', 'b', 'e'));
      assert.deepEqual(Object.keys(stored.entries).sort(), keys('b', 'd', 'e').sort());
      const total = stored.index.reduce((sum, [key, size]) => sum + size, 0);
      assert.equal(total, Object.entries(stored.entries).reduce((sum, [key, size]) => sum + key.length + size, 0), 'the index counts keys and values');
      assert.ok(total <= CAP, `${total} characters stored`);
      // A copy larger than the cap on its own is not stored, and evicts nothing.
      scope.put('/huge.xml', { type: 'application/atom+xml', body: bigFeed('H', 800000) });
      await addWidget(page, 'h', 'src="huge.xml"');
      assert.deepEqual((await feedletStorage(page)).index.map(([key]) => key), keys('d', 'b', 'e'));
      await assertHealthy(page);
    },
  },
  {
    name: 'storage: with the page\'s localStorage nearly full, feedlet stores nothing and gives its room back; the page\'s own writes succeed',
    timeout: 60000,
    async fn({ scope, newPage }) {
      for (const name of ['a', 'b', 'c']) scope.put(`/${name}.xml`, { type: 'application/atom+xml', body: bigFeed(name.toUpperCase(), 30000) });
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="first" src="a.xml"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      await waitForWidget(page, '#first', rendered(1));
      assert.equal(Object.keys((await feedletStorage(page)).entries).length, 1, 'with room, the copy is stored');

      // The page fills its storage, keeping a gap of 150,000 characters (less than feedlet's reserve) free.
      const filled = await page.evaluate((gap) => {
        localStorage.setItem('page:gap', 'g'.repeat(gap));
        let n = 0;
        for (let size = 2 ** 20; size >= 1; size = Math.floor(size / 2)) {
          for (;;) {
            try {
              localStorage.setItem(`page:fill:${n++}`, 'f'.repeat(size));
            } catch {
              break;
            }
          }
        }
        localStorage.removeItem('page:gap');
        let chars = 0;
        for (let i = 0; i < localStorage.length; i++) chars += localStorage.key(i).length + localStorage.getItem(localStorage.key(i)).length;
        return chars;
      }, 150000);
      console.log(`      localStorage held ${filled} characters when full, less a 150,000-character gap`);

      // Three more widgets load (about 40,000 characters of copy each), and the first one refreshes.
      for (const name of ['b', 'c']) await addWidget(page, name, `src="${name}.xml"`);
      await page.locator('#first').evaluate((el) => el.refresh());
      const stored = await feedletStorage(page);
      assert.deepEqual(stored.entries, {}, 'no copy stored while the page has less than the reserve free, and the old one was given back');

      // The page writes 140,000 characters of its own: it fits.
      const write = await page.evaluate(() => {
        try {
          localStorage.setItem('page:mine', 'm'.repeat(140000));
          return 'ok';
        } catch (error) {
          return error.name;
        }
      });
      assert.equal(write, 'ok', 'the page\'s own write succeeds');
      assert.ok(RESERVE > 150000);
      await assertHealthy(page);
    },
  },
  {
    name: 'storage: old feedlet:v1 entries go, and entries the index does not know (another tab\'s) count as the least recently used',
    async fn({ scope, newPage }) {
      scope.put('/a.xml', { type: 'application/atom+xml', body: atom({ entries: posts(2) }) });
      const url = scope.put('/index.html', pageHtml({ body: '' }));
      const page = await newPage();
      await page.goto(url);
      // An unbounded cache entry of feedlet 0.1, an entry another tab wrote without the index, and the page's own.
      const orphan = keyOf('https://elsewhere.example/feed.xml');
      await page.evaluate((orphan) => {
        localStorage.setItem('feedlet:v1:https://old.example/feed.xml', 'x'.repeat(1000));
        localStorage.setItem(orphan, JSON.stringify({ t: 0, body: '', charset: null, base: 'https://elsewhere.example/feed.xml' }));
        localStorage.setItem('page:own', 'kept');
      }, orphan);
      await addWidget(page, 'a', 'src="a.xml"', 2);
      const stored = await feedletStorage(page);
      assert.deepEqual(stored.index.map(([key]) => key), [orphan, keyOf(scope.url('/a.xml'))]);
      assert.deepEqual(await page.evaluate(() => [localStorage.getItem('feedlet:v1:https://old.example/feed.xml'), localStorage.getItem('page:own')]), [null, 'kept']);
      await assertHealthy(page);
    },
  },
];
