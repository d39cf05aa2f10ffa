#!/usr/bin/env bash
# Accuracy of dechaff on every benchmark dataset in ../shared/bench (the figures of
# docs/evaluation.md), followed by the same scorer run over the peers' stored outputs.
# Usage: benches/accuracy.sh [BENCH_DIR] [extra `dechaff eval` flags…]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:-../shared/bench}
shift || true
cargo build --release --quiet
for dataset in wcxb-dev trafilatura-eval readability-tests cleaneval dragnet wcxb-dev-text dragnet-text; do
  [ -d "$bench/$dataset" ] || continue
  echo "== $dataset: dechaff"
  ./target/release/dechaff eval "$bench/$dataset" --worst 0 "$@"
  for peer in "$bench"/peers/"$dataset"/*.jsonl.gz; do
    [ -e "$peer" ] || continue
    echo "== $dataset: $(basename "$peer" .jsonl.gz) (stored output)"
    ./target/release/dechaff eval "$bench/$dataset" --against "$peer" --worst 0 | sed -n '3,9p'
  done
done
