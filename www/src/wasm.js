// The wasm module: `ready` loads it once, and every export is called through one guard that restarts the module
// when a call fails in a way that leaves its state untrusted (a trap), so that one widget's failure is never the
// page's.
//
// The build splits the module in two (scripts/split.mjs): feedlet_bg.wasm holds what a list of an XML feed needs;
// feedlet_more.wasm holds JSON Feed, Feed objects as input, rich summaries (`summary="html"`), `selectFeeds` (the
// big-feed Worker's call) and `discoverFeeds`. `more()` loads the second and links it to the first: it is
// instantiated with the first's exports as its imports, shares its memory and fills the first's table of slots for
// those capabilities. `ready()` loads both; `init()` the first, then the second in the background (a call that needs
// it sooner loads it synchronously); `first()` (the widgets' way) and the embed's `init({ more: false })` only the
// first, and a widget awaits `more()` before a call that needs it.
import init, * as bindings from './feedlet_bindings.js';
import { compile } from './compile.js';
import { feedletError, warn } from './errors.js';

/** @type {Promise<void> | undefined} */
let loading;
/** Whether the wasm is instantiated: options can then be read at once. */
export let loaded = false;
/** Whether the page (or the embed) started the module's loading itself. */
let started = false;
/**
 * The compiled module, once known (not when a page instantiates it from its bytes): the Worker (offload.js) is
 * handed it, so that it neither downloads nor compiles it again.
 * @type {WebAssembly.Module | undefined}
 */
export let compiled;

/**
 * Keeps the compiled module a load is given.
 * @param {unknown} given a module, a promise of one, or anything else `init` takes
 */
const keep = (given) => Promise.resolve(given).then((module) => {
  if (module instanceof WebAssembly.Module) compiled = module;
}, () => {});

/**
 * A User Timing mark for `make bench` (bench/firstvisit.mjs) to split the first visit: `feedlet:ready` once the
 * module is instantiated, `feedlet:render-start` and `feedlet:render-end` around the first render. Only marks, each
 * once per page (a refreshing widget adds none), and nothing where the Performance API is missing.
 * @param {string} name
 */
const mark = (name) => { try { performance.mark(name); } catch { /* no performance timeline */ } };

// Marks `feedlet:ready` the first time the module is known to be instantiated.
const instantiated = () => {
  if (!loaded) mark('feedlet:ready');
  loaded = true;
  link();
};

/** The second module, compiled, once `more()` has it. @type {WebAssembly.Module | undefined} */
export let extra;
/** Its load in progress or done. @type {Promise<void> | undefined} */
let fetchingMore;
/** The first module's exports the second was last instantiated with. @type {unknown} */
let linked;

/**
 * Instantiates the second module with the first's current exports, unless already done for them: after a load, and
 * after each restart (a fresh instance of the first has fresh memory and tables).
 */
const link = () => {
  const exports = bindings.__wbg_exports();
  if (!extra || !exports || linked === exports) return;
  // Its imports: the first's exports (memory, tables, globals), and the first's functions it calls, from the table
  // `L` (scripts/split.mjs), each named by its slot in base 36.
  const p = { ...exports };
  const table = /** @type {WebAssembly.Table} */ (exports.L);
  for (let k = table.length; k--;) p[k.toString(36)] = table.get(k);
  new WebAssembly.Instance(extra, { '': p });
  linked = exports;
};

/**
 * Keeps the second module and links it, from a compiled module or its bytes.
 * @param {WebAssembly.Module | BufferSource} module
 */
const keepMore = (module) => {
  extra ||= module instanceof WebAssembly.Module ? module : new WebAssembly.Module(module);
  link();
};

/**
 * The second module's URL: `given` (resolved against feedlet.js), else next to feedlet.js.
 * @param {URL | string} [given]
 */
// The literal `new URL('…', import.meta.url)` is what bundlers (Vite, webpack 5) look for to emit the file.
const moreUrl = (given) => given ? new URL(given, import.meta.url) : new URL('feedlet_more.wasm', import.meta.url);

/**
 * A failure to load one of the two modules: logged, and returned as a FeedletError of kind "wasm".
 * @param {string} file
 * @param {any} cause
 * @param {string} [fix] what else to check, after serving the file
 */
const loadFailed = (file, cause, fix = '.') => {
  const error = feedletError('wasm', `could not load ${file} (${cause && cause.message || cause}). Serve it next to feedlet.js as application/wasm${fix}`, '', { cause });
  warn(error.message);
  return error;
};

