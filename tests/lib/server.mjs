// The one static server of the browser suites (tests/e2e, tests/xss): binds 127.0.0.1 on an ephemeral port, serves
// directories (`.wasm` as application/wasm) and virtual files that tests register, and counts every request.
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.xml': 'application/xml', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export const typeOf = (path) => TYPES[extname(path).toLowerCase()] || 'application/octet-stream';

const isHtml = (type) => type.startsWith('text/html');

/**
 * @param {{
 *   dirs?: Record<string, string>,
 *   headers?: Record<string, string>,
 *   htmlHeaders?: Record<string, string>,
 *   fallback?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean>,
 * }} options
 *   dirs: URL prefix ("/dist/") → directory; headers: extra headers on every response (404s too);
 *   htmlHeaders: extra headers on every HTML response (a CSP, say); fallback: asked before a 404, returns true
 *   when it answered (for paths no fixed name describes, such as a prefix).
 */
export async function startServer({ dirs = {}, headers = {}, htmlHeaders = {}, fallback } = {}) {
  const files = new Map(); // path → { status, type, body, headers, handler }
  files.set('/favicon.ico', { status: 204, type: 'image/x-icon', body: '' });
  const hits = new Map(); // path → number of requests
  const listeners = new Set();
  let scopes = 0;
  // The headers of one response: the server-wide ones, the HTML ones for HTML, then the file's own.
  const head = (type, own = {}) => ({ 'content-type': type, 'cache-control': 'no-cache', ...headers, ...(isHtml(type) ? htmlHeaders : {}), ...own });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    hits.set(path, (hits.get(path) || 0) + 1);
    for (const listener of listeners) listener(path, req);
    try {
      const file = files.get(path);
      if (file) {
        if (file.handler) return await file.handler(req, res, url);
        const body = typeof file.body === 'function' ? file.body(url) : file.body;
        res.writeHead(file.status || 200, head(file.type || typeOf(path), file.headers));
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      for (const [prefix, dir] of Object.entries(dirs)) {
        if (!path.startsWith(prefix)) continue;
        const root = resolve(dir);
        let target;
        try {
          target = join(root, normalize(decodeURIComponent(path.slice(prefix.length))));
        } catch {
          break; // a malformed escape names no file
        }
        if (target !== root && !target.startsWith(root + sep)) break;
        let stat = await fs.stat(target).catch(() => null);
        if (stat && stat.isDirectory()) {
          target = join(target, 'index.html');
          stat = await fs.stat(target).catch(() => null);
        }
        if (!stat) break;
        res.writeHead(200, head(typeOf(target)));
        return res.end(req.method === 'HEAD' ? undefined : await fs.readFile(target));
      }
      if (fallback && await fallback(req, res, url)) return;
      res.writeHead(404, head('text/plain; charset=utf-8'));
      res.end(`not found: ${path}\n`);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, head('text/plain; charset=utf-8'));
      res.end(String(error));
    }
  });
  // Tests hold some responses open on purpose; closing must not wait for them.
  const sockets = new Set();
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const api = {
    origin,
    /** The headers a response of this type gets from the server's options (for handlers that answer themselves). */
    headersFor: (type, own) => head(type, own),
    /** Registers a virtual file: a string/Buffer body, or { status, type, headers, body, handler(req, res, url) }. */
    put(path, spec) {
      files.set(path, typeof spec === 'string' || Buffer.isBuffer(spec) ? { body: spec } : spec);
      return origin + path;
    },
    hits: (path) => hits.get(path) || 0,
    /** Calls listener(path, req) for every request until the returned function is called. */
    onRequest(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    /** A fresh URL prefix for one test, so that tests never share paths: scope.put('/feed.xml', …). */
    scope() {
      const prefix = `/t${++scopes}`;
      return {
        prefix,
        origin,
        put: (path, spec) => api.put(prefix + path, spec),
        url: (path) => origin + prefix + path,
        path: (path) => prefix + path,
        hits: (path) => api.hits(prefix + path),
      };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
  return api;
}
