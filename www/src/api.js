
// ---- feedlet's JavaScript API: mount (fetch, cache, refresh, fallback), option attributes and the default theme ----
// scripts/build.sh appends this file to wasm-bindgen's output, so it shares that module's scope: it calls
// __wbg_init, parseFeed, renderFeeds and renderSkeleton directly. Internal names start with `feedlet` so that
// they cannot collide with the names wasm-bindgen generates.

/** The option attributes of `<feedlet-posts>`, kebab-case; `data-` + each for auto-mounted elements (`data-feedlet` for `src`). */
export const FEEDLET_ATTRIBUTES = Object.freeze([
  'src', 'limit', 'offset', 'category', 'exclude-category', 'sort', 'date', 'summary', 'image', 'author',
  'categories', 'summary-length', 'date-style', 'locale', 'time-zone', 'layout', 'target', 'heading',
  'empty-text', 'error-text', 'refresh', 'cache-ttl', 'proxy', 'light-dom', 'timeout',
]);

// How an attribute's text becomes a value; attributes not listed are plain text.
const feedletKinds = {
  src: 'list', category: 'list', 'exclude-category': 'list',
  limit: 'count', offset: 'count', 'summary-length': 'count', refresh: 'number', 'cache-ttl': 'number', timeout: 'number',
  date: 'boolean', summary: 'boolean', image: 'boolean', author: 'boolean', categories: 'boolean', 'light-dom': 'boolean',
  sort: ['date', 'feed'], 'date-style': ['medium', 'long', 'relative'], layout: ['list', 'cards', 'compact'], target: ['_self', '_blank'],
};

// Exported functions are documented in feedlet.d.ts. Lists are comma-separated when the text has a comma, else
// whitespace-separated.
export function parseAttribute(name, text) {
  if (text == null) return undefined;
  const kind = feedletKinds[name];
  const value = text.trim();
  if (kind === 'boolean') return name === 'summary' && value === 'html' ? 'html' : !/^(false|0|no|off)$/i.test(value);
  if (!value) return undefined;
  if (kind === 'list') return value.split(value.includes(',') ? /\s*,\s*/ : /\s+/).filter(Boolean);
  if (kind === 'count' || kind === 'number') {
    const number = Number(value);
    if (number >= 0 && number < Infinity) return kind === 'count' ? Math.floor(number) : number;
  } else if (!kind || kind.includes(value)) return value;
  feedletWarn(`${name}="${text}" is not a valid value; using the default.`);
  return undefined;
}

export function attributesToOptions(element, prefix = '') {
  const options = {};
  for (const name of FEEDLET_ATTRIBUTES) {
    const value = parseAttribute(name, element.getAttribute(prefix && name === 'src' ? prefix + 'feedlet' : prefix + name));
    if (value !== undefined) options[name.replace(/-./g, (m) => m[1].toUpperCase())] = value;
  }
  return options;
}

