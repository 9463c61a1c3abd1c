// The in-page half of the XSS suite, served as /harness.js to a page under a strict CSP (no inline script).
// It renders a feed through <feedlet-posts> (embed.js) or renderFeed (feedlet.js), pokes every rendered element
// with the events a leaked handler would wait for, and checks the rendered tree. The canary and the
// alert/confirm/prompt/print hooks are installed before any script by the runner (addInitScript).
import { renderFeed, ready } from '/dist/feedlet.js';
import '/dist/embed.js';

// Template fields on elements whose content is not plain text, which feedlet must leave empty (issue 10, item 4):
// the `rawtext` payloads would run or load in them. (No <style>: under the page's CSP even an empty one is reported;
// tests/e2e/template-fields.test.mjs covers it without a CSP.)
const RAW_FIELDS = '<script class="t-raw" data-field="title"></script><noembed class="t-raw" data-field="summary"></noembed>'
  + '<textarea class="t-raw" data-field="author"></textarea><title class="t-raw" data-field="categories"></title>'
  + '<noscript class="t-raw" data-field="date"></noscript><xmp class="t-raw" data-field="link"></xmp>'
  + '<svg class="t-raw"><script class="t-raw" data-field="title"></script><text class="t-raw" data-field="author"></text></svg>';

// The custom <template>: every data-field, on the element kinds the contract names.
const TEMPLATE = '<article class="t-card"><img data-field="image" alt=""><h3 class="t-title"><a data-field="title"></a></h3>'
  + '<a class="t-link" data-field="link">read</a><span class="t-url" data-field="link"></span><time data-field="date"></time>'
  + '<span class="t-author" data-field="author"></span><span class="t-cats" data-field="categories"></span>'
  + '<div class="t-summary" data-field="summary"></div><p class="t-plain" data-field="title"></p>' + RAW_FIELDS + '</article>';

function makeTemplate() {
  const template = document.createElement('template');
  template.innerHTML = TEMPLATE; // the harness's own constant markup, never feed data
  return template;
}

const RENDERER = ['section', 'h2', 'ul', 'li', 'a', 'span', 'div', 'time', 'p', 'img'];
const RICH = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img',
  'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'span'];
const TEMPLATE_OWN = ['article', 'h3', 'a', 'img', 'span', 'time', 'div', 'p'];
const ATTRIBUTES = ['class', 'part', 'dir', 'lang', 'role', 'href', 'target', 'rel', 'src', 'alt', 'loading', 'decoding',
  'referrerpolicy', 'width', 'height', 'datetime', 'aria-hidden', 'aria-busy', 'aria-live'];
const FORBIDDEN = ['style', 'srcset', 'id', 'name', 'formaction', 'action', 'xlink:href', 'srcdoc', 'data', 'poster',
  'background', 'ping', 'usemap', 'form', 'autofocus', 'tabindex', 'contenteditable', 'is', 'slot', 'open'];
const XHTML = 'http://www.w3.org/1999/xhtml';

const COMMON = { limit: 100000, layout: 'cards', author: true, categories: true, sort: 'feed', summaryLength: 100000, locale: 'en' };

let roots = [];
let mode = {};
const hosts = []; // what each run added to the page, removed by reset()

const withTimeout = (promise, ms, what) => Promise.race([promise,
  new Promise((_, fail) => setTimeout(() => fail(new Error(`${what} timed out after ${ms} ms`)), ms))]);

