#!/usr/bin/env bash
# `make bench`: builds (native bench profile + `make build`), generates the feeds, runs the native parse
# benchmark, the limit cases and the browser benchmark, and writes docs/benchmarks.md. Never part of `make test`.
#
#   scripts/bench.sh                    everything, then docs/benchmarks.md
#   scripts/bench.sh native limits      only these parts (printed; docs/benchmarks.md is left alone)
#   FEEDLET_BENCH_SCALE=0.2 scripts/bench.sh   shorter sampling (noisier), for a quick look
#   FEEDLET_BENCH_BASELINE=/tmp/old/dist scripts/bench.sh firstvisit   first visits, an older build in the same rounds
#                                       (`browser` takes it too: the cold table loads that build's feedlet.js)
#   scripts/bench.sh worker             the 10 MB feed through mount, with and without the Worker (main-thread CPU)
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(native limits browser firstvisit worker)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

results=target/bench-results
mkdir -p "$results"
# A target dir of its own: the bench profile shares target/release with `cargo build --release`, and other
# builds running at the same time would otherwise rebuild or overwrite the same files.
export CARGO_TARGET_DIR="$PWD/target/bench-build"
# Tests and benches always unwind; without this the release profile's panic = "abort" (inherited by the
# bench profile) makes cargo build the library twice under one file name for the `feedlet` binary.
export CARGO_PROFILE_BENCH_PANIC=unwind
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%MZ)

echo "bench: generating feeds" >&2
node bench/generate.mjs >"$results/feeds.txt"
cat "$results/feeds.txt" >&2

if want native || want limits; then
  echo "bench: building the native benches (bench profile: opt-level 3, lto)" >&2
  cargo bench --bench parse --bench limits --no-run 2>&1 | tail -n 3 >&2
fi
if want native; then
  echo "bench: native parse" >&2
  cargo bench --bench parse 2>"$results/native.log" >"$results/native.md"
fi
if want limits; then
  echo "bench: limit cases" >&2
  cargo bench --bench limits 2>"$results/limits.log" >"$results/limits.md"
fi
if want browser || want firstvisit || want worker; then
  echo "bench: make build" >&2
  # www/dist needs the JS runtime files (www/src); a build that races another one is tried once more.
  make build >"$results/build.log" 2>&1 || { sleep 5; make build >"$results/build.log" 2>&1; }
  make -s size >"$results/size.txt" 2>&1 || true
fi
if want browser; then
  echo "bench: browser" >&2
  node bench/browser.mjs 2>"$results/browser.log" >"$results/browser.md"
fi
if want firstvisit; then
  echo "bench: first visit (desktop, phone, phone repeat)" >&2
  node bench/firstvisit.mjs 2>"$results/firstvisit.log" >"$results/firstvisit.md"
fi

if want worker; then
  echo "bench: big feeds off the main thread (Worker or not)" >&2
  node bench/worker.mjs 2>"$results/worker.log" >"$results/worker.md"
fi

for p in native limits browser firstvisit worker; do want "$p" && cat "$results/$p.md" && echo; done

# docs/benchmarks.md only from a full run, so that its tables always come from one run.
if want native && want limits && want browser && want firstvisit && want worker; then
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  chromium_version=$(chromium --version 2>/dev/null | head -n1 || echo unknown)
  {
    echo "# Benchmarks"
    echo
    echo "The latest run of \`make bench\` (\`scripts/bench.sh\`), $started."
    echo "The suite is described in issue 5; the pieces live in \`bench/\` (feed generator, browser pages, \`browser.mjs\`) and \`benches/\` (\`parse.rs\`, \`limits.rs\`)."
    echo
    echo "**Machine:** $(nproc) cores (\`nproc\`), $cpu, $mem RAM; $(uname -sr); $chromium_version; $(rustc --version); node $(node --version)."
    echo "Load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
    echo "**2 shared noisy cores: ratios only matter.** Every comparison below is between cases interleaved in the same run;"
    echo "absolute milliseconds move with whatever else the machine is doing, and no single absolute number is a claim."
    echo
    echo "**Command:** \`make bench\` (= \`scripts/bench.sh\`${FEEDLET_BENCH_SCALE:+, with FEEDLET_BENCH_SCALE=$FEEDLET_BENCH_SCALE})."
    echo "Parts: \`node bench/generate.mjs\`; \`cargo bench --bench parse\`; \`cargo bench --bench limits\`"
    echo "(both with \`CARGO_TARGET_DIR=target/bench-build CARGO_PROFILE_BENCH_PANIC=unwind\`); \`make build\`; \`node bench/browser.mjs\`; \`node bench/firstvisit.mjs\`; \`node bench/worker.mjs\`."
    echo
    echo "## Targets at a glance (issue 5; details below)"
    echo
    echo "Native parse, \`feedlet::parse\` ÷ bare quick-xml loop (target ≥ 60 %):"
    echo
    awk '/^\| feed \| `feedlet::parse` ÷/ {on = 1} on && /^\|/ {print}' "$results/native.md"
    echo
    echo "Browser (target column in each row):"
    echo
    awk '/^\| browser target \|/ {on = 1} on && /^\|/ {print}' "$results/browser.md"
    echo
    echo "Limit cases: $(grep -E '^(Every case|\*\*Over a second)' "$results/limits.md" | tail -n 1)"
    echo
    echo "## Feeds"
    echo
    echo "Deterministic (seeded PRNG) jekyll-feed style Atom (escaped HTML in \`<content type=\"html\">\` and \`<summary>\`) and WordPress style RSS 2.0 (\`content:encoded\` in CDATA),"
    echo "Korean and English text, images, rouge-highlighted code blocks, categories and authors. Generated into \`target/bench-feeds/\` (git-ignored)."
    echo
    echo '```'
    cat "$results/feeds.txt"
    echo '```'
    echo
    echo "## Native"
    echo
    sed 's/^### /### /' "$results/native.md"
    echo
    sed 's/^### /### /' "$results/limits.md"
    echo
    echo "## Browser"
    echo
    cat "$results/browser.md"
    echo
    echo "## First visit"
    echo
    cat "$results/firstvisit.md"
    echo
    echo "## Big feeds off the main thread"
    echo
    cat "$results/worker.md"
    echo
    echo "## Size (\`make size\`, gzip -9) at the time of this run"
    echo
    echo '```'
    cat "$results/size.txt"
    echo '```'
  } >docs/benchmarks.md.tmp
  mv docs/benchmarks.md.tmp docs/benchmarks.md
  echo "bench: wrote docs/benchmarks.md" >&2
fi
