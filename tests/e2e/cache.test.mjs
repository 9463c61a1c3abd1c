// localStorage caching (fresh copies, stale-while-revalidate) and the refresh interval, paused while hidden.
import assert from 'node:assert/strict';
import { atom, posts } from './lib/feeds.mjs';
import { assertHealthy, deferred, events, fakeVisibility, fetchCount, pageHtml, rendered, until, waitForEvent, waitForWidget } from './lib/harness.mjs';

export const tests = [
  {
    name: 'cache: a copy younger than cache-ttl renders on the next visit without a request',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml" cache-ttl="600"></feedlet-posts>' }));
      const first = await newPage();
      await first.goto(url);
      await waitForWidget(first, '#w', rendered(3));
      assert.equal(scope.hits('/feed.xml'), 1);
      // Same browser context, so the same localStorage; the server now has other content.
      scope.put('/feed.xml', atom({ entries: posts(3, { prefix: 'New' }) }));
      const second = await newPage({ reuse: first.context() });
      await second.goto(url);
      const state = await waitForWidget(second, '#w', rendered(3));
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3']);
      const [load] = await events(second, 'feedlet:load');
      assert.equal(load.detail.from, 'cache');
      assert.equal(scope.hits('/feed.xml'), 1, 'a fresh cached copy needs no request');
      await assertHealthy(second);
    },
  },
  {
    name: 'cache: stale-while-revalidate shows the stored copy at once, then the network copy',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      // A copy is stale a millisecond after it was stored (cache-ttl="0" would store none).
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml" cache-ttl="0.001"><a href="/blog/">Read the blog</a></feedlet-posts>' }));
      const first = await newPage();
      await first.goto(url);
      await waitForWidget(first, '#w', rendered(3));
      await first.close();

      const held = deferred();
      let requested = false;
      scope.put('/feed.xml', {
        async handler(req, res) {
          requested = true;
          await held.promise;
          res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
          res.end(atom({ entries: [...posts(1, { prefix: 'Fresh', now: Date.now() + 86400000 * 2 }), ...posts(3)] }));
        },
      });
      const second = await newPage({ reuse: first.context() });
      await second.goto(url);
      // The network answer is held back: what shows now can only come from the cache.
      let state = await waitForWidget(second, '#w', rendered(3));
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3']);
      assert.equal(state.fallbackVisible, false);
      await until(() => requested, { message: 'the background revalidation request' });
      held.resolve();
      state = await waitForWidget(second, '#w', (s) => s.titles[0] === 'Fresh 1', { message: 'the network copy' });
      assert.deepEqual(state.titles, ['Fresh 1', 'Post 1', 'Post 2', 'Post 3']);
      assert.deepEqual((await events(second, 'feedlet:load')).map((e) => e.detail.from), ['cache', 'network']);
      // …and the network copy is what the next visit gets from the cache.
      const third = await newPage({ reuse: first.context() });
      scope.put('/feed.xml', { async handler() { /* never answers */ } });
      await third.goto(url);
      state = await waitForWidget(third, '#w', (s) => s.titles[0] === 'Fresh 1');
      await assertHealthy(second);
    },
  },
  {
    name: 'refresh: re-fetches on the interval, pauses while the page is hidden, catches up when shown',
    timeout: 45000,
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml" refresh="30"></feedlet-posts>' }));
      const page = await newPage({ init: [fakeVisibility], clock: true });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      for (let n = 2; n <= 3; n++) {
        await page.clock.fastForward(30000);
        await waitForEvent(page, 'feedlet:load', { count: n }); // the first load, then one per period
      }
      assert.equal(scope.hits('/feed.xml'), 3, 'each refresh went to the network');

      // Hiding and counting in one task: a fetch counted later was started while hidden.
      const hidden = await page.evaluate(() => { window.__e2eSetHidden(true); return window.__e2e.fetches.filter((url) => url.includes('feed.xml')).length; });
      await page.clock.fastForward(95000);
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
      assert.equal(await fetchCount(page, 'feed.xml'), hidden, 'no refresh while the page is hidden');

      // Shown again after more than one period: a catch-up refresh at once, then the interval again.
      await page.evaluate(() => window.__e2eSetHidden(false));
      await until(async () => await fetchCount(page, 'feed.xml') > hidden, { timeout: 5000, message: 'a catch-up refresh when the page shows again' });
      await waitForEvent(page, 'feedlet:load', { count: 4 });
      // Time also flows while the test runs: 25 s is safely inside the period.
      await page.clock.fastForward(25000);
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
      assert.equal(await fetchCount(page, 'feed.xml'), hidden + 1, 'no refresh before the period is over');
      await page.clock.fastForward(6000);
      await until(async () => await fetchCount(page, 'feed.xml') > hidden + 1, { timeout: 5000, message: 'refreshes resume' });
      await assertHealthy(page);
    },
  },
  {
    name: 'refresh: the refresh() method re-fetches now and resolves without rejecting',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(2) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(2));
      scope.put('/feed.xml', atom({ entries: posts(4) }));
      const result = await page.locator('#w').evaluate((el) => el.refresh().then((v) => ({ resolved: true, v: v === undefined })));
      assert.deepEqual(result, { resolved: true, v: true });
      const state = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelectorAll('li').length);
      assert.equal(state, 4, 'refresh() resolves after the new copy rendered');
      assert.equal(scope.hits('/feed.xml'), 2);
      await waitForEvent(page, 'feedlet:load', { count: 2 });
      await assertHealthy(page);
    },
  },
];
