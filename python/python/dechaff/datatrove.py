"""datatrove: an extractor step usable wherever `Trafilatura()` is.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from dechaff.datatrove import Dechaff

    pipeline = [WarcReader("s3://commoncrawl/..."), Dechaff(), JsonlWriter("out/")]

Each document's `text` (its HTML) becomes the article text, and its metadata gains `title`,
`author`, `date` and `language` where dechaff finds them (`metadata["url"]`, which the readers
set, is passed to the engine). Documents without article text are dropped, as datatrove's
extractors drop them. Unlike them, dechaff runs in the pipeline's own process: the engine
cannot crash or hang on a page (every page gets a record within its work budget), so no
sandbox process per document is needed; pages are cleaned on `threads` worker threads, in
order, without the interpreter's lock.
"""

from collections import deque
from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

import dechaff

__all__ = ["Dechaff"]

# Record fields copied into the document's metadata, under datatrove's names.
METADATA_FIELDS = {"title": "title", "author": "author", "date": "date", "lang": "language"}


class Dechaff(BaseExtractor):
    """dechaff as a datatrove extractor.

    Args:
        timeout: kept for the signature of datatrove's extractors; dechaff bounds each page by
            its work budget instead of a clock, so it is not used.
        threads: worker threads cleaning pages (default 1: datatrove runs one task per core).
        format: "text", or "markdown" to put the Markdown article in `text`.
        comments: keep the comment section in `metadata["comments"]`.
        preset: "balanced", "precision" or "recall".
    """

    name = "🧹 dechaff"
    _requires_dependencies = []

    def __init__(
        self,
        timeout: float = 1,
        *,
        threads: int = 1,
        format: str = "text",
        comments: bool = False,
        preset: str = "balanced",
    ) -> None:
        super().__init__(timeout)
        self.threads = threads
        self.options = {"format": format, "comments": comments, "preset": preset}
        dechaff.clean_many([], threads=threads, **self.options)  # reject bad options now

    def extract(self, text: str) -> str:
        """The article text of one HTML page ("" when there is none)."""
        record = dechaff.clean(text, **self.options)
        return self._text(record) or ""

    def _text(self, record: dict) -> str | None:
        if self.options["format"] == "markdown":
            return record.get("markdown")
        return record.get("text")

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        waiting: deque[Document] = deque()

        def pages() -> Iterator[dict[str, Any]]:
            for doc in data:
                waiting.append(doc)
                yield {"html": doc.text, "id": doc.id, "url": doc.metadata.get("url")}

        for record in dechaff.clean_many(pages(), threads=self.threads, **self.options):
            doc = waiting.popleft()
            self.stat_update(StatHints.total)
            if record["status"] == "error":
                self.stat_update("clean_error")
            else:
                self.stat_update("extracted")
            text = self._text(record)
            if not text:
                self.stat_update(StatHints.dropped)
                continue
            doc.text = text
            for field, key in METADATA_FIELDS.items():
                if record.get(field) is not None:
                    doc.metadata[key] = record[field]
            if record.get("comments"):
                doc.metadata["comments"] = record["comments"]
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
