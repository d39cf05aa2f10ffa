"""Shared helpers: the repository's paths and the command-line binary to compare against."""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def cli_binary() -> pathlib.Path:
    """The `dechaff` binary: $DECHAFF_BIN, else the repository's release or debug build."""
    if os.environ.get("DECHAFF_BIN"):
        return pathlib.Path(os.environ["DECHAFF_BIN"])
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "dechaff"
        if candidate.exists():
            return candidate
    raise RuntimeError(
        "no dechaff binary: build it (cargo build) or set DECHAFF_BIN to compare against it"
    )


def cli_records(*args: str, check: bool = True) -> list[dict]:
    """The records `dechaff clean ARGS -q` writes (with `check`, it must exit 0)."""
    done = subprocess.run(
        [str(cli_binary()), "clean", *args, "-q"],
        check=check,
        capture_output=True,
        text=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture
def article_html() -> bytes:
    return (
        b"<html><head><title>A day | Site</title></head><body>"
        b"<nav><a href=/>Home</a> <a href=/about>About</a></nav>"
        b"<article><h1>A day</h1><p>It was a bright cold day in April, and the clocks were "
        b"striking thirteen. Winston Smith slipped quickly through the glass doors.</p>"
        b"</article><footer>Copyright 2024</footer></body></html>"
    )


def write_warc(path: pathlib.Path, pages: list[tuple[str, bytes]]) -> pathlib.Path:
    """Writes `pages` ((url, html) pairs) as the HTTP responses of a WARC file, with the
    headers Common Crawl's files carry (payload digests included)."""
    import base64
    import hashlib

    def record(headers: dict, body: bytes) -> bytes:
        head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        return head.encode() + f"Content-Length: {len(body)}\r\n\r\n".encode() + body + b"\r\n\r\n"

    out = record(
        {"WARC-Type": "warcinfo", "WARC-Date": "2024-01-01T00:00:00Z",
         "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000000>",
         "Content-Type": "application/warc-fields"},
        b"software: dechaff tests\r\n",
    )
    for number, (url, html) in enumerate(pages, 1):
        http = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(html)}\r\n\r\n".encode() + html
        )
        digest = base64.b32encode(hashlib.sha1(html).digest()).decode()
        out += record(
            {"WARC-Type": "response", "WARC-Date": "2024-01-01T00:00:00Z",
             "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
             "WARC-Target-URI": url, "WARC-Payload-Digest": f"sha1:{digest}",
             "Content-Type": "application/http; msgtype=response"},
            http,
        )
    path.write_bytes(out)
    return path
