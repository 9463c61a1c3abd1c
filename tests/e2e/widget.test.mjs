// The embed snippet and the <feedlet-posts> custom element: rendering, Shadow/light DOM, attributes, removal, fallback.
import assert from 'node:assert/strict';
import { KOREAN_TITLES, atom, posts, rss, svgImage } from './lib/feeds.mjs';
import { assertHealthy, deferred, events, fetchCount, pageHtml, rendered, sleep, until, waitForEvent, waitForWidget, widgetState } from './lib/harness.mjs';

// Formats like the widget is documented to: Intl.DateTimeFormat with dateStyle, in the page.
const intlDate = (page, iso, locale, dateStyle = 'medium') =>
  page.evaluate(({ iso, locale, dateStyle }) => new Intl.DateTimeFormat(locale, { dateStyle }).format(new Date(iso)), { iso, locale, dateStyle });

export const tests = [
  {
    name: 'embed: the two-line snippet renders an accessible Korean list in Shadow DOM',
    async fn({ scope, newPage }) {
      const entries = posts(7, { prefix: 'Korean', titles: KOREAN_TITLES });
      scope.put('/feed.xml', atom({ title: '기술 블로그', lang: 'ko', entries }));
      const url = scope.put('/index.html', pageHtml({ lang: 'en', body: '<feedlet-posts id="w" src="feed.xml" limit="5" locale="ko"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(5));
      assert.equal(state.shadow, true, 'renders into a shadow root by default');
      assert.equal(await page.evaluate(() => document.querySelectorAll('ul, li, time').length), 0, 'nothing rendered in the light DOM');
      assert.equal(state.listRole, 'list');
      assert.equal(state.lang, 'ko', 'lang comes from the feed');
      assert.match(state.sectionClass, /\bfeedlet--list\b/);
      assert.deepEqual(state.titles, KOREAN_TITLES.slice(0, 5), 'the 5 newest entries, newest first');
      for (const [i, item] of state.items.entries()) {
        assert.equal(item.tag, 'a', 'each title is a link');
        assert.equal(item.href, scope.url(`/${entries[i].link}`), 'relative links resolve against the feed URL');
        assert.equal(item.dir, 'auto');
        assert.equal(item.datetime && new Date(item.datetime).getTime(), entries[i].date.getTime(), '<time datetime> holds the entry date');
        assert.equal(item.date, await intlDate(page, entries[i].date.toISOString(), 'ko'), 'the date text is Intl medium in Korean');
        assert.equal(item.summary, entries[i].summary);
        assert.equal(item.target, null);
      }
      // The theme is applied inside the shadow root (a constructable stylesheet).
      const style = await page.locator('#w a.feedlet__title').first().evaluate((a) => {
        const s = getComputedStyle(a);
        return { color: s.color, decoration: s.textDecorationLine, listStyle: getComputedStyle(a.closest('ul')).listStyleType, sheets: a.getRootNode().adoptedStyleSheets.length };
      });
      assert.equal(style.color, 'rgb(11, 87, 208)', 'default theme accent on titles');
      assert.equal(style.listStyle, 'none');
      assert.ok(style.sheets >= 1);
      // A real link: clicking the first title navigates to the post.
      scope.put(`/${entries[0].link}`, { type: 'text/html; charset=utf-8', body: pageHtml({ title: 'The post', embed: false }) });
      await Promise.all([page.waitForURL(scope.url(`/${entries[0].link}`)), page.locator('#w a.feedlet__title').first().click()]);
      await page.goBack();
      await waitForWidget(page, '#w', rendered(5));
      await assertHealthy(page);
      assert.equal((await events(page, 'feedlet:error')).length, 0);
    },
  },
  {
    name: 'embed: light-dom renders into the element itself, with the theme on the document',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', rss({ entries: posts(4) }));
      const url = scope.put('/index.html', pageHtml({
        body: '<feedlet-posts id="w" src="feed.xml" light-dom locale="en"><a id="fb" href="/blog/">Read the blog</a></feedlet-posts>',
      }));
      const page = await newPage();
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(4));
      assert.equal(state.shadow, false, 'no shadow root in light-dom mode');
      const light = await page.evaluate(() => ({
        list: document.querySelectorAll('#w > .feedlet__view ul[role="list"] > li').length,
        fallbackInDom: !!document.getElementById('fb'),
        color: getComputedStyle(document.querySelector('#w a.feedlet__title')).color,
        sheets: document.adoptedStyleSheets.length,
      }));
      assert.equal(light.list, 4, 'the list is a light-DOM descendant of the element');
      assert.equal(light.fallbackInDom, false, 'the fallback leaves the DOM while the list shows');
      assert.equal(light.color, 'rgb(11, 87, 208)', 'the default theme reaches light-DOM content');
      assert.ok(light.sheets >= 1);
      // The page's own CSS applies in light DOM.
      await page.addStyleTag({ content: '#w a.feedlet__title { color: rgb(1, 2, 3); }' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#w a.feedlet__title')).color), 'rgb(1, 2, 3)');
      await assertHealthy(page);
    },
  },
  {
    name: 'embed: the feed downloads start while feedlet_bg.wasm is still on its way (no request chain)',
    async fn({ scope, newPage }) {
      const requested = { a: deferred(), b: deferred() };
      for (const name of ['a', 'b']) {
        scope.put(`/${name}.xml`, {
          handler(req, res) {
            requested[name].resolve();
            res.writeHead(200, { 'content-type': 'application/atom+xml' });
            res.end(atom({ entries: posts(2, { prefix: name.toUpperCase() }) }));
          },
        });
      }
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="a.xml, b.xml"></feedlet-posts>' }));
      const page = await newPage();
      // The wasm is held until both feeds were asked for (or 5 s passed): were they waiting on it, they would not come.
      let before = null;
      await page.route('**/feedlet_bg.wasm', async (route) => {
        const both = Promise.all([requested.a.promise, requested.b.promise]).then(() => true);
        before = await Promise.race([both, sleep(5000).then(() => false)]);
        await route.continue();
      });
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(4));
      assert.deepEqual(state.titles.sort(), ['A 1', 'A 2', 'B 1', 'B 2']);
      assert.equal(before, true, 'both feeds were requested while feedlet_bg.wasm was held');
      assert.equal(await fetchCount(page, '.xml'), 2, 'each feed fetched once: the early downloads were kept');
      await assertHealthy(page);
    },
  },
  {
    name: 'element: light-dom switches at run time without a fetch; light-dom="false" renders in a shadow root',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      const url = scope.put('/index.html', pageHtml({
        body: '<feedlet-posts id="w" src="feed.xml"><a id="fb" href="/blog/">Read the blog</a></feedlet-posts><feedlet-posts id="f" src="feed.xml" light-dom="false"></feedlet-posts>',
      }));
      const page = await newPage();
      await page.goto(url);
      assert.equal((await waitForWidget(page, '#f', rendered(3))).shadow, true, 'light-dom="false" keeps the shadow root');
      let state = await waitForWidget(page, '#w', rendered(3));
      assert.equal(state.shadow, true);
      await page.locator('#w').evaluate((el) => el.setAttribute('light-dom', ''));
      await until(() => page.evaluate(() => document.querySelectorAll('#w > .feedlet__view li.feedlet__item').length === 3), { message: 'the list in the light DOM' });
      assert.equal(await page.evaluate(() => !!document.getElementById('fb')), false, 'the fallback waits while the list shows');
      await page.locator('#w').evaluate((el) => el.removeAttribute('light-dom'));
      await until(() => page.evaluate(() => !document.querySelector('#w > .feedlet__view') && document.getElementById('w').shadowRoot.querySelectorAll('li.feedlet__item').length === 3), { message: 'the list back in the shadow root' });
      assert.equal(await page.evaluate(() => document.getElementById('fb').parentNode.id), 'w', 'the fallback is back in the element');
      state = await waitForWidget(page, '#w', rendered(3));
      assert.deepEqual(state.titles, ['Post 1', 'Post 2', 'Post 3']);
      assert.equal(scope.hits('/feed.xml'), 2, 'one fetch per widget: the switches render from memory');
      await assertHealthy(page);
    },
  },
  {
    name: 'element: attribute and property changes re-render from memory (no re-fetch); src changes re-fetch',
    async fn({ scope, newPage }) {
      const entries = posts(6, { images: true });
      for (let i = 1; i <= 6; i++) scope.put(`/img/${i}.svg`, svgImage(i));
      scope.put('/feed.xml', atom({ lang: 'en', entries }));
      scope.put('/other.xml', atom({ lang: 'en', entries: posts(3, { prefix: 'Other' }) }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml" locale="ko"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(5));
      const set = (name, value) => page.locator('#w').evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);

      await set('limit', '2');
      await waitForWidget(page, '#w', rendered(2), { message: 'limit=2' });

      await set('layout', 'cards');
      let state = await waitForWidget(page, '#w', (s) => /feedlet--cards/.test(s.sectionClass) && s.items.length === 2);
      assert.deepEqual(state.items[0].image, { src: scope.url('/img/1.svg'), alt: '', loading: 'lazy', decoding: 'async', width: '320', height: '180' });

      await set('layout', 'compact');
      state = await waitForWidget(page, '#w', (s) => /feedlet--compact/.test(s.sectionClass));
      assert.equal(state.items[0].summary, null, 'compact shows titles and dates only');
      assert.equal(state.items[0].image, null);

      // Several attributes at once, then locales and date styles.
      await page.locator('#w').evaluate((el) => { el.setAttribute('layout', 'list'); el.setAttribute('locale', 'en-US'); el.setAttribute('date-style', 'long'); });
      const longEn = await intlDate(page, entries[0].date.toISOString(), 'en-US', 'long');
      state = await waitForWidget(page, '#w', (s) => s.items[0] && s.items[0].date === longEn, { message: `long en-US date "${longEn}"` });
      assert.match(state.sectionClass, /feedlet--list/);

      await set('date-style', 'relative');
      await waitForWidget(page, '#w', (s) => s.items[0].date === '3 days ago', { message: '"3 days ago"' });
      await set('locale', 'ko');
      await waitForWidget(page, '#w', (s) => s.items[0].date === '3일 전', { message: '"3일 전"' });

      await page.locator('#w').evaluate((el) => { el.setAttribute('heading', 'Latest posts'); el.setAttribute('target', '_blank'); el.setAttribute('author', ''); el.setAttribute('categories', ''); el.setAttribute('summary', 'false'); });
      state = await waitForWidget(page, '#w', (s) => s.heading === 'Latest posts' && s.items[0].author);
      assert.equal(state.items[0].target, '_blank');
      assert.equal(state.items[0].rel, 'noopener noreferrer');
      assert.equal(state.items[0].author, 'Author 1');
      assert.match(state.items[0].categories, /odd/);
      assert.equal(state.items[0].summary, null, 'summary="false" hides summaries');

      // Properties reflect to attributes and re-render too.
      await page.locator('#w').evaluate((el) => { el.limit = 3; el.dateStyle = 'medium'; el.locale = 'en'; });
      state = await waitForWidget(page, '#w', rendered(3));
      assert.equal(await page.locator('#w').getAttribute('limit'), '3');
      // Properties read their attribute as readOptions does: typed, with the default for what is absent or invalid.
      const read = await page.locator('#w').evaluate((el) => {
        el.setAttribute('date-style', 'soon');
        const values = { limit: el.limit, src: el.src, dateStyle: el.dateStyle, lightDom: el.lightDom, cacheTtl: el.cacheTtl, author: el.author };
        el.dateStyle = 'medium';
        return values;
      });
      assert.deepEqual(read, { limit: 3, src: ['feed.xml'], dateStyle: 'medium', lightDom: false, cacheTtl: 300, author: true });
      await set('offset', '1');
      state = await waitForWidget(page, '#w', (s) => s.titles[0] === 'Post 2');
      await set('category', 'even');
      state = await waitForWidget(page, '#w', (s) => s.items.length === 2 && s.titles.every((t) => /[246]$/.test(t)), { message: 'category=even with offset 1' });
      await set('category', 'nothing-has-this');
      state = await waitForWidget(page, '#w', (s) => s.emptyText !== null, { message: 'the empty state' });
      assert.equal(state.emptyText, 'No posts yet.');
      await page.locator('#w').evaluate((el) => { el.removeAttribute('category'); el.removeAttribute('offset'); el.setAttribute('empty-text', 'Nothing here'); });
      await waitForWidget(page, '#w', rendered(3));
      assert.equal(scope.hits('/feed.xml'), 1, 'attribute changes re-render from memory without fetching again');

      await set('src', 'other.xml');
      state = await waitForWidget(page, '#w', (s) => s.titles[0] === 'Other 1');
      assert.equal(scope.hits('/other.xml'), 1, 'a new src is fetched');
      await assertHealthy(page);
    },
  },
  {
    name: 'element: removal stops refresh timers and aborts a pending fetch',
    timeout: 40000,
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(3) }));
      let aborted = 0;
      const held = deferred();
      scope.put('/slow.xml', {
        async handler(req, res) {
          res.on('close', () => { if (!res.writableEnded) aborted++; });
          await held.promise;
          if (!res.destroyed) { res.writeHead(200, { 'content-type': 'application/atom+xml' }); res.end(atom({ entries: posts(1) })); }
        },
      });
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="feed.xml" refresh="30" cache-ttl="0"></feedlet-posts><feedlet-posts id="slow" src="slow.xml" timeout="600000"><a href="/blog/">Read the blog</a></feedlet-posts>' }));
      // The clock jumps ahead by refresh periods; the slow request's own time limit is further away.
      const page = await newPage({ clock: true });
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(3));
      for (let n = 2; n <= 3; n++) {
        await page.clock.fastForward(30000);
        await until(() => scope.hits('/feed.xml') >= n, { message: 'refresh="30" to fetch again and again' });
        // The refresh is over (its feedlet:load) before the clock jumps again: a jump while it is in flight would
        // count against its own 10 s limit.
        await waitForEvent(page, 'feedlet:load', { id: 'w', count: n });
      }
      await until(() => scope.hits('/slow.xml') === 1, { message: 'the slow request' });

      // Removal and the count happen in one task: any fetch after it would be one the element started after removal.
      const before = await page.evaluate(() => {
        document.getElementById('w').remove();
        document.getElementById('slow').remove();
        return window.__e2e.fetches.length;
      });
      await until(() => aborted === 1, { message: 'the pending fetch of a removed element to be aborted' });
      // Three refresh periods: nothing more may be fetched.
      await page.clock.fastForward(95000);
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
      assert.equal(await page.evaluate(() => window.__e2e.fetches.length), before, 'no fetch after the element was removed');
      held.resolve();
      await assertHealthy(page);
    },
  },
  {
    name: 'element: fallback content stays until the first success, and stays when the feed fails',
    async fn({ scope, newPage }) {
      const held = deferred();
      scope.put('/feed.xml', { async handler(req, res) { await held.promise; res.writeHead(200, { 'content-type': 'application/atom+xml' }); res.end(atom({ entries: posts(3) })); } });
      scope.put('/missing.xml', { status: 404, type: 'text/plain', body: 'not found' });
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="ok" src="feed.xml"><p>Posts: <a href="/blog/">Read the blog</a></p></feedlet-posts>
               <feedlet-posts id="bad" src="missing.xml"><p>Posts: <a href="/blog/">Read the blog</a></p></feedlet-posts>
               <feedlet-posts id="bare" src="feed.xml"></feedlet-posts>`,
      }));
      const page = await newPage();
      await page.goto(url);
      await waitForEvent(page, 'feedlet:error', { id: 'bad' });
      let ok = await page.locator('#ok').evaluate(widgetState);
      assert.equal(ok.fallbackVisible, true, 'the fallback shows while the feed loads');
      assert.equal(ok.skeleton, 0, 'no skeleton over fallback content');
      assert.equal(ok.items.length, 0);
      const bare = await waitForWidget(page, '#bare', (s) => s.busy);
      assert.ok(bare.skeleton > 0, 'without fallback, a skeleton shows while loading');
      assert.equal(await page.getByRole('link', { name: 'Read the blog' }).first().isVisible(), true);

      held.resolve();
      ok = await waitForWidget(page, '#ok', rendered(3));
      assert.equal(ok.fallbackVisible, false, 'the list replaces the fallback after the first success');
      await waitForWidget(page, '#bare', rendered(3));
      const bad = await page.locator('#bad').evaluate(widgetState);
      assert.equal(bad.fallbackVisible, true, 'a failing feed leaves the fallback visible');
      assert.equal(bad.items.length, 0);
      assert.equal(bad.errorText, null, 'the fallback, not the error text');
      await assertHealthy(page, { messages: 1, match: [/HTTP 404/, /missing\.xml/] });
    },
  },
  {
    name: 'element: several feeds merge, de-duplicate by id and link, and sort by date',
    async fn({ scope, newPage }) {
      const now = Date.now();
      const a = posts(3, { prefix: 'A', now });
      const b = posts(3, { prefix: 'B', now: now - 86400000 }); // each B post one day older than its A twin
      const dup = { ...a[0] }; // the same entry in both feeds
      scope.put('/a.xml', atom({ entries: a }));
      scope.put('/b.json', (await import('./lib/feeds.mjs')).jsonFeed({ entries: [dup, ...b] }));
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="a.xml b.json" limit="10"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered());
      assert.deepEqual(state.titles, ['A 1', 'B 1', 'A 2', 'B 2', 'A 3', 'B 3']);
      await page.locator('#w').evaluate((el) => el.setAttribute('sort', 'feed'));
      const byFeed = await waitForWidget(page, '#w', (s) => s.titles[1] === 'A 2');
      assert.deepEqual(byFeed.titles.slice(0, 3), ['A 1', 'A 2', 'A 3'], 'sort="feed" keeps document order');
      await assertHealthy(page);
    },
  },
  {
    name: 'element: a feed listed first cannot hide another feed\'s posts by reusing its ids or links (issue 10, item 7)',
    async fn({ scope, newPage }) {
      const rss = (link, items) => `<rss version="2.0"><channel><title>t</title><link>${link}</link>${items.map(([guid, title, href]) =>
        `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>${href}</link></item>`).join('')}</channel></rss>`;
      scope.put('/hostile.xml', rss('https://hostile.example/', [['post-1', 'Fake one', 'https://hostile.example/a'],
        ['post-9', 'Fake two', 'https://victim.example/2'], ['post-9', 'Same id twice in one feed', 'https://hostile.example/b']]));
      scope.put('/victim.xml', rss('https://victim.example/', [['post-1', 'Real one', 'https://victim.example/1'], ['post-2', 'Real two', 'https://victim.example/2']]));
      // The control: the same feeds in the other order show the same posts.
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="w" src="hostile.xml victim.xml" limit="10" sort="feed"></feedlet-posts><feedlet-posts id="v" src="victim.xml hostile.xml" limit="10" sort="feed"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      const first = await waitForWidget(page, '#w', rendered(3));
      assert.deepEqual(first.titles, ['Fake one', 'Real one', 'Real two']);
      assert.equal(first.items[2].href, 'https://victim.example/2', 'the shared link keeps the copy from its own host');
      const second = await waitForWidget(page, '#v', rendered(3));
      assert.deepEqual([...second.titles].sort(), ['Fake one', 'Real one', 'Real two']);
      await assertHealthy(page);
    },
  },
  {
    name: 'element: a <template> child customizes each entry through data-field',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(2) }));
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="w" src="feed.xml" locale="en"><template><article class="mine"><a data-field="link"><span data-field="title"></span></a> <time data-field="date"></time> <em data-field="author"></em></article></template></feedlet-posts>`,
      }));
      const page = await newPage();
      await page.goto(url);
      const state = await waitForWidget(page, '#w', (s) => s.items.length === 2);
      assert.equal(state.items.length, 2);
      const custom = await page.locator('#w').evaluate((el) => [...el.shadowRoot.querySelectorAll('article.mine')].map((a) => ({
        href: a.querySelector('a').getAttribute('href'), title: a.querySelector('[data-field="title"]').textContent,
        datetime: a.querySelector('time').getAttribute('datetime'), author: a.querySelector('em').textContent,
      })));
      assert.equal(custom.length, 2);
      assert.equal(custom[0].title, 'Post 1');
      assert.match(custom[0].href, /\/posts\/post-1$/);
      assert.ok(custom[0].datetime);
      assert.equal(custom[0].author, 'Author 1');
      await assertHealthy(page);
    },
  },
  {
    name: 'theme: CSS custom properties and ::part() style the shadow content from the page',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(2) }));
      scope.put('/theme.css', { type: 'text/css', body: `#w { --feedlet-accent: rgb(200, 0, 100); --feedlet-radius: 3px; --feedlet-padding: 7px; --feedlet-font: monospace; }
        #w::part(date) { font-style: italic; } #w::part(title) { text-transform: uppercase; }` });
      const url = scope.put('/index.html', pageHtml({ head: `<link rel="stylesheet" href="${scope.path('/theme.css')}">`, body: '<feedlet-posts id="w" src="feed.xml"></feedlet-posts><feedlet-posts id="plain" src="feed.xml"></feedlet-posts>' }));
      const page = await newPage();
      await page.goto(url);
      await waitForWidget(page, '#w', rendered(2));
      await waitForWidget(page, '#plain', rendered(2));
      const probe = (el) => {
        const root = el.shadowRoot;
        const title = getComputedStyle(root.querySelector('.feedlet__title'));
        const section = getComputedStyle(root.querySelector('section'));
        return { color: title.color, transform: title.textTransform, font: section.fontFamily, radius: section.borderTopLeftRadius, padding: section.paddingTop, date: getComputedStyle(root.querySelector('time')).fontStyle };
      };
      assert.deepEqual(await page.locator('#w').evaluate(probe), { color: 'rgb(200, 0, 100)', transform: 'uppercase', font: 'monospace', radius: '3px', padding: '7px', date: 'italic' });
      const plain = await page.locator('#plain').evaluate(probe);
      assert.equal(plain.color, 'rgb(11, 87, 208)');
      assert.equal(plain.date, 'normal');
      await assertHealthy(page);
    },
  },
  {
    name: 'element: locale defaults to the nearest lang, then <html lang>; time-zone and summary-length apply',
    async fn({ scope, newPage }) {
      const entry = { ...posts(1)[0], date: new Date('2026-03-06T20:00:00Z'), summary: '가나다라마바사아자차카타파하 가나다라마바사' };
      scope.put('/feed.xml', atom({ entries: [entry] }));
      const url = scope.put('/index.html', pageHtml({
        lang: 'ko',
        body: `<feedlet-posts id="page" src="feed.xml" time-zone="UTC"></feedlet-posts>
               <div lang="en-US"><feedlet-posts id="scoped" src="feed.xml" time-zone="UTC"></feedlet-posts>
               <feedlet-posts id="seoul" src="feed.xml" time-zone="Asia/Seoul" summary-length="10"></feedlet-posts></div>`,
      }));
      const page = await newPage();
      await page.goto(url);
      const onPage = await waitForWidget(page, '#page', rendered(1));
      const scoped = await waitForWidget(page, '#scoped', rendered(1));
      const seoul = await waitForWidget(page, '#seoul', rendered(1));
      assert.equal(onPage.items[0].date, '2026. 3. 6.', '<html lang="ko"> gives Korean dates');
      assert.equal(scoped.items[0].date, 'Mar 6, 2026', 'the nearest lang="en-US" wins');
      assert.equal(seoul.items[0].date, 'Mar 7, 2026', '20:00 UTC is the next day in Seoul');
      assert.equal(seoul.items[0].datetime, '2026-03-06T20:00:00Z');
      // "Longest summary in graphemes": the cut text plus "…" fits in 10; Korean is cut at a grapheme, not a word.
      const cut = seoul.items[0].summary;
      const graphemes = [...new Intl.Segmenter('ko', { granularity: 'grapheme' }).segment(cut)].length;
      assert.ok(cut.endsWith('…') && graphemes <= 10 && graphemes >= 9, `${cut} (${graphemes} graphemes)`);
      assert.ok(entry.summary.startsWith(cut.slice(0, -1)) && !cut.includes(' '), `cut inside the first word: ${cut}`);
      await assertHealthy(page);
    },
  },
  {
    name: 'element: invalid option values fall back to the defaults with one warning each; moving the element keeps it working',
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', atom({ entries: posts(7) }));
      const url = scope.put('/index.html', pageHtml({
        body: '<div id="box"></div><feedlet-posts id="w" src="feed.xml" limit="many" layout="grid" date-style="soon"></feedlet-posts><feedlet-posts id="w2" src="feed.xml" limit="many"></feedlet-posts>',
      }));
      const page = await newPage();
      await page.goto(url);
      const state = await waitForWidget(page, '#w', rendered(5));
      assert.match(state.sectionClass, /feedlet--list/, 'layout falls back to list');
      await waitForWidget(page, '#w2', rendered(5));
      await page.evaluate(() => document.getElementById('box').append(document.getElementById('w')));
      await waitForWidget(page, '#w', rendered(5));
      assert.equal(await page.locator('#box > #w').count(), 1);
      await assertHealthy(page, { messages: 3, match: [/^feedlet: (limit|layout|date-style)="\w+" is not a valid value/] });
    },
  },
];
