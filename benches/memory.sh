#!/usr/bin/env bash
# Peak memory of `dechaff clean` on a ~100 MB and a ~1 GB JSONL file built from the benchmark
# pages in ../shared/bench (the files are written to a temporary folder, never committed).
#
# The 1 GB file is the 100 MB file ten times over, so both have the same mix of pages and the
# only difference is size: peak RSS must not grow with it. A second 1 GB file, made of every
# page in order, shows the figure on a different mix.
#
# Usage: benches/memory.sh [BENCH_DIR]   (default ../shared/bench/wcxb-dev/pages)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/bench/wcxb-dev/pages}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
python3 - "$pages" "$work" <<'PY'
import glob, gzip, json, os, sys
pages, work = sys.argv[1], sys.argv[2]
lines = []
for path in sorted(glob.glob(os.path.join(pages, "*.html.gz"))):
    html = gzip.open(path).read().decode("utf-8", "replace")
    lines.append(json.dumps({"id": os.path.basename(path), "html": html}) + "\n")
def fill(source, target):
    out, size = [], 0
    while size < target:
        for line in source:
            out.append(line)
            size += len(line.encode())
            if size >= target:
                break
    return out
small = fill(lines[::4], 100 * 10**6)
with open(os.path.join(work, "100mb.jsonl"), "w") as f:
    f.writelines(small)
with open(os.path.join(work, "1gb.jsonl"), "w") as f:
    for _ in range(10):
        f.writelines(small)
with open(os.path.join(work, "1gb-all-pages.jsonl"), "w") as f:
    f.writelines(fill(lines, 1000 * 10**6))
PY
for name in 100mb 1gb 1gb-all-pages; do
  file="$work/$name.jsonl"
  rss=$( { /usr/bin/time -v ./target/release/dechaff clean "$file" -o "$work/out.jsonl" --quiet; } 2>&1 \
        | awk -F': ' '/Maximum resident set size/ {print $2}')
  printf '%-16s %6d MB input  %6d MB peak RSS\n' "$name" $(( $(stat -c %s "$file") / 1000000 )) $(( rss / 1000 ))
done
