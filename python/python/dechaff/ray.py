"""Ray Data: clean a dataset of pages with `map_batches`, one engine per actor.

    import ray
    from dechaff.ray import Cleaner

    pages = ray.data.read_binary_files("s3://bucket/crawl/", include_paths=True)
    records = pages.map_batches(
        Cleaner, fn_constructor_kwargs={"content": "bytes", "id": "path"},
        batch_format="pandas", concurrency=4,
    )
    records.write_json("s3://bucket/clean/")
"""

from typing import Any

from dechaff._columns import arrow_schema, pages_of, to_columns
from dechaff._dechaff import clean_many

__all__ = ["Cleaner"]


class Cleaner:
    """A callable class for `Dataset.map_batches`: a batch of pages in, a batch of records out.

    `content`, `id` and `url` name the batch's columns (`url` may be absent); `kind` is
    `"html"` or `"text"`; `threads` are the worker threads per actor (default 1: Ray runs one
    actor per CPU it is given). Other keyword arguments are `clean_many`'s.
    """

    def __init__(
        self,
        *,
        content: str = "html",
        id: str = "id",
        url: str = "url",
        kind: str = "html",
        threads: int = 1,
        **options: Any,
    ) -> None:
        self.content, self.id, self.url, self.kind = content, id, url, kind
        self.threads, self.options = threads, options
        clean_many([], threads=threads, **options)  # checks the options once, at start

    def __call__(self, batch: Any) -> Any:
        if isinstance(batch, dict):  # batch_format="numpy"
            columns = batch
        elif hasattr(batch, "to_pydict"):  # "pyarrow"
            columns = batch.to_pydict()
        else:  # "pandas"
            columns = batch.to_dict("list")
        contents = list(columns[self.content])
        ids = list(columns[self.id]) if self.id in columns else [None] * len(contents)
        urls = list(columns[self.url]) if self.url in columns else [None] * len(contents)
        ids = [None if i is None else str(i) for i in ids]
        rows = zip(contents, ids, urls)
        records = clean_many(pages_of(rows, self.kind), threads=self.threads, **self.options)
        # A typed table: a batch whose titles are all null must not make the column null-typed
        # (Parquet parts with different schemas cannot be read back together).
        import pyarrow as pa

        return pa.Table.from_pydict(to_columns(records), schema=arrow_schema())
