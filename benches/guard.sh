#!/usr/bin/env bash
# The accuracy guard: every dev set's figures (word, shingle and snippet F1, metadata accuracy,
# word F1 by page type) against the records in benches/figures.json. Fails when any figure falls
# more than the file's tolerance below its record. `--record` writes this run's figures instead,
# which a commit that raises a figure does in the same commit.
# Usage: benches/guard.sh [--record] [BENCH_DIR]
# BENCH_DIR defaults to $DECHAFF_BENCH, then ../shared/bench beside the repository. Without the
# default datasets there is nothing to guard: it says so and succeeds; a directory named on the
# command line or in $DECHAFF_BENCH must exist.
set -euo pipefail
mode=--guard
if [ "${1:-}" = --record ]; then
  mode=--record
  shift
fi
named=${1:-${DECHAFF_BENCH:-}}
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$named" ]; then
  if [ ! -d "$named" ]; then
    echo "accuracy guard: no benchmark datasets at $named" >&2
    exit 2
  fi
  bench=$(cd "$named" && pwd)
else
  bench=$repo/../shared/bench
  if [ ! -d "$bench" ]; then
    echo "accuracy guard: no benchmark datasets at ../shared/bench (set DECHAFF_BENCH); nothing to guard"
    exit 0
  fi
fi
cd "$repo"
figures=benches/figures.json
cargo build --release --locked --quiet
dechaff=${CARGO_TARGET_DIR:-target}/release/dechaff
failed=()
for dataset in wcxb-dev trafilatura-eval readability-tests cleaneval dragnet wcxb-dev-text dragnet-text; do
  if [ ! -d "$bench/$dataset" ]; then
    echo "accuracy guard: $bench/$dataset is missing"
    failed+=("$dataset")
    continue
  fi
  echo "== $dataset"
  if ! "$dechaff" eval "$bench/$dataset" --worst 0 "$mode" "$figures" | sed -n '1p;4,5p'; then
    failed+=("$dataset")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "accuracy guard: failed on ${failed[*]}"
  exit 1
fi
echo "accuracy guard: every figure holds ($figures)"
