// Bundles and minifies the shipped ES modules with rolldown (the bundler Vite ships): `node scripts/minify.mjs OUT ENTRY…`.
// Each entry becomes one minified module in OUT with its imports inlined (feedlet.js takes in the wasm-bindgen glue,
// feedlet_bindings.js), except `./feedlet.js` itself: embed.js keeps importing it, so that a page importing both
// gets one instance. `new URL('feedlet_bg.wasm', import.meta.url)` stays as written, for browsers and bundlers.
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { rolldown } = await import(pathToFileURL(require.resolve('rolldown')).href);

const [out, ...entries] = process.argv.slice(2);
if (!out || !entries.length) {
  console.error('usage: node scripts/minify.mjs OUT_DIR ENTRY.js…');
  process.exit(2);
}
for (const entry of entries) {
  const name = basename(entry);
  const warnings = [];
  const bundle = await rolldown({
    input: resolve(entry),
    external: (id) => name !== 'feedlet.js' && id === './feedlet.js',
    onLog: (level, log) => { if (level === 'warn') warnings.push(log.message); },
  });
  await bundle.write({ file: join(out, name), format: 'es', minify: true, comments: { legal: false, annotation: false, jsdoc: false } });
  await bundle.close();
  if (warnings.length) {
    console.error(`minify: ${name}:\n${warnings.join('\n')}`);
    process.exit(1);
  }
}
