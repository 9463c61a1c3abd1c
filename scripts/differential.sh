#!/usr/bin/env bash
# The differential run: today's parser against the one at a base commit, over tests/fixtures, fuzz/regressions,
# fuzz/seeds, ../shared/corpora (skipped when absent) and seeded mutants of their XML files.
#
#   scripts/differential.sh                      # 100,000 mutants, seed 1, base 1f4eb8c
#   MUTANTS=1000000 SEED=7 THREADS=2 BASE=<commit> scripts/differential.sh
#
# The base commit's crate is extracted with `git archive` into target/differential/old-<commit> (renamed to
# `feedlet_old`), and a harness crate (scripts/differential/main.rs) that links both is built there too; none of
# it is part of the main crate's build. Differing inputs land in target/differential/diffs (input, old and new
# `Debug` + JSON). Exits 1 when any input differs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=${BASE:-1f4eb8c}
work=$root/target/differential
old=$work/old-$base
harness=$work/harness

if [ ! -f "$old/Cargo.toml" ]; then
  rm -rf "$old" && mkdir -p "$old"
  git archive "$base" | tar -x -C "$old"
  # Renamed so that both versions can be linked into one binary (only its library is built).
  sed -i '0,/^name = "feedlet"$/s//name = "feedlet_old"/' "$old/Cargo.toml"
fi

mkdir -p "$harness/src"
cp scripts/differential/main.rs "$harness/src/main.rs"
cat >"$harness/Cargo.toml" <<EOF
[package]
name = "differential"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
feedlet = { path = "$root" }
feedlet_old = { path = "$old" }
serde_json = "1"

# Its own workspace: nothing here is part of the main crate's build.
[workspace]

[profile.release]
opt-level = 3
debug-assertions = true
overflow-checks = true
EOF
[ -f "$harness/Cargo.lock" ] || cp Cargo.lock "$harness/Cargo.lock"

cargo build --release --quiet --manifest-path "$harness/Cargo.toml" --target-dir "$work/target"
"$work/target/release/differential" --mutants "${MUTANTS:-100000}" --seed "${SEED:-1}" --threads "${THREADS:-2}" \
  --out "$work/diffs" tests/fixtures fuzz/regressions fuzz/seeds ../shared/corpora