/** <feedlet-posts>: shadow or light DOM, text or html summaries, default item or custom template. */
async function embed({ src, html, light, template }) {
  mode = { html, light, template, embed: true };
  const element = document.createElement('feedlet-posts');
  const attributes = { src, limit: '100000', layout: 'cards', author: '', categories: '', sort: 'feed', 'summary-length': '100000',
    locale: 'en', cache: 'off' };
  if (html) attributes.summary = 'html';
  if (light) attributes['light-dom'] = '';
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (template) element.append(makeTemplate());
  const done = new Promise((resolve) => {
    element.addEventListener('feedlet:load', (e) => resolve({ ok: true, count: e.detail.count, refusedUrls: e.detail.refusedUrls }), { once: true });
    element.addEventListener('feedlet:error', (e) => resolve({ ok: false, error: String(e.detail.error && e.detail.error.message) }), { once: true });
  });
  document.body.append(element);
  hosts.push(element);
  const result = await withTimeout(done, 30000, 'feedlet:load');
  roots = light ? [element] : [element.shadowRoot, element];
  return result;
}

/** renderFeed from feedlet.js into a light-DOM element or a shadow root; `object` parses the body as a Feed object. */
async function direct({ src, html, shadow, template, object }) {
  mode = { html, light: !shadow, template, embed: false };
  await ready();
  const body = await (await fetch(src)).text();
  const input = object ? JSON.parse(body) : body;
  const host = document.createElement('div');
  host.className = 'harness-host';
  document.body.append(host);
  hosts.push(host);
  const target = shadow ? host.attachShadow({ mode: 'open' }) : host;
  const options = { ...COMMON, summary: html ? 'html' : true, baseUrl: new URL(src, location.href).href };
  const result = renderFeed(target, input, options, template ? makeTemplate() : null);
  roots = [target];
  return { ok: true, count: result.count, refusedUrls: result.refusedUrls, warnings: result.warnings.length };
}

function* elements(root) {
  for (const child of root.children) {
    yield child;
    if (child.localName === 'template' && mode.template) continue; // the page's own template
    if (child.shadowRoot) yield* elements(child.shadowRoot);
    yield* elements(child);
  }
}

function urlProblem(value) {
  const cleaned = value.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^(javascript|data|vbscript|blob|file|about|filesystem):/i.test(cleaned)) return 'a refused scheme';
  let url;
  // A value no URL parser accepts (such as http://javascript:x, a bad port) cannot be followed: not a finding.
  try { url = new URL(value, document.baseURI); } catch { return null; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `protocol ${url.protocol}`;
  return null;
}

// Where a finding sits: which item (so which payload and entry kind) and which field.
function locate(element) {
  const li = element.closest('li.feedlet__item');
  if (!li || !li.parentNode) return { index: -1, field: 'page' };
  const index = Array.prototype.indexOf.call(li.parentNode.children, li);
  const kind = index % 3;
  let field = 'unknown';
  const near = (selector) => element.closest(selector);
  if (near('.feedlet__author, .t-author')) field = 'author-name';
  else if (near('.feedlet__categories, .t-cats')) field = 'category';
  else if (near('.feedlet__image, [data-field=image]')) field = ['image-thumbnail', 'image-enclosure', 'image-in-content'][kind];
  else if (near('.feedlet__summary, .t-summary')) field = kind === 2 ? 'image-in-content' : 'summary';
  else if (near('.feedlet__title, [data-field=title], [data-field=link]')) field = element.hasAttribute('href') ? 'link' : 'entry-title';
  return { index, field };
}

/**
 * Checks the rendered tree. (No synthetic events are dispatched: under the page's CSP an inline handler can never
 * run, and is reported when it is set; a handler attribute that reached the tree fails the attribute check here.)
 */
