// The demo's snippet builder (www/demo/builder.html): an address typed into it and options changed from the keyboard
// reach the live preview (the real <feedlet-posts>) and the two copied snippets, which hold exactly the chosen,
// non-default options; copying works through the Clipboard API and, without it, through a selected textarea.
import assert from 'node:assert/strict';
import { rendered, waitForWidget } from './lib/harness.mjs';
import { axeViolations, demoServer, openDemoPage } from './demo-pages.test.mjs';

const SCRIPT = 'https://cdn.example/feedlet/embed.js';
const DEFAULT_EMBED = `<script type="module" src="${SCRIPT}"></script>\n<feedlet-posts src="feeds/en.xml"></feedlet-posts>`;

// Records CSP violations from the first script on (the builder has no test page script of its own).
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
}

// Makes the Clipboard API unavailable, as on a page served over plain http.
function noClipboard() {
  Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
}

const code = (page, id) => page.locator(`#${id}`).textContent();
const statusText = (page) => page.locator('#copy-status').textContent();

/** Replaces a text field's content (keyboard.type sends one input event per character) from the keyboard, as a user does: focus, select all, type. */
async function retype(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

/** Computed styles inside the preview's shadow root. */
const previewLook = (element) => {
  const root = element.shadowRoot;
  const section = root.querySelector('section.feedlet');
  const title = root.querySelector('.feedlet__title');
  return {
    accent: title && getComputedStyle(title).color,
    background: section && getComputedStyle(section).backgroundColor,
    radius: section && getComputedStyle(section).borderTopLeftRadius,
    images: root.querySelectorAll('img').length,
    summaries: root.querySelectorAll('.feedlet__summary').length,
    htmlSummaries: root.querySelectorAll('.feedlet__summary :is(p, em, a, ul)').length,
    times: [...root.querySelectorAll('time')].map((time) => time.textContent),
  };
};

export const tests = [
  {
    name: 'builder: the Tab order runs through the navigation, the settings in reading order, then the copy buttons',
    async fn(ctx) {
      const page = await openDemoPage(ctx, 'builder.html', { viewport: { width: 1280, height: 900 } });
      // Each Tab stop, named by id, name or label, with its focus ring; stops inside the preview's shadow root
      // report the host (once), and their focus ring is the widget's own.
      const stops = [];
      for (let i = 0; i < 40 && stops.at(-1)?.name !== 'pre:npm-title'; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {
            name: el.localName === 'pre' ? 'pre:' + el.getAttribute('aria-labelledby') : el.id || el.name || el.getAttribute('aria-label') || el.textContent.trim(),
            ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)',
          };
        });
        if (stop.name !== 'preview' || stops.at(-1)?.name !== 'preview') stops.push(stop);
      }
      // A radio group is one Tab stop (its checked button); arrow keys move inside it.
      assert.deepEqual(stops.map((stop) => stop.name), [
        'Skip to the builder', 'Demos', 'Snippet builder',
        'src', 'first page', 'heading', 'layout', 'limit', 'image', 'summary', 'date', 'date-style', 'locale',
        'accent', 'Pick the accent colour', 'text', 'Pick the text colour', 'background', 'Pick the background colour', 'radius',
        'script',
        'preview', 'copy-embed', 'pre:embed-title', 'copy-npm', 'pre:npm-title',
      ]);
      assert.deepEqual(stops.filter((stop) => stop.name !== 'preview' && !stop.ring).map((stop) => stop.name), [], 'every stop shows a focus ring of 2 px or more');
    },
  },
  {
    name: 'builder: an address typed in and options changed from the keyboard reach the real widget and both copied snippets',
    timeout: 60000,
    async fn(ctx) {
      const { origin } = await demoServer();
      const page = await openDemoPage(ctx, 'builder.html', {
        viewport: { width: 1280, height: 900 }, colorScheme: 'light',
        permissions: ['clipboard-read', 'clipboard-write'],
      }, [recordViolations]);
      await waitForWidget(page, '#preview', rendered(5));
      assert.equal(await code(page, 'embed-code'), DEFAULT_EMBED, 'the defaults are left out of the snippet');

      // A feed served by the test server, typed in full.
      const feed = `${origin}/demo/feeds/posts.json`;
      await retype(page, '#src', feed);
      await waitForWidget(page, '#preview', (s) => rendered(5)(s) && s.titles[0] === 'Issue 48: a diff viewer that understands JSON');
      assert.equal(await page.locator('#preview').getAttribute('src'), feed);

      // Layout: arrow keys inside the radio group.
      await page.locator('input[name="layout"]:checked').focus();
      await page.keyboard.press('ArrowRight'); // list → cards
      // Limit: typed.
      await retype(page, '#limit', '3');
      // Images off: Space on the checkbox.
      await page.locator('input[name="image"]').focus();
      await page.keyboard.press('Space');
      // Summary: text → html.
      await page.locator('input[name="summary"]:checked').focus();
      await page.keyboard.press('ArrowRight');
      // Date style: medium → long → relative, with the arrow keys on the closed select.
      await page.locator('#date-style').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      // Language: the page's → English → 한국어.
      await page.locator('#locale').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await retype(page, '#heading', 'Small "tools" & more');
      await retype(page, '#accent', '#b33a00');
      await retype(page, '#background', 'rgb(250 247 240)');
      await retype(page, '#radius', '4');
      await page.keyboard.press('Tab'); // leaves the field: a change event

      const attributes = await page.locator('#preview').evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
      assert.deepEqual(attributes, {
        id: 'preview', src: feed, layout: 'cards', limit: '3', summary: 'html', image: 'false', 'date-style': 'relative', locale: 'ko',
        heading: 'Small "tools" & more',
        // The theme reaches the preview through the CSSOM, which the CSP allows (a style attribute set as markup would not be).
        style: '--feedlet-accent: #b33a00; --feedlet-bg: rgb(250 247 240); --feedlet-radius: 4px;',
      });
      const state = await waitForWidget(page, '#preview', (s) => rendered(3)(s) && /feedlet--cards/.test(s.sectionClass) && s.heading === 'Small "tools" & more');
      assert.deepEqual(state.titles, ['Issue 48: a diff viewer that understands JSON', 'Issue 47: colour contrast checks in your editor', 'Issue 46: a 3 KB date picker']);
      const look = await page.locator('#preview').evaluate(previewLook);
      assert.equal(look.accent, 'rgb(179, 58, 0)', 'the accent colour reaches the titles');
      assert.equal(look.background, 'rgb(250, 247, 240)', 'the background colour reaches the list');
      assert.equal(look.radius, '4px');
      assert.equal(look.images, 0, 'image="false" leaves the cards without thumbnails');
      assert.ok(look.htmlSummaries > 0, 'summary="html" renders the posts\' own markup');
      assert.ok(look.times.length === 3 && look.times.every((text) => /전|후|지금|어제|내일/.test(text)), `Korean relative dates: ${look.times}`);

      const embed = `<script type="module" src="${SCRIPT}"></script>\n` +
        `<feedlet-posts src="${feed}" layout="cards" limit="3" summary="html" image="false" date-style="relative" locale="ko" heading="Small &quot;tools&quot; &amp; more" style="--feedlet-accent: #b33a00; --feedlet-bg: rgb(250 247 240); --feedlet-radius: 4px"></feedlet-posts>`;
      const npm = [
        "import { mount } from 'feedlet';",
        '',
        '// Into an element of your page, such as <div id="posts"></div>:',
        "const target = document.querySelector('#posts');",
        "target.style.setProperty('--feedlet-accent', '#b33a00');",
        "target.style.setProperty('--feedlet-bg', 'rgb(250 247 240)');",
        "target.style.setProperty('--feedlet-radius', '4px');",
        'mount(target, {',
        `  src: '${feed}',`,
        "  layout: 'cards',",
        '  limit: 3,',
        "  summary: 'html',",
        '  image: false,',
        "  dateStyle: 'relative',",
        "  locale: 'ko',",
        "  heading: 'Small \"tools\" & more',",
        '});',
      ].join('\n');
      assert.equal(await code(page, 'embed-code'), embed);
      assert.equal(await code(page, 'npm-code'), npm);

      // The embed snippet, copied with Enter on its button and read back from the clipboard.
      await page.locator('#copy-embed').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
      assert.equal(await statusText(page), 'Embed snippet copied to the clipboard.');
      assert.equal(await page.locator('#copy-status').getAttribute('aria-live'), 'polite');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), embed);
      assert.ok(await page.locator('#copy-fallback').isHidden(), 'no fallback while the clipboard works');
      // The npm code, with Space.
      await page.locator('#copy-npm').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.startsWith('npm'));
      assert.equal(await statusText(page), 'npm code copied to the clipboard.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), npm);

      // The copied snippet is the real thing: pasted into a page, it renders what the preview showed.
      const pasted = embed.replace(SCRIPT, '/dist/embed.js');
      const server = await demoServer();
      const url = server.put('/builder-pasted.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title></head><body><main>${pasted}</main></body></html>`);
      const other = await ctx.newPage();
      await other.goto(url);
      const pastedState = await waitForWidget(other, 'feedlet-posts', rendered(3));
      assert.deepEqual(pastedState.titles, state.titles);
      assert.equal(await other.locator('feedlet-posts').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.feedlet__title')).color), 'rgb(179, 58, 0)');

      // Back to the defaults: each one leaves the snippet again.
      await page.locator('input[name="layout"]:checked').focus();
      await page.keyboard.press('ArrowLeft'); // cards → list
      await retype(page, '#limit', '5');
      await page.locator('input[name="image"]').focus();
      await page.keyboard.press('Space');
      await page.locator('input[name="summary"]:checked').focus();
      await page.keyboard.press('ArrowLeft'); // html → text
      await page.locator('#date-style').focus();
      await page.keyboard.press('Home');
      await page.locator('#locale').focus();
      await page.keyboard.press('Home');
      for (const id of ['heading', 'accent', 'background', 'radius']) await retype(page, `#${id}`, '');
      await retype(page, '#src', 'feeds/en.xml');
      await page.keyboard.press('Enter'); // submits the form: the preview follows at once
      assert.equal(await code(page, 'embed-code'), DEFAULT_EMBED);
      assert.equal(await code(page, 'npm-code'), "import { mount } from 'feedlet';\n\n// Into an element of your page, such as <div id=\"posts\"></div>:\nconst target = document.querySelector('#posts');\nmount(target, {\n  src: 'feeds/en.xml',\n});");
      assert.deepEqual(await page.locator('#preview').evaluate((el) => ({ names: el.getAttributeNames().filter((n) => n !== 'style').sort(), style: el.style.cssText })),
        { names: ['id', 'src'], style: '' });
      await waitForWidget(page, '#preview', (s) => rendered(5)(s) && /feedlet--list/.test(s.sectionClass));

      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
      assert.deepEqual(page.e2e.pageErrors, []);
    },
  },
  {
    name: 'builder: without the Clipboard API, copying selects the text in a visible textarea and says so politely',
    async fn(ctx) {
      const page = await openDemoPage(ctx, 'builder.html', { viewport: { width: 375, height: 800 } }, [noClipboard]);
      await waitForWidget(page, '#preview', rendered(5));
      assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
      await retype(page, '#limit', '2');
      await page.locator('#copy-embed').focus();
      await page.keyboard.press('Enter');
      const textarea = page.locator('#copy-text');
      await textarea.waitFor({ state: 'visible' });
      const selection = await textarea.evaluate((el) => ({
        focused: document.activeElement === el, value: el.value, start: el.selectionStart, end: el.selectionEnd, label: el.labels[0].textContent,
      }));
      const expected = `<script type="module" src="${SCRIPT}"></script>\n<feedlet-posts src="feeds/en.xml" limit="2"></feedlet-posts>`;
      assert.deepEqual({ ...selection, label: undefined }, { focused: true, value: expected, start: 0, end: expected.length, label: undefined });
      assert.match(selection.label, /Ctrl/);
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
      assert.match(await statusText(page), /^Embed snippet selected: press Ctrl\+C/);
      // The fallback passes axe too, and the page still fits a phone.
      assert.deepEqual(await axeViolations(page), []);
      assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth));
      // A later change makes the selected text stale: it goes away.
      await retype(page, '#limit', '3');
      assert.ok(await page.locator('#copy-fallback').isHidden());
    },
  },
  {
    name: 'builder: a site address and a half-typed value pass through or wait, and never break the page',
    async fn(ctx) {
      const { origin } = await demoServer();
      const page = await openDemoPage(ctx, 'builder.html');
      await waitForWidget(page, '#preview', rendered(5));
      // A site's address (the demo's own page, whose <link rel="alternate"> names feeds/ko.xml) goes to the widget
      // as it is, and the widget follows the link (autodiscovery).
      const site = `${origin}/demo/`;
      await retype(page, '#src', site);
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#preview').getAttribute('src'), site);
      assert.ok((await code(page, 'embed-code')).endsWith(`<feedlet-posts src="${site}"></feedlet-posts>`));
      await page.waitForFunction(() => document.querySelector('#preview').feed?.title === '한밤의 커밋', null, { timeout: 10000 });
      const found = await waitForWidget(page, '#preview', (s) => !s.busy && s.items.length > 0);
      assert.equal(found.errorText, null, 'the page\'s feed link was followed');
      assert.equal(await page.locator('#preview').evaluate((el) => el.error), null);
      // An invalid limit or colour is marked, explained, and leaves the last valid value in force.
      await retype(page, '#limit', '4');
      await retype(page, '#limit', '0');
      assert.equal(await page.locator('#limit').getAttribute('aria-invalid'), 'true');
      assert.ok(await page.locator('#limit-error').isVisible());
      assert.equal(await page.locator('#preview').getAttribute('limit'), '4');
      // Pasted at once: a second declaration never reaches the style attribute (typed, "red" would count on the way).
      await page.locator('#accent').focus();
      await page.keyboard.insertText('red; color: blue');
      assert.equal(await page.locator('#accent').getAttribute('aria-invalid'), 'true');
      assert.doesNotMatch(await code(page, 'embed-code'), /style=/);
      await retype(page, '#accent', 'rebeccapurple');
      assert.equal(await page.locator('#accent').getAttribute('aria-invalid'), null);
      assert.match(await code(page, 'embed-code'), /style="--feedlet-accent: rebeccapurple"/);
      // The picker and the text field describe one colour.
      assert.equal(await page.locator('#accent + input[type="color"]').inputValue(), '#0b57d0', 'a named colour leaves the swatch alone');
      await retype(page, '#accent', '#0a0');
      assert.equal(await page.locator('#accent + input[type="color"]').inputValue(), '#00aa00');
      await page.locator('#accent + input[type="color"]').fill('#123456');
      assert.equal(await page.locator('#accent').inputValue(), '#123456');
      assert.match(await code(page, 'embed-code'), /style="--feedlet-accent: #123456"/);
      // Dates off: the date style no longer applies, so it is disabled and left out.
      await page.locator('#date-style').selectOption('long');
      await page.locator('input[name="date"]').focus();
      await page.keyboard.press('Space');
      assert.ok(await page.locator('#date-style').isDisabled());
      assert.match(await code(page, 'embed-code'), / date="false"/);
      assert.doesNotMatch(await code(page, 'embed-code'), /date-style/);
      // The error messages, the invalid fields and the disabled select pass axe, in light and in dark. The preview
      // shows the site's posts (found through the page's feed link), whose links #123456 would make unreadable in
      // dark: no colour contrasts with both schemes' backgrounds, so the accent goes back to the theme's.
      await retype(page, '#accent', '');
      assert.doesNotMatch(await code(page, 'embed-code'), /--feedlet-accent/);
      await retype(page, '#limit', '0');
      await retype(page, '#radius', '99');
      assert.ok(await page.locator('#limit-error').isVisible() && await page.locator('#radius-error').isVisible());
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(await axeViolations(page), [], `axe in ${colorScheme}`);
      }
      assert.deepEqual(page.e2e.pageErrors, []);
    },
  },
];
