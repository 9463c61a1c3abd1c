// The demo (www/demo/, as `make demo` serves it): every widget renders under its own CSP, axe finds nothing, and
// its "Three layouts" section becomes docs/screenshot.png (1200 px wide), which the README shows.
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { REPO, WWW, paths, rendered, settleMessages, waitForWidget, wwwRequire } from './lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const DEMO = join(WWW, 'demo');
const SCREENSHOT = join(REPO, 'docs', 'screenshot.png');
let served;

async function demoPage(ctx, contextOptions = {}) {
  assert.ok(existsSync(join(DEMO, 'index.html')), 'www/demo/index.html exists');
  served ||= await startServer({ dirs: { '/demo/': DEMO, '/dist/': paths.dist } });
  const page = await ctx.newPage({ context: contextOptions });
  await page.goto(served.origin + '/demo/');
  // Every widget settles: a list, or (for the error cases) its fallback or error text.
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('feedlet-posts, [data-feedlet]')];
    return hosts.length > 0 && hosts.every((host) => {
      const root = host.shadowRoot || host;
      if (root.querySelector('[aria-busy="true"]')) return false;
      return root.querySelector('li.feedlet__item, article, .feedlet__error') || host.error;
    });
  }, null, { timeout: 20000, polling: 100 });
  return page;
}

export async function cleanup() {
  if (served) await served.close();
}

export const tests = [
  {
    name: 'demo: every widget renders under the demo\'s CSP; errors show fallback and error text; the playground works',
    timeout: 45000,
    async fn(ctx) {
      const page = await demoPage(ctx);
      const hosts = await page.evaluate(() => [...document.querySelectorAll('feedlet-posts, [data-feedlet]')].map((host) => ({
        src: host.getAttribute('src') || host.dataset.feedlet,
        items: (host.shadowRoot || host).querySelectorAll('li.feedlet__item, article').length,
        error: host.error && host.error.kind,
      })));
      assert.ok(hosts.length >= 8, `the demo has many widgets (${hosts.length})`);
      for (const host of hosts) {
        if (/missing|login/.test(host.src)) assert.ok(host.error, `${host.src} fails`);
        else assert.ok(host.items > 0 && !host.error, `${host.src} renders (${JSON.stringify(host)})`);
      }
      const layouts = await page.evaluate(() => [...document.querySelectorAll('#layouts feedlet-posts')].map((h) => h.shadowRoot.querySelector('section').className));
      assert.deepEqual(layouts.map((c) => c.match(/feedlet--(\w+)/)[1]).sort(), ['cards', 'compact', 'list']);
      assert.deepEqual(await page.evaluate(() => window.__violations || []), []);
      assert.deepEqual(page.e2e.console.filter((m) => /Content Security Policy|Refused to/.test(m.text)), [], 'no CSP violation');
      assert.deepEqual(page.e2e.pageErrors, []);
      assert.deepEqual((await page.evaluate(() => window.__e2e)).rejections, []);
      const messages = await settleMessages(page, 2);
      assert.equal(messages.length, 2, JSON.stringify(messages));
      // The theme playground: a preset sets custom properties that reach inside the shadow root.
      await page.getByRole('button', { name: 'Ocean' }).click();
      const background = await page.locator('#themed').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('section')).backgroundColor);
      assert.equal(background, 'rgb(238, 248, 248)');
      await page.locator('select[name="layout"]').selectOption('compact');
      await waitForWidget(page, '#themed', (s) => /feedlet--compact/.test(s.sectionClass));
    },
  },
  {
    name: 'demo: axe reports 0 violations on the demo page in light and dark',
    timeout: 90000,
    async fn(ctx) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await demoPage(ctx, { colorScheme });
        // The demo's CSP would refuse an injected <script>: evaluate axe's source instead.
        await page.evaluate(await fs.readFile(wwwRequire.resolve('axe-core/axe.min.js'), 'utf8'));
        // axe's skip-link test (`region` rule) compares the skip link with the page's first outbound link by
        // compareDocumentPosition() === FOLLOWING; when that link sits in a widget's shadow root the result also has
        // the DISCONNECTED bit, so axe reports the demo's real skip link (href="#main", first in <body>). Check that
        // link by hand below and leave it out of axe's context.
        const skip = await page.evaluate(() => { const a = document.querySelector('a.skip'); return a && { first: document.body.querySelector('a') === a, target: !!document.querySelector(a.getAttribute('href')) }; });
        if (skip) assert.deepEqual(skip, { first: true, target: true }, 'the skip link is first and points at an element');
        const violations = await page.evaluate(async () => (await window.axe.run({ exclude: [['a.skip']] }, { resultTypes: ['violations'] })).violations
          .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })) })));
        assert.deepEqual(violations, [], `axe violations in ${colorScheme} mode`);
      }
    },
  },
  {
    name: 'screenshot: docs/screenshot.png shows the demo\'s three layouts at 1200 px',
    timeout: 45000,
    async fn(ctx) {
      const page = await demoPage(ctx, { viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce', colorScheme: 'light' });
      for (const selector of ['#layouts feedlet-posts >> nth=0', '#layouts feedlet-posts >> nth=1', '#layouts feedlet-posts >> nth=2']) await waitForWidget(page, selector, rendered());
      // Thumbnails (inside shadow roots) and fonts are loaded before the picture is taken.
      await page.waitForFunction(() => [...document.querySelectorAll('#layouts feedlet-posts')].every((host) =>
        [...host.shadowRoot.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0)), null, { timeout: 15000 });
      await page.evaluate(() => document.fonts.ready);
      const box = await page.locator('#layouts').boundingBox();
      await fs.mkdir(join(REPO, 'docs'), { recursive: true });
      const png = await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: box.y + 16, width: 1200, height: Math.round(box.height) }, fullPage: true });
      assert.equal(png.readUInt32BE(16), 1200, 'the screenshot is 1200 px wide');
      assert.ok(png.length > 50000, `a real picture (${png.length} bytes)`);
    },
  },
];