// Every colour and size reads a documented `--feedlet-*` custom property first, and the rules sit in `@layer feedlet`,
// so that any unlayered page rule wins in light-DOM mode.
export const css = `@layer feedlet{:host{display:block}:host([hidden]){display:none}
.feedlet{--_a:var(--feedlet-accent,#0b57d0);--_t:var(--feedlet-text,#1f2328);--_m:var(--feedlet-muted,#57606a);--_b:var(--feedlet-bg,#fff);--_c:var(--feedlet-card-bg,#f6f8fa);--_l:var(--feedlet-border,#d0d7de);--_g:var(--feedlet-gap,1rem);--_p:var(--feedlet-padding,1rem);--_r:var(--feedlet-radius,.75rem);font-family:var(--feedlet-font,inherit);font-size:var(--feedlet-font-size,inherit);line-height:1.5;color:var(--_t);background:var(--_b);padding:var(--_p);border-radius:var(--_r);text-align:start}
@media (prefers-color-scheme:dark){.feedlet{--_a:var(--feedlet-accent,#79b0ff);--_t:var(--feedlet-text,#e6edf3);--_m:var(--feedlet-muted,#a2acb7);--_b:var(--feedlet-bg,#15181d);--_c:var(--feedlet-card-bg,#1e232a);--_l:var(--feedlet-border,#363d47)}}
.feedlet *,.feedlet ::before{box-sizing:border-box}
.feedlet:lang(ko){word-break:keep-all}
.feedlet__heading{margin:0 0 .75em;font-size:1.25em;line-height:1.3}
.feedlet__list{list-style:none;margin:0;padding:0;display:grid;gap:var(--_g)}
.feedlet__item{display:flex;flex-direction:column;gap:.25em;min-width:0;margin:0}
.feedlet--list .feedlet__item+.feedlet__item{border-top:1px solid var(--_l);padding-top:var(--_g)}
.feedlet__title{color:var(--_a);font-weight:600;text-decoration:none;overflow-wrap:anywhere}
span.feedlet__title{color:inherit}
a.feedlet__title:hover{text-decoration:underline}
.feedlet a:focus-visible{outline:2px solid var(--_a);outline-offset:2px;border-radius:2px}
.feedlet__meta{color:var(--_m);font-size:.875em}
.feedlet__meta>*+::before{content:"\\a0· "/""}
.feedlet__summary{margin:0;overflow-wrap:anywhere}
.feedlet__summary :is(p,ul,ol,blockquote,pre,figure){margin:.5em 0}
.feedlet__summary a{color:var(--_a)}
.feedlet__summary img{max-width:100%;height:auto}
.feedlet__empty{margin:0;color:var(--_m)}
.feedlet--cards .feedlet__list{grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.feedlet--cards .feedlet__item{background:var(--_c);border:1px solid var(--_l);border-radius:var(--_r);padding:var(--_p);overflow:hidden}
.feedlet__image,.feedlet--cards .feedlet__item--skeleton::before{display:block;width:calc(100% + 2*var(--_p));max-width:none;height:auto;aspect-ratio:var(--feedlet-image-ratio,16/9);object-fit:cover;margin:calc(-1*var(--_p)) calc(-1*var(--_p)) .5em;background:var(--_l)}
.feedlet--compact .feedlet__list{gap:.5em}
.feedlet--compact .feedlet__item{flex-flow:row wrap;align-items:baseline;justify-content:space-between;column-gap:1em}
.feedlet--compact .feedlet__title{flex:1 1 12em;font-weight:500}
.feedlet--cards .feedlet__item--skeleton::before{content:""}
.feedlet__bone,.feedlet__item--skeleton::before{display:block;height:1em;width:60%;border-radius:.25em;background:var(--_l);animation:feedlet-pulse 1.2s ease-in-out infinite alternate}
.feedlet__bone--meta{width:30%;height:.75em}
.feedlet--compact .feedlet__bone--meta{width:5em}
@keyframes feedlet-pulse{to{opacity:.45}}
@media (prefers-reduced-motion:reduce){.feedlet__bone,.feedlet__item--skeleton::before{animation:none}}
.feedlet__status{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}`;

let feedletSheet;

export function adoptStyles(root = document) {
  try {
    if (!feedletSheet) (feedletSheet = new CSSStyleSheet()).replaceSync(css);
    if (!root.adoptedStyleSheets.includes(feedletSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, feedletSheet];
  } catch {
    // Without constructable stylesheets (browsers before 2023) the list stays unstyled but readable.
  }
}

const feedletWarned = new Set();
// Each distinct problem reaches the console once per page, however many widgets or refreshes meet it.
function feedletWarn(text) {
  if (!feedletWarned.has(text)) console.warn('feedlet: ' + text);
  feedletWarned.add(text);
}

function feedletError(kind, message, url, extra) {
  return Object.assign(new Error(message), { name: 'FeedletError', line: 0, column: 0 }, extra, { kind, url });
}

const feedletFix = ' Fix the feed there (a feed validator shows the same spot).';

// What happened and how to fix it, for the console.
function feedletExplain({ kind, url, message, line, column }) {
  if (kind === 'network') return `could not fetch ${url}: a network error, or a cross-origin request without CORS. Serve the feed from this page's origin, send Access-Control-Allow-Origin from its server, or set proxy (e.g. proxy="https://proxy.example/?url={url}").`;
  if (kind === 'http' || kind === 'timeout') return `${message}. Check the src URL and the server${kind === 'timeout' ? ', or raise timeout' : ''}.`;
  if (kind === 'syntax') return `${url} is not well-formed at line ${line}, column ${column}: ${message}.${feedletFix}`;
  if (/^(empty|notXmlOrJson|notAFeed)$/.test(kind)) return `${url} is not a feed: ${message}. Set src to the RSS, Atom or JSON Feed address itself.`;
  return (url ? url + ': ' : '') + message;
}

// A copy's Feed object, parsed once: when the page reads `feeds`, or when a refresh brought warnings.
const feedletParse = (copy) => copy.feed || (copy.feed = parseFeed(copy.input, copy));

let feedletInit;

// After a failure, a later call tries again.
export function ready() {
  return feedletInit || (feedletInit = __wbg_init().then(() => {}, (cause) => {
    feedletInit = undefined;
    const error = feedletError('wasm', `could not load feedlet_bg.wasm (${cause && cause.message || cause}). Serve it next to feedlet.js as application/wasm, and allow 'wasm-unsafe-eval' in a CSP script-src. The fallback content stays.`, '', { cause });
    feedletWarn(error.message);
    throw error;
  }));
}

// The last good copy of each feed: its raw bytes in base64, because decoded text would lose what a legacy
// charset (EUC-KR, Shift_JIS) meant. Every storage access can throw (SecurityError when storage is blocked,
// QuotaExceededError when full): the widget then simply works without its cache.
function feedletCache(url, copy) {
  const key = 'feedlet:v1:' + url;
  try {
    if (copy === undefined) {
      const entry = JSON.parse(localStorage.getItem(key));
      const binary = atob(entry.body);
      const input = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) input[i] = binary.charCodeAt(i);
      return { input, charset: entry.charset, baseUrl: entry.base || url, time: +entry.t || 0, cached: true };
    }
    // About 1.5 M characters of base64 at most: localStorage holds about 5 M per origin, shared with the page.
    if (!copy || copy.input.length > 1.1e6) return localStorage.removeItem(key);
    let binary = '';
    for (let i = 0; i < copy.input.length; i += 0x8000) binary += String.fromCharCode.apply(null, copy.input.subarray(i, i + 0x8000));
    localStorage.setItem(key, JSON.stringify({ t: copy.time, body: btoa(binary), charset: copy.charset, base: copy.baseUrl }));
  } catch {
    // No cache, then.
  }
}

