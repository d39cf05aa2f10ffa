#!/usr/bin/env bash
# The hostile battery of docs/robustness.md: hostile inputs mixed with good pages in one run
# on two threads. It checks one record per input, in input order, and prints the wall time and
# the peak memory (GNU time). Needs about 3.5 GB of disk for the inputs, which it removes.
# Usage: [DECHAFF_FLAGS="--max-page-bytes …"] benches/hostile.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=${1:-$(mktemp -d)}
dir="$work/battery"
rm -rf "$dir" && mkdir -p "$dir"
trap 'rm -rf "$work"' EXIT

python3 - "$dir" <<'PY'
import gzip, os, sys, zlib
d = sys.argv[1]
good = "<html><head><title>Good {n}</title></head><body><article><p>The harbour reopened on " \
       "Monday after two years of repairs, and the first boats came in at dawn.</p></article></body></html>"
def path(name): return os.path.join(d, name)
for n in range(0, 20, 2):
    open(path(f"{n:02d}-good.html"), "w").write(good.format(n=n))
# 100,000 nested elements.
open(path("01-nesting.html"), "w").write("<div>x" * 100_000 + good.format(n=1))
# A 100 MB page.
with open(path("03-huge.html"), "w") as f:
    f.write("<html><body>")
    for _ in range(100):
        f.write("<p>" + "word " * 200_000 + "</p>")
# Gzip bombs: 2 GiB of zeros as a page and as a JSONL file.
zeros = b"\0" * (1 << 24)
for name in ("05-bomb.html.gz", "07-bomb.jsonl.gz"):
    with gzip.open(path(name), "wb", compresslevel=1) as f:
        for _ in range(128):
            f.write(zeros)
# Invalid UTF-8 throughout, and NUL bytes here and there.
open(path("09-invalid.html"), "wb").write((b"<p>caf\xe9 \xff\xfe na\xefve " * 100 + b"\x00") * 50 + good.format(n=9).encode())
# 200,000 attributes on one tag.
open(path("11-attributes.html"), "w").write("<div" + "".join(f" a{i}=x" for i in range(200_000)) + ">" + good.format(n=11) + "</div>")
# A 1 GB JSONL line.
with open(path("13-line.jsonl"), "w") as f:
    f.write('{"id": "huge", "html": "')
    chunk = "a" * (1 << 20)
    for _ in range(1024):
        f.write(chunk)
    f.write('"}\n')
# A 10-million-line dump.
with open(path("15-lines.txt"), "w") as f:
    f.write("x\n" * 10_000_000)
PY
ln -s "$dir" "$dir/17-loop"
mkfifo "$dir/19-fifo.html"

inputs=$(find "$dir" -mindepth 1 -maxdepth 1 ! -name '*fifo*' | wc -l)
/usr/bin/time -v ./target/release/dechaff clean "$dir" -j 2 -o "$work/out.jsonl" ${DECHAFF_FLAGS:-} 2> "$work/time.txt" || true
grep -E "^dechaff:" "$work/time.txt" || true
records=$(wc -l < "$work/out.jsonl")
python3 - "$work/out.jsonl" <<'PY'
import json, sys
ids = [json.loads(line)["id"] for line in open(sys.argv[1])]
assert ids == sorted(ids), f"records out of order: {ids}"
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(f"  {r['id']:<24} {r['status']:<6} {(r['error'] or '')[:90]}")
PY
echo "inputs (the FIFO is skipped and counted): $inputs, records: $records"
grep -E "Elapsed \(wall|Maximum resident" "$work/time.txt"
[ "$records" -eq "$inputs" ]
