// Autodiscovery (issue 12, item 1): `src` set to a site's page. The widget reads the page's <link rel="alternate">
// elements (with the wasm's tokenizer, never running the page), follows the best feed (Atom, then RSS, then JSON
// Feed, unless feed-type says otherwise), caches the result under the page's URL, and reports a page with no feed
// link as a `noFeedLink` error that names the cause and the fix. Through the element and through `mount`.
import assert from 'node:assert/strict';
import { atom, jsonFeed, posts, rss } from './lib/feeds.mjs';
import { assertHealthy, events, fetchCount, pageHtml, rendered, waitForWidget } from './lib/harness.mjs';

const HTML = 'text/html; charset=utf-8';

/** A site's page whose <head> names feeds with `links` ([type, href, title?]), and scripts that must never run. */
export function sitePage(links, { base = '' } = {}) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A blog</title>${base && `<base href="${base}">`}
<link rel="stylesheet" href="/style.css">
${links.map(([type, href, title]) => `<link rel="alternate" type="${type}" href="${href}"${title ? ` title="${title}"` : ''}>`).join('\n')}
<script>fetch('/ran')</script>
</head><body><h1>A blog</h1><img src=x onerror="fetch('/ran')"></body></html>`;
}

/** A page that mounts with `options` into #m, through the npm module. */
const mountPage = (scope, options) => {
  scope.put('/mount.js', { type: 'text/javascript', body: `import { mount } from '/dist/feedlet.js';
