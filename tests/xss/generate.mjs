// Generates the hostile feeds of the XSS suite: every payload in every field, in every format.
//
// One feed per format; each payload gets three entries in it, in document order:
//   A `a:<id>`  every text field and URL of the entry carries the payload (entry title, summary, content,
//               link, id, author name and uri, category, media:thumbnail url); the feed title and subtitle
//               hold all payloads at once;
//   B `b:<id>`  the payload as the enclosure URL (the thumbnail source when there is no media element);
//   C `c:<id>`  the payload as the src of an <img> inside the entry's HTML content (the last thumbnail source,
//               and an <img> for summary="html").
// Entries B and C have a fixed title `B<id>` / `C<id>` so the runner can tell which payload an item shows.
//
// Formats: Atom text, Atom html (escaped), Atom xhtml (inline markup; a payload that is not a well-formed XML
// fragment is written escaped, as text inside the xhtml div, and counted), RSS 2.0 with escaped text, RSS 2.0
// with CDATA sections, RDF (RSS 1.0), JSON Feed 1.1, and a JavaScript Feed object handed straight to
// renderFeed (no parser in between: the renderer's own checks must hold).
//
// Run directly (`node tests/xss/generate.mjs [outDir]`) to write the feeds to a folder for inspection.

import { payloads, xmlInexpressible } from './payloads.mjs';

export const FIELDS = [
  'feed-title', 'entry-title', 'summary', 'content', 'link', 'author-name', 'author-uri', 'category',
  'image-thumbnail', 'image-enclosure', 'image-in-content', 'id',
];

const ALL_FIELDS = new Set(FIELDS);
const without = (...names) => new Set(FIELDS.filter((f) => !names.includes(f)));

// Which fields each format can carry.
export const FORMAT_FIELDS = {
  'atom-text': ALL_FIELDS,
  'atom-html': ALL_FIELDS,
  'atom-xhtml': ALL_FIELDS,
  'rss-escaped': without('author-uri'), // RSS has no author URI
  'rss-cdata': without('author-uri'),
  rdf: without('author-uri', 'image-enclosure'), // RSS 1.0 has neither
  json: ALL_FIELDS,
  'js-object': without('image-enclosure'), // the Feed object has one image slot, used by the thumbnail
};

export const FORMATS = Object.keys(FORMAT_FIELDS);

const DATE = '2026-03-01T12:00:00Z';
const RFC822 = 'Sun, 01 Mar 2026 12:00:00 +0000';

// XML escaping. Characters XML 1.0 cannot carry become character references, which feedlet's tolerant
// parser decodes (such payloads are counted as "nonconforming XML").
const xmlChar = (c) => `&#x${c.codePointAt(0).toString(16)};`;
export const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, xmlChar);
export const escAttr = (s) => escText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;')
  .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
