"""Type stubs of the extension module (see ``dechaff/__init__.py``)."""

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, Literal

__version__: str

Record = dict[str, Any]
"""One record: the keys of ``docs/schema.md`` (id, status, url, source, title, author, date,
date_modified, site, lang, description, canonical_url, image, categories, tags, page_type, text,
[markdown], [comments], words, encoding, error, schema)."""

Format = Literal["text", "markdown"]
PresetName = Literal["balanced", "precision", "recall"]

class Profile:
    """The blocks each site repeats across its pages; ``profile=`` drops them from its pages."""

    @staticmethod
    def build(
        pages: Iterable[PageItem], *, min_pages: int | None = None, min_share: float | None = None
    ) -> Profile:
        """Counts the blocks of ``pages`` (a page's site is its URL's host), as the command
        line's ``--site-profile`` does; ``min_pages`` (default 5) and ``min_share`` (default
        0.5) decide which blocks are boilerplate."""
    @staticmethod
    def load(
        path: str | os.PathLike[str], *, min_pages: int | None = None, min_share: float | None = None
    ) -> Profile:
        """Reads a profile file written by ``dechaff profile`` (as ``--profile FILE``)."""
    @property
    def pages(self) -> int: ...
    @property
    def sites(self) -> int: ...
    @property
    def blocks(self) -> int: ...

def clean(
    html: str | bytes,
    *,
    url: str | None = None,
    id: str | None = None,
    format: Format = "text",
    comments: bool = False,
    preset: PresetName = "balanced",
    profile: Profile | None = None,
) -> Record:
    """Cleans one HTML page into its record.

    Bytes are decoded as the command line decodes a file (``<meta charset>``, then detection).
    ``id`` defaults to ``url``, else ``"python"``. A page that cannot be cleaned gives a record
    with ``status`` ``"error"``; wrong argument types raise ``TypeError``, unknown ``format`` or
    ``preset`` values ``ValueError``.
    """

def clean_text(
    dump: str | bytes,
    *,
    url: str | None = None,
    id: str | None = None,
    profile: Profile | None = None,
) -> Record:
    """Cleans one plain-text dump of a whole page (menus, article, footer as lines)."""

class WarcPage:
    """One HTML response read from a WARC file; ``clean_many`` takes it as it is."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def warc_record_id(self) -> str | None: ...
    @property
    def warc_date(self) -> str | None: ...
    @property
    def content_type(self) -> str | None: ...
    @property
    def html(self) -> bytes | None: ...
    @property
    def error(self) -> str | None: ...

PageItem = str | bytes | Mapping[str, Any] | WarcPage

class CleanMany(Iterator[Record]):
    """Records of ``clean_many``, in input order."""

    def __iter__(self) -> CleanMany: ...
    def __next__(self) -> Record: ...

def clean_many(
    pages: Iterable[PageItem],
    *,
    threads: int = 0,
    format: Format = "text",
    comments: bool = False,
    preset: PresetName = "balanced",
    profile: Profile | None = None,
) -> CleanMany:
    """Cleans many pages on ``threads`` worker threads (0: one per core), in input order.

    Items are ``str`` or ``bytes`` of HTML, ``WarcPage``s, or mappings with ``html`` (or
    ``text`` for a text dump) and optionally ``id``, ``url``, ``content_type``,
    ``warc_record_id``, ``warc_date``, or ``read_error`` (why the page could not be read: it
    gets a ``read`` error record). An item that is not a page gets an error record
    (``missing_content``). The input is read as records are taken, a few pages per thread
    ahead, so memory stays bounded. More than 4 threads per core are lowered to that. Like a
    generator, the iterator is for one consumer at a time: a second thread calling ``next``
    meanwhile gets ``RuntimeError``.
    """

class WarcRecords(Iterator[WarcPage]):
    def __iter__(self) -> WarcRecords: ...
    def __next__(self) -> WarcPage: ...

def read_warc(source: str | os.PathLike[str] | BinaryIO) -> WarcRecords:
    """Reads the HTML responses of a WARC file (plain, gzip or zstd)."""
