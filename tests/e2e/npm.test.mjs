// The npm package: `npm pack` in www/, installed into a fresh Vite app in a temp dir together with vite, built with
// `vite build` (no config, no plugin), served, and rendered in Chromium under the strict CSP; and its generated types,
// checked by tsc against a small TypeScript consumer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { atom, posts } from './lib/feeds.mjs';
import { E2E_DIR, WWW, assertHealthy, paths, rendered, waitForWidget, wwwRequire } from './lib/harness.mjs';
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

// A TypeScript consumer of the package. Each @ts-expect-error must meet an error, so types that were `any` fail.
const CONSUMER = `import init, { mount, parseFeed, ready, renderFeed, adoptStyles, css, FEEDLET_ATTRIBUTES } from 'feedlet';
import type { Feed, FeedletError, FeedletErrorKind, FeedletLoadDetail, FeedletErrorDetail, Mounted, MountOptions, Options } from 'feedlet';
import { FeedletPosts } from 'feedlet/embed';

const target = document.createElement('div');
const options: MountOptions = { src: ['/a.xml', '/b.xml'], limit: 5, layout: 'cards', summary: 'html', refresh: 60, template: null };
const widget: Mounted = mount(target, options);
mount(target, { src: '/feed.xml', limit: '3', lightDom: '' });
const done: Promise<void> = widget.refresh();
widget.update({ limit: 2 }).then(() => widget.destroy());
const feed: Feed | null = widget.feed;
const count: number = widget.feeds.length;
const error: FeedletError | null = widget.error;
const kind: FeedletErrorKind | undefined = error?.kind;
const line: number | undefined = error?.line;
const effective: Options | null = widget.options;
const urls: string[] | undefined = effective?.src;
const timeout: number | undefined = effective?.timeout;
target.addEventListener('feedlet:load', (event) => {
  const detail = (event as CustomEvent<FeedletLoadDetail>).detail;
  const from: 'cache' | 'network' | 'memory' = detail.from;
  const rendered: number = detail.count + detail.sources.filter((source) => source.ok).length;
});
target.addEventListener('feedlet:error', (event) => {
  const all: FeedletError[] = (event as CustomEvent<FeedletErrorDetail>).detail.errors;
});
await init();
await ready();
const parsed: Feed = parseFeed('<rss version="2.0"><channel><title>t</title></channel></rss>', { baseUrl: 'https://example.com/' });
const shown: number = renderFeed(target, parsed, { limit: 3 }).count;
adoptStyles(document);
const sheet: string = css;
const names: readonly string[] = FEEDLET_ATTRIBUTES;

const element = new FeedletPosts();
element.limit = 3;
element.src = ['/feed.xml'];
const refreshed: Promise<void> = element.refresh();
const first: Feed | null = element.feed;
const failure: FeedletError | null = element.error;

// @ts-expect-error: mount needs a target element
mount();
// @ts-expect-error: limit is a number or an attribute's text, not an object
mount(target, { limit: {} });
// @ts-expect-error: no such option
mount(target, { limits: 5 });
// @ts-expect-error: refresh() resolves to nothing
const nothing: number = await widget.refresh();
// @ts-expect-error: error kinds are a closed set
const unknown: FeedletErrorKind = 'teapot';
// @ts-expect-error: parseFeed returns a Feed, whose entries are not numbers
const entries: number[] = parsed.entries;
export { done, feed, count, kind, line, urls, timeout, shown, sheet, names, refreshed, first, failure, nothing, unknown, entries };
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
  await fs.writeFile(join(app, 'src', 'consumer.ts'), CONSUMER);
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

/** The options table of a README: its rows, from the header on. */
const optionsTable = (markdown) => (/^\| attribute \| default \| what it does \|\n(\|.*\|\n)+/m.exec(markdown) || [''])[0];

export const tests = [
  {
    name: 'npm: the tarball carries a README people can read (embed, mount, options, theme) and both licence files',
    async fn() {
      const { stdout } = await sh('npm', ['pack', '--dry-run', '--json'], WWW);
      const [pack] = JSON.parse(stdout.slice(stdout.indexOf('[')));
      const files = pack.files.map((f) => f.path);
      for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'dist/feedlet.js', 'dist/embed.js', 'dist/feedlet_bg.wasm']) {
        assert.ok(files.includes(f), `the tarball has ${f}: ${files.join(', ')}`);
      }
      const readme = await fs.readFile(join(WWW, 'README.md'), 'utf8');
      assert.match(readme, /<script type="module" src="[^"]*embed\.js"><\/script>\n<feedlet-posts src=/, 'the embed snippet');
      assert.match(readme, /import \{ mount \} from 'feedlet';[^]*mount\(document\.querySelector/, 'mount');
      for (const property of ['accent', 'text', 'muted', 'bg', 'card-bg', 'border', 'font', 'font-size', 'gap', 'padding', 'radius', 'image-ratio']) {
        assert.match(readme, new RegExp('`--feedlet-' + property + '`'), `the theme property --feedlet-${property}`);
      }
      // The options table is the repository README's, row for row, and names every attribute of the element.
      const table = optionsTable(readme);
      assert.equal(table, optionsTable(await fs.readFile(join(WWW, '..', 'README.md'), 'utf8')), 'the same options table as README.md');
      const api = await fs.readFile(join(WWW, 'src', 'api.js'), 'utf8');
      const attributes = [...(/FEEDLET_ATTRIBUTES = Object\.freeze\(\[([^]*?)\]\)/.exec(api)?.[1] || '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
      assert.ok(attributes.length > 20);
      assert.deepEqual([...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort(), [...attributes].sort(), 'one row per attribute');
      assert.match(await fs.readFile(join(WWW, 'LICENSE-MIT'), 'utf8'), /^MIT License\n\nCopyright .*feedlet/);
      assert.match(await fs.readFile(join(WWW, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004[^]*END OF TERMS AND CONDITIONS/);
    },
  },
  {
    name: 'npm: npm pack gives an ESM package with exports, types, files and the built dist',
    timeout: 240000,
    async fn(ctx) {
      const { pack, app } = await prepared(ctx);
      const files = pack.files.map((f) => f.path).sort();
      for (const f of ['package.json', 'dist/feedlet.js', 'dist/feedlet_bg.wasm', 'dist/feedlet_more.wasm', 'dist/feedlet.d.ts', 'dist/feedlet_bindings.d.ts', 'dist/embed.js', 'dist/embed.d.ts', 'dist/worker.js']) {
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
      assert.match(js, /new URL\(\s*['"`]feedlet_more\.wasm['"`]\s*,\s*import\.meta\.url\s*\)/);
      // One module: the wasm-bindgen glue is inside feedlet.js, so nothing stands between it and the wasm.
      assert.doesNotMatch(js, /\bimport\b[^;]*\bfrom\s*['"`]/, 'feedlet.js imports no other module');
    },
  },
  {
    name: 'npm: the generated types type-check a TypeScript consumer (tsc --strict), and keep their doc comments',
    timeout: 240000,
    async fn(ctx) {
      const { app } = await prepared(ctx);
      const tsc = join(dirname(wwwRequire.resolve('typescript/package.json')), 'bin', 'tsc');
      await sh('node', [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
        '--lib', 'es2022,dom,dom.iterable', join('src', 'consumer.ts')], app);
      // The doc comment right above a declaration in the installed package's types.
      const docOf = async (file, declaration) => {
        const text = await fs.readFile(join(app, 'node_modules', 'feedlet', 'dist', file), 'utf8');
        const at = text.indexOf(declaration);
        assert.ok(at > 0, `${file} declares ${declaration}`);
        const before = text.slice(0, at).trimEnd();
        assert.ok(before.endsWith('*/'), `${declaration} in ${file} has a doc comment`);
        return before.slice(before.lastIndexOf('/**'));
      };
      assert.match(await docOf('mount.d.ts', 'export function mount('), /Fetches the feeds in `options\.src`/, 'mount keeps its JSDoc');
      assert.match(await docOf('embed.d.ts', 'export class FeedletPosts'), /<feedlet-posts src=/, 'FeedletPosts keeps its JSDoc');
      assert.match(await docOf('feedlet_bindings.d.ts', 'export function parseFeed('), /Parses Atom/, 'parseFeed keeps its Rust doc comment');
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
