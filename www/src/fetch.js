// Getting a feed's bytes: the download (with its time and size limits), and the feed URLs.
import { feedletError } from './errors.js';
import { discoverFeeds, more } from './wasm.js';

/** @import { Feed, Options } from './feedlet_bindings.js' */
/** @import { MountOptions } from './types.js' */

/** The most bytes of a response the widget reads: the default `maxInputBytes` of `ParseOptions`, 20 MiB. */
export const MAX_INPUT_BYTES = 20 * 2 ** 20;

/**
 * A copy of `init` without a prototype: the browser reads a dictionary (fetch's init, attachShadow's) through the
 * prototype chain, and a page's polluted `Object.prototype.credentials` must not reach feedlet's requests.
 * @template T
 * @param {T} init
 * @returns {T}
 */
export const bare = (init) => Object.assign(Object.create(null), init);

/**
 * A property `object` has itself (a polluted `Object.prototype` is not an option).
 * @param {object} object
 * @param {string} key
 * @returns {any}
 */
export const own = (object, key) => Object.hasOwn(object, key) ? /** @type {any} */ (object)[key] : undefined;

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
  const mine = new AbortController();
  let timeout = 0;
  /** @returns {Promise<Copy>} */
  const fetchCopy = async () => {
    const response = await fetch(address(url, proxy), bare({ cache: 'no-cache', signal: AbortSignal.any([signal, mine.signal]) }));
    if (!response.ok) throw feedletError('http', `HTTP ${response.status} for ${url}`, url, { status: response.status });
    const input = await read(response, url);
    const type = response.headers.get('content-type') || '';
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type);
    // A web page (served as HTML or XHTML) is read for its feed links; a feed sent as text/html has none, and parses.
    const page = /^(text\/html|application\/xhtml\+xml)\b/i.test(type);
    // Through a proxy, relative links still resolve against the feed's own address.
    return { input, charset: charset ? charset[1] : undefined, baseUrl: (!proxy && response.url) || url, time: Date.now(), page };
  };
  return {
    key: address(url, proxy),
    /** @type {Promise<{ url: string, copy?: Copy, error?: Error }>} */
    result: fetchCopy().then((copy) => ({ url, copy }), (error) => ({
      url,
      error: error.kind || signal.aborted ? error
        : mine.signal.reason?.name === 'TimeoutError' ? feedletError('timeout', `${url} did not answer within ${timeout} ms`, url)
        : feedletError('network', `could not fetch ${url}`, url, { cause: error }),
    })),
    /** @param {number} ms */
    limit(ms) {
      timeout = ms;
      AbortSignal.timeout(Math.max(0, ms - (Date.now() - start))).addEventListener('abort', (event) => mine.abort(/** @type {AbortSignal} */ (event.target).reason));
    },
    cancel: () => mine.abort(),
  };
}

/**
 * One source's copy, with autodiscovery: when `src` names a web page, the page is read for its feed links (by the
 * wasm's tokenizer, never run) and the best one is fetched; the copy kept is that feed's, which remembers where it
 * is. While the page's copy is younger than `cacheTtl`, the feed is asked for directly: the page itself is fetched
 * once per cache period. A page with no feed link is left to the parser (a feed sent as text/html still renders),
 * and `mount` reports it as a `noFeedLink` error.
 * @param {string} url the source, as `src` names it
 * @param {Copy | undefined} known its copy in memory
 * @param {Options} options
 * @param {number} start when the attempt started
 * @param {(url: string) => Promise<{ url: string, copy?: Copy, error?: Error }>} fetchOne a download of one URL
 */
export async function fetchSource(url, known, options, start, fetchOne) {
  const { feedType, cacheTtl } = options;
  const feedUrl = known?.feedUrl && known.prefer == feedType && start - (known.found || 0) < cacheTtl * 1000 ? known.feedUrl : '';
  const result = await fetchOne(feedUrl || url);
  const copy = result.copy;
  if (!copy || !(feedUrl || copy.page)) return result;
  if (feedUrl) return { url, copy: { ...copy, feedUrl, found: known?.found, prefer: feedType } };
  await more();
  const [link] = discoverFeeds(copy.input, copy.baseUrl, options);
  if (!link) return result;
  const feed = await fetchOne(link.url);
  return { url, error: feed.error, copy: feed.copy && { ...feed.copy, page: false, feedUrl: link.url, found: copy.time, prefer: feedType } };
}

/**
 * Whether `input` starts, after white space and a UTF-8 byte order mark, with `<`: a feed that only the first
 * module reads (which parses the rest decides; anything else may be JSON Feed, or a UTF-16 or unknown text).
 * @param {Uint8Array} input
 */
export function plainXml(input) {
  let at = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (input[at] === 0x20 || input[at] === 0x0a || input[at] === 0x0d || input[at] === 0x09) at++;
  return input[at] === 0x3c;
}

/**
 * A response's bytes, read as a stream and abandoned (the connection closed) as soon as they pass
 * `MAX_INPUT_BYTES`, or before the first byte when `Content-Length` says so: a hostile server cannot make the page
 * hold more than the limit.
 * @param {Response} response
 * @param {string} url
 */
async function read(response, url) {
  const tooLarge = () => feedletError('limitExceeded', `${url} is larger than 20 MiB, the most feedlet reads of a feed. Serve a shorter feed (fewer entries, or summaries instead of full content).`, url);
  const reader = response.body?.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  if (reader && +(response.headers.get('content-length') || 0) > MAX_INPUT_BYTES) size = Infinity;
  while (reader && size <= MAX_INPUT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  if (size > MAX_INPUT_BYTES) {
    reader?.cancel().catch(() => {});
    throw tooLarge();
  }
  const input = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    input.set(chunk, size);
    size += chunk.length;
  }
  return input;
}

/**
 * The feed URLs that raw options name, as written: split at commas and spaces, resolved against the page. Only a
 * guess, used to start the downloads before the wasm can read the options; none through a proxy.
 * @param {MountOptions} raw
 * @returns {string[]}
 */
export function guessUrls(raw) {
  const src = own(raw, 'src');
  if (own(raw, 'proxy')) return [];
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
 * One source's last good copy: its bytes and where they came from, and what its last render found in it. When
 * `src` named a web page, `page` is true for the page itself; the copy kept is then the feed it links to, at
 * `feedUrl`, found at the time `found` with the `feedType` preference `prefer`.
 * @typedef {{
 *   input: Uint8Array, charset?: string | null, baseUrl: string, time: number, cached?: boolean,
 *   entries?: number, warnings?: string[], feed?: Feed, page?: boolean,
 *   feedUrl?: string, found?: number, prefer?: string | null,
 * }} Copy
 */
