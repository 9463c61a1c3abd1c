// Templates and feed text (issue 10, item 4): a data-field on an element whose content is not plain text is left
// empty, with one console warning per render, and the feed's text never runs and never lands inside it.
//
// The family is generated: every element of RAW (HTML's raw text, escapable raw text and code-or-document elements,
// as the issue lists them) and of FOREIGN (svg and math roots and children, svg's own <script> and <style>
// included), each carrying the data-field itself and holding an HTML <span> that carries it, for every field
// name, built with the DOM so that each really exists (the HTML parser would drop a <frameset> or close a
// <plaintext> late). Every feed field holds a call of the page's canary; the page has no CSP, so a filled
// <script> would run: a control clones a filled <script> from a template first and proves that it does.
// Modes: shadow and light DOM × text and html summaries. Run alone: `node ../tests/e2e/run.mjs template-fields`.
import assert from 'node:assert/strict';
import { assertHealthy, pageHtml, until } from './lib/harness.mjs';

/** HTML elements whose content is not plain text. */
export const RAW = ['script', 'style', 'iframe', 'object', 'embed', 'textarea', 'title', 'noscript', 'xmp', 'template',
  'plaintext', 'noembed', 'noframes', 'frameset', 'listing'];
/** Foreign content: [namespace, local name, parent local name or null]. */
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
export const FOREIGN = [[SVG, 'svg', null], [SVG, 'script', 'svg'], [SVG, 'style', 'svg'], [SVG, 'title', 'svg'],
  [SVG, 'text', 'svg'], [SVG, 'a', 'svg'], [SVG, 'foreignObject', 'svg'], [MATHML, 'math', null], [MATHML, 'mi', 'math'],
  [MATHML, 'mtext', 'math'], [MATHML, 'annotation-xml', 'math']];
export const FIELDS = ['title', 'link', 'date', 'summary', 'image', 'author', 'categories'];

