#!/usr/bin/env node
// feedlet's end-to-end tests on node:test: `make test-e2e` (= `cd www && node --test-reporter=spec ../tests/e2e/run.mjs`)
// after `make build`. One shared headless Chromium and one static server (tests/lib), a fresh browser context per
// test, files served from 127.0.0.1 on ephemeral ports.
// Every *.test.mjs module in this folder exports `tests`: [{ name, fn(context), timeout? }], and may export
// `prepare(shared)` (slow setup, such as the npm/Vite build, started at once and awaited by its tests through
// `context.prepared`) and `cleanup()`. Arguments filter tests by substring of their names
// (`node ../tests/e2e/run.mjs faults csp`; node's --test-name-pattern works too); E2E_JOBS=1 runs the tests one at
// a time (default 2).
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST, E2E_DIR, TestContext, launchBrowser, paths } from './lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = (await fs.readdir(E2E_DIR)).filter((name) => name.endsWith('.test.mjs')).sort();
const modules = [];
for (const name of names) modules.push({ name, ...(await import(`./${name}`)) });
const selected = modules.flatMap((m) => (m.tests || []).map((spec) => ({ ...spec, module: m })))
  .filter((spec) => !filters.length || filters.some((f) => spec.name.includes(f)));

// Two tests at a time by default (E2E_JOBS): many tests spend their time waiting for timers and the network.
const jobs = Math.max(1, Number(process.env.E2E_JOBS) || 2);

describe('e2e', { concurrency: jobs }, () => {
  const shared = {};
  let snapshot;

  before(async () => {
    if (!existsSync(join(DIST, 'embed.js')) || !existsSync(join(DIST, 'feedlet_bg.wasm'))) {
      throw new Error('www/dist is missing: run `make build` first');
    }
    snapshot = await fs.mkdtemp(join(tmpdir(), 'feedlet-e2e-dist-'));
    await fs.cp(DIST, snapshot, { recursive: true });
    paths.dist = snapshot;
    const dirs = { '/dist/': snapshot, '/_e2e/': join(E2E_DIR, 'static') };
    shared.server = await startServer({ dirs });
    shared.other = await startServer({ dirs }); // another origin (another port), for CORS
    shared.browser = await launchBrowser();
    // Slow preparations run in the background while the browser tests go on.
    for (const m of modules) if (m.prepare && selected.some((spec) => spec.module === m)) m.prepared = m.prepare(shared).catch((e) => e);
  });

  after(async () => {
    for (const m of modules) if (m.cleanup) await m.cleanup().catch(() => {});
    await shared.browser?.close();
    await shared.server?.close();
    await shared.other?.close();
    if (snapshot) await fs.rm(snapshot, { recursive: true, force: true });
  });

  for (const spec of selected) {
    test(spec.name, { timeout: spec.timeout || 30000 }, async (t) => {
      const context = new TestContext(shared);
      context.prepared = spec.module.prepared;
      // A test that timed out is abandoned by node:test: closing its pages ends whatever it still awaits.
      t.signal.addEventListener('abort', () => context.cleanup());
      try {
        await spec.fn(context);
      } finally {
        await context.cleanup();
      }
    });
  }
  if (!selected.length) test('a test matches the filters', () => { throw new Error(`no test name contains ${filters.join(' or ')}`); });
});
