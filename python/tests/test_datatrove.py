"""The datatrove extractor, run by datatrove's own step machinery and executor."""

import gzip
import json

import pytest

datatrove = pytest.importorskip("datatrove", reason="pip install datatrove")
from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402

import dechaff  # noqa: E402
from conftest import SAMPLES  # noqa: E402
from dechaff.datatrove import Dechaff  # noqa: E402

PAGES = sorted(SAMPLES.glob("*/*.html.gz"))


def documents():
    docs = [
        Document(
            text=gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
            id=path.name,
            metadata={"url": f"https://example.org/{path.name}"},
        )
        for path in PAGES
    ]
    docs.append(Document(text="<html><body><nav>Home</nav></body></html>", id="no-article"))
    return docs


def test_the_step_keeps_articles_with_their_metadata_and_drops_the_rest():
    step = Dechaff(threads=2)
    kept = {doc.id: doc for doc in step.run(iter(documents()))}
    assert "no-article" not in kept
    for doc in documents():
        record = dechaff.clean(doc.text, url=doc.metadata.get("url"))
        if record["status"] != "ok":
            assert doc.id not in kept
            continue
        got = kept[doc.id]
        assert got.text == record["text"]
        assert got.metadata["url"] == doc.metadata["url"]
        for field, key in (("title", "title"), ("author", "author"), ("date", "date"), ("lang", "language")):
            assert got.metadata.get(key) == record[field]
    assert len(kept) >= len(PAGES) - 2
    assert any("language" in doc.metadata for doc in kept.values())
    assert step.stats["forwarded"].total == len(kept)


def test_extract_alone_gives_the_article_text():
    doc = documents()[0]
    assert Dechaff().extract(doc.text) == dechaff.clean(doc.text)["text"]


def read_samples(data, rank: int = 0, world_size: int = 1):
    for index, path in enumerate(PAGES):
        if index % world_size == rank:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            yield Document(text=html, id=path.name, metadata={"url": None})


def test_a_local_executor_runs_it_in_worker_processes(tmp_path):
    out = tmp_path / "out"

    def write(data, rank: int = 0, world_size: int = 1):
        out.mkdir(exist_ok=True)
        with open(out / f"{rank}.jsonl", "w") as file:
            for doc in data:
                file.write(json.dumps({"id": doc.id, "text": doc.text, "meta": doc.metadata}) + "\n")
                yield doc

    LocalPipelineExecutor(
        [read_samples, Dechaff(), write],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
        skip_completed=False,
    ).run()
    written = {}
    for part in out.glob("*.jsonl"):
        for line in part.read_text().splitlines():
            row = json.loads(line)
            written[row["id"]] = row
    expected = {
        path.name: dechaff.clean(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        for path in PAGES
    }
    assert set(written) == {name for name, r in expected.items() if r["status"] == "ok"}
    for name, row in written.items():
        assert row["text"] == expected[name]["text"]
        assert row["meta"].get("title") == expected[name]["title"]


def test_bad_options_fail_when_the_step_is_built():
    with pytest.raises(ValueError):
        Dechaff(preset="fast")
