// Where the wasm bytes are: reads a module that kept its name section (wasm-opt -Oz -g) and sums each
// function body by crate, and feedlet's own functions by module (its features), largest first.
// Usage: node scripts/size-breakdown.mjs named.wasm [rows]
// The sizes are raw body bytes of the optimized code; gzip shrinks every group by roughly the same factor,
// so the shares, not the absolute numbers, are what to compare.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/size-breakdown.mjs MODULE.wasm [rows]');
  process.exit(2);
}
const rows = Number(rowsArg) || 12;
const bytes = readFileSync(file);
let at = 8; // magic and version

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}
function name() {
  const length = leb();
  const text = bytes.toString('utf8', at, at + length);
  at += length;
  return text;
}

let importedFunctions = 0;
let bodySizes = [];
let dataBytes = 0;
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: count the functions, whose indices come before the module's own.
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        at++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      } else {
        leb();
      }
    }
  } else if (id === 10) {
    bodySizes = [];
    for (let n = leb(); n > 0; n--) {
      const body = leb();
      bodySizes.push(body);
      at += body;
    }
  } else if (id === 11) {
    dataBytes += size;
  } else if (id === 0 && name() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const subSize = leb();
      const subEnd = at + subSize;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      at = subEnd;
    }
  }
  at = end;
}

// `<feedlet::model::Entry as serde::ser::Serialize>::serialize` belongs to feedlet::model (the impl's type),
// `core::fmt::write` to core, `serde_json::de::from_str` to serde_json.
function path(symbol) {
  let s = symbol.replace(/^_?ZN?/, '').replace(/\[[0-9a-f]+\]/g, '');
  if (s.startsWith('<')) s = s.slice(1);
  s = s.replace(/^(&|mut |dyn |\[)+/, '');
  return s.split(/[ <>,;]/)[0].split('::').filter((part) => part && !/^h[0-9a-f]{16}$/.test(part));
}

const byCrate = new Map();
const byModule = new Map();
let total = 0;
bodySizes.forEach((size, i) => {
  const symbol = names.get(importedFunctions + i) || '';
  const parts = path(symbol);
  const crate = parts[0] && /^[a-z_][a-z0-9_]*$/.test(parts[0]) ? parts[0] : '(unnamed: generics, glue)';
  byCrate.set(crate, (byCrate.get(crate) || 0) + size);
  if (crate === 'feedlet') {
    // The module path as far as src/ has it as files or folders (feedlet::parse::xml, feedlet::select).
    let module = 'feedlet';
    let dir = src;
    for (const part of parts.slice(1)) {
      if (!existsSync(join(dir, part + '.rs')) && !existsSync(join(dir, part))) break;
      module += '::' + part;
      dir = join(dir, part);
    }
    byModule.set(module, (byModule.get(module) || 0) + size);
  }
  total += size;
});

function table(title, map) {
  console.log(`${title.padEnd(44)} ${'bytes'.padStart(8)} ${'share'.padStart(6)}`);
  const sorted = [...map].sort((a, b) => b[1] - a[1]);
  for (const [key, size] of sorted.slice(0, rows)) {
    console.log(`  ${key.padEnd(42)} ${String(size).padStart(8)} ${((100 * size) / total).toFixed(1).padStart(5)}%`);
  }
  const rest = sorted.slice(rows).reduce((sum, [, size]) => sum + size, 0);
  if (rest) console.log(`  ${'(the rest)'.padEnd(42)} ${String(rest).padStart(8)} ${((100 * rest) / total).toFixed(1).padStart(5)}%`);
}
console.log(`code ${total} bytes in ${bodySizes.length} functions; data ${dataBytes} bytes`);
table('by crate', byCrate);
table('feedlet by module (feature)', byModule);
