// feedlet's JavaScript API, the public entry: scripts/build.sh bundles it with the modules it imports (mount.js, the
// wasm-bindgen glue feedlet_bindings.js, …) into one dist/feedlet.js. It re-exports the wasm exports, `mount` and the
// default theme, and names the option attributes.
// The glue's types; `init`, `initSync` and its calls are replaced by wasm.js's guarded ones (a module's own
// named exports win over `export *`).
export * from './feedlet_bindings.js';
export { default, discoverFeeds, initSync, parseFeed, readOptions, ready, renderFeed, renderFeeds, renderSkeleton, selectFeeds } from './wasm.js';
export * from './mount.js';
export * from './types.js';
export * from './theme.js';

/**
 * The option attributes of `<feedlet-posts>` (kebab-case); auto-mounted elements use `data-` + each, and
 * `data-feedlet` for `src`.
 * @type {readonly string[]}
 */
export const FEEDLET_ATTRIBUTES = Object.freeze([
  'src', 'limit', 'offset', 'category', 'exclude-category', 'sort', 'date', 'summary', 'image', 'author',
  'categories', 'summary-length', 'date-style', 'locale', 'time-zone', 'layout', 'target', 'heading',
  'empty-text', 'error-text', 'refresh', 'cache', 'cache-ttl', 'proxy', 'light-dom', 'timeout', 'feed-type', 'more',
]);

/**
 * An attribute's option name: `exclude-category` → `excludeCategory`.
 * @param {string} name
 * @returns {string}
 */
export function camelCase(name) {
  return name.replace(/-./g, (m) => m[1].toUpperCase());
}

/**
 * Every option attribute of `element` as written, by option name (`readOptions` reads the values); with prefix
 * "data-", `src` comes from `data-feedlet`.
 * @param {Element} element
 * @param {'' | 'data-'} [prefix]
 * @returns {Record<string, string | null>}
 */
export function attributesToOptions(element, prefix = '') {
  // No prototype: the page's Object.prototype cannot add options.
  /** @type {Record<string, string | null>} */
  const raw = Object.create(null);
  for (const name of FEEDLET_ATTRIBUTES) raw[camelCase(name)] = element.getAttribute(prefix && name === 'src' ? prefix + 'feedlet' : prefix + name);
  return raw;
}
