"""PySpark: clean a DataFrame of pages with `mapInArrow`, one engine per partition.

    from pyspark.sql import SparkSession
    from dechaff.spark import clean_dataframe

    spark = SparkSession.builder.getOrCreate()
    pages = (spark.read.format("binaryFile")
             .option("pathGlobFilter", "*.html*").option("recursiveFileLookup", "true")
             .load("s3a://bucket/crawl/"))
    records = clean_dataframe(pages)            # content -> article, path -> id
    records.write.mode("overwrite").json("s3a://bucket/clean/")

Spark reads the pages (`binaryFile`, or a DataFrame of JSONL or WARC records) and writes the
records with its own writers, so the input and output can be on any file system the cluster
reaches. The package must be installed on every executor (`pip install` there, or a packed
environment shipped with `--archives`); each partition then runs one `clean_many`, whose worker
threads are `threads` (default 1: Spark already runs one task per core).
"""

from collections.abc import Iterator
from functools import partial
from typing import Any

from dechaff._columns import SPARK_SCHEMA, arrow_schema, pages_of, to_columns
from dechaff._dechaff import clean_many

__all__ = ["SPARK_SCHEMA", "clean_dataframe", "clean_arrow_batches"]


def clean_arrow_batches(
    batches: Iterator[Any],
    *,
    kind: str = "html",
    threads: int = 1,
    **options: Any,
) -> Iterator[Any]:
    """The `mapInArrow` function: batches of (content, id, url) in, record batches out.

    The batches' first three columns are read as content (binary or string; gzip is opened),
    id and url. All batches of a partition go through one `clean_many`, in order.
    """
    import pyarrow as pa

    schema = arrow_schema()

    # A page without an id is named by its partition and position, unique across the job.
    from pyspark import TaskContext

    context = TaskContext.get()
    partition = context.partitionId() if context is not None else 0

    def rows() -> Iterator[tuple]:
        # Row by row: the batch stays Arrow data, not a second copy as Python objects.
        position = 0
        for batch in batches:
            content, ids, urls = (batch.column(i) for i in range(3))
            for row in range(batch.num_rows):
                page_id = ids[row].as_py()
                if page_id is None:
                    page_id = f"{partition}:{position}"
                position += 1
                yield content[row].as_py(), page_id, urls[row].as_py()

    records = clean_many(pages_of(rows(), kind), threads=threads, **options)
    chunk: list[dict] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == 256:
            yield pa.RecordBatch.from_pydict(to_columns(chunk), schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pydict(to_columns(chunk), schema=schema)


def clean_dataframe(
    pages: Any,
    *,
    content: str = "content",
    id: str = "path",
    url: str | None = None,
    kind: str = "html",
    threads: int = 1,
    **options: Any,
) -> Any:
    """A DataFrame of records (the columns of `SPARK_SCHEMA`) from a DataFrame of pages.

    `content` names the column of HTML (binary or string; `kind="text"` for text dumps), `id`
    the column of page ids (`path` for `binaryFile`; a null id becomes
    `<partition>:<position>`), `url` an optional column of URLs. Other
    keyword arguments are `clean_many`'s (`format`, `comments`, `preset`).
    """
    from pyspark.sql import functions as F

    url_column = F.col(url) if url else F.lit(None).cast("string")
    selected = pages.select(F.col(content), F.col(id).cast("string"), url_column)
    return selected.mapInArrow(
        partial(clean_arrow_batches, kind=kind, threads=threads, **options), SPARK_SCHEMA
    )
