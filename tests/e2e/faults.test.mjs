// Faults (issue 4): HTTP errors, timeouts, CORS, non-feeds, broken bodies, storage trouble, offline, merged feeds with
// one failing, and the wasm failing to load. For each: the documented state shows (fallback or error text, and the
// last good content after a failed refresh), no uncaught exception or unhandled rejection, exactly one "feedlet:"
// console message naming the cause and the fix, and the page's own button still works.
import assert from 'node:assert/strict';
import { LOGIN_PAGE, atom, jsonFeed, posts } from './lib/feeds.mjs';
import { assertHealthy, events, pageHtml, rendered, until, waitForEvent, waitForWidget, widgetState } from './lib/harness.mjs';

const FALLBACK = '<p>Our posts: <a href="/blog/">Read the blog</a></p>';
const ATOM = 'application/atom+xml; charset=utf-8';

/** A page with one widget `#w` (with fallback content unless `fallback: false`); returns the page, not yet loaded. */
async function setup({ scope, newPage }, { attrs = '', fallback = true, src = 'feed.xml', init = [], extra = '', clock } = {}) {
  const url = scope.put('/index.html', pageHtml({
    body: `<feedlet-posts id="w" src="${src}" ${attrs}>${fallback ? FALLBACK : ''}</feedlet-posts>${extra}`,
  }));
  const page = await newPage({ init, clock });
  return { page, url };
}

/** The element's `error` property, as a plain object. */
const errorOf = (page, selector = '#w') => page.locator(selector).evaluate((el) => el.error && {
  name: el.error.name, kind: el.error.kind, status: el.error.status, line: el.error.line, column: el.error.column, isError: el.error instanceof Error,
});

/** The fallback is shown and nothing else: no list, no error text. */
async function expectFallback(page, selector = '#w') {
  const state = await waitForWidget(page, selector, (s) => s.fallbackVisible, { message: 'the fallback content' });
  assert.equal(state.items.length, 0);
  assert.equal(state.errorText, null, 'fallback content, not the error text');
  assert.equal(state.busy, false);
  return state;
}

// A parse error's fix: repair the feed at that spot (a validator shows it).
const FIX_THE_FEED = /\bfix\b|validat|repair|correct/i;

const networkFix = [/could not fetch/, /CORS/, /Access-Control-Allow-Origin/, /proxy/];

function storageFull() {
  if (location.protocol !== 'http:') return;
  try {
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try { for (let i = 0; i < 64; i++) localStorage.setItem(`filler:${size}:${i}`, chunk); } catch { /* full at this size */ }
    }
  } catch { /* no storage at all */ }
}

function storageThrowing() {
  for (const method of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    Storage.prototype[method] = function () { throw new DOMException('storage is broken', 'UnknownError'); };
  }
}

function storageDisabled() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); },
  });
}