window.__mounted = mount(document.getElementById('m'), ${JSON.stringify(options)});` });
  return pageHtml({ embed: false, head: '<script type="module" src="mount.js"></script>', body: '<div id="m"></div>' });
};

export const tests = [
  {
    name: 'discover: a page\'s best feed link is followed (Atom, then RSS, then JSON Feed; feed-type and feedType choose)',
    async fn({ scope, newPage }) {
      scope.put('/blog/', { type: HTML, body: sitePage([
        ['application/feed+json', 'feed.json'],
        ['application/rss+xml', scope.path('/blog/rss.xml'), 'RSS'],
        ['application/atom+xml; charset=utf-8', 'atom.xml'],
      ]) });
      scope.put('/blog/atom.xml', { type: 'application/atom+xml', body: atom({ title: 'Atom', entries: posts(3, { prefix: 'Atom' }) }) });
      scope.put('/blog/rss.xml', { type: 'application/rss+xml', body: rss({ title: 'RSS', entries: posts(3, { prefix: 'RSS' }) }) });
      scope.put('/blog/feed.json', { type: 'application/feed+json', body: jsonFeed({ title: 'JSON', entries: posts(3, { prefix: 'JSON' }) }) });
      const url = scope.put('/index.html', pageHtml({ body: `
        <feedlet-posts id="a" src="blog/" cache="off"></feedlet-posts>
        <feedlet-posts id="r" src="blog/" feed-type="rss" cache="off"></feedlet-posts>` }));
      const page = await newPage();
      await page.goto(url);
      let state = await waitForWidget(page, '#a', rendered(3));
      assert.deepEqual(state.titles, ['Atom 1', 'Atom 2', 'Atom 3']);
      // Relative links in the feed resolve against the feed's own address, not the page's.
      assert.equal(state.items[0].href, scope.url('/blog/posts/atom-1'));
      assert.equal(await page.locator('#a').evaluate((el) => el.feed.title), 'Atom');
      state = await waitForWidget(page, '#r', rendered(3));
      assert.deepEqual(state.titles, ['RSS 1', 'RSS 2', 'RSS 3']);
      assert.equal(await page.locator('#r').evaluate((el) => el.feedType), 'rss');
      // The page was read, never run.
      assert.equal(await fetchCount(page, '/ran'), 0);
      assert.equal(scope.hits('/blog/feed.json'), 0, 'only the chosen feed is fetched');

      // mount, with the JSON Feed preferred; a change of feedType follows the other link.
      const mounted = await newPage();
      await mounted.goto(scope.put('/mount.html', mountPage(scope, { src: 'blog/', feedType: 'json', cache: false })));
      state = await waitForWidget(mounted, '#m', rendered(3));
      assert.deepEqual(state.titles, ['JSON 1', 'JSON 2', 'JSON 3']);
      await mounted.evaluate(() => window.__mounted.update({ src: 'blog/', feedType: 'atom', cache: false }));
      state = await waitForWidget(mounted, '#m', (s) => s.titles[0] === 'Atom 1');
      assert.deepEqual((await events(mounted, 'feedlet:load')).map((e) => e.detail.from), ['network', 'network']);
      await assertHealthy(page);
      await assertHealthy(mounted);
    },
  },
  {
    name: 'discover: a feed on another origin (with CORS) is followed, and <base href> is honoured',
    async fn({ scope, other, newPage }) {
      const elsewhere = other.scope();
      elsewhere.put('/feeds/main.xml', { type: 'application/rss+xml', headers: { 'access-control-allow-origin': '*' }, body: rss({ title: 'Elsewhere', entries: posts(2, { prefix: 'Far' }) }) });
      // The page's <base> points at the other origin; the link is relative to it.
      scope.put('/site', { type: HTML, body: sitePage([['application/rss+xml', 'main.xml']], { base: elsewhere.url('/feeds/') }) });
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="site"></feedlet-posts>' })));
      const state = await waitForWidget(page, '#w', rendered(2));
      assert.deepEqual(state.titles, ['Far 1', 'Far 2']);
      assert.equal(state.items[0].href, elsewhere.url('/feeds/posts/far-1'));
      assert.equal(elsewhere.hits('/feeds/main.xml'), 1);
      // Through mount too.
      const mounted = await newPage();
      await mounted.goto(scope.put('/mount.html', mountPage(scope, { src: 'site', limit: 1 })));
      assert.deepEqual((await waitForWidget(mounted, '#m', rendered(1))).titles, ['Far 1']);
      await assertHealthy(page);
      await assertHealthy(mounted);
    },
  },
  {
    name: 'discover: a page with no feed link shows the error text and logs cause and fix; a feed sent as text/html still renders',
    async fn({ scope, newPage }) {
      scope.put('/plain/', { type: HTML, body: sitePage([['text/css', 'x.css']]) });
      scope.put('/mislabeled.xml', { type: HTML, body: atom({ entries: posts(2) }) });
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ body: `
        <feedlet-posts id="w" src="plain/"></feedlet-posts>
        <feedlet-posts id="ok" src="mislabeled.xml"></feedlet-posts>` })));
      const state = await waitForWidget(page, '#w', (s) => s.errorText !== null);
      assert.equal(state.errorText, 'Could not load the posts.');
      const error = await page.locator('#w').evaluate((el) => ({ kind: el.error.kind, url: el.error.url }));
      assert.deepEqual(error, { kind: 'noFeedLink', url: scope.url('/plain/') });
      await waitForWidget(page, '#ok', rendered(2));
      await assertHealthy(page, { messages: 1, match: [/plain\/ is not a feed but an HTML page/, /names no feed in a <link rel="alternate">/, /add <link rel="alternate" type="application\/atom\+xml"[^]*<head>/, /Set src to the RSS, Atom or JSON Feed address itself/] });

      const mounted = await newPage();
      await mounted.goto(scope.put('/mount.html', mountPage(scope, { src: 'plain/', errorText: 'No feed here.' })));
      assert.equal((await waitForWidget(mounted, '#m', (s) => s.errorText !== null)).errorText, 'No feed here.');
      assert.equal(await mounted.evaluate(() => window.__mounted.error.kind), 'noFeedLink');
      await assertHealthy(mounted, { messages: 1, match: [/is not a feed but an HTML page/] });
    },
  },
  {
    name: 'discover: the feed found is cached under the page\'s URL: the next visit asks for neither, a refresh only for the feed',
    async fn({ scope, newPage }) {
      scope.put('/blog/', { type: HTML, body: sitePage([['application/atom+xml', 'atom.xml']]) });
      scope.put('/blog/atom.xml', { type: 'application/atom+xml', body: atom({ entries: posts(3) }) });
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="blog/" cache-ttl="600"></feedlet-posts>' }));
      const first = await newPage();
      await first.goto(url);
      await waitForWidget(first, '#w', rendered(3));
      assert.deepEqual([scope.hits('/blog/'), scope.hits('/blog/atom.xml')], [1, 1]);
      const stored = await first.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('feedlet:v2:[')).map(([key, value]) => [key, JSON.parse(value).feed]));
      assert.deepEqual(stored, [[`feedlet:v2:${JSON.stringify([scope.url('/blog/'), ''])}`, scope.url('/blog/atom.xml')]]);

      scope.put('/blog/atom.xml', { type: 'application/atom+xml', body: atom({ entries: posts(4, { prefix: 'New' }) }) });
      const second = await newPage({ reuse: first.context() });
      await second.goto(url);
      const state = await waitForWidget(second, '#w', rendered(3));
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3']);
      assert.equal((await events(second, 'feedlet:load'))[0].detail.from, 'cache');
      assert.deepEqual([scope.hits('/blog/'), scope.hits('/blog/atom.xml')], [1, 1], 'a fresh copy asks for neither the page nor the feed');
      // Within the cache period a refresh asks the feed itself: the page is fetched once per period.
      await second.locator('#w').evaluate((el) => el.refresh());
      assert.equal((await second.locator('#w').evaluate((el) => el.feed.entries.length)), 4);
      assert.deepEqual([scope.hits('/blog/'), scope.hits('/blog/atom.xml')], [1, 2]);
      await assertHealthy(second);
    },
  },
];
