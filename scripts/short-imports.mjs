// Gives the wasm's imports short names, in the module and in the wasm-bindgen glue alike:
// `node scripts/short-imports.mjs MODULE.wasm GLUE.js` (both rewritten in place).
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` under the module `./feedlet_bg.js`, and the wasm
// repeats the module name for every import; the hex digits barely compress. Short names (`a`, `b`, … `aB`) under
// the module `w` save about 2.5 KB gzip over the two files. The glue must hold each import name exactly once, as a
// key of its import object, or the build stops: nothing is renamed on a guess.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmFile, glueFile] = process.argv.slice(2);
if (!wasmFile || !glueFile) {
  console.error('usage: node scripts/short-imports.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}
const MODULE = './feedlet_bg.js';
const SHORT_MODULE = 'w';
const fail = (message) => {
  console.error(`short-imports: ${message}`);
  process.exit(1);
};

const bytes = readFileSync(wasmFile);
let at = 0;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) fail('the module ends inside a number');
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
function name() {
  const length = leb();
  const text = bytes.toString('utf8', at, at + length);
  at += length;
  return text;
}
const encodeName = (text) => Buffer.concat([encodeLeb(Buffer.byteLength(text)), Buffer.from(text)]);
function limits() {
  const flags = bytes[at++];
  leb();
  if (flags & 1) leb();
}
/** Skips one import's description (function, table, memory, global or tag). */
function description() {
  const kind = bytes[at++];
  if (kind === 0) leb();
  else if (kind === 1) {
    const type = bytes[at++];
    if (type !== 0x70 && type !== 0x6f) fail(`a table of type ${type} is not known here`);
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) at += 2;
  else if (kind === 4) {
    at++;
    leb();
  } else fail(`an import of kind ${kind} is not known here`);
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (i) => (i < letters.length ? '' : shortName(Math.floor(i / letters.length) - 1)) + letters[i % letters.length];

if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmFile} is not a wasm module`);
at = 8;
const renames = new Map();
const parts = [bytes.subarray(0, 8)];
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id !== 2) {
    parts.push(bytes.subarray(start, end));
    at = end;
    continue;
  }
  const entries = [];
  const count = leb();
  entries.push(encodeLeb(count));
  for (let n = 0; n < count; n++) {
    const module = name();
    const field = name();
    const from = at;
    description();
    if (module === MODULE) {
      if (renames.has(field)) fail(`the import ${field} is there twice`);
      renames.set(field, shortName(renames.size));
      entries.push(encodeName(SHORT_MODULE), encodeName(renames.get(field)));
    } else {
      entries.push(encodeName(module), encodeName(field));
    }
    entries.push(bytes.subarray(from, at));
  }
  if (at !== end) fail('the import section does not end where its size says');
  const body = Buffer.concat(entries);
  parts.push(Buffer.from([2]), encodeLeb(body.length), body);
}

let glue = readFileSync(glueFile, 'utf8');
const moduleKey = JSON.stringify(MODULE) + ':';
if (glue.split(moduleKey).length !== 2) fail(`the glue does not name ${MODULE} exactly once`);
glue = glue.replace(moduleKey, JSON.stringify(SHORT_MODULE) + ':');
for (const [field, short] of renames) {
  const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?=\\s*:)`, 'g');
  const uses = glue.match(new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?![\\w$])`, 'g')) || [];
  if (uses.length !== 1 || (glue.match(key) || []).length !== 1) {
    fail(`the glue holds ${field} ${uses.length} times, not once as an import key`);
  }
  glue = glue.replace(key, short);
}
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
