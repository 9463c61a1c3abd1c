// DOM clobbering: feed summaries whose <form> controls (and named images, forms, objects, ids) are named after every
// own property of the DOM interfaces the rich-summary walk and the DOM sink read, in every render mode.
//
// A <form> exposes its controls as properties (`<form><input name=namespaceURI>` makes form.namespaceURI the input),
// and a document exposes named images, forms, embeds and objects (`<img name=body>` shadows document.body). The walk
// reads nodes only through the prototypes' own accessors (src/web/dom/prototypes.rs), so such a summary must render
// its other content, the widget must render every other entry, and nothing may trap: before, one such summary made
// the whole widget show "Could not load the posts."
//
// The names come from one array of interfaces, read in the browser (Object.getOwnPropertyNames of each prototype),
// not from a hand-picked list; the list must contain everything the walk reads today (READ).
// Modes: summary text and html × layouts list, cards and compact × no template, a plain <template>, and a <template>
// whose data-field elements are forms holding the same controls. Run alone: `node ../tests/e2e/run.mjs clobber`.
import assert from 'node:assert/strict';
import { escapeXml } from './lib/feeds.mjs';
import { assertHealthy, events, pageHtml, waitForWidget } from './lib/harness.mjs';

/** The interfaces whose own property names become control names. */
export const INTERFACES = ['EventTarget', 'Node', 'Element', 'HTMLElement', 'Document', 'HTMLFormElement'];

/** What the walk and the DOM sink read through prototype accessors today (TAKEN in src/web/dom/prototypes.rs). */
const READ = ['nodeType', 'firstChild', 'nextSibling', 'nodeValue', 'appendChild', 'localName', 'namespaceURI', 'getAttribute',
  'setAttribute', 'removeAttribute', 'remove', 'closest', 'body', 'documentElement', 'querySelector', 'createElement', 'createTextNode'];

const SUMMARIES = ['text', 'html'];
const LAYOUTS = ['list', 'cards', 'compact'];
const TEMPLATES = ['none', 'plain', 'forms'];

/** Every own property name of the interfaces' prototypes, read in the page. */
const propertyNames = (page) => page.evaluate((interfaces) =>
  [...new Set(interfaces.flatMap((name) => Object.getOwnPropertyNames(window[name].prototype)))].sort(), INTERFACES);

const attr = (value) => escapeXml(value);

/**
 * The feed: plain entries between entries whose HTML clobbers, each rich one with text before and after the
 * clobbering markup (`<X> before`, `<X> after`) and text inside dropped elements (`<X> inside`).
 */
