#!/usr/bin/env python3
"""Single-thread speed of two Python extractors on a directory of pages.

Times resiliparse (`extract_plain_text(html, main_content=True)`) and trafilatura
(`trafilatura.extract(html)`, default options) on the same pages, loaded into memory first as
str (`*.html.gz` gunzipped, `*.html` as is, decoded as UTF-8 with replacement). The extractors
run interleaved round by round (3 rounds) on one thread; the table has the columns of
`dechaff-speed compare` (benches/speed), with MB counted as input bytes after gunzip.

Usage: python3 benches/peers.py PAGES_DIR
(pip install resiliparse trafilatura; trafilatura 2.x with lxml 5.2 or later also needs
lxml_html_clean)
"""

import gzip
import os
import statistics
import sys
import time
import zlib

ROUNDS = 3


def load(directory):
    """Returns the pages of `directory` as (name, str) and their total size in bytes."""
    pages, size = [], 0
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not (name.endswith(".html") or name.endswith(".html.gz")) or not os.path.isfile(path):
            continue
        try:
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
        except (OSError, EOFError, zlib.error) as error:
            print(f"peers.py: skipping {path}: {error}", file=sys.stderr)
            continue
        size += len(data)
        pages.append((name, data.decode("utf-8", "replace")))
    return pages, size


def extractors():
    """The installed extractors as (name, function from HTML str to text), and the missing ones
    as (name, import error)."""
    found, missing = [], []
    try:
        from resiliparse.extract.html2text import extract_plain_text

        found.append(("resiliparse", lambda html: extract_plain_text(html, main_content=True)))
    except ImportError as error:
        missing.append(("resiliparse", error))
    try:
        import trafilatura

        found.append(("trafilatura", trafilatura.extract))
    except ImportError as error:
        missing.append(("trafilatura", error))
    return found, missing


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: python3 benches/peers.py PAGES_DIR", file=sys.stderr)
        return 2
    found, missing = extractors()
    for name, error in missing:
        print(f"peers.py: {name} cannot be imported ({error}); not timed", file=sys.stderr)
    if not found:
        return 2
    pages, size = load(sys.argv[1])
    if not pages:
        print(f"peers.py: no pages in {sys.argv[1]}", file=sys.stderr)
        return 2
    megabytes = size / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB (after gunzip), one thread, {ROUNDS} rounds")
    seconds = {name: [] for name, _ in found}
    output, failed, first_failure = {}, {}, {}
    for _ in range(ROUNDS):
        for name, extract in found:
            chars, failures = 0, 0
            started = time.perf_counter()
            for page_name, html in pages:
                try:
                    text = extract(html)
                    chars += len(text or "")
                except Exception as error:  # a failing page is counted, never fatal
                    failures += 1
                    first_failure.setdefault(name, f"{page_name}: {error!r}"[:200])
            seconds[name].append(time.perf_counter() - started)
            output[name], failed[name] = chars, failures
    header = ("extractor", "median s", "min s", "pages/s", "MB/s", "x floor", "failed", "output chars")
    print("{:<15} {:>9} {:>9} {:>9} {:>7} {:>8} {:>7} {:>12}".format(*header))
    for name, _ in found:
        middle = statistics.median(seconds[name])
        print(
            f"{name:<15} {middle:>9.3f} {min(seconds[name]):>9.3f} {len(pages) / middle:>9.1f}"
            f" {megabytes / middle:>7.2f} {'-':>8} {failed[name]:>7} {output[name]:>12}"
        )
    for name, first in first_failure.items():
        print(f"{name} first failure: {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
