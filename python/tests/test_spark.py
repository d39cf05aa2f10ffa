"""The PySpark recipe on a local session and on a standalone master and worker."""

import gzip
import json
import os
import pathlib
import socket
import subprocess
import sys
import time

import pytest

pyspark = pytest.importorskip("pyspark", reason='pip install "pyspark[sql]"')
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import dechaff  # noqa: E402
from conftest import SAMPLES  # noqa: E402
from dechaff.spark import clean_dataframe  # noqa: E402

PAGES = sorted(SAMPLES.glob("*/*.html.gz"))
EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "spark_clean.py"
FIELDS = ("status", "title", "author", "date", "lang", "text", "words", "error")


def expected_by_name() -> dict[str, dict]:
    return {p.name: dechaff.clean(gzip.decompress(p.read_bytes())) for p in PAGES}


def written(out: pathlib.Path) -> dict[str, dict]:
    rows = [json.loads(line) for part in out.glob("part-*") for line in part.read_text().splitlines()]
    return {pathlib.PurePosixPath(row["id"]).name: row for row in rows}


def assert_same(rows: dict[str, dict]) -> None:
    expected = expected_by_name()
    assert set(rows) == set(expected)
    for name, record in expected.items():
        for field in FIELDS:
            # Spark's JSON writer leaves out null fields.
            assert rows[name].get(field) == record[field], (name, field)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_binary_files_through_map_in_arrow(spark, tmp_path):
    pages = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", "*.html.gz")
        .option("recursiveFileLookup", "true")
        .load(str(SAMPLES))
        .repartition(3)
    )
    clean_dataframe(pages).write.json(str(tmp_path / "out"))
    assert_same(written(tmp_path / "out"))


def test_a_dataframe_of_strings_with_urls(spark):
    rows = [("<article><p>" + "Words of a page. " * 20 + "</p></article>", f"p{i}", f"https://example.org/{i}") for i in range(5)]
    rows.append(("   ", "bad", None))
    frame = spark.createDataFrame(rows, "html string, id string, url string")
    records = {r["id"]: r for r in clean_dataframe(frame, content="html", id="id", url="url").collect()}
    assert records["p3"]["url"] == "https://example.org/3" and records["p3"]["status"] == "ok"
    assert records["bad"]["status"] == "error"


def test_pages_without_ids_get_unique_ones(spark):
    rows = [("<p>" + f"Page {i} has words enough to be read. " * 5 + "</p>", None) for i in range(8)]
    frame = spark.createDataFrame(rows, "html string, id string").repartition(3)
    ids = [r["id"] for r in clean_dataframe(frame, content="html", id="id").collect()]
    assert len(ids) == 8 and len(set(ids)) == 8


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_spark_submit_to_a_standalone_master_and_worker(tmp_path):
    home = pathlib.Path(pyspark.__file__).parent
    env = dict(os.environ, SPARK_HOME=str(home), SPARK_LOCAL_IP="127.0.0.1",
               SPARK_WORKER_DIR=str(tmp_path / "work"), PYSPARK_PYTHON=sys.executable)
    port = free_port()
    master_url = f"spark://127.0.0.1:{port}"
    spark_class = str(home / "bin" / "spark-class")
    logs = open(tmp_path / "cluster.log", "wb")
    master = subprocess.Popen(
        [spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
         "--port", str(port), "--webui-port", str(free_port())],
        env=env, stdout=logs, stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [spark_class, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
         "--cores", "2", "--memory", "1g", "--webui-port", str(free_port()), master_url],
        env=env, stdout=logs, stderr=subprocess.STDOUT,
    )
    try:
        out = tmp_path / "out"
        done = subprocess.run(
            [str(home / "bin" / "spark-submit"), "--master", master_url,
             "--conf", "spark.ui.enabled=false", str(EXAMPLE), f"file://{SAMPLES}", f"file://{out}"],
            env=env, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert_same(written(out))
        log = (tmp_path / "cluster.log").read_text(errors="replace")
        assert "Asked to launch executor" in log  # the job ran on the worker, not in local mode
    finally:
        for process in (worker, master):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()


def test_the_script_never_writes_over_an_existing_path(tmp_path):
    home = pathlib.Path(pyspark.__file__).parent
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / "a.html"
    page.write_bytes(b"<article><p>" + b"A page that must survive. " * 10 + b"</p></article>")
    done = subprocess.run(
        [str(home / "bin" / "spark-submit"), "--master", "local[1]", "--conf", "spark.ui.enabled=false",
         str(EXAMPLE), f"file://{pages}", f"file://{pages}"],
        env=dict(os.environ, SPARK_LOCAL_IP="127.0.0.1"), capture_output=True, text=True, timeout=300,
    )
    assert done.returncode != 0
    assert "PATH_ALREADY_EXISTS" in done.stdout + done.stderr
    assert sorted(p.name for p in pages.iterdir()) == ["a.html"]
    assert page.read_bytes().startswith(b"<article>")
