#!/usr/bin/env node
// feedlet's end-to-end tests: `make test-e2e` (= `cd www && node ../tests/e2e/run.mjs`) after `make build`.
// One shared headless Chromium (/usr/bin/chromium through playwright-core), a fresh browser context per test, and
// files served from 127.0.0.1 on ephemeral ports. Each *.test.mjs module exports `tests`: [{ name, fn, timeout? }],
// and may export `prepare()` (slow setup, such as the npm/Vite build, started at once and awaited by its tests).
// Arguments filter tests by substring of their names: `node ../tests/e2e/run.mjs faults csp`; E2E_JOBS=1 runs
// the tests one at a time (default 2).
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, E2E_DIR, TestContext, launchBrowser, paths } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const MODULES = ['widget', 'automount', 'cache', 'faults', 'csp', 'a11y', 'npm', 'screenshot', 'clobber'];
const filters = process.argv.slice(2);
const started = Date.now();

const modules = [];
for (const name of MODULES) modules.push({ name, ...(await import(`./${name}.test.mjs`)) });
const selected = modules.flatMap((m) => m.tests.map((test) => ({ ...test, module: m })))
  .filter((test) => !filters.length || filters.some((f) => test.name.includes(f)));

let passed = 0;
let failed = 0;
const report = (ok, name, detail) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? '\n' + detail.replace(/^/gm, '     ') : ''}`);
};

if (!existsSync(join(DIST, 'embed.js')) || !existsSync(join(DIST, 'feedlet_bg.wasm'))) {
  for (const test of selected) report(false, test.name, 'www/dist is missing: run `make build` first');
} else {
  const snapshot = await fs.mkdtemp(join(tmpdir(), 'feedlet-e2e-dist-'));
  await fs.cp(DIST, snapshot, { recursive: true });
  paths.dist = snapshot;
  const dirs = { '/dist/': snapshot, '/_e2e/': join(E2E_DIR, 'static') };
  const server = await startServer({ dirs });
  const other = await startServer({ dirs }); // another origin (another port), for CORS
  const browser = await launchBrowser();
  const shared = { browser, server, other };
  // Slow preparations run in the background while the browser tests go on.
  for (const m of modules) if (m.prepare && selected.some((t) => t.module === m)) m.prepared = m.prepare(shared).catch((e) => e);

  // Two tests at a time by default (E2E_JOBS): many tests spend their time waiting for timers and the network.
  const jobs = Math.max(1, Number(process.env.E2E_JOBS) || 2);
  const queue = [...selected];
  const worker = async () => {
    for (let test; (test = queue.shift());) {
      const context = new TestContext(shared);
      context.prepared = test.module.prepared;
      const timeout = test.timeout || 30000;
      let timer;
      const t0 = Date.now();
      try {
        await Promise.race([
          test.fn(context),
          new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`test timed out after ${timeout} ms`)), timeout); }),
        ]);
        report(true, `${test.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        report(false, `${test.name} (${Date.now() - t0} ms)`, String(error && error.stack || error).split('\n').filter((l) => !/node:internal|node_modules/.test(l)).join('\n'));
      } finally {
        clearTimeout(timer);
        await context.cleanup();
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  for (const m of modules) if (m.cleanup) await m.cleanup().catch(() => {});
  await browser.close();
  await server.close();
  await other.close();
  await fs.rm(snapshot, { recursive: true, force: true });
}

console.log(`e2e: ${selected.length} tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !selected.length ? 1 : 0);
