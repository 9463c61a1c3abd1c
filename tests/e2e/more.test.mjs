// "Show more" (issue 12, item 4): with `more`, a button after the list reveals the next `limit` posts of the feeds
// already loaded (no request), moves focus to the first new post's link, announces how many were added in the
// polite live region (in the viewer's language), is themed by the custom properties, passes axe, and goes when
// nothing more remains. Through the element and through `mount`.
import assert from 'node:assert/strict';
import { atom, posts } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, rendered, waitForWidget } from './lib/harness.mjs';
import { axe } from './a11y.test.mjs';

/** The button and where focus is, in the page. */
function moreState(element) {
  const root = element.shadowRoot || element;
  const button = root.querySelector('button.feedlet__more');
  const focused = element.shadowRoot ? element.shadowRoot.activeElement : document.activeElement;
  return {
    button: button && { text: button.textContent, type: button.type, part: button.getAttribute('part'), last: !button.nextElementSibling && button.previousElementSibling?.localName === 'ul', color: getComputedStyle(button).color },
    focus: focused && focused !== document.body ? (focused.closest('li')?.querySelector('.feedlet__title') || focused).textContent : null,
  };
}

export const tests = [
  {
    name: 'more: the button reveals the next limit posts without a request, moves focus to the first new post and announces it',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(8) }));
      scope.put('/other.xml', atom({ entries: posts(8) }));
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ body: `
        <feedlet-posts id="w" src="feed.xml" limit="3" more style="--feedlet-accent: rgb(200, 0, 100)"></feedlet-posts>
        <feedlet-posts id="off" src="other.xml" limit="3"></feedlet-posts>` })));
      await waitForWidget(page, '#w', rendered(3));
      await waitForWidget(page, '#off', rendered(3));
      assert.equal((await page.locator('#off').evaluate(moreState)).button, null, 'off by default');
      let more = await page.locator('#w').evaluate(moreState);
      assert.deepEqual(more.button, { text: 'Show more', type: 'button', part: 'more', last: true, color: 'rgb(200, 0, 100)' });

      // By keyboard: focus the button, press Enter.
      await page.locator('#w').locator('button.feedlet__more').focus();
      await page.keyboard.press('Enter');
      let state = await waitForWidget(page, '#w', rendered(6));
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3', 'Post 4', 'Post 5', 'Post 6']);
      more = await page.locator('#w').evaluate(moreState);
      assert.equal(more.focus, 'Post 4', 'focus moves to the first new post');
      assert.equal(state.status, '3 more posts shown');
      assert.equal(state.statusLive, 'polite');
      assert.ok(more.button, 'more posts remain: the button stays after the list');
      // Tab from the first new post goes on through the new posts to the button.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      assert.equal(await page.locator('#w').evaluate((el) => el.shadowRoot.activeElement?.className), 'feedlet__more');

      await page.keyboard.press('Space');
      state = await waitForWidget(page, '#w', rendered(8));
      more = await page.locator('#w').evaluate(moreState);
      assert.equal(more.button, null, 'nothing more: the button goes');
      assert.equal(more.focus, 'Post 7');
      assert.equal(state.status, '2 more posts shown');
      assert.equal(scope.hits('/feed.xml'), 1, 'no request: the posts came from the feed in memory');
      // A refresh keeps what was revealed.
      await page.locator('#w').evaluate((el) => el.refresh());
      assert.equal((await page.locator('#w').evaluate((el) => el.shadowRoot.querySelectorAll('li').length)), 8);
      await assertHealthy(page);
    },
  },
  {
    name: 'more: through mount, localized, and gone when the limit already shows everything',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      scope.put('/mount.js', { type: 'text/javascript', body: `import { mount } from '/dist/feedlet.js';
window.__m = mount(document.getElementById('m'), { src: 'feed.xml', limit: 2, more: true, lightDom: true });
mount(document.getElementById('all'), { src: 'feed.xml', limit: 3, more: true });` });
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ lang: 'ko', embed: false, head: '<script type="module" src="mount.js"></script>',
        body: '<div id="m"></div><div id="all"></div>' })));
      await waitForWidget(page, '#m', rendered(2));
      await waitForWidget(page, '#all', rendered(3));
      assert.equal((await page.locator('#all').evaluate(moreState)).button, null);
      assert.equal((await page.locator('#m').evaluate(moreState)).button.text, '더 보기');
      await page.locator('#m button.feedlet__more').click();
      const state = await waitForWidget(page, '#m', rendered(3));
      assert.equal(state.status, '글 1개를 더 표시했습니다.');
      assert.deepEqual(await page.locator('#m').evaluate(moreState), { button: null, focus: 'Post 3' });
      // update() starts again from limit.
      await page.evaluate(() => window.__m.update({ src: 'feed.xml', limit: 1, more: true, lightDom: true }));
      await waitForWidget(page, '#m', rendered(1));
      assert.ok((await page.locator('#m').evaluate(moreState)).button);
      assert.equal(scope.hits('/feed.xml'), 2, 'one request per widget');
      await assertHealthy(page);
    },
  },
  {
    name: 'more: axe reports 0 violations with the button, in light and dark',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(6) }));
      const url = scope.put('/index.html', pageHtml({ body: `
        <feedlet-posts id="a" src="feed.xml" limit="2" more></feedlet-posts>
        <feedlet-posts id="b" src="feed.xml" limit="2" more layout="cards" light-dom locale="ja"></feedlet-posts>` }));
      for (const scheme of ['light', 'dark']) {
        const page = await newPage({ context: { colorScheme: scheme } });
        await page.goto(url);
        await waitForWidget(page, '#a', rendered(2));
        await waitForWidget(page, '#b', rendered(2));
        await page.locator('#b button.feedlet__more').click();
        await waitForWidget(page, '#b', rendered(4));
        const result = await axe(page);
        assert.deepEqual(result.violations, [], `axe violations (${scheme})`);
        await assertHealthy(page);
      }
    },
  },
];
