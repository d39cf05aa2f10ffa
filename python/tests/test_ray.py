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
