// Big feeds off the main thread. When the copies a widget renders hold more than `BIG` bytes, a module Worker
// (worker.js) parses and selects them with the same compiled module, and the page only builds the list from the
// entries it shows: `selectFeeds` there, `renderFeeds` with the narrowed feeds here. The copies' bytes are
// transferred there and back, never copied. (The download itself stays here: a response body stream transferred
// to a Worker is still pumped through this thread, chunk by chunk, and measured no cheaper.) Where no Worker can
// start (none in this browser, a CSP that does not allow worker.js, a feedlet.js from another origin than the page,
// a module instantiated from its bytes) or the Worker fails, `offload` answers null and the render stays on the
// main thread.
import { own } from './fetch.js';
import { compiled, extra, more } from './wasm.js';

/** @import { Options, Selection } from './feedlet_bindings.js' */
/** @import { Copy } from './fetch.js' */

/** Bytes of input above which a render is parsed in the Worker: 1 MiB. */
const BIG = 2 ** 20;

/** How long the Worker may take to start before the main thread renders instead, in ms. */
const START_TIMEOUT = 10_000;

/** The Worker once it has instantiated the module, or null where none can run. @type {Promise<Worker | null> | undefined} */
let starting;
let ids = 0;
/** Requests waiting for their answer, by id. @type {Map<number, (answer: any) => void>} */
const waiting = new Map();

/**
 * Starts the Worker (once per page) and resolves when it has instantiated both modules (`selectFeeds` is in the
 * second, loaded here first): no bytes are handed to a Worker that could not load.
 * @returns {Promise<Worker | null>}
 */
const start = () => starting ||= more().then(() => new Promise((resolve) => {
  /** @type {Worker} */
  let worker;
  try {
    if (!compiled) throw new Error('no compiled module');
    // A literal options object, as bundlers (Vite, webpack 5) look for it to emit worker.js; a page's polluted
    // Object.prototype can at most make it a classic worker, which fails to load: the main thread then renders.
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'feedlet' });
  } catch {
    return resolve(null);
  }
  const timer = setTimeout(() => fail(null), START_TIMEOUT);
  // From now on this page renders on the main thread; answers still awaited get null (their bytes are lost with
  // the Worker, and their render finds the copies empty).
  const fail = (/** @type {Event | null} */ event) => {
    event?.preventDefault();
    clearTimeout(timer);
    worker.terminate();
    starting = Promise.resolve(null);
    resolve(null);
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
  };
  worker.onerror = worker.onmessageerror = fail;
  worker.onmessage = ({ data }) => {
    // Answers are read through own properties: a page's polluted Object.prototype (`ready`, `error`…) is no answer.
    if (own(data, 'ready')) {
      clearTimeout(timer);
      return resolve(worker);
    }
    const id = own(data, 'id');
    waiting.get(id)?.(data);
    waiting.delete(id);
  };
  worker.postMessage({ module: compiled, more: extra });
}), () => null);

/**
 * Asks the Worker, and waits for its answer; null when the Worker failed or `message` could not be sent (then
 * nothing was transferred).
 * @param {Worker} worker
 * @param {Record<string, unknown>} message
 * @param {Transferable[]} transfer
 * @returns {Promise<any>}
 */
const ask = (worker, message, transfer) => new Promise((resolve) => {
  const id = ++ids;
  waiting.set(id, resolve);
  try {
    worker.postMessage({ ...message, id }, transfer);
  } catch {
    waiting.delete(id);
    resolve(null);
  }
});

/**
 * Whether `copies` are big enough for the Worker: more than `BIG` bytes in all.
 * @param {Copy[]} copies
 */
const big = (copies) => copies.reduce((sum, copy) => sum + copy.input.byteLength, 0) > BIG;

/**
 * `selectFeeds` for `copies` and the render `options`, in the Worker, when the copies hold more than `BIG` bytes
 * and a Worker runs; null otherwise, and then the caller renders on the main thread. Each copy's bytes go to the
 * Worker and come back (`copy.input` is the array that came back): while this runs, they are away.
 * @param {Copy[]} copies
 * @param {object} options
 * @returns {Promise<Selection | { error: { kind: string, message: string, line: number, column: number, sources: Selection['sources'] } } | null>}
 */
async function offload(copies, options) {
  if (!big(copies)) return null;
  const worker = await start();
  if (!worker) return null;
  const sources = copies.map(({ input, charset, baseUrl }) => ({ input, charset, baseUrl }));
  // Each input is its own buffer (fetch.js and cache.js make them so): transferring it moves nothing else.
  const answer = await ask(worker, { sources, options }, [...new Set(copies.map((copy) => copy.input.buffer))]);
  if (!answer) return null;
  const inputs = own(answer, 'inputs');
  copies.forEach((copy, i) => { copy.input = inputs[i]; });
  const error = own(answer, 'error');
  // The module failed there (a trap): the main thread renders, and reports it as its own.
  if (error && own(error, 'kind') === 'internal') return null;
  return own(answer, 'selection') || { error };
}

/**
 * One widget's use of the Worker: what it selected for the copies, options and extra posts it was asked about, and
 * whether it holds the copies' bytes now (then every render of the widget waits).
 */
export class Offload {
  /** @type {{ asked: Asked, chosen: NonNullable<Awaited<ReturnType<typeof offload>>> } | undefined} */
  #made;
  /** Settles when the bytes are back. @type {Promise<void> | null} */
  #away = null;

  /**
   * The Worker's selection, when it was made for exactly these copies (the same objects, in order), options and extra.
   * @param {Asked} asked
   */
  chosen({ copies, options, extra }) {
    const made = this.#made?.asked;
    return made && made.options === options && made.extra === extra && made.copies.length === copies.length && made.copies.every((copy, i) => copy === copies[i]) ? this.#made?.chosen : undefined;
  }

  /**
   * What to wait for before rendering what `current()` names: the bytes coming back, or (for big copies with no
   * selection yet) the Worker selecting from them; null when the render can go ahead at once.
   * @param {() => Asked | null} current the copies, options and extra posts of the next render, read again after waiting
   * @returns {Promise<void> | null}
   */
  pending(current) {
    return this.#away || this.#worth(current()) ? this.#select(current) : null;
  }

  /** @param {Asked | null} asked */
  #worth(asked) {
    return !!asked && big(asked.copies) && !this.chosen(asked);
  }

  /** @param {() => Asked | null} current */
  async #select(current) {
    while (this.#away) await this.#away;
    const asked = current();
    if (!asked || !this.#worth(asked)) return;
    const { copies, options, extra } = asked;
    const answer = offload(copies, extra ? { ...options, limit: options.limit + extra } : options);
    this.#away = answer.then(() => {}, () => {});
    try {
      // A failure of its own leaves the render to the main thread, like a Worker that cannot start.
      const chosen = await answer.catch(() => null);
      this.#made = chosen ? { asked, chosen } : undefined;
    } finally {
      this.#away = null;
    }
  }
}

/** @typedef {{ copies: Copy[], options: Options, extra: number }} Asked */
