// The baselines the browser benchmark measures feedlet against: what a page would write by hand with the
// browser's own XML parser. Plain and reasonably efficient (direct child walks, no querySelector per field),
// with the same output shape as feedlet's list: title link, date, plain-text summary cut to 160 characters.

const ATOM = 'http://www.w3.org/2005/Atom';

/** The first child element with this local name (any namespace). */
function child(parent, name) {
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (c.localName === name) return c;
  return null;
}
const text = (parent, name) => {
  const c = child(parent, name);
  return c ? c.textContent.trim() : '';
};

function parseXml(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not XML: ${error.textContent.slice(0, 80)}`);
  return doc;
}

/** Entries of an Atom feed or items of an RSS feed, in document order. */
function entriesOf(doc) {
  const root = doc.documentElement;
  if (root.localName === 'feed') return Array.from(root.children).filter((c) => c.localName === 'entry');
  const channel = child(root, 'channel') || root;
  return Array.from(channel.children).filter((c) => c.localName === 'item');
}

function linkOf(entry) {
  let fallback = '';
  for (let c = entry.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName !== 'link') continue;
    const href = c.getAttribute('href');
    if (href === null) return c.textContent.trim(); // RSS
    const rel = c.getAttribute('rel') || 'alternate';
    if (rel === 'alternate') return href;
    fallback ||= href;
  }
  return fallback;
}

const dateOf = (entry) => text(entry, 'published') || text(entry, 'updated') || text(entry, 'pubDate') || text(entry, 'date');

/** HTML source → plain text, through an inert HTML document (never innerHTML on the live page). */
function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body ? doc.body.textContent : '').replace(/\s+/g, ' ').trim();
}

function cut(s, max) {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/**
 * The DOMParser widget: parse, pick entries, sort by date (newest first), take `limit`, build the list with
 * textContent, replace the target's children. Returns the number of items rendered.
 */
export function domWidget(target, xml, limit = 10) {
  const doc = parseXml(xml);
  const picked = entriesOf(doc).map((entry, index) => {
    const time = Date.parse(dateOf(entry));
    return { entry, index, time: Number.isNaN(time) ? -Infinity : time };
  });
  picked.sort((a, b) => b.time - a.time || a.index - b.index);
  // One formatter per render, as feedlet's renderFeed makes one per call.
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const section = document.createElement('section');
  section.className = 'feedlet feedlet--list';
  const list = document.createElement('ul');
  list.className = 'feedlet__list';
  list.setAttribute('role', 'list');
  for (const { entry, time } of picked.slice(0, limit)) {
    const li = document.createElement('li');
    li.className = 'feedlet__item';
    const href = linkOf(entry);
    const title = document.createElement(/^https?:/i.test(href) ? 'a' : 'span');
    title.className = 'feedlet__title';
    if (title.localName === 'a') title.href = href;
    title.textContent = htmlToText(text(entry, 'title'));
    li.append(title);
    if (Number.isFinite(time)) {
      const meta = document.createElement('div');
      meta.className = 'feedlet__meta';
      const when = document.createElement('time');
      when.className = 'feedlet__date';
      when.dateTime = new Date(time).toISOString();
      when.textContent = dateFormat.format(time);
      meta.append(when);
      li.append(meta);
    }
    const source = child(entry, 'summary') || child(entry, 'description') || child(entry, 'content') || child(entry, 'encoded');
    if (source) {
      const summary = document.createElement('p');
      summary.className = 'feedlet__summary';
      summary.textContent = cut(htmlToText(source.textContent), 160);
      li.append(summary);
    }
    list.append(li);
  }
  section.append(list);
  target.replaceChildren(section);
  return list.children.length;
}

/** DOMParser extracting every entry to a plain object (the fields `parseFeed` returns; HTML kept as HTML). */
export function domExtractAll(xml) {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  const channel = root.localName === 'feed' ? root : child(root, 'channel') || root;
  const people = (entry) =>
    Array.from(entry.children)
      .filter((c) => c.localName === 'author' || c.localName === 'creator')
      .map((c) => (c.namespaceURI === ATOM ? { name: text(c, 'name'), uri: text(c, 'uri') || null, email: text(c, 'email') || null } : { name: c.textContent.trim() }));
  const categories = (entry) =>
    Array.from(entry.children)
      .filter((c) => c.localName === 'category')
      .map((c) => c.getAttribute('label') || c.getAttribute('term') || c.textContent.trim());
  const content = (entry) => {
    const c = child(entry, 'content') || child(entry, 'encoded');
    return c ? { type: c.getAttribute('type') || 'html', value: c.textContent, src: c.getAttribute('src') } : null;
  };
  return {
    title: text(channel, 'title'),
    link: linkOf(channel),
    updated: text(channel, 'updated') || text(channel, 'lastBuildDate'),
    entries: entriesOf(doc).map((entry) => ({
      id: text(entry, 'id') || text(entry, 'guid') || linkOf(entry),
      title: text(entry, 'title'),
      link: linkOf(entry),
      published: text(entry, 'published') || text(entry, 'pubDate') || null,
      updated: text(entry, 'updated') || null,
      summary: text(entry, 'summary') || text(entry, 'description') || null,
      content: content(entry),
      authors: people(entry),
      categories: categories(entry),
    })),
  };
}
