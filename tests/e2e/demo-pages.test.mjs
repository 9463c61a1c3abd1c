// Every demo page (www/demo/*.html, as `make demo` serves it) works on a phone and for assistive technology: at
// 375 px nothing scrolls sideways, every <pre> scrolls from the keyboard, and axe-core reports 0 violations at 375
// and 1280 px, in light and in dark, the demo's own markup and the widgets' shadow roots alike.
import assert from 'node:assert/strict';
import { promises as fs, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WWW, paths, wwwRequire } from './lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const DEMO = join(WWW, 'demo');
// Read when the module loads, so that a page added to the demo gets its tests without a change here.
const PAGES = readdirSync(DEMO).filter((name) => name.endsWith('.html')).sort();
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'];

let served;
/** The demo's own server (www/demo at /demo/, the run's copy of www/dist at /dist/), started once for this file. */
export const demoServer = () => (served ||= startServer({ dirs: { '/demo/': DEMO, '/dist/': paths.dist } }));

export async function cleanup() {
  if (served) await (await served).close();
}

/** Opens a demo page (in a new context, with `init` scripts) and waits until every widget on it settled: a list, or its error or fallback. */
export async function openDemoPage(ctx, name, contextOptions = {}, init = []) {
  const { origin } = await demoServer();
  const page = await ctx.newPage({ context: contextOptions, init });
  await page.goto(`${origin}/demo/${name}`);
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('feedlet-posts, [data-feedlet]')];
    return hosts.every((host) => {
      const root = host.shadowRoot || host;
      if (root.querySelector('[aria-busy="true"]')) return false;
      return root.querySelector('li.feedlet__item, article, .feedlet__error') || host.error;
    });
  }, null, { timeout: 20000, polling: 100 });
  return page;
}

/** axe-core's violations on the whole page; the source is evaluated, because the page's CSP refuses an injected script. */
export async function axeViolations(page) {
  if (!await page.evaluate(() => !!window.axe)) await page.evaluate(await fs.readFile(wwwRequire.resolve('axe-core/axe.min.js'), 'utf8'));
  // axe's `region` rule finds a page's skip link by comparing it with the first outbound link through
  // compareDocumentPosition(); when that link sits in a widget's shadow root the comparison also has the
  // DISCONNECTED bit, and axe then reports the real skip link. The skip link is checked by hand instead.
  const skip = await page.evaluate(() => {
    const link = document.querySelector('a.skip');
    return link && { first: document.body.querySelector('a, button, input, select, textarea, [tabindex]') === link, target: !!document.querySelector(link.getAttribute('href')) };
  });
  if (skip) assert.deepEqual(skip, { first: true, target: true }, 'the skip link comes first and points at an element');
  return page.evaluate(async () => (await window.axe.run({ exclude: [['a.skip']] }, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary })) })));
}

/** How wide the page is, and what sticks out past the viewport's right edge or overflows its own box (for the message). */
function sideways() {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const name = (el) => `${el.localName}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
  const clipped = (el) => { for (let up = el.parentElement; up; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true; return false; };
  const culprits = [...document.querySelectorAll('body *')].filter((el) => !clipped(el)).flatMap((el) => {
    const right = el.getBoundingClientRect().right;
    if (right > width + 0.5) return [`${name(el)} right=${Math.round(right)}`];
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') return [`${name(el)} content ${el.scrollWidth} > ${el.clientWidth}`];
    return [];
  });
  return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8) };
}

function pageTest(name, width, colorScheme) {
  return {
    name: `demo pages: ${name} at ${width} px in ${colorScheme}: no sideways scroll, keyboard-scrollable code, axe 0 violations`,
    timeout: 60000,
    async fn(ctx) {
      const page = await openDemoPage(ctx, name, { viewport: { width, height: 900 }, colorScheme });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark', 'the colour scheme is emulated');
      const scroll = await page.evaluate(sideways);
      assert.ok(scroll.scrollWidth <= scroll.clientWidth, `${name} scrolls sideways at ${width} px: ${JSON.stringify(scroll)}`);

      // Every code block can take focus and has a name, so that a keyboard user can scroll it (scrollable-region-focusable).
      const blocks = await page.evaluate(() => [...document.querySelectorAll('pre')].map((pre) => ({
        tabIndex: pre.tabIndex,
        named: !!(pre.getAttribute('aria-label') || (pre.getAttribute('aria-labelledby') || '').split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim())),
        overflows: pre.scrollWidth > pre.clientWidth,
      })));
      for (const [i, block] of blocks.entries()) assert.deepEqual({ tabIndex: block.tabIndex, named: block.named }, { tabIndex: 0, named: true }, `<pre> #${i} on ${name}`);
      // At phone width, a wide code block really scrolls from the keyboard.
      const wide = blocks.findIndex((block) => block.overflows);
      if (width === 375 && wide >= 0) {
        const pre = page.locator('pre').nth(wide);
        await pre.focus();
        await page.keyboard.press('ArrowRight');
        // Keyboard scrolling is animated: wait for it to move.
        await pre.evaluate((el) => new Promise((ok, fail) => {
          const end = Date.now() + 3000;
          (function poll() { if (el.scrollLeft > 0) ok(); else if (Date.now() > end) fail(new Error(`the wide <pre> #${el.textContent.slice(0, 40)} does not scroll with the keyboard`)); else requestAnimationFrame(poll); })();
        }));
      }

      assert.deepEqual(await axeViolations(page), [], `axe violations on ${name} at ${width} px in ${colorScheme}`);
      assert.deepEqual(page.e2e.pageErrors, [], 'uncaught exceptions');
      assert.deepEqual(page.e2e.console.filter((m) => /Content Security Policy|Refused to/.test(m.text)), [], 'no CSP violation');
    },
  };
}

export const tests = [
  {
    name: 'demo pages: the demo has pages, and each one links to every other',
    async fn(ctx) {
      assert.ok(PAGES.includes('index.html') && PAGES.includes('builder.html'), `pages: ${PAGES}`);
      for (const name of PAGES) {
        const page = await openDemoPage(ctx, name);
        const links = await page.evaluate(() => [...document.querySelectorAll('nav a')].map((a) => new URL(a.href).pathname));
        for (const other of PAGES) {
          const path = other === 'index.html' ? '/demo/' : `/demo/${other}`;
          assert.ok(links.includes(path), `${name} links to ${path} from its navigation (${links})`);
        }
        await page.close();
      }
    },
  },
  ...PAGES.flatMap((name) => WIDTHS.flatMap((width) => SCHEMES.map((scheme) => pageTest(name, width, scheme)))),
];
