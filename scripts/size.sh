#!/usr/bin/env bash
# Prints the gzip -9 size of each shipped part and the total; fails when the total is over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${FEEDLET_SIZE_BUDGET:-40960}
total=0
printf '%-22s %10s %10s\n' part bytes gzip-9
for f in www/dist/embed.js www/dist/feedlet.js www/dist/feedlet_bg.wasm www/dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf '%-22s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-22s %10s %10d  (budget %d)\n' total '' "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size: over budget by $((total - budget)) bytes" >&2
  exit 1
fi
