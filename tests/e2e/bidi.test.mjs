// Bidi spoofing (issue 10, item 8): every text field the widget shows is its own bidi isolate, and bidi controls in
// one field cannot reorder another, measured by layout in Chromium.
//
// The feed's fields carry every way out of an isolate we know of: an RLO (U+202E), a PDI (U+2069) that closes no
// isolate of its own (Chromium wraps an isolating element's text in FSI … PDI, so it closes the element's), an
// isolate opened and never closed (RLI U+2067, FSI U+2068), and a paragraph separator (U+2029). On a left-to-right
// page, the date, author and categories of the meta line, and a template's fields on one line, must keep their
// order left to right, and the next item's title must read left to right. Two controls prove that the
// measurement sees a flip: the same texts in plain spans, and in dir=auto spans without feedlet's clean-up.
// Every text node the widget writes sits in an element whose computed unicode-bidi isolates.
// Modes: the built-in item in shadow and light DOM, and a one-line <template>. Run alone: `node ../tests/e2e/run.mjs bidi`.
import assert from 'node:assert/strict';
import { escapeXml } from './lib/feeds.mjs';
import { assertHealthy, pageHtml, until } from './lib/harness.mjs';

const RLO = '\u202E';
const PDI = '\u2069';
/** Hostile field texts, each trying to reorder what follows its element. */
export const ATTACKS = {
  title: `${PDI}${RLO}First title`,
  date: `${PDI}${RLO}soon`,
  author: `\u2029${RLO}Bob`,
  category: `\u2067\u05D0\u05D1 ${RLO}cat`,
  summary: `\u2068\u05D2${PDI}${PDI}${RLO}summary`,
};

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bidi</title><link>https://bidi.example/</link>
<item><title>${escapeXml(ATTACKS.title)}</title><link>https://bidi.example/1</link><guid>1</guid><pubDate>${escapeXml(ATTACKS.date)}</pubDate>
<dc:creator>${escapeXml(ATTACKS.author)}</dc:creator><category>${escapeXml(ATTACKS.category)}</category><description>${escapeXml(ATTACKS.summary)}</description></item>
<item><title>Second title</title><link>https://bidi.example/2</link><guid>2</guid><pubDate>${RLO}later</pubDate>
<dc:creator>Carol</dc:creator><category>news</category><description>plain</description></item>
</channel></rss>`;

const TEMPLATE = '<template><p class="line"><span class="f" data-field="title"></span> | <time class="f" data-field="date"></time> | '
  + '<span class="f" data-field="author"></span> | <span class="f" data-field="categories"></span> | <span class="f" data-field="summary"></span></p></template>';

/**
 * In the page: for each item, whether its fields (meta line or template line, in document order) lie left to
 * right on one line; whether its title reads left to right when it holds no control (the next item); and every
 * text node whose parent does not isolate.
 */
function measure(element, selector) {
  const root = element.shadowRoot || element;
  const box = (node) => node.getBoundingClientRect();
  const charBox = (text, index) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect();
  };
  const items = [...root.querySelectorAll('li.feedlet__item')].map((li) => {
    const fields = [...li.querySelectorAll(selector)].filter((f) => f.textContent);
    const order = [];
    for (let i = 1; i < fields.length; i++) {
      const [a, b] = [box(fields[i - 1]), box(fields[i])];
      if (!(a.right <= b.left + 1 && Math.abs(a.top - b.top) < 2)) {
        order.push(`${fields[i - 1].className || fields[i - 1].localName} [${Math.round(a.left)}–${Math.round(a.right)}, ${Math.round(a.top)}] is not before ${fields[i].className || fields[i].localName} [${Math.round(b.left)}–${Math.round(b.right)}, ${Math.round(b.top)}]`);
      }
    }
    const title = li.querySelector('.feedlet__title, [data-field="title"]');
    const text = title && title.firstChild;
    const reads = text && text.nodeType === 3 && text.data === 'Second title' ? charBox(text, 0).left < charBox(text, text.data.length - 1).left : null;
    return { fields: fields.length, order, reads };
  });
  const open = [];
  const walker = document.createTreeWalker(root.querySelector('section'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim() || node.parentElement.closest('.feedlet__summary--html')) continue;
    const parent = node.parentElement;
    if (parent.closest('.line') && parent.classList.contains('line')) continue; // the template's own separators
    const bidi = getComputedStyle(parent).unicodeBidi;
    if (!['isolate', 'isolate-override', 'plaintext'].includes(bidi)) open.push(`<${parent.localName} class="${parent.className}"> (${bidi}): ${JSON.stringify(node.data.slice(0, 30))}`);
  }
  return { items, open };
}

/** In the page: the meta line of the first item built without feedlet, as controls; true when its order is flipped. */
function controls(attacks) {
  const flipped = (dir) => {
    const line = document.createElement('div');
    line.style.cssText = 'font: 16px sans-serif; white-space: nowrap';
    const spans = [attacks.date, attacks.author, attacks.category].map((text) => {
      const span = document.createElement('span');
      if (dir) span.setAttribute('dir', dir);
      span.textContent = text;
      return span;
    });
    line.append(spans[0], ' · ', spans[1], ' · ', spans[2]);
    document.querySelector('main').append(line);
    const [a, b, c] = spans.map((s) => s.getBoundingClientRect());
    const result = !(a.right <= b.left + 1 && b.right <= c.left + 1);
    line.remove();
    return result;
  };
  return { plain: flipped(null), isolatedOnly: flipped('auto') };
}

export const tests = [
  {
    name: 'bidi: bidi controls in one field cannot reorder the next field or the next item, and every text field is an isolate',
    timeout: 40000,
    async fn({ scope, newPage }) {
      scope.put('/feed.xml', { type: 'application/rss+xml', body: FEED });
      const body = `<feedlet-posts id="shadow" src="feed.xml?shadow" author categories locale="en"></feedlet-posts>
        <feedlet-posts id="light" src="feed.xml?light" author categories locale="en" light-dom></feedlet-posts>
        <feedlet-posts id="template" src="feed.xml?template" author categories locale="en">${TEMPLATE}</feedlet-posts>`;
      const page = await newPage();
      await page.goto(scope.put('/index.html', pageHtml({ title: 'Bidi', body })));

      const control = await page.evaluate(controls, ATTACKS);
      assert.deepEqual(control, { plain: true, isolatedOnly: true },
        'the controls flip: plain spans, and dir=auto spans holding the raw texts (a PDI or a paragraph separator ends the isolate)');

      for (const [id, selector] of [['shadow', '.feedlet__meta > *'], ['light', '.feedlet__meta > *'], ['template', '.f']]) {
        const state = await until(async () => {
          const measured = await page.locator(`#${id}`).evaluate(measure, selector);
          return measured.items.length === 2 && measured;
        }, { timeout: 15000, message: `#${id} renders two items` });
        const expected = id === 'template' ? 5 : 3;
        for (const [index, item] of state.items.entries()) {
          assert.equal(item.fields, expected, `#${id} item ${index + 1}: every field shows`);
          assert.deepEqual(item.order, [], `#${id} item ${index + 1}: the fields keep their order`);
        }
        assert.equal(state.items[1].reads, true, `#${id}: the next item's title reads left to right`);
        assert.deepEqual(state.open, [], `#${id}: every text sits in an isolating element`);
      }
      // The right-to-left "dates" are no dates: each feed says so once, with the position.
      await assertHealthy(page, { messages: 3, match: [/a date feedlet could not read is shown as written/, /line \d+, column \d+/] });
    },
  },
];
