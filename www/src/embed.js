// The one-script embed: starts the bindings' and the wasm's downloads (and the wasm's compile) at once, then defines
// <feedlet-posts> and mounts every [data-feedlet] element, now and when added later; each element starts its feeds'
// downloads as it mounts, while the wasm is still on its way.

import { compile } from './compile.js';

/** @import { Feed, FeedletError, Mounted, MountOptions, Options } from './feedlet.js' */

/**
 * The option properties of `<feedlet-posts>`, camelCase: each reflects its attribute (kebab-case). Reading one gives
 * the value as `readOptions` reads the attribute (its default when absent or invalid), or undefined until the wasm
 * has loaded; setting one sets the attribute (null or undefined removes it).
 * @typedef {{ -readonly [K in Exclude<keyof Options, 'refresh' | 'summaryMode'>]: Options[K] | MountOptions[K] | undefined }} OptionProperties
 */

// Imported during server-side rendering there is no DOM: the class still loads, nothing is defined.
const Base = /** @type {new () => HTMLElement & OptionProperties} */ (typeof HTMLElement == 'undefined' ? class {} : HTMLElement);
/** @type {WeakMap<Element, Mounted>} */
const mounts = new WeakMap();
/** @type {WeakSet<Element>} */
const queued = new WeakSet();
// Whether readOptions can be called: the property getters answer only then.
let loaded = false;
/**
 * The bindings (feedlet.js), imported at run time so that their download starts with the wasm's, not before it.
 * Set before the element is defined, so every callback below can use it.
 * @type {typeof import('./feedlet.js')}
 */
let api;

/**
 * Mounts one element, or updates its mount with the element's current attributes.
 * @param {Element} element
 * @param {MountOptions} options
 */
function mountElement(element, options) {
  try {
    const current = mounts.get(element);
    if (current) current.update(options);
    else mounts.set(element, api.mount(element, options));
  } catch (error) {
    // A lifecycle callback that throws would surface as the page's uncaught exception.
    console.warn('feedlet: could not mount', element, error);
  }
}

/** @param {Element} element */
function unmountElement(element) {
  mounts.get(element)?.destroy();
  mounts.delete(element);
}

/**
 * `<feedlet-posts src="/feed.xml" limit="5" locale="ko">`: fetches, renders and keeps a recent-posts list up to date.
 * Every option of `MountOptions` is an attribute (kebab-case: `exclude-category`, `date-style`, `light-dom`…) and a
 * reflected property (camelCase), except `refresh`, which is the method here (set the interval with the `refresh`
 * attribute). Changing an attribute re-renders (re-fetching only when `src` or `proxy` changed); removing the element
 * stops it. A `<template>` child customizes each entry; any other child is the fallback shown until the first
 * successful render. Events: `feedlet:load` (detail: `FeedletLoadDetail`) and `feedlet:error` (`FeedletErrorDetail`).
 */
export class FeedletPosts extends Base {
  /** The attributes whose changes re-render: `FEEDLET_ATTRIBUTES`. */
  static get observedAttributes() { return api.FEEDLET_ATTRIBUTES; }

  connectedCallback() {
    // Properties set before the element was upgraded hide the accessors: replay them through the setters.
    for (const name of api.FEEDLET_ATTRIBUTES) {
      const property = api.camelCase(name);
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = /** @type {any} */ (this)[property];
        delete (/** @type {any} */ (this))[property];
        /** @type {any} */ (this)[property] = value;
      }
    }
    mountElement(this, api.attributesToOptions(this));
  }

  disconnectedCallback() {
    unmountElement(this);
  }

  attributeChangedCallback() {
    if (!mounts.has(this) || queued.has(this)) return;
    // Several attributes set in a row become one update.
    queued.add(this);
    queueMicrotask(() => {
      queued.delete(this);
      if (mounts.has(this)) mountElement(this, api.attributesToOptions(this));
    });
  }

  /**
   * Fetches the feeds now; resolves after the attempt, never rejects.
   * @returns {Promise<void>}
   */
  refresh() { return mounts.get(this)?.refresh() || Promise.resolve(); }

  /**
   * The first feed, parsed from memory when read; null before one loaded.
   * @returns {Feed | null}
   */
  get feed() { return mounts.get(this)?.feed || null; }

  /**
   * Every loaded feed, in `src` order.
   * @returns {Feed[]}
   */
  get feeds() { return mounts.get(this)?.feeds || []; }

  /**
   * The first error of the last attempt, or null.
   * @returns {FeedletError | null}
   */
  get error() { return mounts.get(this)?.error || null; }
}

