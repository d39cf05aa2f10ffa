#!/usr/bin/env python3
"""Pages per second of dechaff from Python against the Rust library and two Python peers.

Loads every page of PAGES_DIR into memory (`*.html.gz` gunzipped, `*.html` as is): as bytes
for dechaff, which decodes them itself, and as str (UTF-8 with replacement, decoded before the
clock starts) for resiliparse and trafilatura. Then, round by round in this one process:

- `dechaff.clean_many(pages, threads=1)` and `threads=2`;
- resiliparse's `extract_plain_text(html, main_content=True)`;
- `trafilatura.extract(html)` (default options; the slowest: `--trafilatura-pages N` times it
  on the first N pages only);

and, for the ratio to the Rust library, `dechaff-speed compare PAGES_DIR --only dechaff` from
benches/speed (one thread, pages in memory), run between the rounds. Prints the median of each
and the ratios the Python package is held to.

Usage: python3 python/bench/speed.py PAGES_DIR [--rounds N] [--trafilatura-pages N]
(pip install ./python resiliparse trafilatura lxml_html_clean; cargo build --release
--manifest-path benches/speed/Cargo.toml)
"""

import argparse
import gzip
import pathlib
import re
import statistics
import subprocess
import sys
import time

import dechaff

REPO = pathlib.Path(__file__).resolve().parents[2]
SPEED = REPO / "benches" / "speed" / "target" / "release" / "dechaff-speed"


def load(directory: pathlib.Path) -> list[bytes]:
    pages = []
    for path in sorted(directory.iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.name.endswith(".html"):
            pages.append(path.read_bytes())
    return pages


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def rust_pages_per_second(directory: pathlib.Path) -> float:
    done = subprocess.run(
        [str(SPEED), "compare", str(directory), "--rounds", "1", "--only", "dechaff"],
        check=True,
        capture_output=True,
        text=True,
    )
    row = next(line for line in done.stdout.splitlines() if line.startswith("dechaff "))
    return float(re.split(r"\s+", row)[3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=pathlib.Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--trafilatura-pages", type=int, default=None)
    args = parser.parse_args()
    pages = load(args.pages)
    if not pages:
        print(f"speed.py: no pages in {args.pages}", file=sys.stderr)
        return 2
    texts = [page.decode("utf-8", "replace") for page in pages]
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB, {args.rounds} rounds")

    runs = {
        "dechaff clean_many, 1 thread": (
            len(pages),
            lambda: sum(1 for _ in dechaff.clean_many(pages, threads=1)),
        ),
        "dechaff clean_many, 2 threads": (
            len(pages),
            lambda: sum(1 for _ in dechaff.clean_many(pages, threads=2)),
        ),
    }
    try:
        from resiliparse.extract.html2text import extract_plain_text

        runs["resiliparse"] = (
            len(texts),
            lambda: [extract_plain_text(t, main_content=True) for t in texts],
        )
    except ImportError as error:
        print(f"speed.py: resiliparse not timed ({error})", file=sys.stderr)
    try:
        import trafilatura

        subset = texts[: args.trafilatura_pages] if args.trafilatura_pages else texts
        runs["trafilatura"] = (len(subset), lambda: [trafilatura.extract(t) for t in subset])
    except ImportError as error:
        print(f"speed.py: trafilatura not timed ({error})", file=sys.stderr)

    rates: dict[str, list[float]] = {name: [] for name in runs}
    rates["Rust library (dechaff-speed)"] = []
    for _ in range(args.rounds):
        for name, (count, function) in runs.items():
            rates[name].append(count / timed(function))
        if SPEED.exists():
            rates["Rust library (dechaff-speed)"].append(rust_pages_per_second(args.pages))
    median = {name: statistics.median(values) for name, values in rates.items() if values}
    print(f"{'':32} {'pages/s':>9}")
    for name, value in median.items():
        print(f"{name:32} {value:9.1f}")
    one = median["dechaff clean_many, 1 thread"]
    print(f"2 threads / 1 thread: {median['dechaff clean_many, 2 threads'] / one:.2f}")
    if "Rust library (dechaff-speed)" in median:
        print(f"1 thread / Rust library: {one / median['Rust library (dechaff-speed)']:.2f}")
    else:
        print(f"speed.py: {SPEED} not built; no ratio to the Rust library", file=sys.stderr)
    for peer in ("resiliparse", "trafilatura"):
        if peer in median:
            print(f"1 thread / {peer}: {one / median[peer]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
