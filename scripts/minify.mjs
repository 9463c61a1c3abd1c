// Minifies the shipped ES modules in place (www/dist/feedlet.js, www/dist/embed.js) with the oxc minifier that Vite ships.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { minifySync } = await import(require.resolve('rolldown/experimental'));

for (const file of process.argv.slice(2)) {
  const source = await readFile(file, 'utf8');
  const result = minifySync(file, source, { compress: { target: 'es2020' }, mangle: { toplevel: false } });
  if (result.errors && result.errors.length) {
    console.error(`minify: ${file}:`, result.errors);
    process.exit(1);
  }
  await writeFile(file, result.code);
}
