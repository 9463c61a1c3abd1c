#!/usr/bin/env bash
# Builds and runs the cargo-fuzz targets one at a time, each for a given time, seeded from the fixtures (`make fuzz`).
#
# Usage: scripts/fuzz.sh [TARGET[:SECONDS]]...
#   With no target, runs all five (parse date url html_to_text sanitize) for $FUZZ_SECONDS each (default 60).
#   Example: scripts/fuzz.sh parse:720 date:300 url:300 html_to_text:300 sanitize:300
# Environment:
#   FUZZ_SECONDS    default time per target, in seconds (60)
#   FUZZ_SANITIZER  address (default) or none; `none` is used by itself when the ASan build fails
#   FUZZ_RSS_MB     libFuzzer -rss_limit_mb (1024)
#   FUZZ_TIMEOUT    libFuzzer -timeout, seconds per input (1)
#
# Only stable Rust is needed: cargo-fuzz passes nightly-only flags, which RUSTC_BOOTSTRAP=1 allows.
# One libFuzzer process runs at a time (-jobs and -workers are left at one) so the machine's two
# cores stay shared. A crash, timeout or OOM is copied to fuzz/regressions/<target>/ (replayed by
# `cargo test --test fuzz_regressions`) and the script goes on with the other targets, then exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export RUSTC_BOOTSTRAP=1

ALL_TARGETS=(parse date url html_to_text sanitize)
SECONDS_DEFAULT=${FUZZ_SECONDS:-60}
SANITIZER=${FUZZ_SANITIZER:-address}
RSS_MB=${FUZZ_RSS_MB:-1024}
TIMEOUT=${FUZZ_TIMEOUT:-1}

if ! command -v cargo-fuzz >/dev/null; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=("${ALL_TARGETS[@]}")
fi

max_len() {
  case $1 in
    parse) echo 65536 ;;
    date) echo 256 ;;
    url) echo 2048 ;;
    html_to_text) echo 16384 ;;
    sanitize) echo 8192 ;;
  esac
}

