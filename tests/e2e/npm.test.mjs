// The npm package: `npm pack` in www/, installed into a fresh Vite app in a temp dir together with vite, built with
// `vite build` (no config, no plugin), served, and rendered in Chromium under the strict CSP.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atom, posts } from './lib/feeds.mjs';
import { E2E_DIR, WWW, assertHealthy, paths, rendered, waitForWidget } from './lib/harness.mjs';
import { startServer } from '../lib/server.mjs';
import { CSP, themeProbe, violations } from './csp.test.mjs';

const run = promisify(execFile);
const VITE = '8.3.8';
let temp;
let served;

async function sh(command, args, cwd, timeout = 240000) {
  try {
    return await run(command, args, { cwd, timeout, maxBuffer: 32 << 20, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout || ''}${error.stderr || ''}${error.message}`);
  }
}

const INDEX = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>feedlet in a Vite app</title>
<script src="/page.js"></script>
<script type="module" src="/src/main.js"></script>
</head>
<body>
<main>
<h1>A fresh Vite app</h1>
<button id="e2e-button" type="button">Still works</button>
<div id="api"><a href="/blog/">Read the blog</a></div>
<feedlet-posts id="el" src="/feed.xml" layout="cards" limit="3" heading="From the custom element"></feedlet-posts>
</main>
</body>
</html>
`;

const MAIN = `import { mount, parseFeed, ready } from 'feedlet';
import 'feedlet/embed';
import './style.css';

const mounted = mount(document.getElementById('api'), { src: '/feed.xml', limit: 2, layout: 'compact', locale: 'en' });
document.getElementById('api').addEventListener('feedlet:load', () => {
  window.__apiFeedTitle = mounted.feed && mounted.feed.title;
});
ready().then(() => { window.__parsed = parseFeed('<rss version="2.0"><channel><title>Inline</title></channel></rss>').title; });
`;

/** Packs www/, makes the Vite app, installs the tarball and vite, builds. Started in the background by the runner. */
export async function prepare() {
  temp = await fs.mkdtemp(join(tmpdir(), 'feedlet-e2e-npm-'));
  // Pack what npm would pack from www/ (package.json, README/LICENSE, the `files`), with the run's copy of dist/.
  const source = join(temp, 'package');
  await fs.mkdir(source);
  for (const name of await fs.readdir(WWW)) {
    if (name === 'package.json' || /^(readme|license|licence|copying)/i.test(name)) await fs.cp(join(WWW, name), join(source, name), { recursive: true });
  }
  await fs.cp(paths.dist, join(source, 'dist'), { recursive: true });
  const { stdout } = await sh('npm', ['pack', '--json', '--pack-destination', temp], source);
  const [pack] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  const tarball = join(temp, pack.filename);
  const app = join(temp, 'app');
  await fs.mkdir(join(app, 'src'), { recursive: true });
  await fs.mkdir(join(app, 'public'), { recursive: true });
  await fs.writeFile(join(app, 'package.json'), JSON.stringify({ name: 'feedlet-vite-app', private: true, version: '0.0.0', type: 'module' }, null, 2));
  await fs.writeFile(join(app, 'index.html'), INDEX);
  await fs.writeFile(join(app, 'src', 'main.js'), MAIN);
  await fs.writeFile(join(app, 'src', 'style.css'), ':root { color-scheme: light dark; background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; }\n');
  await fs.copyFile(join(E2E_DIR, 'static', 'page.js'), join(app, 'public', 'page.js'));
  await fs.writeFile(join(app, 'public', 'feed.xml'), atom({ title: 'Vite feed', entries: posts(4) }));
  await sh('npm', ['install', tarball, `vite@${VITE}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  const build = await sh('node', [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], app);
  const assets = await fs.readdir(join(app, 'dist', 'assets'));
  return { pack, app, tarball, build: build.stdout + build.stderr, assets };
}

export async function cleanup() {
  if (served) await served.close();
  if (temp) await fs.rm(temp, { recursive: true, force: true });
}

async function prepared(ctx) {
  const result = await ctx.prepared;
  if (!result || result instanceof Error) throw result || new Error('prepare() did not run');
  return result;
}

export const tests = [
  {
    name: 'npm: npm pack gives an ESM package with exports, types, files and the built dist',
    timeout: 240000,
    async fn(ctx) {
      const { pack, app } = await prepared(ctx);
      const files = pack.files.map((f) => f.path).sort();
      for (const f of ['package.json', 'dist/feedlet.js', 'dist/feedlet_bg.wasm', 'dist/feedlet.d.ts', 'dist/embed.js', 'dist/embed.d.ts']) {
        assert.ok(files.includes(f), `the tarball holds ${f} (it has ${files.join(', ')})`);
      }
      assert.ok(files.every((f) => f === 'package.json' || /^(dist\/|README|LICENSE)/i.test(f)), `nothing but dist/, README and licences: ${files.join(', ')}`);
      assert.equal(pack.name, 'feedlet');
      const installed = JSON.parse(await fs.readFile(join(app, 'node_modules', 'feedlet', 'package.json'), 'utf8'));
      assert.equal(installed.type, 'module');
      assert.equal(installed.types, './dist/feedlet.d.ts');
      assert.equal(installed.exports['.'].import, './dist/feedlet.js');
      assert.equal(installed.exports['.'].types, './dist/feedlet.d.ts');
      assert.equal(installed.exports['./embed'].import, './dist/embed.js');
      assert.ok(Array.isArray(installed.sideEffects) && installed.sideEffects.some((p) => p.includes('embed.js')), 'embed.js is marked as having side effects');
      // The installed package is the built one: feedlet.js exports mount and pulls the wasm in through import.meta.url.
      const js = await fs.readFile(join(app, 'node_modules', 'feedlet', 'dist', 'feedlet.js'), 'utf8');
      // The shipped file is minified: allow `export{…mount…}` and a template literal for the wasm name.
      assert.match(js, /export function mount\(|export\s*\{[^}]*\bmount\b/);
      assert.match(js, /new URL\(\s*['"`]feedlet_bg\.wasm['"`]\s*,\s*import\.meta\.url\s*\)/);
    },
  },
  {
    name: 'npm: a fresh Vite app with the tarball builds and renders (mount + feedlet/embed) under the strict CSP',
    timeout: 240000,
    async fn(ctx) {
      const { app, assets } = await prepared(ctx);
      assert.ok(assets.some((a) => /\.wasm$/.test(a)), `vite emitted the wasm as an asset (${assets.join(', ')})`);
      served = await startServer({ dirs: { '/': join(app, 'dist') }, htmlHeaders: { 'content-security-policy': CSP } });
      const page = await ctx.newPage();
      const wasm = page.waitForResponse((r) => /\.wasm$/.test(r.url()));
      const response = await page.goto(served.origin + '/');
      assert.equal(response.headers()['content-security-policy'], CSP);
      assert.equal((await wasm).headers()['content-type'], 'application/wasm');
      const api = await waitForWidget(page, '#api', rendered(2));
      assert.equal(api.shadow, true);
      assert.match(api.sectionClass, /feedlet--compact/);
      assert.deepEqual(api.titles, ['Post 1', 'Post 2']);
      assert.equal(api.items[0].href, served.origin + '/posts/post-1');
      const element = await waitForWidget(page, '#el', rendered(3));
      assert.match(element.sectionClass, /feedlet--cards/);
      assert.equal(element.heading, 'From the custom element');
      await page.waitForFunction(() => window.__apiFeedTitle === 'Vite feed' && window.__parsed === 'Inline');
      for (const id of ['#api', '#el']) {
        const theme = await page.locator(id).evaluate(themeProbe);
        assert.equal(theme.titleColor, 'rgb(11, 87, 208)');
        assert.equal(theme.padding, '16px');
      }
      assert.deepEqual(await violations(page), { events: [], console: [] });
      await assertHealthy(page);
    },
  },
];
