// Real publishers' patterns (issue 11) in the widget, in headless Chromium: one fixture of each class served as a
// publisher serves it (no charset in the Content-Type, from another origin than the page), shown by
// <feedlet-posts>. The oracle is the fixture's parse snapshot (tests/fixtures/*.expect.json, checked natively by
// `cargo test`) plus the class's own point, so a widget that reads a feed differently from the crate fails here.
// Run alone: `node ../tests/e2e/run.mjs real-feeds`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEEDS_HOST, REPO, assertHealthy, pageHtml, waitForWidget } from './lib/harness.mjs';

const FIXTURES = join(REPO, 'tests', 'fixtures');

/** Each class with its fixture, and what the widget must show beyond the snapshot's titles. */
const CLASSES = [
  { n: 1, fixture: 'ns-rss-harvard.xml', check: (s) => assert.equal(s.items[0].summary, 'The widget must show this item.') },
  { n: 1, fixture: 'ns-rss-userland.xml' },
  { n: 1, fixture: 'ns-atom-draft.xml' },
  { n: 1, fixture: 'ns-atom-unknown.xml' },
  { n: 2, fixture: 'names-wrong-case.xml', check: (s) => assert.equal(s.items[0].author, 'Pat Host') },
  { n: 3, fixture: 'categories-other-places.xml', check: (s) => assert.match(s.items[1].categories, /Documentary.*Technology.*Podcasting/) },
  // No declaration, no BOM, no charset in the Content-Type, not UTF-8: windows-1252, not U+FFFD.
  { n: 4, fixture: 'windows-1252-undeclared.xml', check: (s) => { assert.equal(s.titles[0], '“Crème brûlée” – naïve'); assert.doesNotMatch(JSON.stringify(s.items), /\uFFFD/); } },
  { n: 4, fixture: 'c1-punctuation.xml', check: (s) => assert.equal(s.titles[0], 'Don’t stop – it’s “fine”') },
  { n: 5, fixture: 'double-escaped-title.xml', check: (s) => assert.equal(s.titles[0], 'Using the <pre> element for code') },
  { n: 6, fixture: 'authors-with-children.xml', check: (s) => assert.equal(s.items[0].author, 'Alex Rivera') },
  { n: 7, fixture: 'atom-id-as-link.xml', check: (s) => assert.match(s.items[0].href, /^https:\/\/ids\.example\.net\/posts\/no-link$/) },
  { n: 8, fixture: 'feed-in-xhtml-page.xhtml' },
  { n: 9, fixture: 'metadata-common-namespaces.xml', check: (s) => assert.equal(s.items[0].datetime, '2021-03-01T10:00:00Z') },
  // A YouTube-style feed: media:group gives the summary and the thumbnail.
  { n: 10, fixture: 'media-group-youtube.xml', layout: 'cards', check: (s) => { assert.match(s.items[0].summary, /^Oak offcuts, two evenings/); assert.ok(s.items[0].image?.src?.startsWith('https://'), JSON.stringify(s.items[0].image)); } },
  { n: 11, fixture: 'atom03-old-forms.xml', check: (s) => assert.equal(s.items[0].summary, 'An encoded body.') },
  // A date that cannot be read shows as written, with no datetime; readable ones are instants.
  { n: 12, fixture: 'dates.xml', check: (s) => { const odd = s.items.find((i) => i.title.startsWith('unparseable')); assert.equal(odd.date, 'next Tuesday, probably'); assert.equal(odd.datetime, null); } },
];

const snapshot = (fixture) => JSON.parse(readFileSync(join(FIXTURES, fixture.replace(/\.\w+$/, '.expect.json')), 'utf8'));

export const tests = [
  {
    name: 'real-feeds: one fixture of each issue-11 class, served cross-origin without a charset, shows what the crate reads',
    timeout: 90000,
    async fn({ scope, other, newPage }) {
      const feeds = other.scope();
      const base = `http://${FEEDS_HOST}:${new URL(other.origin).port}`;
      const widgets = CLASSES.map((c, i) => {
        feeds.put(`/${c.fixture}`, { type: 'application/xml', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(join(FIXTURES, c.fixture)) });
        return { ...c, id: `c${c.n}-${i}`, url: base + feeds.path(`/${c.fixture}`) };
      });
      const body = widgets.map((w) => `<feedlet-posts id="${w.id}" src="${w.url}" limit="50" sort="feed" author="true" categories="true" summary-length="500" cache="off" layout="${w.layout || 'list'}"></feedlet-posts>`).join('\n');
      const page = await newPage();
      await page.goto(scope.put('/real-feeds.html', pageHtml({ title: 'Real feeds', body })));
      for (const w of widgets) {
        const expected = snapshot(w.fixture).entries.map((e) => e.title);
        assert.ok(expected.length > 0, `${w.fixture}: the snapshot has entries`);
        const state = await waitForWidget(page, `#${w.id}`, (s) => s.items.length === expected.length && !s.busy, { message: `class ${w.n} ${w.fixture}: ${expected.length} posts` });
        assert.deepEqual(state.titles, expected, `class ${w.n} ${w.fixture}`);
        if (w.check) w.check(state);
      }
      // Class 13, tell the user: each feed at fault logs one line naming the first warning and its position.
      const warned = widgets.filter((w) => snapshot(w.fixture).warnings.length > 0);
      assert.ok(warned.length >= 10, `most fixtures carry warnings: ${warned.length}`);
      const logged = await assertHealthy(page, { messages: warned.length, match: [/has errors at line \d+, column \d+: /] });
      for (const w of warned) {
        const first = snapshot(w.fixture).warnings[0];
        const line = logged.find((m) => m.text.includes(`${w.fixture} `));
        assert.ok(line, `a console line for ${w.fixture}`);
        assert.ok(line.text.includes(`line ${first.line}, column ${first.column}: ${first.message}`), `${w.fixture}: ${line.text} names ${JSON.stringify(first)}`);
      }
    },
  },
];