// Fetches one feed's bytes. Rejects with a FeedletError (network, http, timeout), or an AbortError when `signal` aborts.
async function feedletFetch(url, { proxy, timeout }, signal) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; abort(); }, timeout);
  signal.addEventListener('abort', abort);
  try {
    const address = !proxy ? url : proxy.includes('{url}') ? proxy.replace('{url}', () => encodeURIComponent(url)) : proxy + encodeURIComponent(url);
    const response = await fetch(address, { cache: 'no-cache', signal: controller.signal });
    if (!response.ok) throw feedletError('http', `HTTP ${response.status} for ${url}`, url, { status: response.status });
    const input = new Uint8Array(await response.arrayBuffer());
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type'));
    // Through a proxy, relative links still resolve against the feed's own address.
    return { input, charset: charset ? charset[1] : undefined, baseUrl: (!proxy && response.url) || url, time: Date.now() };
  } catch (error) {
    if (error.kind || signal.aborted) throw error;
    throw timedOut ? feedletError('timeout', `${url} did not answer within ${timeout} ms`, url) : feedletError('network', `could not fetch ${url}`, url, { cause: error });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

// Splits mount options into the settings of the mount and the render options handed to the wasm.
function feedletConfig(target, options, defaultTemplate) {
  const { src, refresh, cacheTtl = 300, proxy, lightDom, timeout, template = defaultTemplate, ...render } = options;
  if (render.summary === 'html') Object.assign(render, { summary: true, summaryMode: 'html' });
  if (!render.locale) {
    const scope = target.closest('[lang]:not([lang=""])');
    render.locale = (scope && scope.lang) || document.documentElement.lang || navigator.language;
  }
  const urls = (typeof src == 'string' ? parseAttribute('src', src) : src) || [];
  return {
    src: urls.map((url) => { try { return new URL(url, document.baseURI).href; } catch { return String(url); } }),
    refresh: +refresh || 0, cacheTtl: +cacheTtl || 0, proxy, lightDom: !!lightDom, timeout: +timeout || 10000, template, render,
  };
}

const feedletMounts = new WeakMap();
const feedletShadows = new WeakSet();

// Never throws for network or feed problems and leaves no unhandled rejection.
export function mount(target, options = {}) {
  feedletMounts.get(target)?.destroy();
  let config = feedletConfig(target, options, target.querySelector(':scope > template'));
  const original = [...target.childNodes];
  const hasFallback = original.some((node) => node.nodeType === 1 ? node.localName !== 'template' : node.nodeType === 3 && node.data.trim());

  let shadow = null;
  if (!config.lightDom) {
    try {
      feedletShadows.add(shadow = target.attachShadow({ mode: 'open' }));
    } catch {
      // A shadow root from an earlier mount is reused; elements that cannot have one render in the light DOM.
      if (feedletShadows.has(target.shadowRoot)) shadow = target.shadowRoot;
    }
  }
  const view = document.createElement('div');
  view.className = 'feedlet__view';
  const slot = document.createElement('slot');
  const status = document.createElement('div');
  status.className = 'feedlet__status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const fallback = document.createDocumentFragment();
  if (shadow) {
    view.append(slot);
    shadow.replaceChildren(view, status);
    adoptStyles(shadow);
  } else {
    target.append(status);
    const root = target.getRootNode();
    adoptStyles(root instanceof ShadowRoot ? root : document);
  }

  const sources = new Map(); // url → its last good copy { input, charset, baseUrl, time }
  let rendered = false; // the view shows a list of the current sources
  let error = null;
  let generation = 0;
  let controller = null;
  let latest = null;
  let timer = 0;
  let lastFetch = 0;
  let destroyed = false;

  const emit = (type, detail) => target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

  // In the light DOM the original children wait in a fragment while the view shows.
  function showView() {
    if (!shadow && !view.parentNode) {
      fallback.append(...original.filter((node) => node.parentNode === target));
      target.insertBefore(view, status);
    }
  }

  function showFallback() {
    if (shadow) return view.replaceChildren(slot);
    view.remove();
    target.insertBefore(fallback, status);
  }

  // Renders the sources in memory. A source that does not parse goes back to its previous copy, or away; so does a
  // refreshed copy that was only recovered (a truncated body, broken JSON: new warnings and fewer entries than the
  // copy it replaces), so that the last good content stays. With nothing better, recovered content shows.
  function draw(from, previous = new Map()) {
    const urls = config.src.filter((url) => sources.has(url));
    if (!urls.length) return [];
    let result;
    let errors;
    try {
      result = renderFeeds(view, urls.map((url) => sources.get(url)), config.render, config.template);
      errors = result.errors.map((e) => feedletError(e.kind, e.message, urls[e.source], e));
      urls.forEach((url, i) => {
        const [first, ...more] = result.warnings.filter((w) => w.source === i);
        if (!first) return;
        const { line, column, message } = first;
        const old = previous.get(url) && feedletParse(previous.get(url));
        const fresh = old && feedletParse(sources.get(url));
        // A recurring warning (a dropped javascript: link, say) does not pin an old copy after posts were removed.
        if (old && fresh.entries.length < old.entries.length && fresh.warnings.some((w) => !old.warnings.some((v) => v.message === w.message))) {
          errors.push(feedletError('syntax', message + '; showing the last good copy instead', url, { line, column }));
        } else {
          feedletWarn(`${url} has errors at line ${line}, column ${column}: ${message}${more.length ? ` (and ${more.length} more)` : ''}; showing what could be read.${feedletFix}`);
        }
      });
    } catch (thrown) {
      if (!thrown || !thrown.kind || thrown.kind === 'invalidInput') throw thrown;
      // None parsed, and renderFeeds names the first source's problem only: the others are parsed for their own.
      errors = urls.flatMap((url, i) => {
        try {
          if (i) return parseFeed(sources.get(url).input, sources.get(url)) && [];
        } catch (each) {
          thrown = each;
        }
        return [feedletError(thrown.kind, thrown.message, url, thrown)];
      });
    }
    let retry = false;
    for (const { url } of errors) {
      const old = previous.get(url);
      if (sources.get(url).cached) feedletCache(url, null);
      if (old) sources.set(url, old);
      else sources.delete(url);
      previous.delete(url);
      retry = retry || !!old;
    }
    if (retry) return errors.concat(draw(from));
    if (result) {
      rendered = true;
      showView();
      status.textContent = '';
      emit('feedlet:load', { ...result, from });
    }
    return errors;
  }

  // Nothing to show: the fallback content, else the error text.
  function fail() {
    if (rendered) return;
    const text = config.render.errorText || 'Could not load the posts.';
    status.textContent = text;
    if (hasFallback) return showFallback();
    const section = document.createElement('section');
    const message = document.createElement('p');
    section.className = 'feedlet feedlet--' + (config.render.layout || 'list');
    message.className = 'feedlet__empty feedlet__error';
    message.setAttribute('part', 'empty error');
    message.textContent = text;
    section.append(message);
    view.replaceChildren(section);
    showView();
  }

  function schedule() {
    clearTimeout(timer);
    if (destroyed || !(config.refresh > 0) || document.visibilityState === 'hidden') return;
    const due = lastFetch + config.refresh * 1000 - Date.now();
    timer = setTimeout(() => mounted.refresh(), Math.min(Math.max(due, 0), 2 ** 31 - 1));
  }

  // One attempt: stored copies first (when `useCache`), the network for the stale ones, then render and report.
  async function load(useCache) {
    const id = ++generation;
    controller?.abort();
    const attempt = (controller = new AbortController());
    const urls = config.src;
    const errors = [];
    clearTimeout(timer);
    try {
      if (useCache) for (const url of urls) if (!sources.has(url)) { const copy = feedletCache(url); if (copy) sources.set(url, copy); }
      const start = Date.now();
      const isFresh = (url) => useCache && sources.has(url) && start - sources.get(url).time < config.cacheTtl * 1000;
      const fetchAll = (list) => list.map((url) => feedletFetch(url, config, attempt.signal).then((copy) => ({ url, copy }), (error) => ({ url, error })));
      // The fetches start before the wasm is ready, so that the downloads overlap.
      let fetches = fetchAll(urls.filter((url) => !isFresh(url)));
      lastFetch = Math.min(start, ...urls.filter(isFresh).map((url) => sources.get(url).time));
      await ready().catch((wasmError) => {
        attempt.abort();
        throw wasmError;
      });
      if (id !== generation) return destroyed ? undefined : latest;
      if (useCache) {
        errors.push(...draw('cache'));
        // A stored copy that no longer parses was dropped by draw: fetch that source after all.
        fetches = fetches.concat(fetchAll(urls.filter((url) => isFresh(url) && !sources.has(url))));
        if (!rendered && !hasFallback && fetches.length) {
          renderSkeleton(view, config.render);
          showView();
        }
      }
      const results = await Promise.all(fetches);
      if (id !== generation) return destroyed ? undefined : latest;
      const previous = new Map();
      for (const { url, copy, error: fetchError } of results) {
        if (!copy) errors.push(fetchError);
        else {
          previous.set(url, sources.get(url));
          sources.set(url, copy);
        }
      }
      if (previous.size) {
        errors.push(...draw('network', previous));
        for (const url of previous.keys()) feedletCache(url, sources.get(url));
      }
      if (!urls.length) errors.push(feedletError('invalidInput', 'no src: set it to the feed URL', ''));
    } catch (unexpected) {
      if (id !== generation) return;
      errors.push(unexpected?.kind ? unexpected : feedletError('internal', String(unexpected?.message || unexpected), ''));
    }
    error = errors[0] || null;
    if (error) {
      for (const e of errors) feedletWarn(feedletExplain(e));
      fail();
      emit('feedlet:error', { error, errors });
    }
    schedule();
  }

  // An attempt replaced by a newer one resolves when the newer one does.
  const run = (useCache) => (latest = load(useCache).catch(() => {}));

  document.addEventListener('visibilitychange', schedule);

  const mounted = {
    refresh() {
      return destroyed ? Promise.resolve() : run(false);
    },
    update(next = {}) {
      if (destroyed) return Promise.resolve();
      const before = config;
      // The template was found at mount: in the light DOM it now waits with the fallback content.
      config = feedletConfig(target, next, before.template);
      schedule();
      if (config.src.join(' ') !== before.src.join(' ') || config.proxy !== before.proxy) {
        rendered = false;
        for (const url of sources.keys()) if (!config.src.includes(url)) sources.delete(url);
        return run(true);
      }
      try {
        if (rendered) draw('memory');
        else if (error) fail();
      } catch (e) {
        feedletWarn(feedletExplain(e));
      }
      return Promise.resolve();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      generation++;
      controller?.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', schedule);
      if (feedletMounts.get(target) === mounted) feedletMounts.delete(target);
      if (shadow) shadow.replaceChildren(slot);
      else {
        view.remove();
        status.remove();
        target.append(fallback);
      }
    },
    get feed() {
      return this.feeds[0] || null;
    },
    // Each copy is parsed on first read only, so that a page that never asks pays nothing.
    get feeds() {
      return config.src.flatMap((url) => {
        try {
          return sources.has(url) ? [feedletParse(sources.get(url))] : [];
        } catch {
          return []; // reported when it was drawn
        }
      });
    },
    get error() {
      return error;
    },
  };
  feedletMounts.set(target, mounted);
  run(true);
  return mounted;
}
