#!/usr/bin/env node
// A tiny static file server for the demo and the tests: `node scripts/serve.mjs --root www --port 8080`.
// Binds 127.0.0.1, serves .wasm as application/wasm, answers conditional requests with 304; --port 0 picks a free port.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  return args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
};
const root = resolve(option('root', '.'));
const port = Number(option('port', 8080));
const host = option('host', '127.0.0.1');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.xml': 'application/xml', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.map': 'application/json',
};

const server = createServer(async (request, response) => {
  const send = (status, body, headers = {}) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    return send(400, 'bad request\n');
  }
  // normalize() resolves "..", and the prefix check keeps every request inside the root.
  let file = join(root, normalize(pathname));
  if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden\n');
  try {
    let stat = await fs.stat(file);
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, 'moved\n', { location: pathname + '/' });
      file = join(file, 'index.html');
      stat = await fs.stat(file);
    }
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
      'content-type': types[extname(file).toLowerCase()] || 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'last-modified': stat.mtime.toUTCString(),
      etag,
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': 'no-cache' });
      return response.end();
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  } catch {
    send(404, `not found: ${pathname}\n`);
  }
});

server.on('error', (error) => {
  console.error(`serve: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const url = `http://${host}:${server.address().port}/`;
  console.log(`Serving ${root} at ${url}`);
  fs.stat(join(root, 'demo')).then(() => console.log(`Demo: ${url}demo/`), () => {});
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
