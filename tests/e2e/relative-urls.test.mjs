// Relative URLs never resolve against the host page (issue 10, item 1, the renderer's part): a feed whose items have
// no link (an RSS item with only a description, a JSON Feed item with no url and no home_page_url), whose xml:base
// is not a web URL (javascript:, data:, https:x), or whose URLs are scheme-relative (http:/logout, which a browser
// resolves against an http page), must not make the page's own server see a request, and no href or src in the
// widget may point at the page's origin.
// Two ways in: <feedlet-posts> fetching the feeds from another origin (another host name and port; relative URLs
// may resolve against the feed's address there, never against the page), in every layout and summary mode, with
// and without a template; and renderFeed with no baseUrl at all, where every relative URL must go.
// A control <img src="/logout?control"> proves that the server sees such a request when there is one.
// Run alone: `node ../tests/e2e/run.mjs relative-urls`.
import assert from 'node:assert/strict';
import { escapeXml } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, until } from './lib/harness.mjs';

/** Markup that names the page's own /logout in every relative form, tagged with where it came from. */
const hostile = (tag) => `<p>${tag} <a href="/logout?${tag}-a">a</a> <a href="logout?${tag}-rel">b</a> <a href="http:/logout?${tag}-scheme">c</a>`
  + ` <img src="/logout?${tag}-img" width="300" height="200"> <img src="http:logout?${tag}-scheme-img" width="300" height="200"></p>`;

/** The feeds, each a shape the issue names. */
export const FEEDS = {
  'rss.xml': { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>R</title>
<item><title>RSS no link</title><guid isPermaLink="false">r1</guid><description>${escapeXml(hostile('rss'))}</description>
<enclosure url="/logout?rss-enclosure" type="image/png" length="1"/></item>
<item><title>RSS thumbnail</title><guid isPermaLink="false">r2</guid><media:thumbnail url="/logout?rss-thumb"/><description>x</description></item>
</channel></rss>` },
  'feed.json': { type: 'application/feed+json', body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J',
    items: [{ id: 'j1', title: 'JSON no url', content_html: hostile('json'), image: '/logout?json-image' },
      { id: 'j2', title: 'JSON relative url', url: '/logout?json-url', summary: 's', content_html: hostile('json2') }] }) },
  'atom.xml': { type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>A</title><id>urn:a</id><updated>2026-03-01T00:00:00Z</updated>
${['javascript:x', 'data:,', 'https:x', 'http:/'].map((base, i) => `<entry xml:base="${escapeXml(base)}"><title>Atom base ${i}</title><id>urn:a:${i}</id><updated>2026-03-01T00:00:00Z</updated>
<link rel="alternate" href="logout?atom-link-${i}"/><media:thumbnail url="logout?atom-thumb-${i}"/>
<content type="html" xml:base="${escapeXml(base)}">${escapeXml(hostile(`atom${i}`))}</content></entry>`).join('\n')}
<entry><title>Atom no link</title><id>urn:a:n</id><updated>2026-03-01T00:00:00Z</updated><summary type="html">${escapeXml(hostile('atomsummary'))}</summary></entry>
</feed>` },
};
const ITEMS = 9;

const TEMPLATE = '<template><article class="t"><a data-field="title"></a> <a data-field="link">more</a><img data-field="image" alt=""><div data-field="summary"></div></article></template>';