function check() {
  const all = [];
  for (const root of roots) for (const element of elements(root)) all.push(element);
  const allowed = new Set([...RENDERER, ...(mode.html ? RICH : []), ...(mode.template ? [...TEMPLATE_OWN, 'template'] : []),
    ...(mode.embed && !mode.light ? ['slot'] : [])]);
  const allowedAttributes = new Set([...ATTRIBUTES, ...(mode.template ? ['data-field'] : [])]);
  const problems = [];
  let items = 0;
  const titles = [];
  for (const element of all) {
    const name = element.localName;
    const report = (what) => problems.push({ ...locate(element), what: `<${name}> ${what}` });
    if (mode.template && element.classList.contains('t-raw')) {
      // The template's own raw-text and foreign elements: they must stay as the page wrote them, empty.
      if (element.textContent) problems.push({ ...locate(element), field: 'unknown', what: `<${name} data-field=${element.getAttribute('data-field')}> holds feed text "${element.textContent.slice(0, 60)}"` });
      continue;
    }
    if (element.matches('li.feedlet__item')) {
      items++;
      const title = element.querySelector('.feedlet__title, [data-field=title]');
      titles.push(title ? title.textContent : '');
    }
    if (element.namespaceURI !== XHTML) report(`in namespace ${element.namespaceURI}`);
    if (!allowed.has(name)) report('is not one of the renderer\'s elements');
    for (const attribute of element.attributes) {
      const key = attribute.name.toLowerCase();
      if (key.startsWith('on')) report(`has the event handler ${key}="${attribute.value.slice(0, 60)}"`);
      else if (FORBIDDEN.includes(key)) report(`has the attribute ${key}="${attribute.value.slice(0, 60)}"`);
      else if (!allowedAttributes.has(key)) report(`has the unexpected attribute ${key}`);
      if (key === 'href' || key === 'src' || key === 'xlink:href' || key === 'action' || key === 'formaction' || key === 'data') {
        const problem = urlProblem(attribute.value);
        if (problem) report(`${key}="${attribute.value.slice(0, 60)}" is ${problem}`);
      }
      if (key === 'target' && attribute.value === '_blank' && !/\bnoopener\b/.test(element.getAttribute('rel') || '')) report('opens a new tab without rel=noopener');
    }
  }
  return { problems, items, titles };
}

/**
 * The must_not_contain rule. A markup token (`<script`) fails when an element of that name is in the rendered tree
 * or the token occurs in the outerHTML of the rendered nodes (text and attribute values are escaped there, so only
 * a tag matches). A bare token (`onclick`) fails when an attribute of that name exists; its occurrence elsewhere
 * (text, attribute values) is data and only counted in `strict`.
 */
function tokenViolations(target, tokens) {
  const serialized = [...target.children].map((c) => c.outerHTML).join('').toLowerCase();
  const names = new Set();
  const attributeNames = new Set();
  for (const element of elements(target)) {
    names.add(element.localName);
    for (const a of element.attributes) attributeNames.add(a.name.toLowerCase());
  }
  const violations = [];
  let strict = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (lower.startsWith('<')) {
      if (names.has(lower.slice(1)) || serialized.includes(lower)) violations.push(`${token} rendered as markup`);
    } else if (attributeNames.has(lower)) violations.push(`attribute ${token} rendered`);
    else if (serialized.includes(lower)) strict++;
  }
  return { violations, strict };
}

/**
 * The feedparser sanitize cases: each case's feed as served, and each HTML fragment it carries (re-wrapped as an
 * Atom entry's title, summary and content), rendered with renderFeed in text and html modes, light and shadow.
 * Checks each must_not_contain token against the rendered tree (see run.mjs for the rule).
 */
