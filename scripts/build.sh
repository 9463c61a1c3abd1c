#!/usr/bin/env bash
# Builds www/dist: the wasm module (cargo → wasm-bindgen --target web → wasm-opt -Oz), the JS API and the embed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/dist
# With rust-src at hand, std is rebuilt with panic=immediate-abort: no panic formatting in the wasm (about 8 KB gzip less).
# RUSTC_BOOTSTRAP unlocks those two unstable flags on the stable toolchain; anything else falls back to a plain build.
wasm=target/wasm32-unknown-unknown/release/feedlet.wasm
if rustup component list --installed 2>/dev/null | grep -q '^rust-src' &&
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -C target-feature=+simd128" \
    cargo build --release --target wasm32-unknown-unknown --lib --target-dir target/wasm-std -Zbuild-std=std,panic_abort; then
  wasm=target/wasm-std/wasm32-unknown-unknown/release/feedlet.wasm
else
  cargo build --release --target wasm32-unknown-unknown --lib
fi
# A private temporary folder: two builds at once must not append api.js twice.
tmp=$(mktemp -d "${out}.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name feedlet "$wasm"
www/node_modules/.bin/wasm-opt -Oz "$tmp/feedlet_bg.wasm" -o "$tmp/feedlet_bg.wasm"
# feedlet.js is the generated bindings followed by the thin JS API (mount, styles), in one module.
cat www/src/api.js >> "$tmp/feedlet.js"
cp www/src/feedlet.d.ts "$tmp/feedlet.d.ts"
cp www/src/embed.js "$tmp/embed.js"
cp www/src/embed.d.ts "$tmp/embed.d.ts"
node scripts/minify.mjs "$tmp/feedlet.js" "$tmp/embed.js"
rm -rf "$out" && mv "$tmp" "$out" && chmod 755 "$out"
