#!/usr/bin/env bash
# Installs what the build and the test suites need; idempotent and quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser suites; a Korean font so the screenshot shows Hangul rather than empty boxes.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! [ -d /usr/share/fonts/truetype/nanum ]; then
  echo "setup: installing chromium, chromedriver and fonts-nanum" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-nanum >/dev/null
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# rust-src lets the wasm build rebuild std without panic formatting; the build falls back when it is missing.
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src || true
WB=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  echo "setup: installing wasm-bindgen-cli $WB (a few minutes)" >&2
  cargo install wasm-bindgen-cli --version "$WB"   # not --locked: its lockfile wants a crate this registry lacks
fi
if [ -f www/package-lock.json ]; then
  if [ ! -d www/node_modules ] || [ www/package-lock.json -nt www/node_modules/.package-lock.json ]; then
    (cd www && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
