"""The Python API against the command line's records, and its contract on bad input."""

import gzip
import io
import resource
import subprocess

import pytest

import dechaff
from conftest import REPO, SAMPLES, cli_binary, cli_records

HTML_SAMPLES = sorted(SAMPLES.glob("*/*.html.gz"))
TEXT_SAMPLES = sorted(SAMPLES.glob("seeds/*.txt"))


def without_source(record: dict) -> dict:
    return {key: value for key, value in record.items() if key != "source"}


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=lambda p: p.name)
def test_clean_gives_the_cli_record_for_every_html_sample(path):
    (expected,) = cli_records(str(path))
    record = dechaff.clean(gzip.decompress(path.read_bytes()), id=expected["id"])
    assert list(record) == list(expected)
    assert without_source(record) == without_source(expected)


@pytest.mark.parametrize("path", TEXT_SAMPLES, ids=lambda p: p.name)
def test_clean_text_gives_the_cli_record_for_every_text_sample(path):
    (expected,) = cli_records(str(path))
    record = dechaff.clean_text(path.read_bytes(), id=expected["id"])
    assert without_source(record) == without_source(expected)


def test_samples_are_there():
    assert len(HTML_SAMPLES) >= 10 and len(TEXT_SAMPLES) >= 4


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_options_match_the_cli_flags(tmp_path, article_html, fmt):
    page = tmp_path / "page.html"
    page.write_bytes(article_html)
    (expected,) = cli_records(str(page), "--format", fmt, "--comments", "--precision")
    record = dechaff.clean(
        article_html, id=expected["id"], format=fmt, comments=True, preset="precision"
    )
    assert without_source(record) == without_source(expected)
    assert ("markdown" in record) == (fmt == "markdown")
    assert "comments" in record


def test_str_and_bytes_give_the_same_article(article_html):
    from_bytes = dechaff.clean(article_html, url="https://example.org/a")
    from_str = dechaff.clean(article_html.decode(), url="https://example.org/a")
    assert from_bytes["status"] == "ok"
    assert from_bytes["text"] == from_str["text"]
    assert from_bytes["id"] == "https://example.org/a"
    assert "Home" not in from_bytes["text"] and "Copyright" not in from_bytes["text"]


