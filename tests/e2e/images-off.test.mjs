// image="false" means no image request (issue 10, item 9): no thumbnail, no template image field (not even the
// template's own src), and no <img> from a rich summary, in every layout, summary mode and template, shadow and
// light DOM. The server counts every request for an image path; a control page renders the same widgets with
// images on and must show (and request) them, so a green run cannot come from a feed without images.
// Run alone: `node ../tests/e2e/run.mjs images-off`.
import assert from 'node:assert/strict';
import { escapeXml, svgImage } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, until } from './lib/harness.mjs';

/** Every place a feed can name an image: media thumbnail, image enclosure, <img> in an HTML summary and content, JSON `image`. */
function atomFeed() {
  const entries = [1, 2, 3].map((i) => `<entry><title>Atom ${i}</title><link rel="alternate" href="posts/${i}"/><id>urn:a:${i}</id>
<updated>2026-03-0${i}T00:00:00Z</updated>
${i === 1 ? `<media:thumbnail url="img/thumb-${i}.svg" width="320" height="180"/>` : ''}
${i === 2 ? `<link rel="enclosure" type="image/svg+xml" length="1" href="img/enclosure-${i}.svg"/>` : ''}
<summary type="html">${escapeXml(`<p>Summary ${i} <img src="img/summary-${i}.svg" width="320" height="180" alt="s"></p>`)}</summary>
<content type="html">${escapeXml(`<p>Content ${i} <img src="img/content-${i}.svg" width="320" height="180"></p>`)}</content></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Images</title><id>urn:images</id>
<updated>2026-03-03T00:00:00Z</updated>${entries.join('\n')}</feed>`;
}

function jsonFeed() {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Images JSON',
    items: [1, 2].map((i) => ({ id: `j${i}`, url: `posts/j${i}`, title: `JSON ${i}`, date_published: `2026-03-0${i}T00:00:00Z`,
      image: i === 1 ? `img/json-${i}.svg` : undefined, content_html: `<p>JSON ${i} <img src="img/json-content-${i}.svg" width="320" height="180"></p>` })),
  });
}

const TEMPLATE = '<template><article class="t"><img data-field="image" src="img/own.svg" alt=""><a data-field="title"></a><div data-field="summary"></div></article></template>';

/** The widgets: layouts × summary modes × template or not × shadow or light, each on both feeds. */
function widgets(image) {
  const out = [];
  for (const layout of ['list', 'cards', 'compact']) {
    for (const summary of ['true', 'html']) {
      for (const template of [false, true]) {
        for (const light of [false, true]) {
          const id = `w-${layout}-${summary}-${template ? 't' : 'n'}-${light ? 'l' : 's'}`;
          out.push({ id, layout, summary, template, light,
            markup: `<feedlet-posts id="${id}" src="atom.xml json.json" layout="${layout}" summary="${summary}" image="${image}"${light ? ' light-dom' : ''} limit="10">${template ? TEMPLATE : ''}</feedlet-posts>` });
        }
      }
    }
  }
  return out;
}

/** In the page: one widget's items, and its <img> elements with their src. */
function images(element) {
  const root = element.shadowRoot || element;
  return {
    items: root.querySelectorAll('li.feedlet__item:not(.feedlet__item--skeleton)').length,
    images: [...root.querySelectorAll('section img')].map((img) => img.getAttribute('src')),
  };
}

export const tests = [
  {
    name: 'images-off: image="false" requests no image in any layout, summary mode or template; the control with images on does',
    timeout: 60000,
    async fn({ scope, server, newPage }) {
      scope.put('/atom.xml', { type: 'application/atom+xml', body: atomFeed() });
      scope.put('/json.json', { type: 'application/feed+json', body: jsonFeed() });
      const names = ['thumb-1', 'enclosure-2', 'own', 'json-1', ...[1, 2, 3].flatMap((i) => [`summary-${i}`, `content-${i}`]), 'json-content-1', 'json-content-2'];
      for (const name of names) scope.put(`/img/${name}.svg`, { type: 'image/svg+xml', body: svgImage(name.length) });
      const requested = [];
      const stop = server.onRequest((path) => { if (path.startsWith(scope.path('/img/'))) requested.push(path.slice(scope.path('').length)); });
      try {
        for (const image of [false, true]) {
          const list = widgets(image);
          const page = await newPage();
          requested.length = 0;
          await page.goto(scope.put(`/images-${image}.html`, pageHtml({ title: `Images ${image}`, body: list.map((w) => w.markup).join('\n') })));
          const shown = {};
          for (const { id } of list) {
            shown[id] = await until(async () => {
              const state = await page.locator(`#${id}`).evaluate(images);
              return state.items === 5 && state;
            }, { timeout: 20000, message: `#${id} renders five items` });
          }
          // Lazy images in view load now; give them (and any stray request) time to reach the server.
          await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
          if (!image) {
            for (const [id, state] of Object.entries(shown)) assert.deepEqual(state.images, [], `#${id}: no <img> with image="false"`);
            assert.deepEqual(requested, [], 'the server saw no image request');
          } else {
            // The control: the same widgets show their images, and the ones in view are requested.
            for (const { id, layout, summary, template } of list) {
              const expected = template || layout === 'cards' || (summary === 'html' && layout !== 'compact');
              assert.equal(shown[id].images.length > 0, expected, `#${id}: images show with image="true": ${JSON.stringify(shown[id].images)}`);
            }
            assert.ok(requested.length > 0, 'with images on, the server sees image requests');
          }
          await assertHealthy(page);
        }
      } finally {
        stop();
      }
    },
  },
];
