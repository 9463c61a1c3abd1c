// A strict Content-Security-Policy: no 'unsafe-inline', no 'unsafe-eval'; only 'wasm-unsafe-eval' for the wasm.
// The embed must render with its theme applied and cause zero violations. (The npm/Vite build: npm.test.mjs.)
import assert from 'node:assert/strict';
import { atom, posts, svgImage } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, rendered, waitForWidget } from './lib/harness.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Violations seen by the page's `securitypolicyviolation` listener and by the console. */
export async function violations(page) {
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50))); // violation events are queued as tasks
  return {
    events: await page.evaluate(() => window.__violations),
    console: page.e2e.console.filter((m) => /Content Security Policy|Refused to/.test(m.text)).map((m) => m.text),
  };
}

/** The default theme's computed styles on a rendered widget (shadow or light). */
export function themeProbe(element) {
  const root = element.shadowRoot || element;
  const title = root.querySelector('a.feedlet__title');
  const section = root.querySelector('section.feedlet');
  const list = root.querySelector('ul.feedlet__list');
  return {
    titleColor: getComputedStyle(title).color,
    titleWeight: getComputedStyle(title).fontWeight,
    padding: getComputedStyle(section).paddingTop,
    radius: getComputedStyle(section).borderTopLeftRadius,
    listStyle: getComputedStyle(list).listStyleType,
    display: getComputedStyle(list).display,
  };
}

export const tests = [
  {
    name: 'csp: the embed renders under a strict CSP with the default theme and zero violations',
    async fn({ scope, newPage }) {
      for (let i = 1; i <= 3; i++) scope.put(`/img/${i}.svg`, svgImage(i));
      scope.put('/feed.xml', atom({ entries: posts(3, { images: true }) }));
      const url = scope.put('/index.html', {
        type: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CSP },
        body: pageHtml({
          title: 'CSP',
          body: `<feedlet-posts id="shadow" src="feed.xml" layout="cards" heading="Shadow"></feedlet-posts>
                 <feedlet-posts id="light" src="feed.xml" light-dom></feedlet-posts>
                 <div id="auto" data-feedlet="feed.xml" data-layout="compact"></div>
                 <feedlet-posts id="broken" src="missing.xml"></feedlet-posts>`,
        }),
      });
      const page = await newPage();
      const response = await page.goto(url);
      assert.equal(response.headers()['content-security-policy'], CSP);
      for (const id of ['shadow', 'light', 'auto']) {
        await waitForWidget(page, `#${id}`, rendered(3));
        const theme = await page.locator(`#${id}`).evaluate(themeProbe);
        assert.equal(theme.titleColor, 'rgb(11, 87, 208)', `${id}: the theme's accent colour applies`);
        assert.equal(theme.padding, '16px', `${id}: the theme's padding applies`);
        assert.equal(theme.radius, '12px');
        assert.equal(theme.listStyle, 'none');
        assert.equal(theme.display, 'grid');
      }
      // Card thumbnails load under img-src 'self'.
      await page.waitForFunction(() => [...document.getElementById('shadow').shadowRoot.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0));
      // The skeleton, the error text and the status region render without inline styles too.
      await waitForWidget(page, '#broken', (s) => s.errorText !== null);
      assert.deepEqual(await violations(page), { events: [], console: [] });
      await assertHealthy(page, { messages: 1, match: [/HTTP 404/] });
    },
  },
  {
    name: 'csp: the policy is really enforced (control: inline script and style are blocked and reported)',
    async fn({ scope, newPage }) {
      const url = scope.put('/index.html', {
        type: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CSP },
        body: pageHtml({ title: 'CSP control', embed: false, body: '<p id="p" style="color: rgb(255, 0, 0)">inline style</p><script>window.inlineRan = true;</script>' }),
      });
      const page = await newPage();
      await page.goto(url);
      const seen = await violations(page);
      assert.ok(seen.events.some((v) => v.startsWith('style-src')), `a style-src violation: ${JSON.stringify(seen.events)}`);
      assert.ok(seen.events.some((v) => v.startsWith('script-src')), 'a script-src violation');
      assert.equal(await page.evaluate(() => window.inlineRan), undefined);
      assert.notEqual(await page.locator('#p').evaluate((p) => getComputedStyle(p).color), 'rgb(255, 0, 0)');
    },
  },
];
