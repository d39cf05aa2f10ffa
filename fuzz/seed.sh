#!/usr/bin/env bash
# Builds the fuzzers' seed corpora in fuzz/seeds/<target>/ from the repository's own pages:
# samples/ and tests/fixtures/. Run from anywhere; needs python3.
set -euo pipefail
cd "$(dirname "$0")"
root=..
rm -rf seeds && mkdir -p seeds
python3 - "$root" <<'PY'
import gzip, json, os, pathlib, sys, zlib
root = pathlib.Path(sys.argv[1])
seeds = pathlib.Path("seeds")
def put(target, name, data):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data[:65536])
def read(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data
html = sorted(root.glob("samples/*/*.html.gz")) + sorted(root.glob("tests/fixtures/*/*.html"))
text = sorted(root.glob("samples/seeds/*.txt")) + sorted(root.glob("tests/fixtures/text/*.txt"))
for path in html:
    data = read(path)
    for target in ("clean_html", "clean_bytes", "parse"):
        put(target, path.name, data)
    put("decode", path.name, b"text/html; charset=windows-1252\n" + data)
for path in text:
    data = read(path)
    for target in ("clean_text", "clean_bytes"):
        put(target, path.name, data)
lines = []
for i, path in enumerate(html[:20] + text):
    data = read(path).decode("utf-8", "replace")[:3000]
    field = "text" if path in text else "html"
    lines.append(json.dumps({"id": i, "url": f"https://example.org/{i}", field: data}))
put("jsonl", "pages.jsonl", "\n".join(lines).encode())
put("jsonl", "bom.jsonl", b"\xef\xbb\xbf" + "\n".join(lines[:3]).encode())
put("jsonl", "pages.jsonl.gz", gzip.compress("\n".join(lines[:5]).encode()))
for path in sorted(root.glob("tests/fixtures/warc/*")):
    if path.suffix != ".md":
        put("warc", path.name, path.read_bytes())
PY
mkdir -p seeds/profile_file
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- profile "$root/samples" -o seeds/profile_file/samples.profile --quiet
printf 'dechaff-site-profile 1\n' > seeds/profile_file/empty.profile
ls seeds | while read -r target; do echo "$target: $(ls "seeds/$target" | wc -l) seeds"; done
