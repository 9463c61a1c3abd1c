#!/usr/bin/env bash
# Builds www/dist: the wasm module (cargo → wasm-bindgen --target web → wasm-opt -Oz), the JS API and the embed,
# each one minified module, and their TypeScript declarations.
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/dist
# With rust-src at hand, std is rebuilt with panic=immediate-abort: no panic formatting in the wasm (about 8 KB gzip less),
# and with its optimize_for_size feature (smaller sorts and searches in core; about 240 B gzip less).
# -Zlocation-detail=none and -Zfmt-debug=none drop panic locations and Debug formatting from std and the crate
# (nothing shipped prints with `{:?}`): 104,408 -> 102,288 B gzip for the three files.
# RUSTC_BOOTSTRAP unlocks those unstable flags on the stable toolchain; anything else falls back to a plain build.
# `cargo rustc --crate-type cdylib` builds the cdylib alone: built together with the rlib (Cargo.toml's crate-type,
# which the CLI and the tests need), the crate's public items stay exported into LTO, and the wasm came out about
# 9.7 KB gzip larger for the same code.
wasm=target/wasm32-unknown-unknown/release/feedlet.wasm
if rustup component list --installed 2>/dev/null | grep -q '^rust-src' &&
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -C target-feature=+simd128" \
    cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib --target-dir target/wasm-std \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size; then
  wasm=target/wasm-std/wasm32-unknown-unknown/release/feedlet.wasm
else
  cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib
fi
# A private temporary folder: two builds at once must not mix their files. stage/ holds what the shipped files are
# made from and does not ship.
tmp=$(mktemp -d "${out}.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/stage
mkdir "$stage"
# The wasm-bindgen glue and its types (with the Rust doc comments), under the name wasm.js imports. The glue's
# __wbg_reset_state makes a fresh instance of the compiled module: wasm.js calls it after a trap.
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$stage" --out-name feedlet "$wasm"
mv "$stage/feedlet.js" "$stage/feedlet_bindings.js"
mv "$stage/feedlet.d.ts" "$stage/feedlet_bindings.d.ts"
# --converge repeats -Oz while the module still shrinks (about 800 B gzip more than one pass); the producers and
# target-features sections mean nothing to a browser. --low-memory-unused lets `load(p + c)` become `load offset=c (p)`
# (about 410 B gzip): the two differ only when `p + c` wraps past 4 GiB into the first 1 KiB, which no valid Rust
# pointer does (Rust's stack sits below 1 MiB and grows down; an overflow traps either way).
# --flatten --rereloop then -Oz again rebuilds the control flow of every function, and --gufa-optimizing
# then -Oz propagates the types and constants it finds across the module: 101,674 -> 101,075 B gzip.
# -g keeps the functions' names for the split below, and --no-inline keeps the functions it splits at whole (each
# has a single caller, which -Oz would otherwise inline them into).
www/node_modules/.bin/wasm-opt -g --no-inline='*json::parse' --no-inline='*feed_object' --no-inline='*rich_summary*' \
  -Oz --converge --flatten --rereloop -Oz --converge --gufa-optimizing -Oz --converge \
  --low-memory-unused --strip-producers --strip-dwarf \
  "$stage/feedlet_bg.wasm" -o "$stage/named.wasm"
# Two modules (scripts/split.mjs): feedlet_bg.wasm for a list of an XML feed, feedlet_more.wasm for the capabilities
# a widget loads when it first needs them (JSON Feed, Feed objects, rich summaries, selectFeeds, discoverFeeds).
node scripts/split.mjs "$stage/named.wasm" "$stage/primary.wasm" "$stage/more.wasm"
www/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers --strip-target-features \
  "$stage/primary.wasm" -o "$tmp/feedlet_bg.wasm"
www/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers --strip-target-features \
  "$stage/more.wasm" -o "$tmp/feedlet_more.wasm"
# Short import names in the module and the glue alike (wasm-bindgen's carry 16 hex digits each).
node scripts/short-imports.mjs "$tmp/feedlet_bg.wasm" "$stage/feedlet_bindings.js"
# wasm.js links the second module to the first's current instance (a restart makes a new one): the glue keeps it
# in `wasm`, and gives it out through one added export.
grep -q '^let wasmModule, wasmInstance, wasm;$' "$stage/feedlet_bindings.js" ||
  { echo "build: the glue no longer keeps its instance's exports in \`wasm\`" >&2; exit 1; }
printf '%s\n' '' '/** The current instance'"'"'s exports (wasm.js links feedlet_more.wasm to them). */' \
  'export const __wbg_exports = () => wasm;' >>"$stage/feedlet_bindings.js"
printf '%s\n' '/** The current instance'"'"'s exports (wasm.js links feedlet_more.wasm to them). */' \
  'export function __wbg_exports(): WebAssembly.Exports | undefined;' >>"$stage/feedlet_bindings.d.ts"
# The modules of www/src; the public entry api.js becomes feedlet.js, the name embed.js imports it by.
cp www/src/*.js "$stage/"
mv "$stage/api.js" "$stage/feedlet.js"
# Types: tsc checks the modules against their JSDoc and the bindings' types, and writes a .d.ts for each from the
# JSDoc. Those the two entries reach ship: feedlet.d.ts re-exports mount.d.ts, types.d.ts, theme.d.ts, wasm.d.ts and
# feedlet_bindings.d.ts.
www/node_modules/.bin/tsc --declaration --allowJs --checkJs --emitDeclarationOnly --strict \
  --target es2022 --module esnext --moduleResolution bundler --lib es2022,dom,dom.iterable \
  --outDir "$stage/types" "$stage/feedlet.js" "$stage/embed.js" "$stage/worker.js"
cp "$stage"/types/{feedlet,embed,mount,theme,types,wasm}.d.ts "$stage/feedlet_bindings.d.ts" "$tmp/"
# One minified module each: feedlet.js with the glue inlined, and embed.js and worker.js (the big-feed Worker,
# offload.js) importing feedlet.js.
node scripts/minify.mjs "$tmp" "$stage/feedlet.js" "$stage/embed.js" "$stage/worker.js"
# The default theme as a file (the CSS string of theme.js), for a page that prerenders its list with `feedlet render`
# to link in its <head>, so that the list has its final look before any script runs.
node --input-type=module -e 'import { css } from "./www/src/theme.js"; process.stdout.write(css + "\n")' >"$tmp/feedlet.css"
rm -rf "$stage"
rm -rf "$out" && mv "$tmp" "$out" && chmod 755 "$out"
