#!/usr/bin/env python3
"""Peak memory of `clean_many` over a generator of many pages (default 200,000).

Each page is made when the generator is asked for it (an article of 20 paragraphs with
navigation, a share bar and a footer, about 9 KB, varied by its number), so nothing but
dechaff's window holds pages. Prints the records' count and statuses, pages/s and the
process's peak resident set size.

With `--from DIR`, the pages are instead the `*.html.gz` files of DIR, read and gunzipped one
at a time as the generator is asked, over and over in name order.

Usage: python3 python/bench/memory.py [--pages N] [--threads N] [--from DIR]
"""

import argparse
import collections
import gzip
import itertools
import pathlib
import resource
import sys
import time

import dechaff


def pages(count: int):
    for number in range(count):
        paragraphs = "".join(
            f"<p>Paragraph {k} of page {number}: the council met on Tuesday and agreed, after a "
            f"long debate about roads, schools and the budget for {1990 + number % 30}, to "
            f"publish the minutes within a week.</p>"
            for k in range(20)
        )
        yield (
            f"<html><head><title>Page {number} | Site</title></head><body>"
            f"<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/about>About</a></nav>"
            f"<div class=share>Share on X Share on Facebook</div>"
            f"<article><h1>Page {number}</h1>{paragraphs}</article>"
            f"<footer>Copyright {number % 50 + 1980} Site</footer></body></html>"
        )


def pages_from(directory: pathlib.Path, count: int):
    files = sorted(directory.glob("*.html.gz"))
    for path in itertools.islice(itertools.cycle(files), count):
        yield gzip.decompress(path.read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--from", dest="directory", type=pathlib.Path, default=None)
    args = parser.parse_args()
    source = pages_from(args.directory, args.pages) if args.directory else pages(args.pages)
    statuses: collections.Counter = collections.Counter()
    started = time.perf_counter()
    for record in dechaff.clean_many(source, threads=args.threads):
        statuses[record["status"]] += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{sum(statuses.values())} records {dict(statuses)} in {seconds:.1f} s, "
          f"{args.pages / seconds:.0f} pages/s, {args.threads} threads; peak RSS {peak:.1f} MB")
    return 0 if sum(statuses.values()) == args.pages else 1


if __name__ == "__main__":
    sys.exit(main())
