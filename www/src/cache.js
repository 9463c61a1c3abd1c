// The widget's copies of feeds in localStorage: one entry per feed URL and proxy, under a total size cap with
// least-recently-used eviction, and never in the room the page needs for its own writes.

/** @import { Copy } from './fetch.js' */

// Every access can throw (SecurityError when storage is blocked, QuotaExceededError when full): the callers' `try`
// then leaves the widget working without its cache. Sizes count characters of keys and values, as browsers do.
const PREFIX = 'feedlet:v2:';
// The index: [key, characters] of each entry, least recently used first.
const INDEX = 'feedlet:v2';
// A key no entry has (entries end in a JSON array): written and removed to learn whether there is room.
const PROBE = PREFIX;

/** The most characters feedlet's entries take together (keys and values): 1 Mi. */
export const CACHE_CAP = 2 ** 20;
/** The characters that stay free in the page's storage after feedlet stores a copy: 256 Ki. */
export const CACHE_RESERVE = 2 ** 18;

/**
 * An entry's key: what changes the response (the feed URL and the proxy it is fetched through). The charset the
 * response declared is stored in the entry, with the bytes it describes.
 * @param {string} url
 * @param {string | null | undefined} proxy
 */
const keyOf = (url, proxy) => PREFIX + JSON.stringify([url, proxy || '']);

/**
 * The index as stored (key → characters, least recently used first), or, with `reconcile`, made to match the keys
 * present: entries another tab removed leave it, entries it does not know (another tab's, written while this one
 * wrote the index) join it as the least recently used, and the entries of feedlet 0.1's unbounded cache
 * (`feedlet:v1:`) are removed. Only feedlet's keys are ever in it, so eviction never touches the page's.
 * @param {boolean} [reconcile]
 * @returns {Map<string, number>}
 */
function index(reconcile) {
  /** @type {Map<string, number>} */
  let map;
  try {
    map = new Map(JSON.parse(/** @type {string} */ (localStorage.getItem(INDEX))));
  } catch {
    map = new Map(); // rebuilt from the keys present
  }
  if (!reconcile) return map;
  const present = new Set(Object.keys(localStorage));
  for (const key of map.keys()) if (!present.has(key) || !key.startsWith(PREFIX)) map.delete(key);
  /** @type {[string, number][]} */
  const unknown = [];
  for (const key of present) {
    if (key.startsWith('feedlet:v1:') || key === PROBE) localStorage.removeItem(key);
    else if (key.startsWith(PREFIX) && !map.has(key)) unknown.push([key, key.length + (localStorage.getItem(key) || '').length]);
  }
  return new Map([...unknown, ...map]);
}

/** @param {Map<string, number>} map */
const save = (map) => localStorage.setItem(INDEX, JSON.stringify([...map]));

/**
 * The stored copy of a feed, or undefined; reading it makes it the most recently used.
 * @param {string} url
 * @param {string | null | undefined} proxy
 * @returns {Copy | undefined}
 */
export function readCopy(url, proxy) {
  const key = keyOf(url, proxy);
  try {
    const text = localStorage.getItem(key);
    if (text == null) return;
    const map = index();
    map.delete(key);
    save(map.set(key, key.length + text.length));
    // Every field is written, so none can come from a polluted Object.prototype.
    const { t, body, charset, base, feed, found, prefer } = JSON.parse(text);
    const binary = atob(body);
    const input = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) input[i] = binary.charCodeAt(i);
    /** @type {Copy} */
    const copy = { input, charset, baseUrl: typeof base == 'string' ? base : url, time: +t || 0, cached: true };
    // A page's copy is the feed it links to: the page is not asked again while that copy is fresh.
    return typeof feed == 'string' ? { ...copy, feedUrl: feed, found: +found || 0, prefer } : copy;
  } catch {
    // No copy, then.
  }
}

/**
 * Whether a copy of the feed is stored (without reading it).
 * @param {string} url
 * @param {string | null | undefined} proxy
 */
export function hasCopy(url, proxy) {
  try {
    return localStorage.getItem(keyOf(url, proxy)) != null;
  } catch {
    return false;
  }
}

/**
 * Stores the last good copy of a feed, or removes it (`copy` null): its raw bytes in base64 (decoded text would
 * lose what a legacy charset such as EUC-KR meant), the time it was fetched, the charset its response declared and
 * the URL it came from; for a web page's URL, the feed it links to (`feed`, `found`, `prefer`). The least recently used entries go first while the entries would exceed `CACHE_CAP`, or
 * while fewer than `CACHE_RESERVE` characters would stay free for the page; a copy that still does not fit is not
 * stored.
 * @param {string} url
 * @param {string | null | undefined} proxy
 * @param {Copy | null} copy
 */
export function storeCopy(url, proxy, copy) {
  const key = keyOf(url, proxy);
  try {
    localStorage.removeItem(key);
    const map = index(true);
    map.delete(key);
    if (copy) {
      let binary = '';
      for (let i = 0; i < copy.input.length; i += 0x8000) binary += String.fromCharCode.apply(null, /** @type {any} */ (copy.input.subarray(i, i + 0x8000)));
      const value = JSON.stringify({
        t: copy.time, body: btoa(binary), charset: copy.charset || null, base: copy.baseUrl,
        ...(copy.feedUrl ? { feed: copy.feedUrl, found: copy.found, prefer: copy.prefer || null } : {}),
      });
      const size = key.length + value.length;
      let total = 0;
      for (const n of map.values()) total += +n || 0;
      while (size <= CACHE_CAP) {
        if (total + size <= CACHE_CAP && room(size + CACHE_RESERVE)) {
          localStorage.setItem(key, value);
          map.set(key, size);
          break;
        }
        const [oldest] = map.keys();
        if (oldest == null) break;
        total -= +(map.get(oldest) || 0);
        localStorage.removeItem(oldest);
        map.delete(oldest);
      }
    }
    save(map);
  } catch {
    // No cache, then.
  }
}

/**
 * Whether `size` characters can be stored now: tried, and taken back.
 * @param {number} size
 */
function room(size) {
  try {
    localStorage.setItem(PROBE, 'x'.repeat(size - PROBE.length));
    return true;
  } catch {
    return false;
  } finally {
    localStorage.removeItem(PROBE);
  }
}
