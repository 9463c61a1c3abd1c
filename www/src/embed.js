// The one-script embed: defines <feedlet-posts> and mounts every [data-feedlet] element, now and when added later.
import { FEEDLET_ATTRIBUTES, attributesToOptions, camelCase, mount, readOptions, ready } from './feedlet.js';

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
 * Mounts one element, or updates its mount with the element's current attributes.
 * @param {Element} element
 * @param {MountOptions} options
 */
function mountElement(element, options) {
  try {
    const current = mounts.get(element);
    if (current) current.update(options);
    else mounts.set(element, mount(element, options));
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
  static get observedAttributes() { return FEEDLET_ATTRIBUTES; }

  connectedCallback() {
    // Properties set before the element was upgraded hide the accessors: replay them through the setters.
    for (const name of FEEDLET_ATTRIBUTES) {
      const property = camelCase(name);
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = /** @type {any} */ (this)[property];
        delete (/** @type {any} */ (this))[property];
        /** @type {any} */ (this)[property] = value;
      }
    }
    mountElement(this, attributesToOptions(this));
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
      if (mounts.has(this)) mountElement(this, attributesToOptions(this));
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

for (const name of FEEDLET_ATTRIBUTES) {
  if (name === 'refresh') continue;
  const key = camelCase(name);
  Object.defineProperty(FeedletPosts.prototype, key, {
    configurable: true,
    /** @this {Element} */
    get() { return loaded ? /** @type {any} */ (readOptions({ [key]: this.getAttribute(name) }).options)[key] : undefined; },
    /** @this {Element} @param {unknown} value */
    set(value) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, value === true ? '' : Array.isArray(value) ? value.join(' ') : String(value));
    },
  });
}

/** The [data-feedlet] elements mounted, to find the removed ones. @type {Set<Element>} */
const autoMounted = new Set();
const dataAttributes = FEEDLET_ATTRIBUTES.map((name) => name === 'src' ? 'data-feedlet' : 'data-' + name);

/**
 * Mounts, updates or unmounts one [data-feedlet] element to match its attributes and whether it is in the page.
 * @param {Element} element
 */
function sync(element) {
  if (element.isConnected && element.hasAttribute('data-feedlet') && element.localName !== 'feedlet-posts') {
    mountElement(element, attributesToOptions(element, 'data-'));
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
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: dataAttributes });
  } catch (error) {
    console.warn('feedlet: could not start the data-feedlet auto-mount:', error);
  }
}

// A second copy of the embed on the same page leaves the first in charge.
if (typeof customElements != 'undefined' && !customElements.get('feedlet-posts')) {
  // Start the wasm download first, before the elements start theirs; a failure is logged once by ready().
  ready().then(() => { loaded = true; }, () => {});
  customElements.define('feedlet-posts', FeedletPosts);
  // DOMContentLoaded fires once; no listener options, which a polluted Object.prototype could add to.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