/** Defines the reflected option properties on the element's prototype. */
function defineProperties() {
  for (const name of api.FEEDLET_ATTRIBUTES) {
    if (name === 'refresh') continue;
    const key = api.camelCase(name);
    Object.defineProperty(FeedletPosts.prototype, key, {
      configurable: true,
      /** @this {Element} */
      get() { return loaded ? /** @type {any} */ (api.readOptions({ [key]: this.getAttribute(name) }).options)[key] : undefined; },
      /** @this {Element} @param {unknown} value */
      set(value) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, value === true ? '' : Array.isArray(value) ? value.join(' ') : String(value));
      },
    });
  }
}

/** The [data-feedlet] elements mounted, to find the removed ones. @type {Set<Element>} */
const autoMounted = new Set();

/**
 * Mounts, updates or unmounts one [data-feedlet] element to match its attributes and whether it is in the page.
 * @param {Element} element
 */
function sync(element) {
  if (element.isConnected && element.hasAttribute('data-feedlet') && element.localName !== 'feedlet-posts') {
    mountElement(element, api.attributesToOptions(element, 'data-'));
    autoMounted.add(element);
  } else if (autoMounted.delete(element)) unmountElement(element);
}

function start() {
  try {
    document.querySelectorAll('[data-feedlet]').forEach(sync);
    new MutationObserver((records) => {
      /** @type {Set<Element>} */
      const touched = new Set();
      for (const record of records) {
        if (record.type === 'attributes') touched.add(/** @type {Element} */ (record.target));
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const element = /** @type {Element} */ (node);
          if (element.hasAttribute('data-feedlet')) touched.add(element);
          element.querySelectorAll('[data-feedlet]').forEach((inner) => touched.add(inner));
        }
        if (record.removedNodes.length) for (const element of autoMounted) if (!element.isConnected) touched.add(element);
      }
      touched.forEach(sync);
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: api.FEEDLET_ATTRIBUTES.map((name) => name === 'src' ? 'data-feedlet' : 'data-' + name) });
  } catch (error) {
    console.warn('feedlet: could not start the data-feedlet auto-mount:', error);
  }
}

/**
 * Whether an element already in the page shows dates (the default; not `date="false"`).
 * @returns {boolean}
 */
const showsDates = () => [...document.querySelectorAll('feedlet-posts, [data-feedlet]')]
  .some((element) => element.getAttribute(element.localName === 'feedlet-posts' ? 'date' : 'data-date') !== 'false');

// A second copy of the embed on the same page leaves the first in charge.
if (typeof customElements != 'undefined' && !customElements.get('feedlet-posts')) {
  // Both downloads start in this task: one round trip after this script, not one after the other. Should the page
  // also have loaded the module itself (feedlet.js imported and called before this), the module it loaded is used.
  const compiled = compile(new URL('feedlet_bg.wasm', import.meta.url));
  compiled.catch(() => {}); // reported by the widgets' load (wasm.js `first`)
  import('./feedlet.js').then((bindings) => {
    if (customElements.get('feedlet-posts')) return;
    api = bindings;
    // The first module only: a widget loads the second (feedlet_more.wasm) when it first needs it. A failure is
    // logged once, by the widgets' load.
    api.default({ module_or_path: compiled, more: false }).then(() => { loaded = true; }, () => {});
    defineProperties();
    customElements.define('feedlet-posts', FeedletPosts);
    // DOMContentLoaded fires once; no listener options, which a polluted Object.prototype could add to.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
    // The first Intl formatter of a page loads the locale data: on a slow phone a fifth of a second of main thread,
    // which the first render would pay. Paid in the next task, once the elements have started their downloads, it
    // overlaps them and the wasm's compile.
    if (showsDates()) setTimeout(() => new Intl.DateTimeFormat());
  }, (error) => console.warn('feedlet: could not load feedlet.js next to embed.js:', error));
}