export const tests = [
  {
    name: 'faults: HTTP 404 keeps the fallback and announces the error text',
    async fn(ctx) {
      const { page, url } = await setup(ctx);
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }));
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      const state = await expectFallback(page);
      assert.equal(state.status, 'Could not load the posts.', 'the polite status region announces the failure');
      assert.equal(state.statusLive, 'polite');
      assert.deepEqual(await errorOf(page), { name: 'FeedletError', kind: 'http', status: 404, line: 0, column: 0, isError: true });
      await assertHealthy(page, { messages: 1, match: [/HTTP 404/, /feed\.xml/, /Check the src URL/] });
    },
  },
  {
    name: 'faults: HTTP 500 without fallback shows the error text (default and error-text)',
    async fn(ctx) {
      const { page, url } = await setup(ctx, { fallback: false, extra: '<feedlet-posts id="w2" src="feed.xml" error-text="Posts are unavailable right now."></feedlet-posts>' });
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
      await page.goto(url);
      let state = await waitForWidget(page, '#w', (s) => s.errorText !== null, { message: 'the error text' });
      assert.equal(state.errorText, 'Could not load the posts.');
      assert.equal(state.status, 'Could not load the posts.');
      assert.equal(state.busy, false, 'the skeleton is gone');
      state = await waitForWidget(page, '#w2', (s) => s.errorText !== null);
      assert.equal(state.errorText, 'Posts are unavailable right now.');
      assert.equal((await errorOf(page)).status, 500);
      // The same problem on the same page is logged once, however many widgets meet it.
      await assertHealthy(page, { messages: 1, match: [/HTTP 500/, /feed\.xml/, /Check the src URL/] });
    },
  },
  {
    name: 'faults: a server that never answers times out (timeout option) and keeps the fallback',
    async fn(ctx) {
      const { page, url } = await setup(ctx, { attrs: 'timeout="600"' });
      let aborted = false;
      ctx.scope.put('/feed.xml', { handler(req, res) { res.on('close', () => { aborted = true; }); } });
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      assert.equal((await errorOf(page)).kind, 'timeout');
      await until(() => aborted, { message: 'the timed-out request to be aborted' });
      await assertHealthy(page, { messages: 1, match: [/did not answer within 600 ms/, /feed\.xml/, /raise (the )?timeout/i] });
    },
  },
  {
    name: 'faults: a CORS refusal names same-origin, Access-Control-Allow-Origin and proxy; the proxy fix works',
    async fn(ctx) {
      const { scope, other } = ctx;
      const theirs = other.scope();
      theirs.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3, { prefix: 'Remote' }) }) }); // no ACAO header
      theirs.put('/open.xml', { type: ATOM, headers: { 'access-control-allow-origin': '*' }, body: atom({ entries: posts(2, { prefix: 'Open' }) }) });
      scope.put('/proxy', {
        async handler(req, res, url) {
          const upstream = await fetch(url.searchParams.get('url'));
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        },
      });
      const { page, url } = await setup(ctx, {
        src: theirs.url('/feed.xml'),
        extra: `<feedlet-posts id="open" src="${theirs.url('/open.xml')}"></feedlet-posts>
                <feedlet-posts id="proxied" src="${theirs.url('/feed.xml')}" proxy="${scope.path('/proxy')}?url={url}" cache-ttl="0"></feedlet-posts>`,
      });
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error', { id: 'w' });
      await expectFallback(page);
      assert.equal((await errorOf(page)).kind, 'network');
      assert.equal(theirs.hits('/feed.xml') >= 1, true, 'the request reached the other origin');
      const open = await waitForWidget(page, '#open', rendered(2));
      assert.equal(open.items[0].title, 'Open 1', 'the same cross-origin fetch works with Access-Control-Allow-Origin');
      const proxied = await waitForWidget(page, '#proxied', rendered(3));
      assert.equal(proxied.items[0].href, theirs.url('/posts/remote-1'), 'through the proxy, links resolve against the feed\'s own URL');
      await assertHealthy(page, { messages: 1, match: [...networkFix, new RegExp(theirs.url('/feed.xml').replace(/[.?]/g, '\\$&'))] });
    },
  },
  {
    name: 'faults: a login redirect to an HTML page is reported as not a feed',
    async fn(ctx) {
      const { scope } = ctx;
      scope.put('/feed.xml', { status: 302, headers: { location: scope.path('/login') }, body: '' });
      scope.put('/login', { type: 'text/html; charset=utf-8', body: LOGIN_PAGE });
      const { page, url } = await setup(ctx);
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      assert.match((await errorOf(page)).kind, /^(notAFeed|notXmlOrJson|noFeedLink)$/);
      await assertHealthy(page, { messages: 1, match: [/feed\.xml is not a feed/, /HTML page/i, /set src to the RSS, Atom or JSON Feed address/i] });
    },
  },
  {
    name: 'faults: an HTML page served with 200 instead of the feed (route) shows the error text',
    async fn(ctx) {
      const { page, url } = await setup(ctx, { fallback: false });
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN_PAGE }));
      await page.goto(url);
      const state = await waitForWidget(page, '#w', (s) => s.errorText !== null);
      assert.equal(state.errorText, 'Could not load the posts.');
      await assertHealthy(page, { messages: 1, match: [/is not a feed/, /HTML page/i, /\bsrc\b/] });
    },
  },
  {
    name: 'faults: a feed that is not well-formed before its root shows the fallback, with line and column',
    async fn(ctx) {
      const { page, url } = await setup(ctx);
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: ATOM, body: '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"' }));
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      const error = await errorOf(page);
      assert.equal(error.kind, 'syntax');
      assert.deepEqual([error.line, error.column], [2, 1]);
      await assertHealthy(page, { messages: 1, match: [/feed\.xml is not well-formed at line 2, column 1/, FIX_THE_FEED] });
    },
  },
  {
    name: 'faults: a truncated body on first load renders what was recovered and logs one warning with line and column',
    async fn(ctx) {
      const body = atom({ entries: posts(4) });
      const cut = body.slice(0, body.indexOf('<entry>', body.indexOf('<entry>') + 1) + 40);
      const { page, url } = await setup(ctx);
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: ATOM, body: cut }));
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered());
      assert.equal(state.titles[0], 'Post 1', 'the complete entries before the cut render (documented recovery)');
      const [load] = await events(page, 'feedlet:load');
      assert.ok(load.detail.warnings.length > 0, 'the recovery is reported in feedlet:load warnings');
      const { line, column } = load.detail.warnings[0];
      // Issue 4: every fault logs one console message naming the cause and the fix; a silently half-rendered feed
      // leaves the site owner no clue that their feed is broken.
      await assertHealthy(page, { messages: 1, match: [/feed\.xml/, new RegExp(`line ${line}, column ${column}`)] });
    },
  },
  {
    name: 'faults: a truncated body on refresh keeps the last good content',
    async fn(ctx) {
      const body = atom({ entries: posts(4) });
      const cut = body.slice(0, body.indexOf('<entry>', body.indexOf('<entry>') + 1) + 40);
      let truncated = false;
      const { page, url } = await setup(ctx, { attrs: 'cache-ttl="0"' });
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: ATOM, body: truncated ? cut : body }));
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(4));
      truncated = true;
      await page.locator('#w').evaluate((el) => el.refresh());
      const state = await page.locator('#w').evaluate(widgetState);
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3', 'Post 4'], 'issue 4: a truncated body keeps the last good content');
      await assertHealthy(page, { messages: 1, match: [/feed\.xml/] });
    },
  },
  {
    name: 'faults: a connection dropped in the middle of the body keeps the fallback',
    async fn(ctx) {
      const body = atom({ entries: posts(4) });
      ctx.scope.put('/feed.xml', {
        handler(req, res) {
          res.writeHead(200, { 'content-type': ATOM, 'content-length': Buffer.byteLength(body) });
          res.write(body.slice(0, 300), () => setTimeout(() => res.destroy(), 50));
        },
      });
      const { page, url } = await setup(ctx);
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      await assertHealthy(page, { messages: 1, match: [/feed\.xml/] });
    },
  },
  {
    name: 'faults: an empty body is reported as not a feed',
    async fn(ctx) {
      const { page, url } = await setup(ctx);
      await page.route(ctx.scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: ATOM, body: '' }));
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      assert.equal((await errorOf(page)).kind, 'empty');
      await assertHealthy(page, { messages: 1, match: [/feed\.xml is not a feed/] });
    },
  },
  {
    name: 'faults: a feed that changes between refreshes updates the list; a failed refresh keeps the last good content',
    async fn(ctx) {
      const { scope } = ctx;
      let version = 1;
      let fail = false;
      const now = Date.now();
      // Stale at once, so that every visit asks the network (cache-ttl="0" would store no copy).
      const { page, url } = await setup(ctx, { attrs: 'cache-ttl="0.001"' });
      await page.route(scope.url('/feed.xml'), (route) => fail
        ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })
        : route.fulfill({ status: 200, contentType: ATOM, body: atom({ entries: [...posts(version - 1, { prefix: 'New', now: now + 86400000 * 10 }), ...posts(3, { now })] }) }));
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      version = 2;
      await page.locator('#w').evaluate((el) => el.refresh());
      let state = await waitForWidget(page, '#w', (s) => s.titles[0] === 'New 1');
      assert.deepEqual(state.titles, ['New 1', 'Post 1', 'Post 2', 'Post 3']);

      fail = true;
      await page.locator('#w').evaluate((el) => el.refresh());
      await waitForEvent(page, 'feedlet:error');
      state = await page.locator('#w').evaluate(widgetState);
      assert.deepEqual(state.titles, ['New 1', 'Post 1', 'Post 2', 'Post 3'], 'the last good content stays after a failed refresh');
      assert.equal(state.fallbackVisible, false);
      assert.equal(state.errorText, null);
      assert.equal((await errorOf(page)).kind, 'http');
      await assertHealthy(page, { messages: 1, match: [/HTTP 500/, /Check the src URL/] });

      // The next visit, with the server still failing, shows the last good copy from localStorage.
      const next = await ctx.newPage({ reuse: page.context() });
      await next.route(scope.url('/feed.xml'), (route) => route.fulfill({ status: 500, body: 'down' }));
      await next.goto(url);
      await waitForEvent(next, 'feedlet:error');
      state = await waitForWidget(next, '#w', rendered(4));
      assert.equal(state.titles[0], 'New 1');

      fail = false;
      version = 3;
      await page.locator('#w').evaluate((el) => el.refresh());
      state = await waitForWidget(page, '#w', (s) => s.titles[1] === 'New 2');
      assert.equal(await errorOf(page), null, 'a successful refresh clears the error');
      await assertHealthy(next, { messages: 1, match: [/HTTP 500/] });
    },
  },
  {
    name: 'faults: a refresh that returns a broken feed keeps the last good content (refresh interval)',
    timeout: 40000,
    async fn(ctx) {
      const { scope } = ctx;
      let broken = false;
      const { page, url } = await setup(ctx, { attrs: 'refresh="30" cache-ttl="0"', clock: true });
      await page.route(scope.url('/feed.xml'), (route) => route.fulfill({ status: 200, contentType: 'application/feed+json', body: broken ? '{"version": "https://jsonfeed.org/version/1.1", "items": [' : jsonFeed({ entries: posts(3) }) }));
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      broken = true;
      const loads = (await events(page, 'feedlet:load')).length;
      const errors = (await events(page, 'feedlet:error')).length;
      // Two refreshes with the broken body, whatever the widget makes of them.
      for (let n = 1; n <= 2; n++) {
        await page.clock.fastForward(30000);
        await page.waitForFunction((n) => window.__e2e.events.length >= n, loads + errors + n, { timeout: 15000, polling: 50 });
      }
      const state = await page.locator('#w').evaluate(widgetState);
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3'], 'issue 4: a broken refresh keeps the last good content, not an empty list');
      assert.equal(state.emptyText, null);
      assert.equal(state.fallbackVisible, false);
      // Further failing refreshes do not log again.
      await assertHealthy(page, { messages: 1, match: [/feed\.xml/] });
    },
  },
  {
    name: 'faults: localStorage full (QuotaExceededError) still renders, and keeps working on the next visit',
    async fn(ctx) {
      ctx.scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      const { page, url } = await setup(ctx, { init: [storageFull] });
      await page.goto(url);
      const full = await page.evaluate(() => { try { localStorage.setItem('probe', 'x'.repeat(64)); return 'not full'; } catch (e) { return e.name; } });
      assert.equal(full, 'QuotaExceededError', 'the test filled localStorage');
      await waitForWidget(page, '#w', rendered(3));
      const next = await ctx.newPage({ reuse: page.context() });
      await next.goto(url);
      await waitForWidget(next, '#w', rendered(3));
      assert.equal(ctx.scope.hits('/feed.xml'), 2, 'without room for a cache, each visit fetches');
      await assertHealthy(page, { messages: 0 });
      await assertHealthy(next, { messages: 0 });
    },
  },
  {
    name: 'faults: localStorage that throws on every call still renders',
    async fn(ctx) {
      ctx.scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      const { page, url } = await setup(ctx, { init: [storageThrowing] });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      await page.locator('#w').evaluate((el) => el.refresh());
      await waitForEvent(page, 'feedlet:load', { count: 2 });
      await assertHealthy(page, { messages: 0 });
    },
  },
  {
    name: 'faults: localStorage disabled (SecurityError on access) still renders',
    async fn(ctx) {
      ctx.scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      const { page, url } = await setup(ctx, { init: [storageDisabled], fallback: false });
      await page.goto(url);
      assert.equal(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
      await waitForWidget(page, '#w', rendered(3));
      await assertHealthy(page, { messages: 0 });
    },
  },
  {
    name: 'faults: offline keeps the last good content, renders cached feeds and falls back for the others',
    async fn(ctx) {
      const { scope } = ctx;
      scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      scope.put('/other.xml', { type: ATOM, body: atom({ entries: posts(3, { prefix: 'Other' }) }) });
      const { page, url } = await setup(ctx, { attrs: 'cache-ttl="0.001"' });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      await page.context().setOffline(true);
      await page.locator('#w').evaluate((el) => el.refresh());
      await waitForEvent(page, 'feedlet:error', { id: 'w' });
      let state = await waitForWidget(page, '#w', rendered(3));
      assert.equal(state.fallbackVisible, false, 'the last good content stays while offline');
      assert.equal((await errorOf(page)).kind, 'network');
      await page.evaluate(([fallback]) => {
        document.querySelector('main').insertAdjacentHTML('beforeend',
          `<feedlet-posts id="cached" src="feed.xml"></feedlet-posts><feedlet-posts id="new" src="other.xml">${fallback}</feedlet-posts>`);
      }, [FALLBACK]);
      state = await waitForWidget(page, '#cached', rendered(3));
      assert.equal(state.titles[0], 'Post 1', 'a feed in the cache renders offline');
      await waitForEvent(page, 'feedlet:error', { id: 'new' });
      await expectFallback(page, '#new');
      await page.context().setOffline(false);
      await page.locator('#new').evaluate((el) => el.refresh());
      await waitForWidget(page, '#new', rendered(3));
      await assertHealthy(page, { messages: 2, match: networkFix });
    },
  },
  {
    name: 'faults: one of several merged feeds failing (HTTP) does not hide the others',
    async fn(ctx) {
      const { scope } = ctx;
      scope.put('/a.xml', { type: ATOM, body: atom({ entries: posts(3, { prefix: 'A' }) }) });
      const { page, url } = await setup(ctx, { src: 'a.xml b.xml' });
      await page.route(scope.url('/b.xml'), (route) => route.fulfill({ status: 503, body: 'busy' }));
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(3));
      assert.deepEqual(state.titles, ['A 1', 'A 2', 'A 3']);
      assert.equal(state.fallbackVisible, false);
      assert.equal(state.errorText, null);
      await waitForEvent(page, 'feedlet:error');
      assert.equal((await errorOf(page)).status, 503);
      await assertHealthy(page, { messages: 1, match: [/HTTP 503/, /b\.xml/] });
    },
  },
  {
    name: 'faults: one of several merged feeds not parsing does not hide the others',
    async fn(ctx) {
      const { scope } = ctx;
      scope.put('/a.xml', { type: ATOM, body: atom({ entries: posts(2, { prefix: 'A' }) }) });
      scope.put('/b.json', { type: 'application/feed+json', body: jsonFeed({ entries: posts(2, { prefix: 'B', now: Date.now() - 86400000 }) }) });
      scope.put('/c.xml', { type: ATOM, body: '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"' });
      const { page, url } = await setup(ctx, { src: 'a.xml, b.json, c.xml' });
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(4));
      assert.deepEqual(state.titles, ['A 1', 'B 1', 'A 2', 'B 2']);
      await waitForEvent(page, 'feedlet:error');
      const error = await errorOf(page);
      assert.equal(error.kind, 'syntax');
      assert.deepEqual([error.line, error.column], [2, 1]);
      await assertHealthy(page, { messages: 1, match: [/c\.xml is not well-formed at line 2, column 1/, FIX_THE_FEED] });
    },
  },
  {
    name: 'faults: several merged feeds all failing to parse are each reported with their own cause, and the fallback stays',
    async fn(ctx) {
      const { scope } = ctx;
      scope.put('/a.xml', { type: 'text/html; charset=utf-8', body: LOGIN_PAGE });
      scope.put('/b.xml', { type: ATOM, body: '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"' });
      const { page, url } = await setup(ctx, { src: 'a.xml b.xml' });
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      const errors = await page.locator('#w').evaluate((el) => new Promise((ok) => {
        el.addEventListener('feedlet:error', (event) => ok(event.detail.errors.map((e) => ({ kind: e.kind, url: e.url.replace(/^.*\//, ''), line: e.line }))));
        el.refresh();
      }));
      // An HTML page is read for feed links first (autodiscovery): with none, it is a noFeedLink error.
      assert.deepEqual(errors.map(({ kind, url }) => ({ kind, url })), [{ kind: 'noFeedLink', url: 'a.xml' }, { kind: 'syntax', url: 'b.xml' }]);
      assert.equal(errors[1].line, 2, 'the syntax error keeps its own position');
      await assertHealthy(page, { messages: 2, match: [/(a\.xml is not a feed|b\.xml is not well-formed at line 2)/] });
    },
  },
  {
    name: 'faults: feedlet_bg.wasm failing to load (404) keeps fallbacks and shows the error text',
    async fn(ctx) {
      ctx.scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      const { page, url } = await setup(ctx, { extra: '<feedlet-posts id="w2" src="feed.xml"></feedlet-posts>' });
      await page.route('**/feedlet_bg.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error', { id: 'w' });
      await expectFallback(page);
      const bare = await waitForWidget(page, '#w2', (s) => s.errorText !== null);
      assert.equal(bare.errorText, 'Could not load the posts.');
      assert.equal((await errorOf(page)).kind, 'wasm');
      await assertHealthy(page, { messages: 1, match: [/feedlet_bg\.wasm/, /application\/wasm/, /wasm-unsafe-eval/] });
    },
  },
  {
    name: 'faults: a corrupt feedlet_bg.wasm keeps the fallback',
    async fn(ctx) {
      ctx.scope.put('/feed.xml', { type: ATOM, body: atom({ entries: posts(3) }) });
      const { page, url } = await setup(ctx);
      await page.route('**/feedlet_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0garbage') }));
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error');
      await expectFallback(page);
      await assertHealthy(page, { messages: 1, match: [/feedlet_bg\.wasm/] });
    },
  },
];