async function feedparser(cases) {
  mode = {};
  await ready();
  // Self-test of the rule: a tree that does hold the tokens must fail, one whose text merely names them must not.
  const bad = document.createElement('div');
  const frame = document.createElement('iframe');
  frame.setAttribute('onclick', 'x');
  bad.append(frame);
  const good = document.createElement('div');
  good.append(document.createElement('p'));
  good.firstChild.textContent = '<iframe onclick=x>';
  if (tokenViolations(bad, ['<iframe', 'onclick']).violations.length !== 2 || tokenViolations(good, ['<iframe', 'onclick']).violations.length) {
    throw new Error('the must_not_contain rule failed its self-test');
  }
  const results = [];
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  const FIELDS = ['title', 'subtitle', 'tagline', 'copyright', 'rights', 'info', 'summary', 'description', 'content',
    'encoded', 'body', 'fullitem'];
  for (const { file, tokens } of cases) {
    window.__xssCase = file;
    const text = await (await fetch('/fp/' + file)).text();
    // The HTML fragments the case carries, read with the browser's XML parser.
    const fragments = [];
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (!doc.querySelector('parsererror')) {
      for (const element of doc.getElementsByTagName('*')) {
        if (!FIELDS.includes(element.localName)) continue;
        // Inline markup (xhtml, or HTML left unescaped) is taken as written; escaped HTML as its decoded text.
        fragments.push(element.children.length
          ? [...element.childNodes].map((n) => new XMLSerializer().serializeToString(n)).join('')
          : element.textContent);
      }
    } else {
      for (const m of text.matchAll(/<((?:\w+:)?(?:title|subtitle|tagline|copyright|rights|info|summary|description|content|encoded|body|fullitem))\b[^>]*>([\s\S]*?)<\/\1>/g)) fragments.push(m[2]);
    }
    const wrapped = '<feed xmlns="http://www.w3.org/2005/Atom">' + fragments.map((html, i) =>
      `<entry><id>urn:f:${i}</id><title type="html">${escape(html)}</title><summary type="html">${escape(html)}</summary>`
      + `<content type="html">${escape(html)}</content></entry>`).join('') + '</feed>';
    const outcome = { file, fragments: fragments.length, rendered: 0, violations: [], strictText: 0 };
    for (const input of [text, wrapped]) {
      for (const summary of [true, 'html']) {
        for (const shadow of [false, true]) {
          const host = document.createElement('div');
          document.body.append(host);
          const target = shadow ? host.attachShadow({ mode: 'open' }) : host;
          try {
            renderFeed(target, input, { ...COMMON, summary, baseUrl: location.origin + '/fp/' + file });
            outcome.rendered++;
          } catch (error) {
            // No feed: nothing rendered, nothing to leak.
            host.remove();
            continue;
          }
          const where = `${summary === 'html' ? 'html' : 'text'}, ${shadow ? 'shadow' : 'light'}, ${input === text ? 'feed' : 'fragment'}`;
          const found = tokenViolations(target, tokens);
          outcome.violations.push(...found.violations.map((v) => `${v} (${where})`));
          outcome.strictText += found.strict;
          host.remove();
        }
      }
    }
    results.push(outcome);
  }
  window.__xssCase = null;
  return results;
}

/**
 * Atom xhtml in summary="html": the rich summary may only hold elements the entry's XHTML really contains. The
 * feed is read with the browser's XML parser (as the format defines it); for each payload entry (every third
 * item), every element of the rendered summary needs an XHTML-namespace element of the same name in the entry's
 * <summary>/<content> (h1/h2 count as h3) whose text holds the rendered element's text (as a subsequence:
 * dropped parts may be missing). Otherwise XML text, a comment, a processing instruction, a foreign-namespace
 * element or an empty element became markup. Returns [{ index, extra: [what] }].
 */
