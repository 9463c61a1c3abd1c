// Getting a feed's bytes: the download (with its time limit), the copy kept in localStorage, the feed URLs.
import { feedletError } from './errors.js';

/** @import { Feed } from './feedlet_bindings.js' */
/** @import { MountOptions } from './mount.js' */

/**
 * The last good copy of a feed in localStorage (`copy` undefined), or stores one (`copy` null removes it): its raw
 * bytes in base64, because decoded text would lose what a legacy charset (EUC-KR, Shift_JIS) meant. Every storage
 * access can throw (SecurityError when storage is blocked, QuotaExceededError when full): the widget then simply
 * works without its cache.
 * @param {string} url
 * @param {Copy | null} [copy]
 * @returns {Copy | undefined}
 */
export function stored(url, copy) {
  const key = 'feedlet:v1:' + url;
  try {
    if (copy === undefined) {
      const entry = JSON.parse(/** @type {string} */ (localStorage.getItem(key)));
      const binary = atob(entry.body);
      const input = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) input[i] = binary.charCodeAt(i);
      return { input, charset: entry.charset, baseUrl: entry.base || url, time: +entry.t || 0, cached: true };
    }
    // About 1.5 M characters of base64 at most: localStorage holds about 5 M per origin, shared with the page.
    if (!copy || copy.input.length > 1.1e6) {
      localStorage.removeItem(key);
      return;
    }
    let binary = '';
    for (let i = 0; i < copy.input.length; i += 0x8000) binary += String.fromCharCode.apply(null, /** @type {any} */ (copy.input.subarray(i, i + 0x8000)));
    localStorage.setItem(key, JSON.stringify({ t: copy.time, body: btoa(binary), charset: copy.charset, base: copy.baseUrl }));
  } catch {
    // No cache, then.
  }
}

/**
 * The address a feed is fetched from: itself, or the proxy template with `{url}` (appended when absent).
 * @param {string} url
 * @param {string | null | undefined} proxy
 */
export const address = (url, proxy) => !proxy ? url : proxy.includes('{url}') ? proxy.replace('{url}', () => encodeURIComponent(url)) : proxy + encodeURIComponent(url);

/**
 * Starts fetching one feed at once. Its time limit is set by `limit(timeout)`, counted from the start, as soon as the
 * options are known (a download may start before the wasm can read them). Never rejects: the result holds the copy,
 * or a FeedletError (network, http, timeout), or the AbortError of `signal`.
 * @param {string} url
 * @param {string | null | undefined} proxy
 * @param {AbortSignal} signal the attempt's: aborted by a newer attempt or by destroy()
 */
export function download(url, proxy, signal) {
  const start = Date.now();
  const own = new AbortController();
  let timeout = 0;
  /** @returns {Promise<Copy>} */
  const fetchCopy = async () => {
    const response = await fetch(address(url, proxy), { cache: 'no-cache', signal: AbortSignal.any([signal, own.signal]) });
    if (!response.ok) throw feedletError('http', `HTTP ${response.status} for ${url}`, url, { status: response.status });
    const input = new Uint8Array(await response.arrayBuffer());
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') || '');
    // Through a proxy, relative links still resolve against the feed's own address.
    return { input, charset: charset ? charset[1] : undefined, baseUrl: (!proxy && response.url) || url, time: Date.now() };
  };
  return {
    key: address(url, proxy),
    /** @type {Promise<{ url: string, copy?: Copy, error?: Error }>} */
    result: fetchCopy().then((copy) => ({ url, copy }), (error) => ({
      url,
      error: error.kind || signal.aborted ? error
        : own.signal.reason?.name === 'TimeoutError' ? feedletError('timeout', `${url} did not answer within ${timeout} ms`, url)
        : feedletError('network', `could not fetch ${url}`, url, { cause: error }),
    })),
    /** @param {number} ms */
    limit(ms) {
      timeout = ms;
      AbortSignal.timeout(Math.max(0, ms - (Date.now() - start))).addEventListener('abort', (event) => own.abort(/** @type {AbortSignal} */ (event.target).reason));
    },
    cancel: () => own.abort(),
  };
}

/**
 * The feed URLs that raw options name, as written: split at commas and spaces, resolved against the page. Only a
 * guess, used to start the downloads before the wasm can read the options; none through a proxy.
 * @param {MountOptions} raw
 * @returns {string[]}
 */
export function guessUrls({ src, proxy }) {
  if (proxy) return [];
  const list = Array.isArray(src) ? src : typeof src == 'string' ? src.split(/[\s,]+/) : [];
  return list.filter(Boolean).map(resolve);
}

/**
 * A feed URL resolved against the page (as written, when it is not a URL at all).
 * @param {string} url
 */
export const resolve = (url) => {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return String(url);
  }
};

/**
 * One source's last good copy: its bytes and where they came from, and what its last render found in it.
 * @typedef {{
 *   input: Uint8Array, charset?: string, baseUrl: string, time: number, cached?: boolean,
 *   entries?: number, warnings?: string[], feed?: Feed,
 * }} Copy
 */
