"""Clean a crawl with Spark: pages read by Spark, cleaned on the executors, written by Spark.

    spark-submit --master spark://HOST:7077 python/examples/spark_clean.py INPUT OUTPUT [--format markdown] [--comments]

INPUT is a directory or glob of HTML files (`*.html`, `*.htm`, gzipped or not), or of JSONL
files when `--jsonl` is given (records with `html` or `text`, and `url`, `id`), on any file
system Spark reaches (`hdfs://`, `s3a://`, `file://`). OUTPUT is a new directory there, written
as JSON part files by Spark's writer, which fails rather than touch an existing path: the
script never deletes or replaces anything. Every
executor needs the `dechaff` package (`pip install ./python` there, or an environment shipped
with `--archives`). The master is the one spark-submit is given.
"""

import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from dechaff.spark import clean_dataframe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--jsonl", action="store_true", help="INPUT holds JSONL records")
    parser.add_argument("--format", choices=["text", "markdown"], default="text")
    parser.add_argument("--comments", action="store_true")
    parser.add_argument("--preset", choices=["balanced", "precision", "recall"], default="balanced")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("dechaff").getOrCreate()
    options = {"format": args.format, "comments": args.comments, "preset": args.preset}
    if args.jsonl:
        pages = spark.read.json(args.input)
        if "text" in pages.columns and "html" not in pages.columns:
            kind, content = "text", "text"
        else:
            kind, content = "html", "html"
        if "id" not in pages.columns:
            pages = pages.withColumn("id", F.concat(F.input_file_name(), F.lit(":"), F.monotonically_increasing_id()))
        records = clean_dataframe(
            pages, content=content, id="id", url="url" if "url" in pages.columns else None, kind=kind, **options
        )
    else:
        pages = (
            spark.read.format("binaryFile")
            .option("pathGlobFilter", "*.{html,htm,html.gz,htm.gz}")
            .option("recursiveFileLookup", "true")
            .load(args.input)
        )
        records = clean_dataframe(pages, content="content", id="path", **options)
    records.write.mode("errorifexists").json(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
