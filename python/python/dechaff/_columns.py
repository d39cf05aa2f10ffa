"""Records as columns, for the data-frame adapters (Spark, Ray)."""

from collections.abc import Iterable, Iterator

import zlib

# The record's fields in schema order (docs/schema.md), with `markdown` and `comments`, which
# only some options fill, after them: every batch has every column, null where unknown.
STRING_FIELDS = (
    "id", "status", "url", "source", "title", "author", "date", "date_modified", "site",
    "lang", "description", "canonical_url", "image",
)
LIST_FIELDS = ("categories", "tags")
COLUMNS = (
    *STRING_FIELDS, *LIST_FIELDS, "page_type", "text", "markdown", "comments", "words",
    "encoding", "error", "schema",
)

# Spark's DDL for the same columns.
SPARK_SCHEMA = ", ".join(
    f"`{name}` "
    + ("array<string>" if name in LIST_FIELDS else "bigint" if name in ("words", "schema") else "string")
    for name in COLUMNS
)

# A gzip member is opened only up to the engine's page limit (32 MiB), plus one byte so that
# a larger page still reaches the engine and gets its `too_large` record.
MAX_PAGE_BYTES = 32 * 1024 * 1024


def gunzipped(data: bytes) -> bytes:
    """`data` gunzipped when it is gzip (a `.html.gz` file read whole), else as it is."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        return zlib.decompressobj(wbits=31).decompress(data, MAX_PAGE_BYTES + 1)
    except zlib.error:
        return data  # not gzip after all: the engine says what it is


def to_columns(records: Iterable[dict]) -> dict[str, list]:
    """Records as a dict of equal-length column lists, in `COLUMNS` order."""
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    for record in records:
        for name in COLUMNS:
            columns[name].append(record.get(name))
    return columns


def pages_of(rows: Iterator[tuple], kind: str) -> Iterator[dict]:
    """Page dicts for `clean_many` from (content, id, url) rows; `kind` is `html` or `text`."""
    for content, page_id, url in rows:
        if isinstance(content, (bytes, bytearray, memoryview)):
            content = gunzipped(bytes(content))
        yield {kind: content, "id": page_id, "url": url}
