// axe-core (from www/node_modules) reports zero violations for every layout, in light and dark, including the
// content inside the widgets' open shadow roots, and for the error, empty and fallback states.
import assert from 'node:assert/strict';
import { KOREAN_TITLES, atom, posts, rss, svgImage } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, rendered, waitForWidget, wwwRequire } from './lib/harness.mjs';

const AXE = wwwRequire.resolve('axe-core/axe.min.js');

/** Runs axe on the whole page; returns the violations, and how many checked nodes were inside a shadow root. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations', 'passes'] });
    const inShadow = results.passes.flatMap((rule) => rule.nodes).filter((node) => Array.isArray(node.target[0])).length;
    return {
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) })),
      inShadow,
    };
  });
}

function layoutTest(layout, scheme) {
  return {
    name: `a11y: axe reports 0 violations for layout=${layout} in ${scheme} mode (shadow and light DOM)`,
    async fn({ scope, newPage }) {
      for (let i = 1; i <= 4; i++) scope.put(`/img/${i}.svg`, svgImage(i));
      scope.put('/feed.xml', atom({ entries: posts(4, { images: true }) }));
      scope.put('/ko.rss', rss({ lang: 'ko', entries: posts(3, { prefix: 'Korean', titles: KOREAN_TITLES, images: true }) }));
      const url = scope.put('/index.html', pageHtml({
        title: `feedlet ${layout} ${scheme}`,
        body: `<feedlet-posts id="a" src="feed.xml" layout="${layout}" heading="Latest posts" author categories target="_blank"></feedlet-posts>
               <feedlet-posts id="b" src="ko.rss" layout="${layout}" heading="최근 글" date-style="relative" locale="ko" light-dom></feedlet-posts>
               <div id="c" data-feedlet="feed.xml" data-layout="${layout}" data-date-style="long" data-limit="2"></div>`,
      }));
      const page = await newPage({ context: { colorScheme: scheme } });
      await page.goto(url);
      await waitForWidget(page, '#a', rendered(4));
      await waitForWidget(page, '#b', rendered(3));
      await waitForWidget(page, '#c', rendered(2));
      if (layout === 'cards') await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelectorAll('img').length === 4);
      const background = await page.locator('#a').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('section')).backgroundColor);
      assert.equal(background, scheme === 'dark' ? 'rgb(21, 24, 29)' : 'rgb(255, 255, 255)', `the ${scheme} theme is in force`);
      const result = await axe(page);
      assert.deepEqual(result.violations, [], 'axe violations');
      assert.ok(result.inShadow > 10, `axe checked nodes inside the shadow roots (${result.inShadow})`);
      await assertHealthy(page);
    },
  };
}

export const tests = [
  ...['list', 'cards', 'compact'].flatMap((layout) => ['light', 'dark'].map((scheme) => layoutTest(layout, scheme))),
  {
    name: 'a11y: axe reports 0 violations for the error, empty, fallback and loading states',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      scope.put('/slow.xml', { handler() { /* never answers: the skeleton stays */ } });
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="err" src="missing.xml"></feedlet-posts>
               <feedlet-posts id="empty" src="feed.xml" category="nothing"></feedlet-posts>
               <feedlet-posts id="fb" src="missing.xml"><p><a href="/blog/">Read the blog</a></p></feedlet-posts>
               <feedlet-posts id="loading" src="slow.xml" layout="cards"></feedlet-posts>`,
      }));
      for (const scheme of ['light', 'dark']) {
        const page = await newPage({ context: { colorScheme: scheme, reducedMotion: 'reduce' } });
        await page.goto(url);
        await waitForWidget(page, '#err', (s) => s.errorText !== null);
        await waitForWidget(page, '#empty', (s) => s.emptyText !== null);
        await waitForWidget(page, '#fb', (s) => s.fallbackVisible && s.status);
        await waitForWidget(page, '#loading', (s) => s.busy);
        const result = await axe(page);
        assert.deepEqual(result.violations, [], `axe violations (${scheme})`);
        await assertHealthy(page, { messages: 1, match: [/HTTP 404/] });
      }
    },
  },
  {
    name: 'a11y: the loading skeleton pulses, and stands still under prefers-reduced-motion',
    async fn({ scope, newPage }) {
      scope.put('/slow.xml', { handler() { /* never answers */ } });
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="slow.xml"></feedlet-posts>' }));
      const animations = {};
      for (const reducedMotion of ['no-preference', 'reduce']) {
        const page = await newPage({ context: { reducedMotion } });
        await page.goto(url);
        const state = await waitForWidget(page, '#w', (s) => s.busy);
        assert.ok(state.skeleton > 0);
        animations[reducedMotion] = await page.locator('#w').evaluate((el) => {
          const bone = el.shadowRoot.querySelector('.feedlet__bone') || el.shadowRoot.querySelector('.feedlet__item--skeleton');
          const style = bone.classList.contains('feedlet__bone') ? getComputedStyle(bone) : getComputedStyle(bone, '::before');
          return style.animationName;
        });
        assert.equal(await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.feedlet__item--skeleton').getAttribute('aria-hidden')), 'true');
      }
      assert.notEqual(animations['no-preference'], 'none', 'the skeleton pulses');
      assert.equal(animations.reduce, 'none', 'no animation under prefers-reduced-motion');
    },
  },
];
