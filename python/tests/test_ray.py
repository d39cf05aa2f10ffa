"""The Ray Data recipe: `map_batches` with `dechaff.ray.Cleaner` on a local Ray."""

import gzip

import pytest

ray = pytest.importorskip("ray", reason='pip install "ray[data]"')

import dechaff  # noqa: E402
from conftest import SAMPLES  # noqa: E402
from dechaff.ray import Cleaner  # noqa: E402

PAGES = sorted(SAMPLES.glob("*/*.html.gz"))


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.mark.parametrize("batch_format", ["pandas", "numpy", "pyarrow"])
def test_map_batches_gives_the_records_of_clean(local_ray, batch_format):
    items = [
        {"html": gzip.decompress(p.read_bytes()), "id": p.name, "url": f"https://example.org/{p.name}"}
        for p in PAGES
    ]
    dataset = ray.data.from_items(items).map_batches(
        Cleaner,
        fn_constructor_kwargs={"content": "html", "id": "id", "url": "url"},
        batch_format=batch_format,
        batch_size=4,
        compute=ray.data.ActorPoolStrategy(size=2),
    )
    rows = {row["id"]: row for row in dataset.take_all()}
    assert set(rows) == {p.name for p in PAGES}
    for item in items:
        record = dechaff.clean(item["html"], url=item["url"], id=item["id"])
        row = rows[item["id"]]
        for field in ("status", "title", "author", "date", "lang", "text", "words", "error"):
            assert row[field] == record[field], field


def test_parquet_written_from_the_records_reads_back(local_ray, tmp_path):
    import pyarrow.parquet as pq

    # Batches of two: the bare pages' batch has no title, tag or error at all.
    bare = [{"html": f"<p>bare page number {i} with some words</p>", "id": f"bare{i}"} for i in range(2)]
    items = [{"html": gzip.decompress(p.read_bytes()), "id": p.name} for p in PAGES[:2]] + bare
    ray.data.from_items(items).map_batches(
        Cleaner, batch_size=2, batch_format="pandas", compute=ray.data.ActorPoolStrategy(size=1)
    ).write_parquet(str(tmp_path / "out"))
    table = pq.read_table(str(tmp_path / "out"))
    assert table.num_rows == 4
    assert str(table.schema.field("title").type) == "string"
    assert str(table.schema.field("tags").type.value_type) == "string"