def test_bad_pages_give_error_records_not_exceptions():
    png = dechaff.clean(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert png["status"] == "error" and png["error"].startswith("binary:")
    empty = dechaff.clean(b"   ")
    assert empty["status"] == "error" and empty["error"].startswith("empty_input:")
    lone_surrogate = dechaff.clean("<p>broken \ud800 text</p>")
    assert lone_surrogate["status"] in ("ok", "empty")


def test_wrong_argument_types_raise():
    with pytest.raises(TypeError, match="html must be str or bytes"):
        dechaff.clean(42)
    with pytest.raises(ValueError, match="format must be"):
        dechaff.clean("<p>x</p>", format="html")
    with pytest.raises(ValueError, match="preset must be"):
        dechaff.clean("<p>x</p>", preset="fast")
    with pytest.raises(TypeError, match="not a single str"):
        dechaff.clean_many("<p>x</p>")
    with pytest.raises(TypeError, match="iterable"):
        dechaff.clean_many(42)
    with pytest.raises(ValueError, match="threads"):
        dechaff.clean_many([], threads=-1)


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_clean_many_keeps_input_order_and_equals_clean(threads):
    pages = [gzip.decompress(p.read_bytes()) for p in HTML_SAMPLES] * 3
    records = list(dechaff.clean_many(pages, threads=threads))
    assert [r["id"] for r in records] == [str(i) for i in range(len(pages))]
    for index, (page, record) in enumerate(zip(pages, records)):
        single = dechaff.clean(page, id=str(index))
        assert without_source(record) == without_source(single)
        assert record["source"] == f"python:{index + 1}"


def test_clean_many_takes_dicts_and_turns_non_pages_into_error_records(article_html):
    items = [
        {"html": article_html, "id": "a", "url": "https://example.org/a"},
        {"text": "Menu\nHome\n\nThis line of text is long enough to be prose in a dump, and ends well."},
        {"id": "no-content"},
        3.5,
        None,
    ]
    records = list(dechaff.clean_many(items, threads=2))
    assert [r["id"] for r in records] == ["a", "1", "no-content", "3", "4"]
    assert records[0]["url"] == "https://example.org/a" and records[0]["status"] == "ok"
    assert records[1]["status"] == "ok"
    for record in records[2:]:
        assert record["status"] == "error"
        assert record["error"].startswith("missing_content: item ")
    assert "float, not str, bytes or a mapping" in records[3]["error"]


def test_clean_many_reads_its_input_lazily():
    pulled = 0

    def pages():
        nonlocal pulled
        for number in range(1_000_000):
            pulled += 1
            yield f"<article><p>Page {number} says something worth reading today.</p></article>"

    records = dechaff.clean_many(pages(), threads=2)
    first = next(records)
    assert first["id"] == "0"
    # Two workers hold at most 4 pages each, plus the one being read.
    assert pulled <= 2 * 4 + 1, pulled
    for _ in range(1000):
        next(records)
    assert pulled <= 1001 + 2 * 4 + 1


def test_an_exception_in_the_input_comes_after_the_records_before_it():
    def pages():
        yield "<p>first page of text</p>"
        yield "<p>second page of text</p>"
        raise OSError("the crawl went away")

    records = dechaff.clean_many(pages(), threads=2)
    assert next(records)["id"] == "0"
    assert next(records)["id"] == "1"
    with pytest.raises(OSError, match="went away"):
        next(records)


def test_clean_many_stays_bounded_on_many_pages():
    page = "<html><body><article><p>" + "A sentence of an article. " * 200 + "</p></article></body></html>"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    count = sum(1 for _ in dechaff.clean_many((page for _ in range(20_000)), threads=2))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert count == 20_000
    assert grown_mb < 100, f"peak RSS grew by {grown_mb:.0f} MB"


WARC = REPO / "tests" / "fixtures" / "warc"


@pytest.mark.parametrize("name", ["mixed.warc", "mixed.warc.gz", "mixed.warc.zst", "captured.warc.gz"])
def test_read_warc_then_clean_many_gives_the_cli_records(name):
    path = WARC / name
    expected = cli_records(str(path))
    records = list(dechaff.clean_many(dechaff.read_warc(path), threads=2))
    assert records == expected
    with open(path, "rb") as file:
        from_file = list(dechaff.clean_many(dechaff.read_warc(file), threads=1))
    assert [without_source(r) for r in from_file] == [without_source(r) for r in expected]


def test_read_warc_pages_carry_the_record_fields():
    pages = list(dechaff.read_warc(str(WARC / "mixed.warc")))
    assert pages, "the fixture has HTML responses"
    for page in pages:
        assert page.id and page.source
        assert (page.html is None) != (page.error is None)
        if page.html is not None:
            assert page.url and page.warc_record_id and page.warc_date


def test_read_warc_rejects_text_files_and_missing_paths(tmp_path):
    with pytest.raises(OSError):
        dechaff.read_warc(tmp_path / "missing.warc")
    records = list(dechaff.read_warc(io.StringIO("WARC/1.0\r\n")))
    assert records and all(r.error for r in records)


def test_an_item_whose_fields_cannot_be_read_gets_an_error_record():
    class Unprintable:
        def __str__(self):
            raise RuntimeError("no text for you")

    items = [{"html": "<p>one page of text</p>", "id": Unprintable()}, "<p>next page of text</p>"]
    records = list(dechaff.clean_many(items, threads=1))
    assert [r["status"] for r in records] == ["error", "ok"]
    assert "no text for you" in records[0]["error"]
    assert records[1]["id"] == "1"


def test_any_mapping_is_a_page_and_html_falls_back_to_text():
    from types import MappingProxyType

    dump = "Menu\nHome\n\nThis line of text is long enough to be prose in a dump, and ends well."
    items = [
        MappingProxyType({"html": "<p>a page in a read-only mapping</p>", "id": "proxy"}),
        {"html": None, "text": dump, "id": "text-only"},
        {"html": 12, "text": dump, "id": "html-not-a-string"},
        {"html": "<p>an empty id is no id</p>", "id": ""},
        {"id": "unreadable", "read_error": "the data ends early"},
    ]
    records = list(dechaff.clean_many(items, threads=2))
    assert [r["id"] for r in records] == ["proxy", "text-only", "html-not-a-string", "3", "unreadable"]
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "ok", "error"]
    assert records[1]["text"] == records[2]["text"]
    assert records[4]["error"] == "read: cannot read unreadable: the data ends early"


def test_an_absurd_thread_count_is_lowered_not_a_crash():
    records = list(dechaff.clean_many(["<p>one page of text</p>"] * 3, threads=2**40))
    assert [r["status"] for r in records] == ["ok"] * 3


