// The Worker `mount` starts for big feeds (offload.js): it instantiates the compiled modules the page posts to it
// (no second download or compile), then answers each request with `selectFeeds`: each source parsed and cut down
// to the entries the render shows. The sources' bytes arrive transferred and go back transferred with the answer,
// so the page keeps them without a copy.
import { initSync, selectFeeds } from './feedlet.js';

/** @import { FeedletError } from './feedlet.js' */

/** The worker's global scope (the DOM's types are the ones in scope here). */
const scope = /** @type {{ onmessage: ((event: MessageEvent<any>) => void) | null, postMessage(message: unknown, transfer?: Transferable[]): void }} */ (/** @type {unknown} */ (globalThis));

scope.onmessage = (/** @type {MessageEvent<any>} */ { data }) => {
  if (data.module) {
    initSync({ module: data.module, more: data.more });
    return scope.postMessage({ ready: true });
  }
  const { id, sources, options } = data;
  /** @type {Uint8Array[]} */
  const inputs = sources.map((/** @type {{ input: Uint8Array }} */ source) => source.input);
  /** @type {Record<string, unknown>} */
  const answer = { id, inputs };
  try {
    answer.selection = selectFeeds(sources, options);
  } catch (thrown) {
    // A FeedletError (no source parsed, with each one's outcome) is copied member by member: structured cloning
    // keeps only an error's name and message.
    const { kind, message, line, column, sources: outcomes } = /** @type {FeedletError & { sources?: unknown }} */ (thrown);
    answer.error = { kind, message, line, column, sources: outcomes };
  }
  scope.postMessage(answer, [...new Set(inputs.map((input) => input.buffer))]);
};
