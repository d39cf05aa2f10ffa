#!/usr/bin/env bash
# The accuracy guard: every dev set's figures (word, shingle and snippet F1, metadata accuracy,
# word F1 by page type) against the records in benches/figures.json. Fails when any figure falls
# more than the file's tolerance below its record. `--record` writes this run's figures instead,
# which a commit that raises a figure does in the same commit.
# Usage: benches/guard.sh [--record] [BENCH_DIR]   (BENCH_DIR defaults to $DECHAFF_BENCH, then
# ../shared/bench). Without the datasets there is nothing to guard: it says so and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=--guard
if [ "${1:-}" = --record ]; then
  mode=--record
  shift
fi
bench=${1:-${DECHAFF_BENCH:-../shared/bench}}
figures=benches/figures.json
if [ ! -d "$bench" ]; then
  echo "accuracy guard: no benchmark datasets at $bench (set DECHAFF_BENCH); nothing to guard"
  exit 0
fi
cargo build --release --locked --quiet
failed=()
for dataset in wcxb-dev trafilatura-eval readability-tests cleaneval dragnet wcxb-dev-text dragnet-text; do
  if [ ! -d "$bench/$dataset" ]; then
    echo "accuracy guard: $bench/$dataset is missing"
    failed+=("$dataset")
    continue
  fi
  echo "== $dataset"
  if ! ./target/release/dechaff eval "$bench/$dataset" --worst 0 "$mode" "$figures" | sed -n '2,4p'; then
    failed+=("$dataset")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "accuracy guard: failed on ${failed[*]}"
  exit 1
fi
echo "accuracy guard: every figure holds ($figures)"
