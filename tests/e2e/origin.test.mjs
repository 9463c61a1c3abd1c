// The page's origin (issue 10, items 1 and 11): feeds served from another origin (another host name and port, as a
// blog's feeds are on a page that embeds them), whose relative URLs have nothing to resolve against but the feed's
// own address: items without a link, `<img src="/logout">`, `xml:base="data:,"`, `xml:base="javascript:x"`, a JSON
// Feed item without `url`. In every layout and summary mode, and through a proxy, the page's server sees no request
// but the page and feedlet's code, and no rendered `href` or `src` resolves to the page's origin.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { escapeXml } from './lib/feeds.mjs';
import { E2E_DIR, FEEDS_HOST, assertHealthy, pageHtml, paths, waitForWidget } from './lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const DAY = 86400000;
const date = (days) => new Date(Math.floor((Date.now() - days * DAY) / 1000) * 1000);
// Markup that names the page's own paths: a GET with the visitor's cookies if it resolved against the page.
const HOSTILE_HTML = '<p>Read <a href="/account/delete">this</a> <img src="/logout" alt="x"> <img src="logout.gif"></p>';

/** An RSS feed without a channel link: items without links, and items whose xml:base is not a web URL. */
function hostileRss() {
  const item = (title, days, extra = '', attrs = '') => `<item${attrs}><title>${title}</title><pubDate>${date(days).toUTCString()}</pubDate>
  <description>${escapeXml(HOSTILE_HTML)}</description>${extra}</item>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Hostile RSS</title><description>no link</description>
${item('RSS without link', 1, '<media:thumbnail url="/logout.png" width="320" height="180"/>')}
${item('RSS data base', 2, '<link>post-1</link><enclosure url="/logout.jpg" type="image/jpeg" length="1"/>', ' xml:base="data:,"')}
${item('RSS javascript base', 3, '<link>/post-2</link><media:content url="logout.jpg" medium="image"/>', ' xml:base="javascript:x"')}
${item('RSS https: base', 4, '<link>post-3</link>', ' xml:base="https:x"')}
</channel></rss>`;
}

