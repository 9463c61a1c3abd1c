// The one-script embed: defines <feedlet-posts> and mounts every [data-feedlet] element, now and when added later.
import { mount, ready, attributesToOptions, parseAttribute, FEEDLET_ATTRIBUTES } from './feedlet.js';

const camelCase = (name) => name.replace(/-./g, (m) => m[1].toUpperCase());
// Imported during server-side rendering there is no DOM: the class still loads, nothing is defined.
const Base = typeof HTMLElement == 'undefined' ? class {} : HTMLElement;
const mounts = new WeakMap(); // element → { mounted, lightDom }
const queued = new WeakSet();

// Mounts (or mounts afresh) one element; a shadow root cannot be taken back, so switching light-dom remounts.
function mountElement(element, options) {
  try {
    const current = mounts.get(element);
    const lightDom = !!options.lightDom;
    if (current && current.lightDom === lightDom) current.mounted.update(options);
    else mounts.set(element, { mounted: mount(element, options), lightDom });
  } catch (error) {
    // A lifecycle callback that throws would surface as the page's uncaught exception.
    console.warn('feedlet: could not mount', element, error);
  }
}

function unmountElement(element) {
  mounts.get(element)?.mounted.destroy();
  mounts.delete(element);
}

const mounted = (element) => mounts.get(element)?.mounted;

/**
 * `<feedlet-posts src="/feed.xml" limit="5">`: a recent-posts list that fetches, renders and keeps itself
 * up to date. Every option is an attribute and a reflected property (except `refresh`, which is the method).
 */
export class FeedletPosts extends Base {
  static get observedAttributes() { return FEEDLET_ATTRIBUTES; }

  connectedCallback() {
    // Properties set before the element was upgraded hide the accessors below: replay them through the setters.
    for (const name of FEEDLET_ATTRIBUTES) {
      const property = camelCase(name);
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
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

  /** Fetches the feeds now; resolves after the attempt, never rejects. */
  refresh() { return mounted(this)?.refresh() || Promise.resolve(); }

  /** The first feed as a Feed object (parsed when read), or null before one loaded. */
  get feed() { return mounted(this)?.feed || null; }

  /** Every loaded feed as Feed objects, in `src` order. */
  get feeds() { return mounted(this)?.feeds || []; }

  /** The first error of the last attempt (a FeedletError with `kind`, `url`, `line`, `column`), or null. */
  get error() { return mounted(this)?.error || null; }
}

for (const name of FEEDLET_ATTRIBUTES) {
  if (name === 'refresh') continue;
  Object.defineProperty(FeedletPosts.prototype, camelCase(name), {
    configurable: true,
    get() { return parseAttribute(name, this.getAttribute(name)); },
    set(value) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, value === true ? '' : Array.isArray(value) ? value.join(' ') : String(value));
    },
  });
}

const autoMounted = new Set(); // the [data-feedlet] elements mounted, to find the removed ones
const dataAttributes = FEEDLET_ATTRIBUTES.map((name) => name === 'src' ? 'data-feedlet' : 'data-' + name);

// Mounts, updates or unmounts one [data-feedlet] element to match its attributes and whether it is in the page.
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
      const touched = new Set();
      for (const record of records) {
        if (record.type === 'attributes') touched.add(record.target);
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.hasAttribute('data-feedlet')) touched.add(node);
          node.querySelectorAll('[data-feedlet]').forEach((element) => touched.add(element));
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
  customElements.define('feedlet-posts', FeedletPosts);
  // Start the wasm download at once, in parallel with the feeds; a failure is logged once by ready().
  ready().catch(() => {});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