function clobberFeed(names) {
  const rich = {
    Inputs: `<p>Inputs before</p><form>${names.map((n) => `<input name="${attr(n)}">`).join('')}<p>Inputs inside</p></form><p>Inputs after</p>`,
    Controls: `<p>Controls before</p><form>${names.map((n) => `<select name="${attr(n)}"></select><button name="${attr(n)}"></button><textarea name="${attr(n)}"></textarea><output name="${attr(n)}"></output><fieldset name="${attr(n)}"></fieldset><img name="${attr(n)}" src="f.png"><object name="${attr(n)}"></object>`).join('')}<b>Controls inside</b></form><p>Controls after</p>`,
    Document: `<p>Document before</p>${names.map((n) => `<img name="${attr(n)}" src="d.png"><form name="${attr(n)}"><b>Document inside</b></form><embed name="${attr(n)}"><object id="${attr(n)}"></object>`).join('')}<p>Document after</p>`,
    Ids: `<p>Ids before</p><form id="f">${names.map((n) => `<input id="${attr(n)}"><img id="${attr(n)}" src="i.png">`).join('')}</form><p>Ids after</p>`,
    Nested: `<p>Nested before</p><div><form>${names.slice(0, 50).map((n) => `<input name="${attr(n)}">`).join('')}<form><input name="namespaceURI"></form></form><span>Nested after</span></div>`,
  };
  const xhtml = `<div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML before</p><form>${names.map((n) => `<input name="${attr(n)}"/>`).join('')}<p>XHTML inside</p></form><p>XHTML after</p></div>`;
  const entries = [
    { title: 'Plain 1', summary: 'Plain summary 1' },
    ...Object.entries(rich).slice(0, 2).map(([title, html]) => ({ title, html })),
    { title: 'Plain 2', summary: 'Plain summary 2' },
    ...Object.entries(rich).slice(2).map(([title, html]) => ({ title, html })),
    { title: 'XHTML', xhtml },
    { title: 'Plain 3', summary: 'Plain summary 3' },
  ];
  const day = 86400000;
  const body = entries.map((e, i) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" href="posts/${i + 1}"/>
    <id>urn:clobber:${i + 1}</id>
    <updated>${new Date(Date.UTC(2026, 2, 20) - i * day).toISOString()}</updated>
    ${e.summary ? `<summary>${escapeXml(e.summary)}</summary>` : ''}
    ${e.html ? `<summary type="html">${escapeXml(e.html)}</summary>` : ''}
    ${e.xhtml ? `<content type="xhtml">${e.xhtml}</content>` : ''}
  </entry>`).join('\n');
  const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Clobbering</title>
  <id>urn:clobber</id>
  <updated>2026-03-20T00:00:00Z</updated>
${body}
</feed>
`;
  return { feed, titles: entries.map((e) => e.title), rich: [...Object.keys(rich), 'XHTML'] };
}

function templateMarkup(kind, names) {
  if (kind === 'none') return '';
  if (kind === 'plain') return '<template><article class="t"><a data-field="title"></a> <time data-field="date"></time><div data-field="summary"></div><img data-field="image"></article></template>';
  const controls = names.map((n) => `<input name="${attr(n)}">`).join('');
  const field = (name) => `<form data-field="${name}">${controls}</form>`;
  return `<template><article class="t">${['title', 'link', 'date', 'summary', 'image', 'author', 'categories'].map(field).join('')}</article></template>`;
}

/** Read in the page: what one widget shows, without trusting any property a form could shadow in it. */
function inspect(element) {
  const root = element.shadowRoot || element;
  const items = [...root.querySelectorAll('li.feedlet__item')];
  const forbidden = [...root.querySelectorAll('input, select, button, textarea, output, fieldset, object, embed, [name], [id]')]
    .map((e) => e.outerHTML.slice(0, 80));
  const forms = [...root.querySelectorAll('form')];
  return {
    error: (root.querySelector('.feedlet__error') || {}).textContent || null,
    titles: items.map((li) => (li.querySelector('.feedlet__title, [data-field="title"]') || {}).textContent || null),
    texts: items.map((li) => li.textContent),
    forbidden,
    formsOutsideTemplate: forms.filter((f) => !f.hasAttribute('data-field')).length,
  };
}

export const tests = TEMPLATES.map((template) => ({
  name: `clobber: forms named after every DOM property in summaries render, template=${template}`,
  timeout: 60000,
  async fn({ scope, newPage }) {
    const page = await newPage();
    await page.goto(scope.put('/blank.html', pageHtml({ embed: false })));
    const names = await propertyNames(page);
    for (const name of READ) assert.ok(names.includes(name), `the generated names include ${name}, which the walk reads`);
    assert.ok(names.length > 300, `${names.length} names`);

    const { feed, titles, rich } = clobberFeed(names);
    scope.put('/clobber.xml', feed);
    const widgets = SUMMARIES.flatMap((summary) => LAYOUTS.map((layout) => ({ id: `w-${summary}-${layout}`, summary, layout })));
    const body = widgets.map(({ id, summary, layout }) =>
      `<feedlet-posts id="${id}" src="clobber.xml" summary="${summary}" layout="${layout}" limit="20" locale="en">${templateMarkup(template, names)}</feedlet-posts>`).join('\n');
    await page.goto(scope.put('/index.html', pageHtml({ body })));

    for (const { id, summary, layout } of widgets) {
      const mode = `summary=${summary} layout=${layout} template=${template}`;
      await waitForWidget(page, `#${id}`, (s) => s.items.length === titles.length || s.errorText, { timeout: 20000, message: mode });
      const shown = await page.locator(`#${id}`).evaluate(inspect);
      assert.equal(shown.error, null, `${mode}: the widget shows an error`);
      assert.deepEqual(shown.titles, titles, `${mode}: every entry renders, in order`);
      assert.deepEqual(shown.forbidden, [], `${mode}: no control, named or id'd element reaches the page`);
      assert.equal(shown.formsOutsideTemplate, 0, `${mode}: no form from a summary reaches the page`);
      const richShown = summary === 'html' && (layout !== 'compact' || template !== 'none');
      for (const [index, title] of titles.entries()) {
        const text = shown.texts[index];
        if (richShown && rich.includes(title)) {
          assert.ok(text.includes(`${title} before`) && text.includes(`${title} after`), `${mode}: ${title} keeps its allowed content: ${text.slice(0, 200)}`);
          assert.ok(!text.includes(`${title} inside`), `${mode}: ${title}'s form content is dropped with the form`);
        }
        if (title.startsWith('Plain') && (layout !== 'compact' || template !== 'none')) {
          assert.ok(text.includes(`Plain summary ${title.slice(-1)}`), `${mode}: ${title} shows its summary`);
        }
      }
    }
    assert.deepEqual(await events(page, 'feedlet:error'), [], 'no feedlet:error event');
    await assertHealthy(page);
  },
}));
