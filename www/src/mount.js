// `mount`: one Mounted per widget, which fetches, caches, renders and refreshes its feeds.
import { merge, prerendered } from './adopt.js';
import { hasCopy, readCopy, storeCopy } from './cache.js';
import { FIX, explain, feedletError, warn } from './errors.js';
import { address, bare, download, fetchSource, guessUrls, own, plainXml, resolve } from './fetch.js';
import { Offload } from './offload.js';
import { strings } from './strings.js';
import { adoptStyles } from './theme.js';
import { extra, first, loaded, more, parseFeed, readOptions, renderFeeds, renderSkeleton } from './wasm.js';

/** @import { Feed, Options, RenderResult } from './feedlet_bindings.js' */
/** @import { Copy } from './fetch.js' */
/** @import { FeedletError, MountOptions } from './types.js' */

/** @type {WeakMap<Element, Mounted>} */
const mounts = new WeakMap();
/** @type {WeakSet<ShadowRoot>} */
const shadows = new WeakSet();

/**
 * A mounted widget: made by `mount`. It keeps each source's last good copy, renders them into the target, and keeps
 * them fresh; `options` are the options in effect, as `readOptions` read them.
 */
export class Mounted {
  /** @type {Options | null} */
  #options = null;
  /** @type {Element} */
  #target;
  /** @type {MountOptions} */
  #raw;
  /** @type {HTMLTemplateElement | null} */
  #template;
  /** url → the source's last good copy. @type {Map<string, Copy>} */
  #copies = new Map();
  /** The view shows a list of the current sources. */
  #rendered = false;
  /** @type {FeedletError | null} */
  #error = null;
  #generation = 0;
  /** The attempt in progress. @type {AbortController | null} */
  #attempt = null;
  /** @type {Promise<void>} */
  #latest = Promise.resolve();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  #lastFetch = 0;
  /** Aborted by destroy(): every fetch and listener of the widget. */
  #lifetime = new AbortController();
  /** The widget's own words, in the locale in effect. */
  #text = strings();
  /** Posts revealed by "show more" beyond `limit`, and the posts the last render showed. */
  #extra = 0;
  #count = 0;
  /** The "show more" button (made on first use). @type {HTMLButtonElement | undefined} */
  #moreButton;
  /** This widget's use of the big-feed Worker (offload.js). */
  #worker = new Offload();
  // The DOM: the original children (the fallback), where the list goes, and the live region.
  /** @type {ChildNode[]} */
  #original;
  #hasFallback;
  /** @type {ShadowRoot | null} */
  #shadow = null;
  #view = document.createElement('div');
  #slot = document.createElement('slot');
  #status = document.createElement('div');
  #fallback = document.createDocumentFragment();
  /** Whether the view is attached in the light DOM (undefined: not attached). @type {boolean | undefined} */
  #light;
  /** With a prerendered list adopted (adopt.js), renders go here and are merged into the view. @type {HTMLDivElement | undefined} */
  #fresh;