/** An Atom feed without links: summaries and content with relative references, xml:base on entries and contents. */
function hostileAtom() {
  const entry = (title, days, body = '', attrs = '') => `<entry${attrs}><title>${title}</title><id>urn:hostile:${encodeURIComponent(title)}</id><updated>${date(days).toISOString()}</updated>${body}</entry>`;
  const html = escapeXml(HOSTILE_HTML);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Hostile Atom</title><id>urn:hostile</id><updated>${date(0).toISOString()}</updated>
${entry('Atom without link', 5, `<summary type="html">${html}</summary><media:thumbnail url="/logout.png"/>`)}
${entry('Atom data base', 6, `<link href="post-4"/><content type="html" xml:base="data:,">${html}</content>`, ' xml:base="data:,"')}
${entry('Atom javascript base', 7, `<content type="xhtml" xml:base="javascript:x"><div xmlns="http://www.w3.org/1999/xhtml">${HOSTILE_HTML}</div></content>`)}
${entry('Atom link only relative', 8, `<link href="/post-5"/><summary type="html">${html}</summary>`, ' xml:base="javascript:x"')}
</feed>`;
}

/** A JSON Feed without home_page_url or feed_url, whose items have no url. */
function hostileJson() {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile JSON',
    items: [
      { id: 'j1', title: 'JSON without url', content_html: HOSTILE_HTML, image: '/logout.png', date_published: date(9).toISOString() },
      { id: 'j2', title: 'JSON relative url', url: 'post-6', summary: 'plain', banner_image: 'logout.png', date_published: date(10).toISOString() },
      { id: 'j3', title: 'JSON text only', content_text: 'text', external_url: '/external', date_published: date(11).toISOString() },
    ],
  });
}

const TITLES = 11;
const TEMPLATE = '<template><article><a data-field="link"><span data-field="title"></span></a><img data-field="image" alt=""><div data-field="summary"></div><span data-field="date"></span></article></template>';

/** One widget per layout and summary mode, in a shadow root and in the light DOM, and one with a template. */
function widgets(src, extra = '') {
  const all = [];
  for (const layout of ['list', 'cards', 'compact']) {
    for (const summary of ['false', 'true', 'html']) {
      all.push(`<feedlet-posts id="w-${layout}-${summary}" src="${src}" layout="${layout}" summary="${summary}" limit="20" cache="off" ${extra}></feedlet-posts>`);
    }
  }
  all.push(`<feedlet-posts id="w-light" src="${src}" layout="cards" summary="html" light-dom limit="20" cache="off" ${extra}></feedlet-posts>`);
  all.push(`<div id="w-auto" data-feedlet="${src}" data-layout="cards" data-summary="html" data-limit="20" data-cache="off" ${extra.replace(/(\w+)="/g, 'data-$1="')}></div>`);
  all.push(`<feedlet-posts id="w-template" src="${src}" summary="html" limit="20" cache="off" ${extra}>${TEMPLATE}</feedlet-posts>`);
  return all;
}

/**
 * Every `href` and `src` feedlet rendered, resolved as the browser resolves it, with where it was (run in the page).
 * Shadow roots and light-DOM views both.
 */
function renderedUrls(ids) {
  const found = [];
  for (const id of ids) {
    const element = document.getElementById(id);
    const roots = [element.shadowRoot, element.querySelector(':scope > .feedlet__view')].filter(Boolean);
    for (const root of roots) {
      for (const node of root.querySelectorAll('[href], [src], [srcset], [poster], [action], [formaction], [xlink\\:href]')) {
        for (const name of node.getAttributeNames()) {
          if (!['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'xlink:href'].includes(name)) continue;
          const value = node.getAttribute(name);
          let resolved;
          try {
            resolved = new URL(value, node.baseURI).href;
          } catch {
            resolved = `unparsable:${value}`;
          }
          found.push({ id, tag: node.localName, name, value, resolved });
        }
      }
    }
  }
  return found;
}

/** The page's own server: only this test's page, so that every request it sees is this page's. */
async function pageServer() {
  const server = await startServer({ dirs: { '/dist/': paths.dist, '/_e2e/': join(E2E_DIR, 'static') } });
  const seen = [];
  server.onRequest((path) => seen.push(path));
  return { server, seen };
}

// What the page itself loads: its HTML, the page's test script and style, and feedlet.
const PAGE_FILES = new Set(['/index.html', '/_e2e/page.css', '/_e2e/page.js', '/dist/embed.js', '/dist/feedlet.js', '/dist/feedlet_bg.wasm', '/dist/feedlet_more.wasm', '/favicon.ico']);

/** Loads the page, waits for every widget, scrolls through it (lazy images load), and checks both rules. */
async function check(page, server, seen, ids, { forbidden = [] } = {}) {
  await page.goto(server.origin + '/index.html');
  for (const id of ids) await waitForWidget(page, `#${id}`, (s) => s.items.length >= TITLES || s.errorText || s.fallbackVisible, { timeout: 20000, message: `#${id} to render` });
  for (let y = 0; y < 40; y++) {
    const more = await page.evaluate((y) => { window.scrollTo(0, y * 600); return window.scrollY + innerHeight < document.body.scrollHeight; }, y);
    await page.waitForTimeout(30);
    if (!more) break;
  }
  await page.waitForTimeout(500);
  const states = {};
  for (const id of ids) states[id] = await page.locator(`#${id}`).evaluate((el) => ({ items: (el.shadowRoot || el).querySelectorAll('li.feedlet__item').length, error: el.error && el.error.message }));
  for (const [id, state] of Object.entries(states)) assert.equal(state.items, TITLES, `#${id} shows every item: ${JSON.stringify(state)}`);

  const urls = await page.evaluate(renderedUrls, ids);
  const pageOrigin = new URL(server.origin).origin;
  const bad = urls.filter(({ resolved }) => {
    const url = URL.canParse(resolved) ? new URL(resolved) : null;
    return !url || url.origin === pageOrigin || !/^https?:$/.test(url.protocol) || forbidden.includes(url.origin);
  });
  // One line per distinct rendered reference, with the widgets that show it; and every stray request.
  const distinct = new Map();
  for (const { id, tag, name, value, resolved } of bad) {
    const key = `<${tag} ${name}="${value}"> → ${resolved.replace(pageOrigin, 'PAGE')}`;
    distinct.set(key, new Set([...(distinct.get(key) || []), id]));
  }
  const strays = [...new Set(seen.filter((path) => !PAGE_FILES.has(path)))];
  assert.deepEqual({
    urls: [...distinct].map(([key, where]) => `${key} in ${where.size} widget(s): ${[...where].join(' ')}`),
    requests: strays,
  }, { urls: [], requests: [] }, `no rendered URL may resolve to the page's origin (${pageOrigin}, PAGE) or be other than http(s), and the page's server may see no request but the page and feedlet's code`);
  assert.ok(urls.length > ids.length, `the widgets rendered links and images to check (${urls.length})`);
  return urls;
}

export const tests = [
  {
    name: 'origin: cross-origin feeds with no links, relative images and non-web xml:base never reach the page\'s origin, in every layout and summary mode',
    timeout: 90000,
    async fn({ other, newPage }) {
      const feeds = other.scope();
      const cors = { 'access-control-allow-origin': '*' };
      const base = `http://${FEEDS_HOST}:${new URL(other.origin).port}`;
      feeds.put('/rss.xml', { type: 'application/rss+xml', headers: cors, body: hostileRss() });
      feeds.put('/atom.xml', { type: 'application/atom+xml', headers: cors, body: hostileAtom() });
      feeds.put('/feed.json', { type: 'application/feed+json', headers: cors, body: hostileJson() });
      const src = ['/rss.xml', '/atom.xml', '/feed.json'].map((path) => base + feeds.path(path)).join(' ');
      const { server, seen } = await pageServer();
      try {
        const all = widgets(src);
        const ids = all.map((markup) => /id="([^"]+)"/.exec(markup)[1]);
        server.put('/index.html', pageHtml({ body: all.join('\n') }));
        const page = await newPage();
        const urls = await check(page, server, seen, ids);
        // Relative references with the feed's address as their last base point at the feeds' host.
        assert.ok(urls.some(({ resolved }) => resolved.startsWith(base)), 'relative links resolve against the feed');
        await assertHealthy(page, { messages: page.e2e.console.filter((m) => m.text.startsWith('feedlet:')).length });
      } finally {
        await server.close();
      }
    },
  },
  {
    name: 'origin: through a proxy on another origin, relative URLs resolve against the feed\'s own address, never the page\'s or the proxy\'s',
    timeout: 90000,
    async fn({ other, newPage }) {
      const proxy = other.scope();
      const feed = 'https://blog.example/blog/feed.xml';
      const hostile = { rss: hostileRss(), atom: hostileAtom(), json: hostileJson() };
      // The proxy answers for the three feeds, whatever their host.
      proxy.put('/proxy', {
        handler(req, res, url) {
          const target = url.searchParams.get('url') || '';
          const kind = target.endsWith('.json') ? 'json' : target.includes('atom') ? 'atom' : 'rss';
          res.writeHead(200, { 'content-type': kind === 'json' ? 'application/feed+json' : 'application/xml', 'access-control-allow-origin': '*' });
          res.end(hostile[kind]);
        },
      });
      const proxyOrigin = `http://${FEEDS_HOST}:${new URL(other.origin).port}`;
      const { server, seen } = await pageServer();
      try {
        const src = [feed, 'https://blog.example/atom.xml', 'https://blog.example/feed.json'].join(' ');
        const all = widgets(src, `proxy="${proxyOrigin}${proxy.path('/proxy')}?url={url}"`);
        const ids = all.map((markup) => /id="([^"]+)"/.exec(markup)[1]);
        server.put('/index.html', pageHtml({ body: all.join('\n') }));
        const page = await newPage();
        const urls = await check(page, server, seen, ids, { forbidden: [proxyOrigin] });
        assert.ok(urls.some(({ resolved }) => resolved.startsWith('https://blog.example/')), 'relative links resolve against the feed URL');
        assert.equal(proxy.hits('/proxy'), 3 * ids.length, 'every feed came through the proxy');
        await assertHealthy(page, { messages: page.e2e.console.filter((m) => m.text.startsWith('feedlet:')).length });
      } finally {
        await server.close();
      }
    },
  },
];
