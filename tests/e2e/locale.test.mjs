// The viewer's language (issue 12, item 3): the widget's own words (empty, error and loading texts, the "show
// more" button and its announcement) follow `locale`, else the page's `lang`, else the browser's language; the
// text attributes still win. Through the element and through `mount`.
import assert from 'node:assert/strict';
import { atom, posts } from './lib/feeds.mjs';
import { assertHealthy, deferred, pageHtml, waitForWidget } from './lib/harness.mjs';

const EMPTY = { en: 'No posts yet.', ko: '아직 글이 없습니다.', ja: 'まだ投稿はありません。', zh: '暂无文章。', 'zh-hant': '目前還沒有文章。', es: 'Todavía no hay entradas.', fr: 'Aucun article pour le moment.', de: 'Noch keine Beiträge.', pt: 'Ainda não há publicações.', ru: 'Пока нет записей.' };

const shown = (s) => s.emptyText !== null || s.errorText !== null;

export const tests = [
  {
    name: 'locale: the empty and error texts follow locale, then the page\'s lang; attributes win',
    async fn({ scope, newPage }) {
      scope.put('/empty.xml', atom({ entries: [] }));
      const url = scope.put('/index.html', pageHtml({ lang: 'ko', body: `
        <feedlet-posts id="page" src="empty.xml"></feedlet-posts>
        <feedlet-posts id="ja" src="empty.xml" locale="ja"></feedlet-posts>
        <div lang="fr"><feedlet-posts id="scope" src="empty.xml"></feedlet-posts></div>
        <feedlet-posts id="own" src="empty.xml" empty-text="Nothing here"></feedlet-posts>
        <feedlet-posts id="error" src="missing.xml"></feedlet-posts>
        <feedlet-posts id="error-ru" src="missing.xml" locale="ru-RU"></feedlet-posts>
        <feedlet-posts id="error-own" src="missing.xml" locale="ru" error-text="Oops"></feedlet-posts>` }));
      const page = await newPage();
      await page.goto(url);
      const text = async (id) => {
        const state = await waitForWidget(page, `#${id}`, shown);
        return state.emptyText ?? state.errorText;
      };
      assert.equal(await text('page'), EMPTY.ko);
      assert.equal(await text('ja'), EMPTY.ja);
      assert.equal(await text('scope'), EMPTY.fr);
      assert.equal(await text('own'), 'Nothing here');
      assert.equal(await text('error'), '글을 불러오지 못했습니다.');
      assert.equal(await text('error-ru'), 'Не удалось загрузить записи.');
      assert.equal(await text('error-own'), 'Oops');
      // The live region says it too, in the same words.
      assert.equal((await waitForWidget(page, '#error', shown)).status, '글을 불러오지 못했습니다.');
      // Changing the locale re-renders in the new language.
      await page.locator('#ja').evaluate((el) => el.setAttribute('locale', 'de-AT'));
      assert.equal((await waitForWidget(page, '#ja', (s) => s.emptyText === EMPTY.de)).emptyText, EMPTY.de);
      await assertHealthy(page, { messages: 1 });
    },
  },
  {
    name: 'locale: Chinese scripts, Portuguese and unknown languages are matched, through mount',
    async fn({ scope, newPage }) {
      scope.put('/empty.xml', atom({ entries: [] }));
      const cases = {
        'zh-TW': 'zh-hant', 'zh-Hant': 'zh-hant', 'zh-HK': 'zh-hant', zh: 'zh', 'zh-CN': 'zh', 'zh-Hans': 'zh', 'zh-Hans-TW': 'zh',
        'pt-BR': 'pt', 'pt-PT': 'pt', 'es-419': 'es', 'en-GB': 'en', xx: 'en', 'not a locale!': 'en',
      };
      scope.put('/mount.js', { type: 'text/javascript', body: `import { mount } from '/dist/feedlet.js';
for (const [i, locale] of ${JSON.stringify(Object.keys(cases))}.entries()) mount(document.getElementById('m' + i), { src: 'empty.xml', locale });` });
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ embed: false, head: '<script type="module" src="mount.js"></script>',
        body: Object.keys(cases).map((_, i) => `<div id="m${i}"></div>`).join('') })));
      const got = {};
      for (const [i, locale] of Object.keys(cases).entries()) got[locale] = (await waitForWidget(page, `#m${i}`, shown)).emptyText;
      assert.deepEqual(got, Object.fromEntries(Object.entries(cases).map(([locale, key]) => [locale, EMPTY[key]])));
      await assertHealthy(page);
    },
  },
  {
    name: 'locale: without lang or locale the browser\'s language is used, for the loading label too',
    async fn({ scope, newPage }) {
      const held = deferred();
      scope.put('/feed.xml', { async handler(req, res) {
        await held.promise;
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(atom({ entries: [] }));
      } });
      const page = await newPage({ context: { locale: 'de-DE' } });
      await page.goto(scope.put('/index.html', pageHtml({ lang: '', body: '<feedlet-posts id="w" src="feed.xml"></feedlet-posts>' })));
      await waitForWidget(page, '#w', (s) => s.busy);
      const label = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('[aria-busy="true"] ul').getAttribute('aria-label'));
      assert.equal(label, 'Beiträge werden geladen…');
      held.resolve();
      assert.equal((await waitForWidget(page, '#w', shown)).emptyText, EMPTY.de);
      await assertHealthy(page);
    },
  },
];
