"""dechaff: separates articles from the chaff of the web.

The same engine as the ``dechaff`` command line: every function returns the record
``dechaff clean`` writes, as a dict with the same keys in the same order (see the project's
``docs/schema.md``). Pages are cleaned in Rust without the interpreter's lock.

    >>> import dechaff
    >>> record = dechaff.clean(b"<html><body><article><p>...</p></article></body></html>")
    >>> record["status"], record["text"]

Adapters for data pipelines live in submodules: ``dechaff.datatrove``, ``dechaff.dolma``,
``dechaff.nemo_curator``, ``dechaff.spark`` and ``dechaff.ray``; each imports its framework
only when used.
"""

from dechaff._dechaff import (
    CleanMany,
    Profile,
    WarcPage,
    WarcRecords,
    __version__,
    clean,
    clean_many,
    clean_text,
    read_warc,
)

__all__ = [
    "CleanMany",
    "Profile",
    "WarcPage",
    "WarcRecords",
    "__version__",
    "clean",
    "clean_many",
    "clean_text",
    "read_warc",
]