/** In the page: every href and src in a widget (or a light container) that resolves to the page's origin, and its items. */
function pageOrigin(element) {
  const root = element.shadowRoot || element;
  const urls = [...root.querySelectorAll('[href], [src]')].flatMap((e) => ['href', 'src'].filter((a) => e.hasAttribute(a)).map((a) => e.getAttribute(a)));
  return {
    items: root.querySelectorAll('li.feedlet__item:not(.feedlet__item--skeleton)').length,
    local: urls.filter((url) => { try { return new URL(url, document.baseURI).origin === location.origin; } catch { return false; } }),
    relative: urls.filter((url) => !/^https?:\/\//i.test(url)),
  };
}

export const tests = [
  {
    name: 'relative-urls: feeds without an absolute base never make the page request its own origin, mounted from another origin or rendered with no base',
    timeout: 60000,
    async fn({ scope, server, other, newPage }) {
      const theirs = other.scope();
      const page = new URL(server.origin).host;
      for (const [name, { type, body }] of Object.entries(FEEDS)) {
        theirs.put(`/${name}`, { type, headers: { 'access-control-allow-origin': '*' }, body });
      }
      // Another host name too: localhost, where the page is 127.0.0.1.
      const remote = (name) => theirs.url(`/${name}`).replace('127.0.0.1', 'localhost');
      const src = Object.keys(FEEDS).map(remote).join(' ');
      const seen = [];
      const stop = server.onRequest((path, req) => { if (req.url.includes('logout')) seen.push(req.url); });
      try {
        const widgets = [];
        for (const layout of ['list', 'cards', 'compact']) for (const summary of ['true', 'html']) for (const template of [false, true]) {
          widgets.push({ id: `w-${layout}-${summary}-${template ? 't' : 'n'}`,
            markup: `<feedlet-posts id="w-${layout}-${summary}-${template ? 't' : 'n'}" src="${src}" layout="${layout}" summary="${summary}" limit="20" cache-ttl="0">${template ? TEMPLATE : ''}</feedlet-posts>` });
        }
        const tab = await newPage();
        await tab.goto(scope.put('/index.html', pageHtml({ title: 'Relative URLs', body: `${widgets.map((w) => w.markup).join('\n')}<div id="direct"></div>` })));

        // The control: a relative image on the page is a request the server sees.
        await tab.evaluate(() => new Promise((ok) => { const img = new Image(); img.onload = img.onerror = ok; img.src = '/logout?control'; }));
        await until(() => seen.includes('/logout?control'), { message: 'the control request' });
        seen.length = 0;

        for (const { id } of widgets) {
          const state = await until(async () => {
            const shown = await tab.locator(`#${id}`).evaluate(pageOrigin);
            return shown.items === ITEMS && shown;
          }, { timeout: 20000, message: `#${id} renders ${ITEMS} items` });
          assert.deepEqual(state.local, [], `#${id}: no href or src on the page's origin`);
        }

        // renderFeed with no baseUrl: nothing is absolute, so every relative URL goes.
        const direct = await tab.evaluate(async ({ feeds, page: host }) => {
          const { renderFeed, ready } = await import('/dist/feedlet.js');
          await ready();
          const out = [];
          for (const [name, { body }] of Object.entries(feeds)) {
            for (const layout of ['list', 'cards']) for (const summary of [true, 'html']) {
              const host_ = document.createElement('div');
              document.getElementById('direct').append(host_);
              const result = renderFeed(host_, body, { layout, summary, limit: 20 },
                summary === 'html' ? (() => { const t = document.createElement('template'); t.innerHTML = '<a data-field="title"></a><img data-field="image"><div data-field="summary"></div>'; return t; })() : null);
              const urls = [...host_.querySelectorAll('[href], [src]')].flatMap((e) => ['href', 'src'].filter((a) => e.hasAttribute(a)).map((a) => e.getAttribute(a)));
              out.push({ name, layout, summary, count: result.count, urls });
            }
          }
          return out;
        }, { feeds: FEEDS, page });
        for (const run of direct) {
          const where = `renderFeed ${run.name} layout=${run.layout} summary=${run.summary}`;
          assert.ok(run.count > 0, `${where}: renders`);
          assert.deepEqual(run.urls.filter((url) => !/^https?:\/\/[^/]/i.test(url) || new URL(url).host === page), [],
            `${where}: only absolute URLs, none on the page's origin`);
        }
        await tab.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
        assert.deepEqual(seen, [], 'the page\'s server saw no request for /logout');
        // The feed with non-web xml:base values says it ignored them.
        await assertHealthy(tab, { messages: 1, match: [/an xml:base that is not an http\(s\) URL is ignored/] });
      } finally {
        stop();
      }
    },
  },
];
