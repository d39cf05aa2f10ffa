"""The Dolma linearizer, run by Dolma's WARC pipeline in its own worker processes."""

import gzip
import json
import subprocess
import sys

import pytest

pytest.importorskip("dolma.warc.linearizers", reason='pip install "dolma[warc]" dateparser')

from conftest import SAMPLES, cli_records, write_warc  # noqa: E402

# UTF-8 sample pages (Dolma decodes a page by its HTTP header before linearizing it).
PAGES = [p for p in sorted(SAMPLES.glob("*/*.html.gz")) if p.parent.name == "wcxb-dev"]


@pytest.fixture
def warc(tmp_path):
    pages = [(f"https://example.org/{p.name}", gzip.decompress(p.read_bytes())) for p in PAGES]
    return write_warc(tmp_path / "pages.warc", pages)

SCRIPT = """
import dechaff.dolma  # registers the linearizer; Dolma's spawned workers re-import this script
from dolma.warc import create_and_run_warc_pipeline

if __name__ == "__main__":
    create_and_run_warc_pipeline(
        documents=[{warc!r}], destination=[{out!r}], source_name="test",
        linearizer_name="dechaff", num_processes=2,
    )
"""


def dolma_texts(out) -> list[str]:
    texts = []
    for part in sorted(out.rglob("*.jsonl.gz")):
        with gzip.open(part, "rt") as file:
            texts.extend(json.loads(line)["text"] for line in file)
    return sorted(texts)


def expected_texts(warc) -> list[str]:
    return sorted(r["text"] for r in cli_records(str(warc)) if r["status"] == "ok")


def test_the_warc_pipeline_uses_the_registered_linearizer(tmp_path, warc):
    out = tmp_path / "out"
    script = tmp_path / "run.py"
    script.write_text(SCRIPT.format(warc=str(warc), out=str(out)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    texts = dolma_texts(out)
    assert texts, "Dolma wrote documents"
    assert len(texts) == len(PAGES)
    assert texts == expected_texts(warc)


def test_the_dolma_command_with_the_linearizer(tmp_path, warc):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "dechaff.dolma", "warc", "--documents", str(warc),
         "--destination", str(out), "--source_name", "test", "--linearizer", "dechaff",
         "--processes", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert dolma_texts(out) == expected_texts(warc)


def test_importing_the_module_registers_the_name():
    from dolma.warc.linearizers import LinearizerRegistry

    import dechaff.dolma  # noqa: F401

    assert LinearizerRegistry.get("dechaff").__name__ == "DechaffLinearizer"