// CDATA cannot hold `]]>` or characters XML cannot carry: those leave the section (as a reference).
const cdata = (s) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `]]>${xmlChar(c)}<![CDATA[`)}]]>`;

/**
 * True when `text` is a well-formed XML fragment (element content), given the prefixes declared on the
 * feed root. A small checker: names, quoted attributes, no duplicates, balanced tags, references to the
 * five predefined entities or valid characters only, comments, CDATA and processing instructions.
 */
export function wellFormedXml(text, prefixes = ['xml', 'xlink']) {
  if (xmlInexpressible(text)) return false;
  const name = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/;
  const refOk = (s) => {
    // every & starts a valid reference
    for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
      const m = /^&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/.exec(s.slice(i));
      if (!m) return false;
      const cp = m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : 0x20;
      if (!(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) return false;
    }
    return true;
  };
  const stack = [];
  let rest = text;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const chunk = lt < 0 ? rest : rest.slice(0, lt);
    if (chunk.includes(']]>') || !refOk(chunk)) return false;
    if (lt < 0) break;
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end < 0 || rest.slice(4, end).includes('--') || rest[end - 1] === '-') return false;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      const target = name.exec(rest.slice(2));
      if (end < 0 || !target || /^xml$/i.test(target[0])) return false;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('</')) {
      const m = name.exec(rest.slice(2));
      if (!m || stack.pop() !== m[0]) return false;
      rest = rest.slice(2 + m[0].length).replace(/^[ \t\r\n]*/, '');
      if (rest[0] !== '>') return false;
      rest = rest.slice(1);
    } else {
      const m = name.exec(rest.slice(1));
      if (!m) return false;
      const tag = m[0];
      rest = rest.slice(1 + tag.length);
      const seen = new Set();
      const declared = new Set(prefixes);
      const names = [tag];
      for (;;) {
        const ws = /^[ \t\r\n]*/.exec(rest)[0];
        rest = rest.slice(ws.length);
        if (rest.startsWith('/>') || rest.startsWith('>')) break;
        if (!ws) return false;
        const a = name.exec(rest);
        if (!a || seen.has(a[0])) return false;
        seen.add(a[0]);
        rest = rest.slice(a[0].length);
        const eq = /^[ \t\r\n]*=[ \t\r\n]*(["'])/.exec(rest);
        if (!eq) return false;
        rest = rest.slice(eq[0].length);
        const close = rest.indexOf(eq[1]);
        if (close < 0) return false;
        const value = rest.slice(0, close);
        if (value.includes('<') || !refOk(value)) return false;
        rest = rest.slice(close + 1);
        if (a[0].startsWith('xmlns:')) declared.add(a[0].slice(6));
        names.push(a[0]);
      }
      for (const n of names) {
        const colon = n.indexOf(':');
        if (colon > 0 && n.slice(0, colon) !== 'xmlns' && !declared.has(n.slice(0, colon))) return false;
      }
      if (rest.startsWith('/>')) rest = rest.slice(2);
      else { stack.push(tag); rest = rest.slice(1); }
    }
  }
  return stack.length === 0;
}

const xhtml = (p, stats) => {
  if (wellFormedXml(p)) { stats.xhtmlMarkup++; return `<div xmlns="http://www.w3.org/1999/xhtml">${p}</div>`; }
  stats.xhtmlEscaped++;
  return `<div xmlns="http://www.w3.org/1999/xhtml">${escText(p)}</div>`;
};

const inlineImage = (p) => `<p>inline image</p><img src="${escAttrHtml(p)}" width="80" height="60">`;
// The HTML attribute (inside the HTML the feed carries): only `"` and `&` need escaping there.
function escAttrHtml(s) { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;'); }

function atom(kind, stats) {
  const type = kind === 'atom-text' ? 'text' : kind === 'atom-html' ? 'html' : 'xhtml';
  const construct = (tag, p) => type === 'xhtml'
    ? `<${tag} type="xhtml">${xhtml(p, stats)}</${tag}>`
    : `<${tag} type="${type}">${escText(p)}</${tag}>`;
  const all = payloads.map((x) => x.payload).join(' ');
  const out = [`<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:xlink="http://www.w3.org/1999/xlink">`,
    `<title type="${type === 'xhtml' ? 'html' : type}">${escText(all)}</title>`,
    `<subtitle type="${type === 'xhtml' ? 'html' : type}">${escText(all)}</subtitle>`,
    `<id>urn:feedlet:xss:${kind}</id><updated>${DATE}</updated>`,
    `<link rel="alternate" href="https://feed.example/"/>`];
  for (const { id, payload: p } of payloads) {
    out.push(`<entry>${construct('title', p)}<link rel="alternate" href="${escAttr(p)}"/><id>${escText(p)}</id>`
      + `<updated>${DATE}</updated><published>${DATE}</published>`
      + `<author><name>${escText(p)}</name><uri>${escText(p)}</uri></author>`
      + `<category term="${escAttr(p)}" label="${escAttr(p)}"/>`
      + `<media:thumbnail url="${escAttr(p)}" width="120" height="90"/>`
      + `${construct('summary', p)}${construct('content', p)}</entry>`);
    out.push(`<entry><title>B${id}</title><id>urn:b:${id}</id><updated>${DATE}</updated>`
      + `<link rel="enclosure" type="image/png" length="1" href="${escAttr(p)}"/><summary>enclosure ${id}</summary></entry>`);
    out.push(`<entry><title>C${id}</title><id>urn:c:${id}</id><updated>${DATE}</updated>`
      + `<content type="html">${escText(inlineImage(p))}</content></entry>`);
  }
  out.push('</feed>');
  return out.join('\n');
}

function rss(kind) {
  const t = kind === 'rss-cdata' ? cdata : escText;
  const all = payloads.map((x) => x.payload).join(' ');
  const out = [`<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">`,
    `<channel><title>${t(all)}</title><link>https://feed.example/</link><description>${t(all)}</description>`];
  for (const { id, payload: p } of payloads) {
    out.push(`<item><title>${t(p)}</title><link>${t(p)}</link><guid isPermaLink="false">${t(p)}</guid>`
      + `<pubDate>${RFC822}</pubDate><author>${t(p)}</author><dc:creator>${t(p)}</dc:creator><category>${t(p)}</category>`
      + `<media:thumbnail url="${escAttr(p)}" width="120" height="90"/>`
      + `<description>${t(p)}</description><content:encoded>${t(p)}</content:encoded></item>`);
    out.push(`<item><title>B${id}</title><guid isPermaLink="false">urn:b:${id}</guid><pubDate>${RFC822}</pubDate>`
      + `<enclosure url="${escAttr(p)}" type="image/png" length="1"/><description>enclosure ${id}</description></item>`);
    out.push(`<item><title>C${id}</title><guid isPermaLink="false">urn:c:${id}</guid><pubDate>${RFC822}</pubDate>`
      + `<content:encoded>${t(inlineImage(p))}</content:encoded></item>`);
  }
  out.push('</channel></rss>');
  return out.join('\n');
}

function rdf() {
  const all = payloads.map((x) => x.payload).join(' ');
  const out = [`<?xml version="1.0" encoding="utf-8"?>`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">`,
    `<channel rdf:about="https://feed.example/"><title>${escText(all)}</title><link>https://feed.example/</link><description>${escText(all)}</description></channel>`];
  for (const { id, payload: p } of payloads) {
    out.push(`<item rdf:about="${escAttr(p)}"><title>${escText(p)}</title><link>${escText(p)}</link>`
      + `<dc:date>${DATE}</dc:date><dc:creator>${escText(p)}</dc:creator><dc:subject>${escText(p)}</dc:subject>`
      + `<media:thumbnail url="${escAttr(p)}" width="120" height="90"/>`
      + `<description>${escText(p)}</description><content:encoded>${escText(p)}</content:encoded></item>`);
    out.push(`<item rdf:about="urn:b:${id}"><title>B${id}</title><dc:date>${DATE}</dc:date><description>enclosure n/a ${id}</description></item>`);
    out.push(`<item rdf:about="urn:c:${id}"><title>C${id}</title><dc:date>${DATE}</dc:date>`
      + `<content:encoded>${escText(inlineImage(p))}</content:encoded></item>`);
  }
  out.push('</rdf:RDF>');
  return out.join('\n');
}

// JSON with every `<`, `>` and `&` as \u escapes, so that the JSON unescaper is exercised too.
const jsonText = (value) => JSON.stringify(value, null, 1)
  .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function jsonFeed() {
  const all = payloads.map((x) => x.payload).join(' ');
  const items = [];
  for (const { id, payload: p } of payloads) {
    items.push({ id: p, url: p, title: p, summary: p, content_html: p, date_published: DATE,
      authors: [{ name: p, url: p }], tags: [p], image: p });
    items.push({ id: `urn:b:${id}`, title: `B${id}`, content_text: `enclosure ${id}`, date_published: DATE,
      attachments: [{ url: p, mime_type: 'image/png' }] });
    items.push({ id: `urn:c:${id}`, title: `C${id}`, content_html: inlineImage(p), date_published: DATE });
  }
  // No home_page_url: relative payload URLs then resolve against the feed's own (same-origin) address, as in the
  // XML formats, instead of turning into hundreds of cross-origin image loads.
  return jsonText({ version: 'https://jsonfeed.org/version/1.1', title: all, description: all, items });
}

/** A Feed object as a page could hand to renderFeed: raw payloads, no parser in between. */
export function jsObject() {
  const all = payloads.map((x) => x.payload).join(' ');
  const entries = [];
  for (const { id, payload: p } of payloads) {
    entries.push({ id: p, title: p, link: p, published: DATE, summary: p,
      content: { type: 'html', value: p, base: p }, authors: [{ name: p, uri: p }], categories: [p],
      image: { url: p, width: 120, height: 90 } });
    entries.push({ id: `urn:b:${id}`, title: `B${id}`, published: DATE, summary: `enclosure n/a ${id}` });
    entries.push({ id: `urn:c:${id}`, title: `C${id}`, published: DATE, content: { type: 'html', value: inlineImage(p) } });
  }
  return { format: 'atom', title: all, link: 'https://feed.example/', entries };
}

/**
 * All feeds: [{ format, file, contentType, body (string; for js-object, JSON of the object), entries }],
 * plus statistics (xhtml payloads written as markup or escaped, nonconforming XML payloads).
 */
export function generate() {
  const stats = { xhtmlMarkup: 0, xhtmlEscaped: 0, nonconformingXml: payloads.filter((p) => xmlInexpressible(p.payload)).length };
  const feeds = [
    { format: 'atom-text', file: 'atom-text.xml', contentType: 'application/atom+xml', body: atom('atom-text', stats) },
    { format: 'atom-html', file: 'atom-html.xml', contentType: 'application/atom+xml', body: atom('atom-html', stats) },
    { format: 'atom-xhtml', file: 'atom-xhtml.xml', contentType: 'application/atom+xml', body: atom('atom-xhtml', stats) },
    { format: 'rss-escaped', file: 'rss-escaped.xml', contentType: 'application/rss+xml', body: rss('rss-escaped') },
    { format: 'rss-cdata', file: 'rss-cdata.xml', contentType: 'application/rss+xml', body: rss('rss-cdata') },
    { format: 'rdf', file: 'rdf.rdf', contentType: 'application/rdf+xml', body: rdf() },
    { format: 'json', file: 'feed.json', contentType: 'application/feed+json', body: jsonFeed() },
    { format: 'js-object', file: 'js-object.json', contentType: 'application/json', body: JSON.stringify(jsObject()) },
  ];
  // The xhtml construct is used three times per payload (title, summary, content).
  stats.xhtmlMarkup /= 3;
  stats.xhtmlEscaped /= 3;
  for (const feed of feeds) feed.entries = payloads.length * 3;
  return { feeds, stats };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = process.argv[2] || join(tmpdir(), 'feedlet-xss-feeds');
  mkdirSync(dir, { recursive: true });
  const { feeds, stats } = generate();
  for (const feed of feeds) writeFileSync(join(dir, feed.file), feed.body);
  console.log(`wrote ${feeds.length} feeds (${payloads.length} payloads × 3 entries each) to ${dir}`, stats);
}