/** Every field's text calls the canary with the field's name; the date cannot be read, so it shows as written. */
const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
${[1, 2, 3].map((i) => `<item><title>__canary("title")//FEED${i}</title><link>https://x.example/__canary("link")</link>
<pubDate>__canary("date")</pubDate><dc:creator>__canary("author")</dc:creator><category>__canary("categories")</category>
<media:thumbnail url="https://x.example/__canary.png"/><guid>g${i}</guid>
<description>__canary("summary")</description></item>`).join('\n')}
</channel></rss>`;

/** In the page: a <feedlet-posts> whose template holds the whole family, marked `.refused`, beside plain fields. */
function mount({ id, src, light, html, raw, foreign, fields }) {
  const template = document.createElement('template');
  const article = document.createElement('article');
  template.content.append(article);
  const mark = (element, field, kind) => {
    element.setAttribute('data-field', field);
    element.setAttribute('class', 'refused');
    element.setAttribute('data-case', kind);
    return element;
  };
  for (const field of fields) {
    for (const tag of raw) {
      article.append(mark(document.createElement(tag), field, tag));
      const outer = document.createElement(tag);
      outer.append(mark(document.createElement('span'), field, `${tag} > span`));
      article.append(outer);
    }
    for (const [namespace, name, parent] of foreign) {
      const make = () => {
        const element = document.createElementNS(namespace, name);
        if (!parent) return [element, element];
        const root = document.createElementNS(namespace, parent);
        root.append(element);
        return [root, element];
      };
      const [root, element] = make();
      mark(element, field, name);
      article.append(root);
      const [outerRoot, outer] = make();
      outer.append(mark(document.createElement('span'), field, `${name} > span`));
      article.append(outerRoot);
    }
    const plain = document.createElement(field === 'image' ? 'img' : 'span');
    plain.setAttribute('data-field', field);
    plain.setAttribute('class', 'plain');
    article.append(plain);
  }
  const element = document.createElement('feedlet-posts');
  element.id = id;
  for (const [name, value] of Object.entries({ src, limit: '3', 'cache-ttl': '0', summary: html ? 'html' : 'true' })) element.setAttribute(name, value);
  if (light) element.setAttribute('light-dom', '');
  element.append(template);
  document.querySelector('main').append(element);
}

/** In the page: what the refused and the plain fields of one widget hold. */
function inspect(element) {
  const root = element.shadowRoot || element;
  const items = [...root.querySelectorAll('li.feedlet__item')];
  const filled = [];
  const touched = [];
  let refused = 0;
  for (const li of items) {
    for (const field of li.querySelectorAll('.refused')) {
      refused++;
      const content = field.textContent + (field.localName === 'template' ? field.innerHTML : '');
      if (/__canary|FEED/.test(content)) filled.push(`${field.dataset.case}[${field.dataset.field}]: ${content.slice(0, 60)}`);
      for (const name of ['src', 'href', 'datetime', 'dir', 'width', 'loading']) {
        if (field.hasAttribute(name)) touched.push(`${field.dataset.case}[${field.dataset.field}] got ${name}`);
      }
    }
  }
  const plain = items.map((li) => Object.fromEntries([...li.querySelectorAll('.plain')].map((f) => [f.dataset.field,
    f.localName === 'img' ? f.getAttribute('src') : f.textContent])));
  return { items: items.length, refused, filled, touched, plain };
}

export const tests = [
  {
    name: 'template-fields: a data-field on an element whose content is not plain text stays empty, for every such element and field',
    timeout: 60000,
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', { type: 'application/rss+xml', body: FEED });
      const page = await newPage({ init: [() => { window.__ran = []; window.__canary = (what) => window.__ran.push(String(what)); }] });
      await page.goto(scope.put('/index.html', pageHtml({ title: 'Template fields' })));

      // The control: a <script> cloned from a template and filled as feedlet used to fill it runs.
      await page.evaluate(() => {
        const template = document.createElement('template');
        template.content.append(document.createElement('script'));
        const clone = template.content.cloneNode(true);
        clone.firstChild.textContent = '__canary("control")';
        document.body.append(clone);
      });
      assert.deepEqual(await page.evaluate(() => window.__ran.splice(0)), ['control'], 'a filled, cloned <script> runs');

      const modes = [];
      for (const light of [false, true]) for (const html of [false, true]) modes.push({ id: `w-${light ? 'light' : 'shadow'}-${html ? 'html' : 'text'}`, light, html });
      // One address per widget, so that no widget renders a copy another one stored before its own fetch.
      for (const mode of modes) await page.evaluate(mount, { ...mode, src: `feed.xml?${mode.id}`, raw: RAW, foreign: FOREIGN, fields: FIELDS });
      const perItem = (RAW.length + FOREIGN.length) * 2 * FIELDS.length;
      const states = {};
      for (const { id } of modes) {
        states[id] = await until(async () => {
          const state = await page.locator(`#${id}`).evaluate(inspect);
          return state.items === 3 && state;
        }, { timeout: 20000, message: `${id} renders three items` });
      }
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
      assert.deepEqual(await page.evaluate(() => window.__ran), [], 'no feed text ran');
      for (const [id, shown] of Object.entries(states)) {
        assert.deepEqual(shown.filled, [], `${id}: no feed text inside an element whose content is not plain text`);
        assert.deepEqual(shown.touched, [], `${id}: refused fields get no attribute either`);
        assert.equal(shown.refused, 3 * perItem, `${id}: every generated field is in every item`);
        for (const [index, plain] of shown.plain.entries()) {
          assert.equal(plain.title, `__canary("title")//FEED${index + 1}`, `${id}: the plain title field is filled`);
          for (const field of ['date', 'author', 'categories', 'summary']) assert.equal(plain[field], `__canary("${field}")`, `${id}: the plain ${field} field is filled`);
          assert.equal(plain.image, 'https://x.example/__canary.png', `${id}: the plain image field is filled`);
        }
      }
      // One warning per render (four widgets, three items each), naming the first refused element; and, the canary
      // dates being no dates, each feed's own warning that its date was shown as written.
      const logged = await assertHealthy(page, { messages: 2 * modes.length });
      assert.equal(logged.filter((m) => /data-field on <script>/.test(m.text) && /plain text/.test(m.text)).length, modes.length);
      assert.equal(logged.filter((m) => /a date feedlet could not read is shown as written/.test(m.text)).length, modes.length);
    },
  },
];
