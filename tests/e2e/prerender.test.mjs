// A list prerendered by the native CLI (`feedlet render --embed`) is adopted as the widget's first view: no layout
// shift to the refreshed list, the very same nodes when the feed is unchanged, only changed items replaced, and the
// list kept when the fetch fails. Also what the shadow-DOM default does with such a list.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atom, posts } from './lib/feeds.mjs';
import { REPO, assertHealthy, deferred, events, pageHtml, waitForEvent } from './lib/harness.mjs';

const run = promisify(execFile);
const CLI = join(REPO, 'target', 'debug', 'feedlet');
const DAY = 86400000;

/** Builds the native CLI (`make test` builds only the wasm before the e2e suite). */
export async function prepare() {
  await run('cargo', ['build', '--quiet', '--bin', 'feedlet'], { cwd: REPO, maxBuffer: 1 << 24 });
  return CLI;
}

/** Runs `feedlet render ARGS -` on `feed` and returns its HTML. */
async function render(ctx, feed, args) {
  const cli = await ctx.prepared;
  if (cli instanceof Error) throw cli;
  const child = execFile(cli, ['render', ...args, '-'], { maxBuffer: 1 << 24 });
  const output = new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`feedlet render exited with ${code}`))));
  });
  child.stdin.end(feed);
  return output;
}

// Before any script: the sum of layout shifts without recent input (the CLS), from first paint on.
function observeShifts() {
  window.__shifts = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
}
const cls = (page) => page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));

/**
 * A page with the CLI's output for `entries` in it (the theme linked as a file), whose feed (`served`, default the
 * same) is held until `release` is called; `status` 500 fails it.
 */
async function setup(ctx, { entries, served = entries, status = 200, embed = true, body = '' }) {
  const { scope, newPage } = ctx;
  const hold = deferred();
  const feed = atom({ entries: served });
  scope.put('/feed.xml', {
    async handler(req, res) {
      await hold.promise;
      res.writeHead(status, ctx.server.headersFor(status === 200 ? 'application/atom+xml' : 'text/plain'));
      res.end(status === 200 ? feed : 'broken');
    },
  });
  const base = ['--base', scope.url('/feed.xml'), '--locale', 'en', '--limit', '5'];
  const html = await render(ctx, atom({ entries }), embed ? ['--embed', '--src', 'feed.xml', ...base] : base);
  const element = embed ? html.replace('<feedlet-posts ', '<feedlet-posts id="w" ') : `<feedlet-posts id="w" src="feed.xml" locale="en" limit="5">${html}</feedlet-posts>`;
  // Under the strict CSP of csp.test.mjs: the linked theme is a 'self' stylesheet.
  const url = scope.put('/index.html', {
    type: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
    body: pageHtml({ head: '<link rel="stylesheet" href="/dist/feedlet.css">', body: element + body }),
  });
  const page = await newPage({ init: [observeShifts], context: { timezoneId: 'UTC' } });
  await page.goto(url);
  // The element is upgraded and its list shows before the feed arrives; mark each item node with an expando.
  await page.waitForFunction(() => document.querySelector('#w').matches(':defined'));
  await page.evaluate(() => document.querySelectorAll('#w li').forEach((li, i) => { li.__mark = i; }));
  return { page, html, release: () => hold.resolve(), rects: () => page.evaluate(() => [...document.querySelectorAll('#w li')].map((li) => JSON.stringify(li.getBoundingClientRect()))) };
}

// Each item's mark (undefined for a new node) and title, in order.
const marks = (page) => page.evaluate(() => [...document.querySelectorAll('#w li')].map((li) => [li.__mark, li.querySelector('.feedlet__title').textContent]));

