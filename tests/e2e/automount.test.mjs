// The data-feedlet auto-mount: elements present at load, elements added later, data- option changes and removal;
// and what the embed starts at load (feedlet.js and the wasm together, the wasm compiled once, whatever its MIME type).
import assert from 'node:assert/strict';
import { atom, posts, rss } from './lib/feeds.mjs';
import { assertHealthy, deferred, fetchCount, pageHtml, rendered, sleep, until, waitForWidget } from './lib/harness.mjs';

export const tests = [
  {
    name: 'data-feedlet: mounts marked elements with their data- options',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(6) }));
      scope.put('/news.rss', rss({ lang: 'ko', entries: posts(4, { prefix: 'News' }) }));
      const url = scope.put('/index.html', pageHtml({
        body: `<div id="a" data-feedlet="feed.xml" data-limit="3" data-layout="compact" data-locale="en" data-date-style="relative"><a href="/blog/">Blog</a></div>
               <section id="b" data-feedlet="news.rss" data-light-dom data-heading="News" data-summary="false"></section>`,
      }));
      const page = await newPage();
      await page.goto(url);
      const a = await waitForWidget(page, '#a', rendered(3));
      assert.equal(a.shadow, true);
      assert.match(a.sectionClass, /feedlet--compact/);
      assert.equal(a.items[0].date, '3 days ago', 'data-date-style and data-locale apply');
      assert.equal(a.fallbackVisible, false);
      const b = await waitForWidget(page, '#b', rendered(4));
      assert.equal(b.shadow, false, 'data-light-dom renders into the element');
      assert.equal(b.heading, 'News');
      assert.equal(b.lang, 'ko');
      assert.equal(b.items[0].summary, null, 'data-summary="false"');
      await assertHealthy(page);
    },
  },
  {
    name: 'data-feedlet: an element added after load mounts; data- changes re-render; removal stops it',
    timeout: 40000,
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(6) }));
      scope.put('/late.xml', atom({ entries: posts(5, { prefix: 'Late' }) }));
      const url = scope.put('/index.html', pageHtml({ body: '<div id="a" data-feedlet="feed.xml"></div><div id="slot"></div>' }));
      const page = await newPage({ clock: true });
      await page.goto(url);
      await waitForWidget(page, '#a', rendered(5));
      // Added long after DOMContentLoaded, nested inside another element.
      await page.evaluate(() => {
        const wrapper = document.createElement('article');
        wrapper.innerHTML = '<div id="late" data-feedlet="late.xml" data-limit="2" data-refresh="30" data-cache-ttl="0"></div>';
        document.getElementById('slot').append(wrapper);
      });
      await waitForWidget(page, '#late', rendered(2));
      await page.locator('#late').evaluate((el) => { el.dataset.limit = '4'; el.dataset.layout = 'cards'; });
      await waitForWidget(page, '#late', (s) => s.items.length === 4 && /feedlet--cards/.test(s.sectionClass));
      // Marking an existing element mounts it too.
      await page.evaluate(() => { document.getElementById('slot').dataset.feedlet = 'feed.xml'; document.getElementById('slot').dataset.limit = '1'; });
      await waitForWidget(page, '#slot', rendered(1));

      await page.clock.fastForward(30000);
      await until(() => scope.hits('/late.xml') >= 2, { message: 'data-refresh to re-fetch' });
      const after = await page.evaluate(() => {
        document.getElementById('late').closest('article').remove();
        return window.__e2e.fetches.filter((url) => url.includes('late.xml')).length;
      });
      await page.clock.fastForward(65000);
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
      assert.equal(await fetchCount(page, 'late.xml'), after, 'a removed auto-mounted element stops refreshing');
      // Removing data-feedlet unmounts: the element's shadow root is emptied back to a slot.
      await page.evaluate(() => document.getElementById('a').removeAttribute('data-feedlet'));
      await waitForWidget(page, '#a', (s) => s.items.length === 0);
      await assertHealthy(page);
    },
  },
  {
    name: 'embed: feedlet.js and feedlet_bg.wasm are requested together (no chain) and the wasm once; one mark each for the first load',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml"></feedlet-posts><div id="a" data-feedlet="feed.xml"></div>' }));
      const page = await newPage();
      const wasm = { requests: 0, asked: deferred() };
      page.on('request', (request) => {
        if (request.url().endsWith('/feedlet_bg.wasm')) {
          wasm.requests++;
          wasm.asked.resolve();
        }
      });
      // feedlet.js is held until the wasm was asked for (or 5 s passed): were the wasm waiting on it, it would not come.
      let before = null;
      await page.route('**/dist/feedlet.js', async (route) => {
        before = await Promise.race([wasm.asked.promise.then(() => true), sleep(5000).then(() => false)]);
        await route.continue();
      });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      await waitForWidget(page, '#a', rendered(3));
      assert.equal(before, true, 'feedlet_bg.wasm was requested while feedlet.js was held');
      assert.equal(wasm.requests, 1, 'one download: the module embed.js compiled is the one instantiated');
      // Two widgets, two renders each at most: still one mark of each (bench/firstvisit.mjs reads them), no measures.
      const marks = await page.evaluate(() => ['feedlet:ready', 'feedlet:render-start', 'feedlet:render-end'].map((name) => performance.getEntriesByName(name, 'mark').length));
      assert.deepEqual(marks, [1, 1, 1]);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('measure').length), 0);
      await assertHealthy(page);
    },
  },
  {
    name: 'embed: feedlet_bg.wasm served as application/octet-stream is compiled from its bytes and renders, with no warning',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(2) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml"></feedlet-posts>' }));
      const page = await newPage();
      let served = 0;
      await page.route('**/dist/feedlet_bg.wasm', async (route) => {
        const response = await route.fetch();
        served++;
        await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(2));
      assert.equal(served, 1);
      await assertHealthy(page);
    },
  },
];
