// Splits the optimized wasm in two: what a first render of an XML feed can reach stays in the primary module
// (feedlet_bg.wasm); what only a few capabilities reach moves to a secondary module (feedlet_more.wasm) that the
// page loads when one of them is first used.
// Usage: node scripts/split.mjs NAMED.wasm PRIMARY.wasm SECONDARY.wasm
//
// NAMED.wasm must keep its name section (wasm-opt -g): the capabilities are found by their functions' names, the
// `SEEDS` below. A seed's callers never see a difference: in the primary its body becomes an indirect call
// through a table of its own (exported as `S`), whose slot the secondary's element segment fills when it is
// instantiated with the primary's exports as its imports (see `link` in www/src/wasm.js): it shares the primary's
// memory, globals and tables, and calls the primary's functions through imports (the table `L`). Until then the
// slot is empty: a call sets the primary's global `N` and traps, which www/src/wasm.js reports as a FeedletError of
// kind "wasm"; widgets load the secondary before any call that may reach a seed.
//
// What moves is computed, not listed: every function that the primary's roots (its exports and its tables'
// elements) reach without passing through a seed stays; everything else is reachable only through a seed and
// moves. So nothing the first render needs can end up behind a slot; a seed that a change renames or inlines away
// matches nothing, and stops the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { default: binaryen } = await import(pathToFileURL(join(here, '..', 'www', 'node_modules', 'binaryen', 'index.js')).href);

const [input, primaryFile, secondaryFile] = process.argv.slice(2);
if (!input || !primaryFile || !secondaryFile) {
  console.error('usage: node scripts/split.mjs NAMED.wasm PRIMARY.wasm SECONDARY.wasm');
  process.exit(2);
}
const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};

/**
 * The capabilities that a first render of an XML feed does not use, by the function (or export) that enters each.
 * A pattern is matched against a function's name with the crates' hashes (`[0123abcd]`) taken out.
 */
const SEEDS = [
  // JSON Feed: the reader (the engine's JSON.parse and the copy of the value) and the mapping onto the model.
  ['JSON Feed', /^feedlet::parse::json::parse(::<|$)/],
  // A Feed object passed in from JavaScript instead of bytes.
  ['Feed objects', /^feedlet::web::feed_object$/],
  // summary="html": the sanitizer walk over the browser's inert document.
  ['rich summaries', /^feedlet::render::list::rich_summary::<.*web::dom/],
  // The exports a widget's first render does not call.
  ['selectFeeds', /^selectFeeds /],
  ['discoverFeeds', /^discoverFeeds /],
];

const bytes = readFileSync(input);
/** The internal name of the module's memory, from its export (wasm-bindgen exports it as `memory`). */
const memoryName = (module) => {
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalMemory) return e.value;
  }
  return fail('the module exports no memory');
};
// readBinary takes the features the target_features section names; the splitter adds tables and imports only.
const read = () => binaryen.readBinary(bytes);
const plain = (name) => name.replace(/\[[0-9a-f]+\]/g, '');

/** @param {any} module */
function functions(module) {
  const list = [];
  for (let i = 0; i < module.getNumFunctions(); i++) list.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)));
  return list;
}

const original = read();
const all = functions(original);
const defined = all.filter((f) => !f.module);
const seeds = [];
for (const [what, pattern] of SEEDS) {
  const matched = defined.filter((f) => pattern.test(plain(f.name)));
  if (!matched.length) fail(`no function enters ${what} (${pattern}); was it inlined or renamed? Mark it #[inline(never)].`);
  seeds.push(...matched);
}
const seedNames = new Set(seeds.map((f) => f.name));

// What stays: with each seed's body emptied, whatever the roots still reach.
const reached = read();
for (const f of seeds) {
  reached.removeFunction(f.name);
  reached.addFunction(f.name, f.params, f.results, [], reached.unreachable());
}
reached.runPasses(['remove-unused-module-elements']);
const stays = new Set(functions(reached).filter((f) => !f.module).map((f) => f.name));
const moves = defined.filter((f) => !stays.has(f.name) || seedNames.has(f.name));
// Seeds that the primary still reaches get a slot (a seed only another seed calls moves like any other function).
const slotted = seeds.filter((f) => stays.has(f.name));

// The primary: the whole module without what moves (globals and tables stay whole: the secondary uses them).
const primary = read();
for (const f of moves) primary.removeFunction(f.name);

