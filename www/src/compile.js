// The wasm module's download and compile, shared by the embed (which starts it before feedlet.js has loaded) and
// by `ready` (for a page that imports feedlet.js itself); either way the compiled module is at hand for the Worker.

/**
 * The wasm module, downloaded and compiled as its bytes arrive (`compileStreaming`), or compiled from its bytes when
 * the server does not send it as application/wasm (which compileStreaming refuses).
 * @param {URL} url
 * @returns {Promise<WebAssembly.Module>}
 */
export const compile = (url) => fetch(url).then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return /^application\/wasm\b/i.test(response.headers.get('content-type') || '')
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
});
