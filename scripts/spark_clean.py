#!/usr/bin/env python3
"""Cleans a directory of WARC, JSONL or HTML files on Spark by piping its files through the
dechaff binary, and checks the result against one dechaff run on one machine.

Each Spark task runs one `dechaff clean` process over its share of the files (whole files, in
input order) and streams the process's JSONL output back; the tasks' outputs, in partition
order, are written as the part files of the output directory. `--relative-to` gives every
file the id it gets when dechaff walks the whole directory, and dechaff keeps input order, so
the part files concatenated in order are byte for byte the output of

    dechaff clean INPUT_DIR -o single.jsonl

which `--check` verifies. See docs/scale-out.md.

    pip install pyspark          # Spark 4 needs Java 17 or later
    python3 scripts/spark_clean.py INPUT_DIR OUTPUT_DIR [--dechaff PATH] [--partitions N] [--check] [-- DECHAFF FLAGS]

The dechaff binary must exist at the same path on every worker (local mode: this machine).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# The extensions dechaff reads when it walks a directory (src/vocab/input.rs PAGE_EXTENSIONS), each
# optionally compressed.
PAGE_EXTENSIONS = {"html", "htm", "xhtml", "shtml", "txt", "jsonl", "ndjson", "warc"}
COMPRESSED = (".gz", ".zst")


def is_page_file(name):
    name = name.lower()
    for suffix in COMPRESSED:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return "." in name and name.rsplit(".", 1)[1] in PAGE_EXTENSIONS


def walk(root):
    """The files dechaff reads from `root`, in its order: entries of each directory sorted by
    name as bytes, files and directories together, depth first; hidden entries skipped."""
    out = []

    def visit(directory):
        with os.scandir(directory) as entries:
            names = sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: os.fsencode(e.name))
        for entry in names:
            if entry.is_dir(follow_symlinks=True):
                visit(entry.path)
            elif entry.is_file(follow_symlinks=True) and is_page_file(entry.name):
                # FIFOs, sockets and devices are skipped, as dechaff skips them.
                out.append(entry.path)

    visit(root)
    return out


# What a Spark text output directory holds: part files, the success marker and their checksums.
SPARK_OUTPUT_NAMES = ("part-", "_SUCCESS", ".part-", "._SUCCESS")


def check_output_dir(input_dir, output_dir):
    """Refuses (exit status 2) an output directory that is, holds or lies in the input, or that
    holds files this script did not write; returns whether an earlier output is to be replaced."""
    source = os.path.realpath(input_dir)
    target = os.path.realpath(output_dir)
    if target == source or target.startswith(source + os.sep) or source.startswith(target + os.sep):
        print(f"spark_clean: the output {output_dir} is, holds or lies in the input {input_dir}: refusing", file=sys.stderr)
        sys.exit(2)
    if not os.path.lexists(output_dir):
        return False
    if not os.path.isdir(output_dir):
        print(f"spark_clean: the output {output_dir} exists and is not a directory: refusing", file=sys.stderr)
        sys.exit(2)
    names = os.listdir(output_dir)
    foreign = [n for n in names if not n.startswith(SPARK_OUTPUT_NAMES)]
    if foreign or (names and "_SUCCESS" not in names):
        print(
            f"spark_clean: {output_dir} holds files this script did not write ({', '.join(sorted(foreign)[:3]) or 'no _SUCCESS marker'}): "
            "give a new or empty directory",
            file=sys.stderr,
        )
        sys.exit(2)
    return bool(names)


def clean_partition(dechaff, root, extra):
    def run(files):
        files = list(files)
        if not files:
            return
        command = [dechaff, "clean", "--quiet", "--threads", "1", "--relative-to", root] + extra + files
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for line in process.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        stderr = process.stderr.read()
        # Exit status 1 means some input could not be read; its error record is in the output.
        if process.wait() not in (0, 1):
            raise RuntimeError(f"dechaff failed on {files}: {stderr.decode(errors='replace')}")

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--dechaff", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "dechaff"))
    parser.add_argument("--partitions", type=int, default=0, help="Spark partitions (default: one per file, at most 4 x cores)")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--check", action="store_true", help="compare with one dechaff run over the whole directory")
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    # After `--`: more `dechaff clean` flags for every run, such as --keep-all.
    args.dechaff_args = extra

    replace = check_output_dir(args.input_dir, args.output_dir)

    from pyspark.sql import SparkSession

    root = os.path.normpath(args.input_dir)
    dechaff = os.path.abspath(args.dechaff)
    files = walk(root)
    if not files:
        sys.exit(f"no page files under {root}")
    spark = SparkSession.builder.master(args.master).appName("dechaff-clean").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    partitions = args.partitions or min(len(files), 4 * sc.defaultParallelism)
    # parallelize keeps the list's order: partition i holds a contiguous run of files.
    lines = sc.parallelize(files, partitions).mapPartitions(clean_partition(dechaff, root, args.dechaff_args))
    if replace:
        # Only an earlier output of this script (part files and _SUCCESS) is ever removed.
        print(f"spark_clean: replacing the earlier output in {args.output_dir}", file=sys.stderr)
        shutil.rmtree(args.output_dir)
    elif os.path.isdir(args.output_dir):
        os.rmdir(args.output_dir)
    lines.saveAsTextFile(args.output_dir)
    spark.stop()

    parts = sorted(p for p in os.listdir(args.output_dir) if p.startswith("part-"))
    records = sum(sum(1 for _ in open(os.path.join(args.output_dir, p), "rb")) for p in parts)
    print(f"spark: {len(files)} files in {partitions} partitions -> {records} records in {len(parts)} part files under {args.output_dir}")

    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            single = os.path.join(tmp, "single.jsonl")
            subprocess.run([dechaff, "clean", "--quiet", root, "-o", single] + args.dechaff_args, check=False)
            with open(single, "rb") as f:
                expected = f.read()
        got = b"".join(open(os.path.join(args.output_dir, p), "rb").read() for p in parts)
        if got == expected:
            count = expected.count(b"\n")
            flags = "".join(" " + a for a in args.dechaff_args)
            print(f"check: the part files in order equal `dechaff clean {root}{flags}` byte for byte ({len(expected)} bytes, {count} records)")
        else:
            print("check: FAILED: the Spark output differs from the single run", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
