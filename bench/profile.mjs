#!/usr/bin/env node
// Where the time goes: a V8 CPU profile of one benchmark case, self time summed per function.
//
//   scripts/build.sh && node bench/generate.mjs      (once)
//   node bench/profile.mjs [case] [feed] [calls]
//   node bench/profile.mjs 'feedlet renderFeed top 10' atom-100.xml 200
//
// The wasm is rebuilt from the last cargo build with its name section kept (wasm-opt -Oz -g), into a private
// site folder, so that wasm functions show under their Rust names. Cases are the labels of bench/page.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'www', 'package.json'));
const { chromium } = require('playwright-core');
const [label = 'feedlet renderFeed top 10', feed = 'atom-100.xml', calls = '100'] = process.argv.slice(2);

const site = mkdtempSync(join(tmpdir(), 'feedlet-profile-'));
try {
  const dist = join(site, 'www', 'dist');
  mkdirSync(dist, { recursive: true });
  cpSync(join(root, 'www', 'dist'), dist, { recursive: true });
  const built = [process.env.FEEDLET_PROFILE_WASM || 'target/wasm-std/wasm32-unknown-unknown/release/feedlet.wasm', 'target/wasm32-unknown-unknown/release/feedlet.wasm']
    .map((p) => join(root, p))
    .find(existsSync);
  const raw = join(site, 'raw');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', raw, '--out-name', 'feedlet', built]);
  execFileSync(join(root, 'www/node_modules/.bin/wasm-opt'), ['-Oz', '-g', join(raw, 'feedlet_bg.wasm'), '-o', join(dist, 'feedlet_bg.wasm')]);
  symlinkSync(join(root, 'bench'), join(site, 'bench'));
  symlinkSync(join(root, 'www', 'node_modules'), join(site, 'www', 'node_modules'));
  mkdirSync(join(site, 'target'));
  symlinkSync(join(root, 'target', 'bench-feeds'), join(site, 'target', 'bench-feeds'));

  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--root', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]);
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}bench/page.html`);
    await page.waitForFunction(() => window.bench);
    await page.evaluate((names) => window.bench.load(names), [feed]);
    for (let i = 0; i < 10; i++) await page.evaluate(([n, l]) => window.bench.one(n, l, 1), [feed, label]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.evaluate(([n, l, b]) => window.bench.one(n, l, b), [feed, label, Number(calls)]);
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i];
      dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0));
    }
    let total = 0;
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const name = (n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`).replace(/\[[0-9a-f]+\]/g, '');
      self.set(name, (self.get(name) || 0) + us);
      total += us;
    }
    console.log(`${label} on ${feed}, ${calls} calls, ${(total / 1000 / Number(calls)).toFixed(2)} ms sampled per call: self time by function (top 40)`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 150)}`);
    }
    // FEEDLET_PROFILE_CALLERS=substring: who calls the functions whose name contains it (self time by caller).
    const focus = process.env.FEEDLET_PROFILE_CALLERS;
    if (focus) {
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
      const callers = new Map();
      for (const [id, us] of dt) {
        const n = byId.get(id);
        if (!n.callFrame.functionName.includes(focus)) continue;
        const p = parent.get(id);
        const name = p ? p.callFrame.functionName.replace(/\[[0-9a-f]+\]/g, '') : '(root)';
        callers.set(name, (callers.get(name) || 0) + us);
      }
      console.log(`callers of *${focus}*:`);
      for (const [name, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
        console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 150)}`);
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
} finally {
  rmSync(site, { recursive: true, force: true });
}
