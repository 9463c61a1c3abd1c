// How problems reach the page: FeedletErrors, and console lines that name the cause and the fix, each once.
/** @import { FeedletError } from './types.js' */

const warned = new Set();
/**
 * Each distinct problem reaches the console once per page, however many widgets or refreshes meet it.
 * @param {string} text
 */
export function warn(text) {
  if (!warned.has(text)) console.warn('feedlet: ' + text);
  warned.add(text);
}

/**
 * A FeedletError of `kind` about the feed at `url` ('' when about no feed).
 * @param {string} kind
 * @param {string} message
 * @param {string} url
 * @param {object} [extra] line, column, status or cause
 * @returns {FeedletError}
 */
export function feedletError(kind, message, url, extra) {
  return /** @type {FeedletError} */ (Object.assign(new Error(message), { name: 'FeedletError', line: 0, column: 0 }, extra, { kind, url }));
}

// The fix of a problem inside a feed: only the feed's owner can make it.
export const FIX = ' Fix the feed there (a feed validator shows the same spot).';

/**
 * What happened and how to fix it, for the console.
 * @param {FeedletError} error
 */
export function explain({ kind, url, message, line, column }) {
  if (kind === 'network') return `could not fetch ${url}: a network error, or a cross-origin request without CORS. Serve the feed from this page's origin, send Access-Control-Allow-Origin from its server, or set proxy (e.g. proxy="https://proxy.example/?url={url}").`;
  if (kind === 'http' || kind === 'timeout') return `${message}. Check the src URL and the server${kind === 'timeout' ? ', or raise timeout' : ''}.`;
  if (kind === 'syntax') return `${url} is not well-formed at line ${line}, column ${column}: ${message}.${FIX}`;
  if (kind === 'noFeedLink') return `${url} is not a feed but an HTML page, and ${message}. Set src to the RSS, Atom or JSON Feed address itself (a login or error page may have answered), or add <link rel="alternate" type="application/atom+xml" href="/feed.xml"> (or application/rss+xml, application/feed+json) to the page's <head>.`;
  if (/^(empty|notXmlOrJson|notAFeed)$/.test(kind)) return `${url} is not a feed: ${message}. Set src to the RSS, Atom or JSON Feed address itself.`;
  return (url ? url + ': ' : '') + message;
}