/** A failure to load the second module (see `loadFailed`). @param {any} cause */
const moreFailed = (cause) => loadFailed('feedlet_more.wasm', cause);

/**
 * Where `init()` left the second module to load in the background: a call that needs it before then loads it from
 * there synchronously (see the guard). @type {URL | undefined}
 */
let promised;

/**
 * Downloads and compiles the second module synchronously, for a call that `init()` promised and that needs it
 * before its download in the background is done. Throws a FeedletError of kind "wasm" (logged) when it cannot.
 * @param {URL} url
 * @returns {WebAssembly.Module}
 */
const loadNow = (url) => {
  try {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    // A synchronous request from a page cannot ask for an ArrayBuffer: each byte comes as one character.
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    if (request.status != 200) throw new Error(`HTTP ${request.status} for ${url}`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    // x-user-defined maps each byte above 0x7F to U+F780 + (byte - 0x80); a Uint8Array keeps the low byte.
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new WebAssembly.Module(bytes);
  } catch (cause) {
    throw moreFailed(cause);
  }
};

/**
 * Loads the second module (from where `init()` was told it is, else next to feedlet.js) once, and links it. Rejects
 * with a FeedletError of kind "wasm" (logged once); after a failure, a later call tries again.
 * @returns {Promise<void>}
 */
export function more() {
  return fetchingMore ||= compile(promised || moreUrl())
    .then(keepMore)
    .catch((cause) => {
      fetchingMore = undefined;
      throw moreFailed(cause);
    });
}

/**
 * Like `init()`, but memoized: both wasm modules load once however often it is called, and every export can be called
 * once it resolves. Rejects with a FeedletError of kind "wasm" when the first module does not load (logged once to
 * the console); after a failure, a later call tries again. A second module that does not load is logged, and the
 * calls that need it throw.
 * @returns {Promise<void>}
 */
export const ready = () => first().then(() => more().catch(() => {}));

/**
 * The first module only, memoized (what a widget needs first; it loads the second when it needs it): like `ready`
 * otherwise.
 * @returns {Promise<void>}
 */
export function first() {
  if (loading) return loading;
  // Loaded here, the module is compiled first (with the embed's MIME fallback), so that the Worker can have it.
  const module = started ? undefined : compile(new URL('feedlet_bg.wasm', import.meta.url));
  keep(module);
  return (loading = init(module && { module_or_path: module }).then(instantiated, (cause) => {
    loading = undefined;
    throw loadFailed('feedlet_bg.wasm', cause, ", and allow 'wasm-unsafe-eval' in a CSP script-src. The fallback content stays.");
  }));
}

// Calls in progress (a custom element's callback can call in while the module renders), and whether one of them
// failed: the module is restarted when the outermost returns, never under a call still running in it.
let depth = 0;
let broken = false;

/**
 * An export that throws only FeedletErrors. Anything else (a `WebAssembly.RuntimeError` from a trap, a
 * `RangeError` from a stack overflow, an exception that unwound through the module from a page script) may have
 * left the module's memory half-updated: the module is then replaced by a fresh instance of the same compiled
 * code (`__wbg_reset_state`, no download), and the caller gets a FeedletError of kind "internal" with the error as
 * its `cause`. The next call, on any element, starts afresh.
 * @template {(...args: any[]) => any} F
 * @param {F} call
 * @returns {F}
 */
const guard = (call) => /** @type {F} */ ((/** @type {any[]} */ ...args) => {
  for (;;) {
    if (!depth && broken) restart();
    if (extra) link();
    depth++;
    try {
      return call(...args);
    } catch (error) {
      const thrown = /** @type {any} */ (error);
      // Before the module is loaded, there is no state to distrust (the glue finds no module).
      if (!loaded || thrown instanceof Error && thrown.name === 'FeedletError') throw thrown;
      broken = true;
      // A call into one of the second module's slots while it is absent (its stub sets `N`, then traps).
      if (!extra && /** @type {any} */ (bindings.__wbg_exports())?.N?.value) {
        if (!promised || depth > 1) throw feedletError('wasm', `this call needs feedlet_more.wasm: await init() first (${thrown})`, '', { cause: thrown });
        // init() promised it: loaded now, linked to the restarted first module, and the call made again. What the
        // call did before the trap went with the restart, and a render writes to its element only once complete.
        extra = loadNow(promised);
      } else throw feedletError('internal', `feedlet's WebAssembly module failed (${thrown}) and was restarted`, '', { cause: thrown });
    } finally {
      if (!--depth && broken) restart();
    }
  }
});

// A fresh instance; should even that fail (memory is short), the next call tries again first.
function restart() {
  try {
    bindings.__wbg_reset_state();
    broken = false;
    link();
  } catch {
    // still broken
  }
}

// Whether a render has started: only the first is marked.
let rendering = false;

/**
 * A render export, guarded, whose first call is marked (`feedlet:render-start`, `feedlet:render-end`).
 * @template {(...args: any[]) => any} F
 * @param {F} call
 * @returns {F}
 */
const marked = (call) => {
  const guarded = guard(call);
  return /** @type {F} */ ((/** @type {any[]} */ ...args) => {
    if (rendering || !loaded) return guarded(...args);
    rendering = true;
    mark('feedlet:render-start');
    try {
      return guarded(...args);
    } finally {
      mark('feedlet:render-end');
    }
  });
};

// The exports, guarded. Their signatures, and the Rust doc comments on them, are in feedlet_bindings.d.ts.
/** Parses a feed into a plain object; see `parseFeed` in feedlet_bindings.d.ts. */
export const parseFeed = guard(bindings.parseFeed);
/** Reads options as every entry point does; see `readOptions` in feedlet_bindings.d.ts. */
export const readOptions = guard(bindings.readOptions);
/** Renders one feed into an element; see `renderFeed` in feedlet_bindings.d.ts. */
export const renderFeed = marked(bindings.renderFeed);
/** Merges and renders several feeds; see `renderFeeds` in feedlet_bindings.d.ts. */
export const renderFeeds = marked(bindings.renderFeeds);
/** Renders the loading skeleton; see `renderSkeleton` in feedlet_bindings.d.ts. */
export const renderSkeleton = guard(bindings.renderSkeleton);
/** Parses and selects without rendering (the Worker's call); see `selectFeeds` in feedlet_bindings.d.ts. */
export const selectFeeds = guard(bindings.selectFeeds);
/** A page's feed links, best first; see `discoverFeeds` in feedlet_bindings.d.ts. */
export const discoverFeeds = guard(bindings.discoverFeeds);
/**
 * Loads the first module (the glue's `init`, memoized), and the second after it, so that every export can be called
 * once it resolves. The second module comes from `more` when given (a compiled module, its bytes, or its URL), else
 * from next to the first when that is given as a URL, else from next to feedlet.js. Given as a module or bytes, it
 * is linked before this resolves (bytes that are not a module reject it); from a URL, it is downloaded in the background once the first has been handed
 * back (on a cold load, a second request before the first render measured about 10 ms later), and a call that needs
 * it sooner downloads it synchronously. With `more: false` only the first loads (as the embed does): widgets load
 * the second when they first need it, and a direct call that needs it throws a FeedletError of kind "wasm" until
 * `ready()` (or a plain `init()`) has loaded it.
 * @param {Parameters<typeof init>[0] & { more?: WebAssembly.Module | BufferSource | URL | string | false }} [input]
 * @returns {ReturnType<typeof init>}
 */
export default (input) => {
  started = true;
  /** @type {any} */
  const options = input && typeof input == 'object' && Object.getPrototypeOf(input) === Object.prototype ? input : undefined;
  const given = options ? options.module_or_path : input;
  keep(given);
  const path = given instanceof URL || typeof given == 'string' ? new URL('feedlet_more.wasm', moreUrl(given)) : undefined;
  const wanted = options && Object.hasOwn(options, 'more') ? options.more : path;
  return init(/** @type {any} */ (input)).then((exports) => {
    instantiated();
    if (wanted && !(wanted instanceof URL) && typeof wanted != 'string') keepMore(wanted);
    else if (wanted !== false) {
      promised = moreUrl(wanted);
      // After the caller's first render, which then has the main thread to itself.
      setTimeout(() => extra || more().catch(() => {}));
    }
    return exports;
  });
};
/**
 * Instantiates the module from its bytes or a compiled `WebAssembly.Module`, synchronously (the glue's `initSync`),
 * and the second module too when `more` gives it (compiled, or its bytes); without it, the calls that need it
 * throw until `more()` has loaded it.
 * @param {Parameters<typeof bindings.initSync>[0] & { more?: WebAssembly.Module | BufferSource }} module
 * @returns {ReturnType<typeof bindings.initSync>}
 */
export const initSync = (module) => {
  started = true;
  keep(module && typeof module == 'object' && 'module' in module ? module.module : module);
  const exports = bindings.initSync(/** @type {any} */ (module));
  instantiated();
  if (module && typeof module == 'object' && 'more' in module && module.more) keepMore(module.more);
  return exports;
};
