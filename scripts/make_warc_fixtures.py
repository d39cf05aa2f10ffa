#!/usr/bin/env python3
"""Writes the WARC test fixtures under tests/fixtures/warc/.

Needs `pip install warcio brotli` and, for the capture, `wget`. The fixtures are committed, so
tests and CI never run this; run it again only to change them:

    python3 scripts/make_warc_fixtures.py

mixed.warc.gz   WARC/1.1 written record by record with warcio (one gzip member per record,
                as Common Crawl writes them), with fixed record ids and dates, holding every
                kind of record the reader must handle, plus three broken ones.
mixed.warc      the same bytes uncompressed.
mixed.warc.zst  the same bytes compressed with zstd as one stream (when `zstd` is installed).
captured.warc.gz  a real capture by `wget --warc-file` (WARC/1.0) of a local
                `http.server` that serves an article, a chunked page, a gzip-encoded page, a
                redirect, a 404 and a PNG. Its record ids and dates are those of the capture.
"""

import gzip
import http.server
import io
import os
import shutil
import subprocess
import tempfile
import threading
import zlib

import brotli
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "warc")

PARAGRAPHS = [
    "The old harbour reopened on Monday after two years of repairs, and the first boats came in at dawn.",
    "Fishermen said the new quay, longer and higher than the old one, would keep their boats safe in winter storms.",
    "The town council paid for half of the work; the rest came from a regional fund for coastal towns.",
]


def article(title, extra=""):
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Example Gazette</footer></body></html>"
    )


def chunked(data, size=100):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i : i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def http_response(status, headers, body):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


class Mixed:
    def __init__(self):
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True, warc_version="1.1")
        self.count = 0

    def ids(self):
        self.count += 1
        return {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{self.count:012d}>",
            "WARC-Date": f"2024-05-01T10:00:{self.count:02d}.000000Z",
        }

    def record(self, uri, kind, payload, content_type=""):
        headers = self.ids()
        if content_type:
            headers["Content-Type"] = content_type
        record = self.writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_headers_dict=headers,
            http_headers=StatusAndHeaders("", [], protocol="") if kind not in ("response", "request") else None,
        )
        if kind not in ("response", "request"):
            record.http_headers = None
        self.writer.write_record(record)

    def raw(self, data):
        """Bytes that are not a valid record, as their own gzip member."""
        self.buffer.write(gzip.compress(data, mtime=0))


def make_mixed():
    m = Mixed()
    info = b"software: warcio\r\nformat: WARC File Format 1.1\r\n"
    headers = m.ids()
    headers["WARC-Filename"] = "mixed.warc.gz"
    headers["Content-Type"] = "application/warc-fields"
    record = m.writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_headers_dict=headers)
    m.writer.write_record(record)

    base = "http://news.example.org"
    m.record(base + "/harbour", "request", b"GET /harbour HTTP/1.1\r\nHost: news.example.org\r\n\r\n")
    html = article("Harbour reopens").encode()
    m.record(base + "/harbour", "response", http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", len(html))], html))
    m.record(base + "/old-harbour", "response", http_response("301 Moved Permanently", [("Location", "/harbour"), ("Content-Length", 0)], b""))
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
    m.record(base + "/quay.png", "response", http_response("200 OK", [("Content-Type", "image/png"), ("Content-Length", len(png))], png))
    html = article("Boats return", "Chunked.").encode()
    m.record(base + "/boats", "response", http_response("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked(html)))
    html = article("Quay opens", "Gzipped.").encode()
    gz = gzip.compress(html, mtime=0)
    m.record(base + "/quay", "response", http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"), ("Content-Length", len(gz))], gz))
    html = article("Storms ahead", "Brotli and chunked.").encode()
    br = brotli.compress(html)
    m.record(base + "/storms", "response", http_response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "br"), ("Transfer-Encoding", "chunked")], chunked(br)))
    m.record(base + "/quay", "metadata", b"via: http://news.example.org/\r\n", "application/warc-fields")
    # Broken: a response record without Content-Length.
    m.raw(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-999999999999>\r\n"
          b"WARC-Target-URI: http://news.example.org/broken\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n")
    html = ("<html><head><title>Caf\u00e9 news</title></head><body><article><h1>Caf\u00e9 news</h1>"
            + "".join(f"<p>{p} Caf\u00e9 cr\u00e8me.</p>" for p in PARAGRAPHS) + "</article></body></html>").encode("latin-1")
    m.record(base + "/cafe", "response", http_response("200 OK", [("Content-Type", "text/html; charset=iso-8859-1")], html))
    # Broken: bytes that are no record at all.
    m.raw(b"this is not a WARC record\r\nnor is this\r\n")
    m.record(base + "/missing", "response", http_response("404 Not Found", [("Content-Type", "text/html")], b"<p>Not found</p>"))
    # Broken: a response whose Content-Length is too short for its block.
    html = article("Cut short").encode()
    block = http_response("200 OK", [("Content-Type", "text/html")], html)
    m.raw(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-888888888888>\r\n"
          b"WARC-Target-URI: http://news.example.org/short\r\nContent-Type: application/http; msgtype=response\r\n"
          + f"Content-Length: {len(block) - 40}\r\n\r\n".encode() + block + b"\r\n\r\n")
    m.record(base + "/harbour", "revisit", b"", "")
    html = article("Winter plans", "Deflated.").encode()
    m.record(base + "/winter", "response", http_response("200 OK", [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "deflate")], zlib.compress(html)))
    data = m.buffer.getvalue()
    with open(os.path.join(HERE, "mixed.warc.gz"), "wb") as f:
        f.write(data)
    raw = gzip.decompress(data)
    with open(os.path.join(HERE, "mixed.warc"), "wb") as f:
        f.write(raw)
    if shutil.which("zstd"):
        subprocess.run(["zstd", "-q", "-f", "-19", os.path.join(HERE, "mixed.warc"), "-o", os.path.join(HERE, "mixed.warc.zst")], check=True)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, headers, body):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/":
            html = article("Harbour reopens") .replace("</article>", "<a href='/boats'>b</a><a href='/quay'>q</a><a href='/old'>o</a><a href='/missing'>m</a><img src='/quay.png'></article>").encode()
            self.send(200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))], html)
        elif self.path == "/boats":
            html = article("Boats return", "Chunked.").encode()
            self.send(200, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked(html))
        elif self.path == "/quay":
            gz = gzip.compress(article("Quay opens", "Gzipped.").encode(), mtime=0)
            self.send(200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", str(len(gz)))], gz)
        elif self.path == "/old":
            self.send(301, [("Location", "/"), ("Content-Length", "0")], b"")
        elif self.path == "/quay.png":
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
            self.send(200, [("Content-Type", "image/png"), ("Content-Length", str(len(png)))], png)
        else:
            self.send(404, [("Content-Type", "text/html"), ("Content-Length", "9")], b"not found")


def make_captured():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"http://127.0.0.1:{port}{p}" for p in ["/", "/boats", "/quay", "/old", "/missing", "/quay.png"]]
        subprocess.run(["wget", "-q", "--no-verbose", "--warc-file", os.path.join(tmp, "captured"), "--no-warc-digests",
                        "--warc-header", "operator: dechaff tests", "-O", os.devnull, "--max-redirect=0",
                        "--no-warc-keep-log"] + urls, cwd=tmp, check=False)
        shutil.copy(os.path.join(tmp, "captured.warc.gz"), os.path.join(HERE, "captured.warc.gz"))
    server.shutdown()


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    make_mixed()
    make_captured()
    for name in sorted(os.listdir(HERE)):
        print(name, os.path.getsize(os.path.join(HERE, name)))