export const tests = [
  {
    name: 'prerender: the CLI list is adopted and kept, node for node, after an unchanged refresh, with no layout shift',
    timeout: 60000,
    async fn(ctx) {
      const entries = posts(5);
      const { page, html, release, rects } = await setup(ctx, { entries, body: '<feedlet-posts id="plain" src="feed.xml" locale="en" limit="5" light-dom></feedlet-posts>' });
      assert.match(html, /^<feedlet-posts light-dom="" src="feed.xml" /, '--embed writes the element, in light-DOM mode, with the options');
      const before = await rects();
      assert.equal(before.length, 5, 'the prerendered list shows before the feed arrives');
      assert.equal(await page.evaluate(() => !!document.querySelector('#w > .feedlet__view > section.feedlet')), true, 'adopted as the view');
      release();
      await waitForEvent(page, 'feedlet:load', { id: 'w' });
      await waitForEvent(page, 'feedlet:load', { id: 'plain' });
      assert.deepEqual((await events(page, 'feedlet:load', 'w')).map((e) => e.detail.from), ['network']);
      assert.deepEqual(await marks(page), entries.map((e, i) => [i, e.title]), 'the very same item nodes');
      assert.deepEqual(await rects(), before, 'nothing moved');
      assert.equal(await cls(page), 0, 'cumulative layout shift from first paint to the refreshed list');
      // The markup the CLI wrote is the markup the widget keeps, and the markup it builds without a prerendered list.
      const same = await page.evaluate((html) => {
        const written = document.createElement('template');
        written.innerHTML = html;
        const cli = written.content.querySelector('section');
        const kept = document.querySelector('#w section.feedlet');
        const built = document.querySelector('#plain section.feedlet');
        return { cli: cli.isEqualNode(kept), built: built.isEqualNode(kept) };
      }, html);
      assert.deepEqual(same, { cli: true, built: true });
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#w a.feedlet__title')).color), 'rgb(11, 87, 208)', 'the theme applies');
      await assertHealthy(page);
    },
  },
  {
    name: 'prerender: a changed feed replaces only the changed items; date wording alone re-renders nothing',
    timeout: 60000,
    async fn(ctx) {
      const entries = posts(5);
      const newest = { ...entries[0], id: 'urn:e2e:new', title: 'A new post', link: 'posts/new', date: new Date(entries[0].date.getTime() + DAY) };
      const served = [newest, entries[0], { ...entries[1], title: 'Post 2, retitled' }, entries[2], entries[3]];
      const { page, release } = await setup(ctx, { entries, served });
      // As if the CLI had worded a date otherwise than Intl does in this browser.
      await page.evaluate(() => { document.querySelectorAll('#w time')[2].textContent = '27 Nov. 2026'; });
      const wording = await page.evaluate((iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)), entries[2].date.toISOString());
      release();
      await waitForEvent(page, 'feedlet:load', { id: 'w' });
      assert.deepEqual(await marks(page), [[undefined, 'A new post'], [0, 'Post 1'], [undefined, 'Post 2, retitled'], [2, 'Post 3'], [3, 'Post 4']]);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#w time')[3].textContent), wording, 'the date is worded by Intl, in the same node');
      // A post inserted above the others moves them: the observer sees that shift (so its 0 elsewhere means something).
      await page.waitForFunction(() => window.__shifts.length > 0, null, { timeout: 5000 });
      await assertHealthy(page);
    },
  },
  {
    name: 'prerender: a failing fetch keeps the prerendered list',
    async fn(ctx) {
      const entries = posts(4);
      const { page, release } = await setup(ctx, { entries, status: 500 });
      release();
      await waitForEvent(page, 'feedlet:error', { id: 'w' });
      assert.deepEqual(await marks(page), entries.map((e, i) => [i, e.title]));
      assert.equal(await page.evaluate(() => document.querySelector('#w .feedlet__error')), null, 'no error text over the list');
      assert.equal(await page.evaluate(() => !!document.querySelector('#w > .feedlet__view > section.feedlet')), true, 'still the adopted view');
      assert.equal(await cls(page), 0);
      // Another src that fails too: the list was about the old feed, and the error text takes its place.
      await page.evaluate(() => document.querySelector('#w').setAttribute('src', 'missing.xml'));
      await waitForEvent(page, 'feedlet:error', { id: 'w', count: 2 });
      assert.equal(await page.evaluate(() => document.querySelector('#w .feedlet__view .feedlet__error')?.textContent), 'Could not load the posts.');
      await assertHealthy(page, { messages: 2, match: [/500|404/] });
    },
  },
  {
    name: 'prerender: with the shadow-DOM default the list is fallback content, replaced by the shadow root\'s own',
    timeout: 60000,
    async fn(ctx) {
      const entries = posts(4);
      const { page, release, rects } = await setup(ctx, { entries, embed: false });
      assert.equal(await page.evaluate(() => !!document.querySelector('#w').shadowRoot), true);
      const before = await rects();
      assert.equal(before.length, 4, 'the prerendered list shows (slotted) until the first render');
      release();
      await waitForEvent(page, 'feedlet:load', { id: 'w' });
      const state = await page.evaluate(() => {
        const root = document.querySelector('#w').shadowRoot;
        return {
          shadowItems: root.querySelectorAll('li').length,
          slotted: !!root.querySelector('slot'),
          lightItems: document.querySelectorAll('#w > section li').length,
          rects: [...root.querySelectorAll('li')].map((li) => JSON.stringify(li.getBoundingClientRect())),
        };
      });
      assert.deepEqual({ ...state, rects: undefined }, { shadowItems: 4, slotted: false, lightItems: 4, rects: undefined }, 'new nodes in the shadow root; the light ones stay, unshown');
      // With feedlet.css linked the two lists have the same look, so nothing moves even here.
      assert.deepEqual(state.rects, before);
      assert.equal(await cls(page), 0);
      await assertHealthy(page);
    },
  },
];
