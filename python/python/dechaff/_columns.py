"""Records as columns, for the data-frame adapters (Spark, Ray)."""

import zlib
from collections.abc import Iterable, Iterator

# The record's fields in schema order (docs/schema.md), with `markdown` and `comments`, which
# only some options fill, after them: every batch has every column, null where unknown.
# Each column's kind: a string, a list of strings, or an integer.
COLUMN_KINDS = {
    **dict.fromkeys(
        ("id", "status", "url", "source", "title", "author", "date", "date_modified", "site",
         "lang", "description", "canonical_url", "image"),
        "string",
    ),
    "categories": "list",
    "tags": "list",
    **dict.fromkeys(("page_type", "text", "markdown", "comments"), "string"),
    "words": "integer",
    "encoding": "string",
    "error": "string",
    "schema": "integer",
}
COLUMNS = tuple(COLUMN_KINDS)

# Spark's DDL for the same columns.
SPARK_TYPES = {"string": "string", "list": "array<string>", "integer": "bigint"}
SPARK_SCHEMA = ", ".join(f"`{name}` {SPARK_TYPES[kind]}" for name, kind in COLUMN_KINDS.items())

# Pages are opened only up to the engine's page limit (32 MiB), plus one byte so that a larger
# page still reaches the engine and gets its `too_large` record.
MAX_PAGE_BYTES = 32 * 1024 * 1024


class UnreadablePage(Exception):
    """Compressed page data that cannot be opened; the message says why."""


def gunzipped(data: bytes) -> bytes:
    """`data` gunzipped, every member, when it is gzip (a `.html.gz` file read whole), else as
    it is. Raises `UnreadablePage` on corrupt or truncated data, as the command line reports a
    `read` error for such a file."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    out = bytearray()
    rest = data
    try:
        while rest and len(out) <= MAX_PAGE_BYTES:
            member = zlib.decompressobj(wbits=31)
            out += member.decompress(rest, MAX_PAGE_BYTES + 1 - len(out))
            if not member.eof:
                if member.unconsumed_tail:
                    break  # past the limit: the engine reports `too_large`
                raise UnreadablePage("the data ends early: truncated gzip stream")
            rest = member.unused_data
    except zlib.error as error:
        raise UnreadablePage(f"corrupt compressed data: {error}") from None
    return bytes(out)


def arrow_schema():
    """The records' columns as an Arrow schema: the same types in every batch, null or not."""
    import pyarrow as pa

    types = {"string": pa.string(), "list": pa.list_(pa.string()), "integer": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMN_KINDS.items()])


def to_columns(records: Iterable[dict]) -> dict[str, list]:
    """Records as a dict of equal-length column lists, in `COLUMNS` order."""
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    for record in records:
        for name in COLUMNS:
            columns[name].append(record.get(name))
    return columns


def pages_of(rows: Iterator[tuple], kind: str) -> Iterator[dict]:
    """Page dicts for `clean_many` from (content, id, url) rows; `kind` is `html` or `text`.
    Gzipped content is opened; content that cannot be gets a `read` error record."""
    for content, page_id, url in rows:
        if isinstance(content, (bytes, bytearray, memoryview)):
            try:
                content = gunzipped(bytes(content))
            except UnreadablePage as error:
                yield {"id": page_id, "url": url, "read_error": str(error)}
                continue
        yield {kind: content, "id": page_id, "url": url}
