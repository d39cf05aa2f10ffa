#!/usr/bin/env bash
# Runs the fuzzers, each for SECONDS (default 600), from the seeds (fuzz/seed.sh) and the
# corpus they grew before (fuzz/corpus/<target>), two at a time. A crash, a page slower than
# 10 s or over 2 GB is written to fuzz/artifacts/<target>/ and ends that fuzzer.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(clean_html clean_text clean_bytes decode parse jsonl warc profile_file)
fi
[ -d seeds ] || ./seed.sh
cargo +nightly fuzz build -s none -O
run_one() {
  local target=$1
  mkdir -p "corpus/$target" logs
  cargo +nightly fuzz run -s none -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 > "logs/$target.log" 2>&1
  echo "$target: exit $? — $(grep -E 'stat::number_of_executed_units' "logs/$target.log" | tail -1)"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run_one "${targets[i]}" &
  if [ $((i + 1)) -lt ${#targets[@]} ]; then run_one "${targets[i + 1]}" & fi
  wait
done