  /**
   * Use `mount(target, options)`.
   * @param {Element} target
   * @param {MountOptions} raw
   */
  constructor(target, raw) {
    this.#target = target;
    this.#raw = raw;
    this.#template = own(raw, 'template') || target.querySelector(':scope > template');
    this.#original = [...target.childNodes];
    this.#hasFallback = this.#original.some((node) => node.nodeType === 1 ? /** @type {Element} */ (node).localName !== 'template' : node.nodeType === 3 && !!/** @type {Text} */ (node).data.trim());
    this.#view.className = 'feedlet__view';
    this.#status.className = 'feedlet__status';
    this.#status.setAttribute('role', 'status');
    this.#status.setAttribute('aria-live', 'polite');
    try {
      if (loaded) this.#read();
    } catch {
      // Read again, and reported, by the first attempt.
    }
    // Until the options are read, the mode is the default (a shadow root) unless light-dom is given at all.
    const light = own(raw, 'lightDom');
    this.#attach(this.#options ? this.#options.lightDom : light != null && light !== false);
    // A list prerendered by `feedlet render` in a light-DOM widget is its first view, refreshed in place.
    const list = this.#light && prerendered(target);
    if (list) {
      this.#view.append(list);
      this.#showView();
      this.#rendered = true;
      // The list was the fallback: once another src fails, the error text shows instead of an empty view.
      this.#hasFallback = false;
      this.#fresh = document.createElement('div');
    }
    document.addEventListener('visibilitychange', () => this.#schedule(), bare({ signal: this.#lifetime.signal }));
    this.#run(true);
  }

  /**
   * Fetches every source now and re-renders (an attempt in progress is replaced). Resolves when done; never rejects.
   * @returns {Promise<void>}
   */
  refresh() {
    return this.#lifetime.signal.aborted ? Promise.resolve() : this.#run(false);
  }

  /**
   * Replaces the options: re-fetches when `src` or `proxy` changed, else re-renders from the feeds in memory.
   * @param {MountOptions} [next]
   * @returns {Promise<void>}
   */
  update(next = {}) {
    if (this.#lifetime.signal.aborted) return Promise.resolve();
    this.#raw = next;
    // The template was found at mount: in the light DOM it now waits with the fallback content.
    if (own(next, 'template')) this.#template = next.template || null;
    const before = this.#options;
    // Before the options were first read, an attempt in progress reads the new ones when the wasm is ready.
    if (!before) return this.#attempt ? this.#latest : this.#run(true);
    let options;
    try {
      options = this.#read();
    } catch (error) {
      warn(explain(/** @type {FeedletError} */ (error)));
      return Promise.resolve();
    }
    // A shadow root cannot be taken back: a light-DOM switch leaves it holding only a slot for the children.
    const moved = options.lightDom !== this.#light;
    if (moved) {
      this.#detach();
      this.#attach(options.lightDom);
    }
    this.#schedule();
    this.#extra = 0;
    const kind = options.feedType !== before.feedType;
    if (options.src.join(' ') !== before.src.join(' ') || options.proxy !== before.proxy || kind) {
      this.#rendered = false;
      // A copy fetched through another proxy is another response (the cache's key has the proxy too), and a
      // page's feed was chosen by the feedType preference.
      for (const [url, copy] of this.#copies) if (!options.src.includes(url) || options.proxy !== before.proxy || kind && copy.feedUrl) this.#copies.delete(url);
      return this.#run(true);
    }
    const show = () => {
      try {
        if (this.#rendered || moved && this.#copies.size) this.#render('memory');
        else if (this.#error) this.#fail();
      } catch (error) {
        warn(explain(/** @type {FeedletError} */ (error)));
        this.#fail();
      }
    };
    const waiting = this.#offload();
    // The second module may fail to load (logged once by wasm.js): the widget then keeps what it shows.
    if (waiting) return waiting.then(show, () => this.#fail());
    show();
    return Promise.resolve();
  }

  /** Stops timers and fetches, removes listeners and restores the original content. */
  destroy() {
    if (this.#lifetime.signal.aborted) return;
    this.#lifetime.abort();
    this.#generation++;
    clearTimeout(this.#timer);
    if (mounts.get(this.#target) === this) mounts.delete(this.#target);
    this.#detach();
  }

  /**
   * The first source's Feed, parsed from the bytes in memory when first read after a load (so it costs nothing
   * unless used); null before one loaded.
   * @returns {Feed | null}
   */
  get feed() {
    return this.feeds[0] || null;
  }

  /**
   * Every loaded source's Feed, in `src` order (parsed on first read, like `feed`).
   * @returns {Feed[]}
   */
  get feeds() {
    return (this.#options?.src || []).flatMap((url) => {
      const copy = this.#copies.get(url);
      try {
        return copy ? [copy.feed ||= parseFeed(copy.input, { baseUrl: copy.baseUrl, charset: copy.charset })] : [];
      } catch {
        return []; // reported when it was rendered
      }
    });
  }

  /**
   * The first error of the last attempt, or null when it fully succeeded.
   * @returns {FeedletError | null}
   */
  get error() {
    return this.#error;
  }

  /**
   * The options in effect, as `readOptions` read them (feed URLs resolved, the locale from the page when none was
   * given); null until the wasm has loaded.
   * @returns {Options | null}
   */
  get options() {
    return this.#options;
  }

  // Reads the raw options through the wasm: logs each invalid value once, resolves the feed URLs against the page,
  // and takes the locale from the page when none is given.
  /** @returns {Options} */
  #read() {
    const raw = this.#raw;
    const { options, warnings } = readOptions(raw);
    for (const text of warnings) warn(text);
    options.src = options.src.map(resolve);
    options.locale ||= this.#locale();
    // The widget's own words follow the locale; a text the page sets wins.
    const text = (this.#text = strings(options.locale));
    const given = (/** @type {string} */ key) => typeof own(raw, key) == 'string' && !!own(raw, key).trim();
    if (!given('emptyText')) options.emptyText = text.empty;
    if (!given('errorText')) options.errorText = text.error;
    return (this.#options = options);
  }

  // The locale when none is given: the closest `lang`, then the browser's.
  #locale() {
    const scope = this.#target.closest('[lang]:not([lang=""])');
    return (scope && /** @type {HTMLElement} */ (scope).lang) || document.documentElement.lang || navigator.language;
  }

  /**
   * Puts the view and the live region in place: in a shadow root (reused if an earlier mount made it), or in the
   * light DOM, where the original children wait in a fragment while the view shows.
   * @param {boolean} light
   */
  #attach(light) {
    const target = this.#target;
    this.#shadow = null;
    if (!light) {
      try {
        shadows.add(this.#shadow = target.attachShadow(bare({ mode: 'open' })));
      } catch {
        // Elements that cannot have a shadow root render in the light DOM.
        if (target.shadowRoot && shadows.has(target.shadowRoot)) this.#shadow = target.shadowRoot;
      }
    }
    this.#light = !this.#shadow;
    if (this.#shadow) {
      this.#view.replaceChildren(this.#slot);
      this.#shadow.replaceChildren(this.#view, this.#status);
      adoptStyles(this.#shadow);
    } else {
      target.append(this.#status);
      const root = target.getRootNode();
      adoptStyles(root instanceof ShadowRoot ? root : document);
    }
  }

  // Takes the view and the live region away and gives the original children back.
  #detach() {
    if (this.#shadow) this.#shadow.replaceChildren(this.#slot);
    else {
      this.#view.remove();
      this.#status.remove();
      // An adopted list goes back with the original children (as refreshed), and the next view is built afresh.
      if (this.#fresh) {
        this.#moreButton?.remove();
        this.#fallback.prepend(...this.#view.childNodes);
        this.#fresh = undefined;
        this.#rendered = false;
      }
      this.#target.append(this.#fallback);
    }
    this.#view.replaceChildren();
    this.#light = undefined;
  }

  #showView() {
    if (this.#light && !this.#view.parentNode) {
      this.#fallback.append(...this.#original.filter((node) => node.parentNode === this.#target));
      this.#target.insertBefore(this.#view, this.#status);
    }
  }

  #showFallback() {
    if (!this.#light) return this.#view.replaceChildren(this.#slot);
    this.#view.remove();
    this.#target.insertBefore(this.#fallback, this.#status);
  }

  /**
   * @param {string} type
   * @param {object} detail
   */
  #emit(type, detail) {
    this.#target.dispatchEvent(new CustomEvent(type, bare({ detail, bubbles: true, composed: true })));
  }

  /**
   * Renders the copies in memory, parsing each once; what the render found in each source (`sources[i]`: parsed or
   * not, how many entries) decides which copies stay. A source that does not parse goes back to its previous copy,
   * or away; so does a refreshed copy that was only recovered (a truncated body, broken JSON: new warnings and fewer
   * entries than the copy it replaces), so that the last good content stays. With nothing better, recovered content
   * shows. Returns the errors.
   * @param {'cache' | 'network' | 'memory'} from
   * @param {Map<string, Copy | undefined>} [previous] url → the copy a new one replaced
   * @returns {FeedletError[]}
   */
  #render(from, previous = new Map()) {
    const options = /** @type {NonNullable<Mounted['options']>} */ (this.#options);
    const urls = options.src.filter((url) => this.#copies.has(url));
    if (!urls.length) return [];
    const copies = urls.map((url) => /** @type {Copy} */ (this.#copies.get(url)));
    /** @type {RenderResult | undefined} */
    let result;
    /** @type {RenderResult['sources']} */
    let sources;
    try {
      const limit = options.limit + this.#extra;
      const view = this.#fresh || this.#view;
      // Its members are read as own properties (a polluted Object.prototype.error is not an answer).
      const chosen = /** @type {any} */ (this.#worker.chosen({ copies, options, extra: this.#extra }));
      if (chosen && Object.hasOwn(chosen, 'error')) throw feedletError(chosen.error.kind, chosen.error.message, '', chosen.error);
      // From the Worker: only the entries shown, each feed's outcome as the Worker found it.
      if (chosen) result = { ...renderFeeds(view, chosen.feeds.flatMap((/** @type {Feed | null} */ input) => input ? [{ input }] : []), { ...options, limit, offset: 0 }, this.#template), warnings: chosen.warnings, errors: chosen.errors, sources: chosen.sources };
      else result = renderFeeds(view, copies.map(({ input, charset, baseUrl }) => ({ input, charset, baseUrl })), this.#extra ? { ...options, limit } : options, this.#template);
      sources = result.sources;
    } catch (thrown) {
      const error = /** @type {any} */ (thrown);
      if (own(error, 'kind') === 'internal') {
        // The module failed mid-render (and was restarted): the view may be half-built, and these copies may be
        // what failed it. They go (stored ones too); the fallback or error text shows until the next attempt.
        urls.forEach((url, i) => {
          if (copies[i].cached) storeCopy(url, options.proxy, null);
          this.#copies.delete(url);
        });
        this.#rendered = false;
      }
      // None parsed: the error lists each source's problem, and the view is untouched.
      if (!own(error, 'sources')) throw error;
      sources = error.sources;
    }
    /** @type {FeedletError[]} */
    const errors = [];
    urls.forEach((url, i) => {
      const { ok, entries, error } = sources[i];
      // A web page whose feed links were looked for, and none found, that is not a feed either.
      if (!ok && copies[i].page && /^(empty|notXmlOrJson|notAFeed)$/.test(error?.kind || '')) return errors.push(feedletError('noFeedLink', 'the page names no feed in a <link rel="alternate"> element', url));
      if (!ok) return errors.push(feedletError(error?.kind || 'internal', error?.message || 'not read', url, error));
      const copy = copies[i];
      const old = previous.get(url);
      const [first, ...more] = (result?.warnings || []).filter((w) => w.source === i);
      copy.entries = entries;
      copy.warnings = first ? [first, ...more].map((w) => w.message) : [];
      if (!first) return;
      const { line, column, message } = first;
      // A recurring warning (a dropped javascript: link, say) does not pin an old copy after posts were removed.
      if (old?.warnings && entries < (old.entries ?? 0) && copy.warnings.some((/** @type {string} */ text) => !old.warnings?.includes(text))) {
        errors.push(feedletError('syntax', message + '; showing the last good copy instead', url, { line, column }));
      } else {
        warn(`${url} has errors at line ${line}, column ${column}: ${message}${more.length ? ` (and ${more.length} more)` : ''}; showing what could be read.${FIX}`);
      }
    });
    let retry = false;
    for (const error of errors) {
      const url = /** @type {string} */ (error.url);
      const old = previous.get(url);
      if (this.#copies.get(url)?.cached) storeCopy(url, options.proxy, null);
      if (old) this.#copies.set(url, old);
      else this.#copies.delete(url);
      previous.delete(url);
      retry ||= !!old;
    }
    if (retry) return errors.concat(this.#render(from));
    if (result) {
      if (this.#fresh) merge(this.#view, this.#fresh);
      this.#rendered = true;
      this.#showView();
      this.#status.textContent = '';
      this.#placeMore(result.count, sources);
      this.#emit('feedlet:load', { ...result, from });
    }
    return errors;
  }

  /**
   * With `more`, puts the "show more" button after the list while the feeds in memory hold more posts than it
   * shows (their entries past `offset`: a category filter or duplicates may leave fewer, and then a click adds
   * what there is and the button goes); else takes it away.
   * @param {number} count the posts shown
   * @param {RenderResult['sources']} sources
   */
  #placeMore(count, sources) {
    const { more, limit, offset } = /** @type {Options} */ (this.#options);
    this.#count = count;
    const total = sources.reduce((sum, source) => sum + source.entries, 0) - offset;
    if (!more || !limit || count < limit + this.#extra || total <= count) return this.#moreButton?.remove();
    let button = this.#moreButton;
    if (!button) {
      button = this.#moreButton = document.createElement('button');
      button.type = 'button';
      button.className = 'feedlet__more';
      button.setAttribute('part', 'more');
      button.addEventListener('click', () => this.#showMore(), bare({ signal: this.#lifetime.signal }));
    }
    button.textContent = this.#text.more;
    (this.#view.querySelector('.feedlet') || this.#view).append(button);
  }

  /**
   * Reveals the next `limit` posts from the feeds in memory (no request), moves focus to the first new post's
   * link (so that reading and Tab go on from there, and the button follows the new posts), and announces how
   * many were added in the live region.
   */
  async #showMore() {
    const options = this.#options;
    if (!options || !this.#rendered) return;
    const before = this.#count;
    this.#extra += options.limit;
    const waiting = this.#offload();
    try {
      await waiting;
    } catch {
      // The second module did not load (logged once by wasm.js): nothing more shows.
      if (this.#options === options) this.#extra -= options.limit;
      return;
    }
    if (this.#options !== options || !this.#rendered) return;
    try {
      this.#render('memory');
    } catch (error) {
      return warn(explain(/** @type {FeedletError} */ (error)));
    }
    const items = this.#view.querySelectorAll('.feedlet__item');
    const item = /** @type {HTMLElement | undefined} */ (items[before] || items[items.length - 1]);
    const link = item?.querySelector('a[href]');
    if (item && !link) item.tabIndex = -1;
    /** @type {HTMLElement | undefined} */ (link || item)?.focus();
    this.#status.textContent = this.#text.added(this.#count - before);
  }

  /**
   * What to wait for before the next render (offload.js): the Worker selecting from big copies, or giving their bytes
   * back; null for small copies, which render at once.
   * @returns {Promise<void> | null}
   */
  #offload() {
    // Before the Worker's request, which takes the copies' bytes away until it answers.
    const second = this.#more();
    const worker = this.#worker.pending(() => this.#options && { copies: this.#options.src.flatMap((url) => this.#copies.get(url) || []), options: this.#options, extra: this.#extra });
    return second && worker ? Promise.all([second, worker]).then(() => {}) : second || worker;
  }

  /**
   * The second module's load (wasm.js) when the next render needs it and it is not loaded: for rich summaries, and
   * for a copy that is not plainly XML (JSON Feed, or text the parser must look at more closely); else null.
   * @returns {Promise<void> | null}
   */
  #more() {
    const options = this.#options;
    if (extra || !options) return null;
    const copies = options.src.flatMap((url) => this.#copies.get(url) || []);
    return options.summary && options.summaryMode === 'html' && copies.length || copies.some(({ input }) => !plainXml(input)) ? more() : null;
  }

  // Nothing to show: the fallback content, else the error text.
  #fail() {
    if (this.#rendered) return;
    const raw = own(this.#raw, 'errorText');
    const text = this.#options ? this.#options.errorText : typeof raw == 'string' && raw || strings(own(this.#raw, 'locale') || this.#locale()).error;
    this.#status.textContent = text;
    if (this.#hasFallback) return this.#showFallback();
    const section = document.createElement('section');
    const message = document.createElement('p');
    section.className = 'feedlet feedlet--' + (this.#options ? this.#options.layout : 'list');
    message.className = 'feedlet__empty feedlet__error';
    message.setAttribute('part', 'empty error');
    message.textContent = text;
    section.append(message);
    this.#view.replaceChildren(section);
    this.#showView();
  }

  #schedule() {
    clearTimeout(this.#timer);
    const refresh = this.#options ? this.#options.refresh : 0;
    if (this.#lifetime.signal.aborted || !(refresh > 0) || document.visibilityState === 'hidden') return;
    const due = this.#lastFetch + refresh * 1000 - Date.now();
    this.#timer = setTimeout(() => this.refresh(), Math.min(Math.max(due, 0), 2 ** 31 - 1));
  }

  /**
   * An attempt replaced by a newer one resolves when the newer one does.
   * @param {boolean} useCache
   */
  #run(useCache) {
    return (this.#latest = this.#load(useCache).catch(() => {}));
  }

  /**
   * One attempt: stored copies first (when `useCache`), the network for the stale ones, then render and report.
   * @param {boolean} useCache
   * @returns {Promise<void>}
   */
  async #load(useCache) {
    const id = ++this.#generation;
    this.#attempt?.abort();
    const attempt = (this.#attempt = new AbortController());
    const signal = AbortSignal.any([this.#lifetime.signal, attempt.signal]);
    /** @type {FeedletError[]} */
    const errors = [];
    /** address → a download started before the options were read. @type {Map<string, ReturnType<typeof download>>} */
    const early = new Map();

    clearTimeout(this.#timer);
    try {
      const wasm = first();
      if (!loaded) {
        // The options are read by the wasm, but the downloads need not wait for it: those of the URLs src names as
        // written start now, alongside the wasm's, and are kept below if the options name them too.
        // A URL with a stored copy waits for the options: they say whether the copy may be used.
        for (const url of guessUrls(this.#raw)) {
          if (useCache && hasCopy(url, undefined)) continue;
          const started = download(url, undefined, signal);
          early.set(started.key, started);
        }
      }
      await wasm.catch((wasmError) => {
        attempt.abort();
        throw wasmError;
      });
      if (id !== this.#generation) return this.#lifetime.signal.aborted ? undefined : this.#latest;
      if (!this.#options) {
        const light = this.#read().lightDom;
        if (light !== this.#light) {
          this.#detach();
          this.#attach(light);
        }
      }
      const { src: urls, cache: caching, cacheTtl, proxy, timeout, feedType } = /** @type {NonNullable<Mounted['options']>} */ (this.#options);
      // cache="off" and cache-ttl="0" neither store nor read; a stored copy is loaded into memory once.
      const cache = caching && cacheTtl > 0;
      if (cache && useCache) {
        for (const url of urls) {
          const copy = !this.#copies.has(url) && readCopy(url, proxy);
          // A page's stored feed was chosen by the feedType preference of its time.
          if (copy && (!copy.feedUrl || copy.prefer == feedType)) this.#copies.set(url, copy);
        }
      }
      const start = Date.now();
      const isFresh = (/** @type {string} */ url) => cache && useCache && this.#copies.has(url) && start - /** @type {Copy} */ (this.#copies.get(url)).time < cacheTtl * 1000;
      const fetchOne = (/** @type {string} */ url) => {
        const key = address(url, proxy);
        const started = early.get(key) || download(url, proxy, signal);
        early.delete(key);
        started.limit(timeout);
        return started.result;
      };
      const fetchAll = (/** @type {string[]} */ list) => list.map((url) => fetchSource(url, this.#copies.get(url), /** @type {Options} */ (this.#options), start, fetchOne));
      let fetches = fetchAll(urls.filter((url) => !isFresh(url)));
      for (const unused of early.values()) unused.cancel();
      this.#lastFetch = Math.min(start, ...urls.filter(isFresh).map((url) => /** @type {Copy} */ (this.#copies.get(url)).time));
      if (useCache) {
        const waiting = this.#offload();
        if (waiting) await waiting;
        if (id !== this.#generation) return this.#lifetime.signal.aborted ? undefined : this.#latest;
        errors.push(...this.#render('cache'));
        // A stored copy that no longer parses was dropped by render: fetch that source after all.
        fetches = fetches.concat(fetchAll(urls.filter((url) => isFresh(url) && !this.#copies.has(url))));
        if (!this.#rendered && !this.#hasFallback && fetches.length) {
          renderSkeleton(this.#view, this.#options);
          this.#view.querySelector('ul')?.setAttribute('aria-label', this.#text.loading);
          this.#showView();
        }
      }
      const results = await Promise.all(fetches);
      if (id !== this.#generation) return this.#lifetime.signal.aborted ? undefined : this.#latest;
      /** @type {Map<string, Copy | undefined>} */
      const previous = new Map();
      for (const { url, copy, error } of results) {
        if (!copy) errors.push(/** @type {FeedletError} */ (error));
        else {
          previous.set(url, this.#copies.get(url));
          this.#copies.set(url, copy);
        }
      }
      if (previous.size) {
        const waiting = this.#offload();
        if (waiting) await waiting;
        if (id !== this.#generation) return this.#lifetime.signal.aborted ? undefined : this.#latest;
        errors.push(...this.#render('network', previous));
        if (cache) for (const url of previous.keys()) storeCopy(url, proxy, this.#copies.get(url) || null);
      }
      if (!urls.length) errors.push(feedletError('invalidInput', 'no src: set it to the feed URL', ''));
    } catch (unexpected) {
      for (const unused of early.values()) unused.cancel();
      if (id !== this.#generation) return;
      const error = /** @type {any} */ (unexpected);
      errors.push(error && own(error, 'kind') ? error : feedletError('internal', String(error?.message || error), ''));
    }
    this.#error = errors[0] || null;
    if (this.#error) {
      for (const error of errors) warn(explain(error));
      this.#fail();
      this.#emit('feedlet:error', { error: this.#error, errors });
    }
    this.#attempt = null;
    this.#schedule();
  }
}

/**
 * Fetches the feeds in `options.src`, renders them into `target` (a shadow root by default) and keeps them up to date:
 * - whatever `target` holds stays as the fallback until the first successful render, and returns when loading fails
 *   (without fallback content, `errorText` shows); a skeleton shows only when there is neither fallback nor cached copy;
 * - the last good copy of each feed is kept in localStorage (see `storeCopy` in cache.js: keyed by URL and proxy, at
 *   most 1 Mi characters in all, least recently used first out) and shown at once on the next visit, unless `cache`
 *   is off or `cacheTtl` 0;
 * - each error is logged once to the console with its fix, set as `error`, and dispatched as a `feedlet:error` event;
 *   a feed read only with recovery (`RenderResult.warnings`: truncated, broken) shows when nothing better is at hand, with
 *   one console warning; a refreshed copy that adds such warnings and has fewer entries than the copy shown is an error
 *   (kind "syntax"): the last good copy stays, also in localStorage;
 * - every render dispatches `feedlet:load`. Both events bubble and cross shadow roots.
 * Options are read by `readOptions` (each invalid value is logged once and falls back to its default). The feed
 * downloads start at once, alongside the wasm's. Mounting the same target again replaces the previous mount.
 * Never throws for network or feed problems and leaves no unhandled rejection.
 * @param {Element} target
 * @param {MountOptions} [options]
 * @returns {Mounted}
 */
export function mount(target, options = {}) {
  mounts.get(target)?.destroy();
  const mounted = new Mounted(target, options);
  mounts.set(target, mounted);
  return mounted;
}
