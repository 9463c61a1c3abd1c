#!/usr/bin/env bash
# Builds www/dist: the wasm module (cargo → wasm-bindgen --target web → wasm-opt -Oz), the JS API and the embed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/dist
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
wasm-bindgen --target web --no-typescript --out-dir "$out.tmp" --out-name feedlet \
  target/wasm32-unknown-unknown/release/feedlet.wasm
www/node_modules/.bin/wasm-opt -Oz "$out.tmp/feedlet_bg.wasm" -o "$out.tmp/feedlet_bg.wasm"
# feedlet.js is the generated bindings followed by the thin JS API (mount, styles), in one module.
cat www/src/api.js >> "$out.tmp/feedlet.js"
cp www/src/feedlet.d.ts "$out.tmp/feedlet.d.ts"
cp www/src/embed.js "$out.tmp/embed.js"
cp www/src/embed.d.ts "$out.tmp/embed.d.ts"
rm -rf "$out" && mv "$out.tmp" "$out"
