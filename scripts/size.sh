#!/usr/bin/env bash
# Prints the gzip -9 size of each shipped part and the total, against the 40 KB target, and what a first visit
# loads; fails when the total is over the enforced budget (FEEDLET_SIZE_BUDGET, bytes) or the first visit over its
# own (FEEDLET_FIRST_VISIT_BUDGET). Both budgets are ratchets: lower them whenever the sizes drop; they never go up.
set -euo pipefail
cd "$(dirname "$0")/.."
target=40960
budget=${FEEDLET_SIZE_BUDGET:-$target}
total=0
printf '%-22s %10s %10s\n' part bytes gzip-9
first=0
for f in www/dist/embed.js www/dist/feedlet.js www/dist/feedlet_bg.wasm www/dist/feedlet_more.wasm www/dist/worker.js www/dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  case "$f" in */embed.js | */feedlet.js | */feedlet_bg.wasm) first=$((first + gz)) ;; esac
  printf '%-22s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-22s %10s %10d\n' total '' "$total"
# What a first visit to a page with the embed loads for a list of an XML feed: embed.js, feedlet.js, feedlet_bg.wasm
# (feedlet_more.wasm follows only for JSON Feed, rich summaries, big feeds or a web page as src).
printf '%-22s %10s %10d\n' 'first visit (3 files)' '' "$first"
printf 'target %d bytes (%s); enforced budgets %d bytes, first visit %d bytes\n' "$target" \
  "$([ "$total" -le "$target" ] && echo met || echo "not met: $((total - target)) over")" "$budget" "${FEEDLET_FIRST_VISIT_BUDGET:-$budget}"
# Where the wasm bytes are, by crate and by feedlet module: the same build, optimized with its names kept.
wasm=$(ls -t target/wasm-std/wasm32-unknown-unknown/release/feedlet.wasm target/wasm32-unknown-unknown/release/feedlet.wasm 2>/dev/null | head -1 || true)
if [ -n "$wasm" ] && command -v wasm-bindgen >/dev/null && [ -x www/node_modules/.bin/wasm-opt ]; then
  named=$(mktemp -d)
  if wasm-bindgen --target web --no-typescript --out-dir "$named" --out-name named "$wasm" &&
    www/node_modules/.bin/wasm-opt -Oz --converge --flatten --rereloop -Oz --converge --gufa-optimizing -Oz --converge \
      --low-memory-unused -g "$named/named_bg.wasm" -o "$named/named.wasm"; then
    echo
    node scripts/size-breakdown.mjs "$named/named.wasm" "${FEEDLET_SIZE_ROWS:-12}"
  fi
  rm -rf "$named"
fi
if [ "$total" -gt "$budget" ]; then
  echo "size: over the enforced budget by $((total - budget)) bytes" >&2
  exit 1
fi
first_budget=${FEEDLET_FIRST_VISIT_BUDGET:-$budget}
if [ "$first" -gt "$first_budget" ]; then
  echo "size: the first visit is over its budget by $((first - first_budget)) bytes" >&2
  exit 1
fi