def test_dropping_an_unfinished_iterator_frees_its_threads():
    import gc
    import os
    import time

    class Holder:
        def __init__(self):
            self.records = dechaff.clean_many(self.pages(), threads=2)

        def pages(self):
            while True:
                yield "<p>a page that never ends</p>"

    def os_threads() -> int:
        return len(os.listdir("/proc/self/task"))

    before = os_threads()
    for _ in range(50):
        holder = Holder()
        next(holder.records)
        del holder
    gc.collect()
    time.sleep(0.5)  # workers end after their current page
    assert os_threads() <= before + 4, f"{os_threads()} OS threads left, {before} before"


def test_read_warc_can_be_consumed_on_another_thread():
    from concurrent.futures import ThreadPoolExecutor

    pages = dechaff.read_warc(WARC / "mixed.warc")
    with ThreadPoolExecutor(1) as pool:
        records = pool.submit(lambda: list(dechaff.clean_many(pages, threads=1))).result()
    assert records == cli_records(str(WARC / "mixed.warc"))


def test_gzipped_content_of_the_adapters_is_opened_as_the_cli_opens_files(tmp_path):
    from dechaff._columns import pages_of

    html = gzip.decompress(HTML_SAMPLES[0].read_bytes())
    half = len(html) // 2
    members = gzip.compress(html[:half]) + gzip.compress(html[half:])
    truncated = gzip.compress(html)[:-200]
    files = {"members.html.gz": members, "truncated.html.gz": truncated, "plain.html": html}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    # The truncated file makes the run's exit status 1 (an input that cannot be read).
    expected = {r["id"]: r for r in cli_records(str(tmp_path), check=False)}
    rows = [(data, name, None) for name, data in files.items()]
    records = {r["id"]: r for r in dechaff.clean_many(pages_of(iter(rows), "html"))}
    assert records["members.html.gz"]["text"] == expected["members.html.gz"]["text"]
    assert records["members.html.gz"]["text"] == records["plain.html"]["text"]
    assert expected["truncated.html.gz"]["status"] == "error"
    assert records["truncated.html.gz"]["status"] == "error"
    assert records["truncated.html.gz"]["error"].startswith("read: ")


def site_pages() -> list[dict]:
    pitch = "Join our weekly letter for the best stories of the week, delivered every Sunday morning to you."
    topics = ["harbour", "library", "orchard", "railway", "market", "bridge", "theatre"]
    return [
        {
            "id": f"p{n}",
            "url": f"https://news.example/{topic}",
            "html": f"<html><body><article><h1>The {topic}</h1>"
            + "".join(
                f"<p>Paragraph {k} about the {topic}: the council met and agreed, after a long "
                f"debate about the {topic} and its budget, to publish the minutes.</p>"
                for k in range(6)
            )
            + f"<p>{pitch}</p></article></body></html>",
        }
        for n, topic in enumerate(topics)
    ]


def test_a_profile_built_from_pages_gives_the_cli_site_profile_records(tmp_path):
    import json

    pages = site_pages()
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(page) + "\n" for page in pages))
    expected = cli_records(str(jsonl), "--site-profile")
    profile = dechaff.Profile.build(pages)
    assert (profile.pages, profile.sites) == (7, 1) and profile.blocks >= 1
    records = list(dechaff.clean_many(pages, threads=2, profile=profile))
    assert [without_source(r) for r in records] == [without_source(r) for r in expected]
    assert all("weekly letter" not in r["text"] for r in records)
    plain = dechaff.clean(pages[0]["html"], url=pages[0]["url"])
    assert "weekly letter" in plain["text"]
    single = dechaff.clean(pages[0]["html"], url=pages[0]["url"], profile=profile)
    assert single["text"] == records[0]["text"]


def test_a_profile_file_of_the_cli_loads(tmp_path):
    import json

    pages = site_pages()
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(page) + "\n" for page in pages))
    stored = tmp_path / "site.profile"
    subprocess.run([str(cli_binary()), "profile", str(jsonl), "-o", str(stored), "-q"], check=True)
    loaded = dechaff.Profile.load(stored)
    built = dechaff.Profile.build(pages)
    assert (loaded.pages, loaded.sites, loaded.blocks) == (built.pages, built.sites, built.blocks)
    with pytest.raises(ValueError, match="min_share"):
        dechaff.Profile.load(stored, min_share=2.0)
    with pytest.raises(OSError):
        dechaff.Profile.load(tmp_path / "missing.profile")
    with pytest.raises(ValueError, match="cannot read profile"):
        dechaff.Profile.load(jsonl)
