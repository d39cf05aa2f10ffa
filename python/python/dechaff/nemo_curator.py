"""NeMo Curator: an HTML extraction algorithm for its Common Crawl pipeline.

    from nemo_curator.stages.text.download import CommonCrawlDownloadExtractStage
    from dechaff.nemo_curator import DechaffExtractor

    stage = CommonCrawlDownloadExtractStage(
        start_snapshot="2024-10", end_snapshot="2024-10", download_dir="cc/",
        html_extraction=DechaffExtractor(),
    )

NeMo Curator decodes each page and detects its language first; it calls the algorithm only for
languages it has stop lists for, and drops pages for which it returns nothing. dechaff's
paragraphs are returned as the list of paragraphs NeMo joins.
"""

from nemo_curator.stages.text.download.html_extractors import HTMLExtractorAlgorithm

import dechaff

__all__ = ["DechaffExtractor"]


class DechaffExtractor(HTMLExtractorAlgorithm):
    """dechaff as NeMo Curator's `html_extraction` algorithm.

    Args:
        preset: "balanced", "precision" or "recall".
    """

    def __init__(self, preset: str = "balanced") -> None:
        dechaff.clean("", preset=preset)  # reject a bad preset now
        self.preset = preset

    def extract_text(self, html: str, stop_words: frozenset[str], language: str) -> list[str] | None:
        text = dechaff.clean(html, preset=self.preset)["text"]
        if not text:
            return None
        return text.split("\n\n")
