// Reading a response body under a size limit: one loop, run by the page (fetch.js) or, for a big response, by the
// Worker (worker.js), so that a hostile server cannot make either hold more than the limit.

/**
 * A body's bytes, read as a stream and abandoned (the stream cancelled, the connection closed) as soon as they pass
 * `limit`: null then.
 * @param {ReadableStream<Uint8Array> | null} body
 * @param {number} limit
 * @returns {Promise<Uint8Array | null>}
 */
export async function readStream(body, limit) {
  const reader = body?.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  while (reader && size <= limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  if (size > limit) {
    reader?.cancel().catch(() => {});
    return null;
  }
  const input = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    input.set(chunk, size);
    size += chunk.length;
  }
  return input;
}