// The seeds' stubs: an indirect call through slot k of the table `split`. An empty slot sets the global exported
// as `N` before it traps, so that wasm.js can tell "the second module is missing" from any other trap.
primary.addTable('split', slotted.length, slotted.length, binaryen.funcref);
primary.addTableExport('split', 'S');
primary.addGlobal('wanted', binaryen.i32, true, primary.i32.const(0));
primary.addGlobalExport('wanted', 'N');
slotted.forEach((f, k) => {
  const params = binaryen.expandType(f.params);
  const operands = params.map((type, i) => primary.local.get(i, type));
  const empty = primary.ref.is_null(primary.table.get('split', primary.i32.const(k), binaryen.funcref));
  const missing = primary.if(empty, primary.block(null, [primary.global.set('wanted', primary.i32.const(1)), primary.unreachable()]));
  const call = primary.call_indirect('split', primary.i32.const(k), operands, f.params, f.results);
  primary.addFunction(f.name, f.params, f.results, [], primary.block(null, [missing, call], f.results));
});

// The secondary: the whole module, in which everything that stays becomes an import from the primary. Its imports
// are under the module named `` (one byte less each than any other name): globals and tables as the primary's
// exports `G0`…, `T0`…, memory as `memory` (wasm-bindgen's export), the slot table as `S`. Functions are imported
// from `p` for now, to be found again below.
const secondary = read();
all.forEach((f, i) => {
  if (!f.module && (!stays.has(f.name) || seedNames.has(f.name))) return;
  secondary.removeFunction(f.name);
  secondary.addFunctionImport(f.name, 'p', `f${i}`, f.params, f.results);
});
for (let i = secondary.getNumGlobals() - 1; i >= 0; i--) {
  const g = binaryen.getGlobalInfo(secondary.getGlobalByIndex(i));
  secondary.removeGlobal(g.name);
  secondary.addGlobalImport(g.name, '', `G${i}`, g.type, g.mutable);
}
const elementSegments = [];
for (let i = 0; i < secondary.getNumElementSegments(); i++) elementSegments.push(binaryen.getElementSegmentInfo(secondary.getElementSegmentByIndex(i)).name);
for (const name of elementSegments) secondary.removeElementSegment(name);
for (let i = 0; i < secondary.getNumTables(); i++) secondary.addTableImport(binaryen.getTableInfo(secondary.getTableByIndex(i)).name, '', `T${i}`);
const memory = memoryName(primary);
if (memory !== memoryName(secondary)) fail('the two copies name their memory differently');
secondary.addMemoryImport(memory, '', 'memory', false);
secondary.addTable('split', slotted.length, slotted.length, binaryen.funcref);
secondary.addTableImport('split', '', 'S');
secondary.addActiveElementSegment('split', 'slots', slotted.map((f) => f.name), secondary.i32.const(0));
for (let i = secondary.getNumExports() - 1; i >= 0; i--) secondary.removeExport(binaryen.getExportInfo(secondary.getExportByIndex(i)).name);
// The primary writes the data; the secondary must not write it again over a running module's memory.
secondary.runPasses(['remove-memory-init', 'remove-unused-module-elements']);
if (secondary.getNumDataSegments()) fail('the secondary still holds data segments');

// The primary's functions the secondary still calls go into a table of their own (exported as `L`), in the order
// of the secondary's imports, which are renamed to their slot (`0`, `1`, … `a`, … `10`, …): wasm.js builds the
// import object from the table. An element costs the primary a function index, where an export would cost a name too.
const linked = functions(secondary).filter((f) => f.module === 'p');
primary.addTable('link', linked.length, linked.length, binaryen.funcref);
primary.addTableExport('link', 'L');
primary.addActiveElementSegment('link', 'linked', linked.map((f) => f.name), primary.i32.const(0));
linked.forEach((f, k) => {
  secondary.removeFunction(f.name);
  secondary.addFunctionImport(f.name, '', k.toString(36), f.params, f.results);
});
// The globals and tables it still imports, the primary exports (every global of the secondary is an import now).
for (let i = 0; i < secondary.getNumGlobals(); i++) {
  const g = binaryen.getGlobalInfo(secondary.getGlobalByIndex(i));
  primary.addGlobalExport(g.name, g.base);
}
for (let i = 0; i < secondary.getNumTables(); i++) {
  const t = binaryen.getTableInfo(secondary.getTableByIndex(i));
  if (t.base !== 'S') primary.addTableExport(t.name, t.base);
}

// scripts/build.sh optimizes each (-Oz) after the split, and strips the names kept here.
binaryen.setDebugInfo(true);
for (const [module, file] of [[primary, primaryFile], [secondary, secondaryFile]]) {
  if (!module.validate()) fail(`${file} does not validate`);
  writeFileSync(file, module.emitBinary());
}
console.error(`split: ${moves.length} of ${defined.length} functions move (${slotted.length} slots: ${slotted.map((f) => plain(f.name).split(' ')[0]).join(', ')})`);