# Seed directories, read-only for libFuzzer: our own seeds, the fixtures, the saved regressions,
# and the shared third-party corpora when they are present (read in place, never copied here).
seed_dirs() {
  local target=$1 shared="$ROOT/../shared"
  local dirs=("fuzz/seeds/$target")
  case $target in
    parse | html_to_text)
      dirs+=(tests/fixtures)
      [ -f "$shared/seed-feed.xml" ] && dirs+=("$(make_seed_dir seed-feed "$shared/seed-feed.xml")")
      for corpus in "$shared"/corpora/*/files; do
        [ -d "$corpus" ] && dirs+=("$corpus")
      done
      ;;
    date)
      if [ -f "$shared/corpora/feedparser/dates.json" ] && command -v python3 >/dev/null; then
        dirs+=("$(date_seeds "$shared/corpora/feedparser/dates.json")")
      fi
      ;;
  esac
  [ "$target" != sanitize ] && dirs+=("fuzz/regressions/$target")
  for d in "${dirs[@]}"; do
    [ -d "$d" ] && echo "$d"
  done
}

make_seed_dir() {
  local dir="fuzz/target/seeds/$1"
  mkdir -p "$dir" && cp "$2" "$dir/"
  echo "$dir"
}

date_seeds() {
  local dir="fuzz/target/seeds/dates"
  mkdir -p "$dir"
  python3 - "$1" "$dir" <<'EOF'
import json, sys, os
cases = json.load(open(sys.argv[1], encoding="utf-8"))
for i, case in enumerate(cases):
    with open(os.path.join(sys.argv[2], "d%03d.txt" % i), "w", encoding="utf-8") as f:
        f.write(case.get("input") or "")
EOF
  echo "$dir"
}

build() {
  local target=$1
  if [ "$SANITIZER" != none ]; then
    if cargo fuzz build -O "$target" >"fuzz/target/build-$target.log" 2>&1; then
      return 0
    fi
    echo "fuzz: the $SANITIZER build of $target failed (fuzz/target/build-$target.log); using --sanitizer none" >&2
    SANITIZER=none
  fi
  cargo fuzz build -O --sanitizer none "$target"
}

# A timeout artifact is replayed three times; one that then runs within the limit was the shared
# machine stalling the process (libFuzzer's -timeout is wall-clock), not slow code, and is set aside
# in fuzz/target/unconfirmed/ so the run goes on.
confirm_timeout() {
  local target=$1 file=$2 binary="fuzz/target/x86_64-unknown-linux-gnu/release/$1" i
  for i in 1 2 3; do
    "$binary" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$file" >/dev/null 2>&1 || return 0
  done
  return 1
}

# Copies libFuzzer's crash, timeout and OOM files written since $marker into fuzz/regressions/<target>/.
# Returns 1 when there was a real finding.
save_findings() {
  local target=$1 marker=$2 found=0 file name
  mkdir -p "fuzz/regressions/$target" fuzz/target/unconfirmed
  while IFS= read -r file; do
    name=$(basename "$file")
    if [[ $name == timeout-* ]] && ! confirm_timeout "$target" "$file"; then
      mv "$file" "fuzz/target/unconfirmed/$target-$name"
      echo "fuzz: $target: $name ran within ${TIMEOUT}s on three replays; set aside as machine load" >&2
      unconfirmed=$((unconfirmed + 1))
      continue
    fi
    if [ "$target" = sanitize ]; then
      # The sanitizer's input is an Arbitrary tree: keep it as the JSON the regression test reads.
      FEEDLET_FUZZ_DUMP="fuzz/regressions/sanitize/$name.json" \
        "fuzz/target/x86_64-unknown-linux-gnu/release/sanitize" "$file" >/dev/null 2>&1
    else
      cp "$file" "fuzz/regressions/$target/$name"
    fi
    echo "fuzz: FINDING $target: $file -> fuzz/regressions/$target/" >&2
    found=1
  done < <(find "fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) -newer "$marker")
  return $found
}

mkdir -p fuzz/target fuzz/artifacts
summary=()
failed=0
for spec in "${specs[@]}"; do
  target=${spec%%:*}
  secs=$SECONDS_DEFAULT
  [ "$spec" != "$target" ] && secs=${spec#*:}
  case " ${ALL_TARGETS[*]} " in
    *" $target "*) ;;
    *) echo "fuzz: unknown target $target (one of: ${ALL_TARGETS[*]})" >&2; exit 2 ;;
  esac

  build "$target" || { echo "fuzz: cannot build $target" >&2; exit 1; }
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  mapfile -t seeds < <(seed_dirs "$target")
  echo "fuzz: $target for ${secs}s (sanitizer: $SANITIZER; seeds: ${seeds[*]})" >&2
  rm -f fuzz/target/run-"$target".*.log
  start=$(date +%s)
  execs=0
  unconfirmed=0
  result=ok
  part=0
  # libFuzzer stops at the first artifact; after an unconfirmed timeout it resumes for the time left.
  while :; do
    elapsed=$(( $(date +%s) - start ))
    left=$(( secs - elapsed ))
    [ $left -gt 0 ] || break
    part=$((part + 1))
    log="fuzz/target/run-$target.$part.log"
    marker="fuzz/target/.marker-$target"
    touch "$marker"
    sleep 1   # artifacts must be strictly newer than the marker
    cargo fuzz run -O --sanitizer "$SANITIZER" "$target" "$corpus" "${seeds[@]}" -- \
      -max_total_time="$left" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -malloc_limit_mb="$RSS_MB" \
      -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
      >"$log" 2>&1
    status=$?
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    execs=$(( execs + ${n:-0} ))
    if ! save_findings "$target" "$marker"; then
      failed=1
      result="FINDING (exit $status, log $log)"
      tail -60 "$log" >&2
      break
    fi
    if [ $status -ne 0 ] && ! grep -q "ERROR: libFuzzer: timeout" "$log"; then
      failed=1
      result="FAILED (exit $status, log $log)"
      tail -60 "$log" >&2
      break
    fi
  done
  elapsed=$(( $(date +%s) - start ))
  files=$(find "$corpus" -type f | wc -l)
  [ $unconfirmed -gt 0 ] && result="$result; $unconfirmed unconfirmed timeout(s) set aside"
  echo "fuzz: $target: ${elapsed}s, $execs executions, corpus $files files, $result" >&2
  summary+=("| $target | ${elapsed} s | $execs | $files | $result |")
done

echo
echo "| target | time | executions | corpus files | result |"
echo "|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit $failed