async function fidelity(src) {
  // The two payloads with control characters are written as character references XML forbids: drop them here.
  const text = (await (await fetch(src)).text()).replace(/&#x[01];/g, '');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.querySelector('parsererror')) return [{ index: -1, extra: ['the feed is not well-formed XML'] }];
  const entries = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry');
  const items = [];
  for (const root of roots) for (const element of elements(root)) if (element.matches('li.feedlet__item')) items.push(element);
  const out = [];
  const squeeze = (t) => t.replace(/\s+/g, '');
  // `small` is a subsequence of `big`: what the renderer dropped (a script's text, say) may be missing, nothing added.
  const within = (small, big) => {
    let i = 0;
    for (const c of big) if (c === small[i]) i++;
    return i === small.length;
  };
  items.forEach((li, index) => {
    if (index % 3 !== 0 || !entries[index]) return;
    const xml = [];
    for (const field of entries[index].children) {
      if (field.localName !== 'summary' && field.localName !== 'content') continue;
      xml.push(...field.getElementsByTagNameNS(XHTML, '*'));
    }
    const named = (name) => xml.filter((e) => e.localName === name || (name === 'h3' && /^h[12]$/.test(e.localName)));
    const summary = li.querySelector('.feedlet__summary--html');
    if (!summary) return;
    const extra = new Set();
    for (const element of summary.querySelectorAll('*')) {
      const twins = named(element.localName);
      if (!twins.length) { extra.add(`<${element.localName}>`); continue; }
      // Its text must come from one of its XML twins: an empty XML <a/> must not wrap the text after it.
      const text = squeeze(element.textContent);
      if (text && !twins.some((twin) => within(text, squeeze(twin.textContent)))) extra.add(`<${element.localName}> around text it does not hold in XML`);
    }
    if (extra.size) out.push({ index, extra: [...extra] });
  });  return out;
}

/**
 * One run in one round trip: render, check the tree, wait until the canary/CSP log has been quiet for 60 ms
 * (reports arrive as tasks; at most 2 s), take the log, and remove the widget.
 */
async function runMode(kind, options) {
  const t0 = performance.now();
  const result = await (kind === 'embed' ? embed(options) : direct(options));
  const t1 = performance.now();
  const tree = check();
  if (options.fidelity) tree.fidelity = await fidelity(options.src);
  const t2 = performance.now();
  // Blocked cross-origin images (img-src reports) go on arriving as lazy images load: they do not count as noise.
  const significant = () => window.__xssLog.filter((e) => !(e.type === 'csp' && /^img-src/.test(e.arg))).length;
  const end = Date.now() + 2000;
  let last = -1;
  while (Date.now() < end && significant() !== last) {
    last = significant();
    await new Promise((ok) => setTimeout(ok, 60));
  }
  const log = window.__xssLog.splice(0);
  reset();
  return { result, tree, log, inPage: { render: Math.round(t1 - t0), check: Math.round(t2 - t1), settle: Math.round(performance.now() - t2) } };
}

/**
 * A positive control: a tree that does hold a javascript: link, an inline handler, a style attribute and an
 * <iframe> must fail check(); a same-origin script (allowed by the CSP) must reach the canary; an inline handler
 * set on a live element must be reported by the CSP listener. Run once before the suite trusts a green result.
 */
async function selfTest() {
  mode = { html: true, light: true, template: false, embed: false };
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const section = document.createElement('section');
  host.append(section);
  const a = document.createElement('a');
  a.setAttribute('href', 'javascript:__xss(0)');
  section.append(a);
  const img = document.createElement('img');
  section.append(img, document.createElement('iframe'));
  img.setAttribute('onerror', '__xss(0)'); // on a live element: the CSP report names the element
  img.setAttribute('style', 'color:red');
  roots = [host];
  const tree = check();
  const script = document.createElement('script');
  script.src = '/xss.js?id=0';
  await new Promise((ok) => { script.onload = script.onerror = ok; document.head.append(script); });
  await new Promise((ok) => setTimeout(ok, 150));
  const log = window.__xssLog.splice(0);
  script.remove();
  reset();
  return {
    problems: tree.problems.map((p) => p.what),
    canary: log.some((e) => e.type === 'canary' && e.arg === '0'),
    cspHandler: log.some((e) => e.type === 'csp' && /^script-src-attr at IMG/.test(e.arg)),
    log: [],
  };
}

/** Removes what the last run added (a <feedlet-posts> unmounts when it leaves the page). */
function reset() {
  for (const host of hosts.splice(0)) host.remove();
  roots = [];
  mode = {};
}

window.harness = { embed, direct, check, reset, runMode, feedparser, selfTest };
document.documentElement.dataset.harness = 'ready';
