// The two wasm modules (scripts/split.mjs): a first visit with an XML feed loads feedlet_bg.wasm only, and what
// needs the second module (JSON Feed, summary="html", a web page as src, the API's other calls) loads
// feedlet_more.wasm once, renders as before, and keeps working after the first module restarts.
import assert from 'node:assert/strict';
import { atom, jsonFeed, posts } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, rendered, sleep, waitForWidget } from './lib/harness.mjs';

/** How often each wasm file was requested, by the page's resource timing. */
const requests = (page) => page.evaluate(() => {
  const names = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
  return { bg: names.filter((n) => n.endsWith('/feedlet_bg.wasm')).length, more: names.filter((n) => n.endsWith('/feedlet_more.wasm')).length };
});

/** Entries whose summaries carry markup, so that summary="html" shows in the DOM. */
const rich = (n) => posts(n, { prefix: 'Rich' }).map((e, i) => ({ ...e, summary: `<p>Said <strong id="s${i}">plainly</strong> here</p>` }));

const add = (page, html) => page.evaluate((html) => document.querySelector('main').insertAdjacentHTML('beforeend', html), html);

export const tests = [
  {
    name: 'split: an XML feed loads feedlet_bg.wasm only; JSON Feed, summary="html" and a web page as src load feedlet_more.wasm once and render',
    async fn({ scope, newPage }) {
      scope.put('/a.xml', atom({ entries: posts(3, { prefix: 'Atom' }) }));
      scope.put('/b.json', jsonFeed({ entries: posts(4, { prefix: 'Json' }) }));
      scope.put('/c.xml', atom({ entries: rich(2) }).replaceAll('<summary>', '<summary type="html">'));
      scope.put('/site/page.html', '<!doctype html><html><head><title>Site</title><link rel="alternate" type="application/atom+xml" href="../a.xml"></head><body>Hi</body></html>');
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="a" src="a.xml" cache="off"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      const a = await waitForWidget(page, '#a', rendered(3));
      assert.equal(a.titles[0], 'Atom 1');
      // Settled: nothing asks for the second module later either.
      await sleep(300);
      assert.deepEqual(await requests(page), { bg: 1, more: 0 }, 'an XML feed as a list needs the first module only');

      await add(page, '<feedlet-posts id="b" src="b.json" cache="off"></feedlet-posts>');
      const b = await waitForWidget(page, '#b', rendered(4));
      assert.equal(b.titles[0], 'Json 1');
      await add(page, '<feedlet-posts id="c" src="c.xml" summary="html" cache="off"></feedlet-posts>');
      await waitForWidget(page, '#c', rendered(2));
      assert.equal(await page.locator('#c').evaluate((el) => el.shadowRoot.querySelector('.feedlet__summary strong')?.textContent), 'plainly', 'the rich summary keeps its markup');
      await add(page, '<feedlet-posts id="d" src="site/page.html" cache="off"></feedlet-posts>');
      const d = await waitForWidget(page, '#d', rendered(3));
      assert.equal(d.titles[0], 'Atom 1', 'the page\'s feed link was found and followed');
      assert.deepEqual(await requests(page), { bg: 1, more: 1 }, 'the second module is downloaded once');
      await assertHealthy(page);
    },
  },
  {
    name: 'split: a first render that needs feedlet_more.wasm waits for it; when it cannot load, the JSON widget shows its fallback, summary="html" its error, and a rendered widget keeps its list through an update and "show more"',
    async fn({ scope, newPage }) {
      scope.put('/a.xml', atom({ entries: posts(3, { prefix: 'Atom' }) }));
      scope.put('/b.json', jsonFeed({ entries: posts(2, { prefix: 'Json' }) }));
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="b" src="b.json" cache="off"><p id="fallback">Our posts</p></feedlet-posts>
<feedlet-posts id="a" src="a.xml" summary="html" cache="off"></feedlet-posts>
<feedlet-posts id="c" src="a.xml" limit="1" more cache="off"></feedlet-posts>`,
      }));
      const page = await newPage();
      await page.route('**/feedlet_more.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(url);
      const b = await waitForWidget(page, '#b', (s) => s.fallbackVisible);
      assert.equal(b.items.length, 0);
      // summary="html" without the sanitizer's module: the widget reports it rather than showing something else.
      await waitForWidget(page, '#a', (s) => s.errorText === 'Could not load the posts.');
      // A widget that rendered keeps its list when an update, or "show more", needs the module that cannot load.
      assert.equal((await waitForWidget(page, '#c', rendered(1))).titles[0], 'Atom 1');
      await page.locator('#c').evaluate((el) => el.setAttribute('summary', 'html'));
      await sleep(300);
      await page.locator('#c').evaluate((el) => el.shadowRoot.querySelector('.feedlet__more').click());
      await sleep(300);
      const c = await waitForWidget(page, '#c', rendered(1));
      assert.equal(c.errorText, null);
      // Once the file is back, a refresh loads it and both render.
      await page.unroute('**/feedlet_more.wasm');
      for (const id of ['#b', '#a', '#c']) await page.locator(id).evaluate((el) => el.refresh());
      assert.equal((await waitForWidget(page, '#b', rendered(2))).titles[0], 'Json 1');
      await waitForWidget(page, '#a', rendered(3));
      await waitForWidget(page, '#c', rendered(1));
      // One warning, naming the file and its fix, however many widgets needed it.
      await assertHealthy(page, { messages: 1, match: [/could not load feedlet_more\.wasm \(HTTP 404[^]*Serve it next to feedlet\.js/] });
    },
  },
  {
    name: 'split: after ready() every export works synchronously, and keeps working after a restart; after init({ more: false }), a call that needs the second module says so',
    async fn({ scope, newPage }) {
      const url = scope.put('/index.html', pageHtml({ embed: false }));
      const page = await newPage();
      await page.goto(url);
      const result = await page.evaluate(async ({ json, xml }) => {
        const feedlet = await import('/dist/feedlet.js');
        // The first module only, as the embed loads it.
        await feedlet.default({ more: false });
        let before;
        try {
          feedlet.parseFeed(json);
        } catch (error) {
          before = `${error.name}/${error.kind}: ${error.message}`;
        }
        const xmlFirst = feedlet.parseFeed(xml).title;
        await feedlet.ready();
        const json1 = feedlet.parseFeed(json).title;
        const links = feedlet.discoverFeeds(new TextEncoder().encode('<link rel="alternate" type="application/rss+xml" href="/feed.xml">'), 'https://blog.example/').map((l) => l.url);
        const selected = feedlet.selectFeeds([{ input: new TextEncoder().encode(xml) }], { limit: 2 }).feeds[0].entries.length;
        // A trap in the first module (a page script that throws through it) restarts it; the second is linked
        // again to the fresh instance.
        const entries = Object.entries;
        Object.entries = () => { Object.entries = entries; throw new WebAssembly.RuntimeError('forced'); };
        let trapped = '';
        try {
          feedlet.readOptions({ limit: '3' });
        } catch (error) {
          trapped = error.kind;
        }
        const json2 = feedlet.parseFeed(json).title;
        const target = document.createElement('div');
        document.body.append(target);
        feedlet.renderFeed(target, xml.replace('<summary>', '<summary type="html">'), { summary: 'html', limit: 1 });
        return { before, xmlFirst, json1, links, selected, trapped, json2, items: target.querySelectorAll('li').length };
      }, { json: jsonFeed({ title: 'JSON title', entries: posts(2) }), xml: atom({ title: 'XML title', entries: posts(3) }) });
      assert.match(result.before, /^FeedletError\/wasm: this call needs feedlet_more\.wasm/);
      assert.equal(result.xmlFirst, 'XML title');
      assert.equal(result.json1, 'JSON title');
      assert.deepEqual(result.links, ['https://blog.example/feed.xml']);
      assert.equal(result.selected, 2);
      assert.equal(result.trapped, 'internal');
      assert.equal(result.json2, 'JSON title');
      assert.equal(result.items, 1);
    },
  },
  {
    name: 'split: init() resolves before asking for feedlet_more.wasm; a call that needs it at once loads it synchronously, one made later finds it loaded in the background, and one that cannot load it says so',
    async fn({ scope, newPage }) {
      const url = scope.put('/index.html', pageHtml({ embed: false }));
      const json = jsonFeed({ title: 'JSON title', entries: posts(2) });
      const xml = atom({ title: 'XML title', entries: rich(2) }).replaceAll('<summary>', '<summary type="html">');
      /** A page that calls init(), waits `wait` ms, then calls every export that needs the second module. */
      const visit = async (wait, answer) => {
        const page = await newPage();
        const asked = [];
        await page.route('**/feedlet_more.wasm', (route) => {
          asked.push(route.request().resourceType());
          return answer ? route.fulfill(answer) : route.continue();
        });
        await page.goto(url);
        const result = await page.evaluate(async ({ json, xml, wait }) => {
          const feedlet = await import('/dist/feedlet.js');
          await feedlet.default();
          const atInit = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/feedlet_more.wasm')).length;
          const xmlTitle = feedlet.parseFeed(xml).title;
          // With no wait, in the same task as init()'s answer: before its download in the background has started.
          if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
          const out = { atInit, xmlTitle };
          try {
            out.json = feedlet.parseFeed(json).title;
            const target = document.createElement('div');
            document.body.append(target);
            feedlet.renderFeed(target, xml, { summary: 'html', limit: 1 });
            out.strong = target.querySelector('.feedlet__summary strong')?.textContent ?? null;
            out.links = feedlet.discoverFeeds(new TextEncoder().encode('<link rel="alternate" type="application/rss+xml" href="/feed.xml">'), 'https://blog.example/').map((l) => l.url);
            out.selected = feedlet.selectFeeds([{ input: new TextEncoder().encode(xml) }], { limit: 1 }).feeds[0].entries.length;
          } catch (error) {
            out.error = `${error.name}/${error.kind}: ${error.message}`;
          }
          // The first module still answers.
          out.xmlAfter = feedlet.parseFeed(xml).title;
          return out;
        }, { json, xml, wait });
        await sleep(300);
        return { page, asked, result };
      };

      for (const [wait, how] of [[0, 'xhr'], [500, 'fetch']]) {
        const { page, asked, result } = await visit(wait);
        assert.equal(result.atInit, 0, 'init() resolved before any request for the second module');
        assert.equal(result.xmlTitle, 'XML title');
        assert.equal(result.error, undefined);
        assert.equal(result.json, 'JSON title');
        assert.equal(result.strong, 'plainly', 'the rich summary keeps its markup');
        assert.deepEqual(result.links, ['https://blog.example/feed.xml']);
        assert.equal(result.selected, 1);
        assert.deepEqual(asked, [how], wait ? 'loaded in the background, once' : 'loaded synchronously by the first call that needs it, once');
        await assertHealthy(page);
      }

      const { page, result } = await visit(0, { status: 404, contentType: 'text/plain', body: 'not found' });
      assert.match(result.error, /^FeedletError\/wasm: could not load feedlet_more\.wasm \(HTTP 404/);
      assert.equal(result.xmlAfter, 'XML title');
      // One warning: the background download fails the same way, and the same message is logged once.
      await assertHealthy(page, { messages: 1, match: [/could not load feedlet_more\.wasm \(HTTP 404[^]*Serve it next to feedlet\.js/] });
    },
  },
];
