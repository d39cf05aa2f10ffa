"""The NeMo Curator algorithm in NeMo's own Common Crawl extractor and extraction stage.

Run in an environment of its own (python/test.sh installs tests/requirements-nemo.txt there):
NeMo Curator's packages conflict with PySpark's.
"""

import gzip

import pytest

pytest.importorskip("nemo_curator", reason="see tests/requirements-nemo.txt")
from nemo_curator.stages.text.download.base.iterator import DocumentIterateExtractStage  # noqa: E402
from nemo_curator.stages.text.download.common_crawl.extract import CommonCrawlHTMLExtractor  # noqa: E402
from nemo_curator.stages.text.download.common_crawl.warc_iterator import CommonCrawlWarcIterator  # noqa: E402
from nemo_curator.tasks import FileGroupTask  # noqa: E402

import dechaff  # noqa: E402
from conftest import SAMPLES, write_warc  # noqa: E402
from dechaff.nemo_curator import DechaffExtractor  # noqa: E402

# English pages in UTF-8: NeMo detects the language and decodes the bytes itself.
PAGES = sorted(SAMPLES.glob("wcxb-dev/*.html.gz")) + [SAMPLES / "readability-tests" / "ehow-1.html.gz"]


def html_of(path) -> bytes:
    return gzip.decompress(path.read_bytes())


def test_the_common_crawl_extractor_gives_dechaffs_article():
    extractor = CommonCrawlHTMLExtractor(algorithm=DechaffExtractor())
    extracted = 0
    for path in PAGES:
        html = html_of(path)
        row = extractor.extract({"url": f"https://example.org/{path.name}", "warc_id": path.name,
                                 "source_id": "test", "content": html})
        text = dechaff.clean(html)["text"]
        if row is None:
            continue  # NeMo left the page out (a language without stop lists) before calling us
        extracted += 1
        assert row["language"] == "ENGLISH"
        assert row["text"] == text
    assert extracted >= len(PAGES) - 2


def test_a_page_without_an_article_is_left_out():
    extractor = CommonCrawlHTMLExtractor(algorithm=DechaffExtractor())
    nav = b"<html><body><nav><a href=/>Home</a> <a href=/about>About us and the team</a></nav></body></html>"
    assert DechaffExtractor().extract_text(nav.decode(), frozenset(), "ENGLISH") is None
    assert extractor.extract({"url": "u", "warc_id": "w", "source_id": "s", "content": nav}) is None


@pytest.mark.parametrize("executor", ["none", "ray_data"])
def test_the_extraction_stage_on_a_warc_file(tmp_path, executor):
    pages = [(f"https://example.org/{p.name}", html_of(p)) for p in PAGES]
    warc = write_warc(tmp_path / "pages.warc", pages)
    stage = DocumentIterateExtractStage(
        iterator=CommonCrawlWarcIterator(),
        extractor=CommonCrawlHTMLExtractor(algorithm=DechaffExtractor()),
    )
    task = FileGroupTask(dataset_name="test", data=[str(warc)])
    if executor == "none":
        stage.setup_on_node()
        stage.setup()
        batches = [stage.process(task)]
    else:
        import ray
        from nemo_curator.backends.ray_data import RayDataExecutor
        from nemo_curator.pipeline import Pipeline

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            batches = Pipeline(name="dechaff", stages=[stage]).run(
                executor=RayDataExecutor(), initial_tasks=[task]
            )
        finally:
            ray.shutdown()
    rows = [row for batch in batches for row in batch.to_pandas().to_dict("records")]
    expected = {url: dechaff.clean(html)["text"] for url, html in pages}
    assert len(rows) >= len(pages) - 2
    for row in rows:
        assert row["text"] == expected[row["url"]]
