#!/usr/bin/env bash
# Builds the Python package into fresh virtual environments, with the pipelines its adapters
# plug into (from PyPI), and runs its tests against the command line built by `cargo build`.
#
# Two environments, because NeMo Curator's pinned packages (tests/requirements-nemo.txt, PyTorch
# left out) conflict with PySpark's: target/python-venv runs every test but NeMo Curator's,
# target/python-venv-nemo runs those.
#
# Usage: bash python/test.sh [PYTEST ARGS]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-venv
nemo=target/python-venv-nemo
cargo build --quiet

python3 -m venv --clear "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
# pandas < 3: PySpark 4.3 does not support pandas 3 yet. dateparser: Dolma's WARC pipeline
# needs it without declaring it.
"$venv/bin/pip" install --quiet ./python "pytest>=7" \
  datatrove "dolma[warc]" dateparser "pyspark[sql]" "pandas<3" "ray[data]"

python3 -m venv --clear "$nemo"
"$nemo/bin/pip" install --quiet --upgrade pip
"$nemo/bin/pip" install --quiet --no-deps -r python/tests/requirements-nemo.txt
"$nemo/bin/pip" install --quiet --no-deps ./python

cd python
# The records are compared with this build's command line. Spark's Python workers must use the
# environment's interpreter; Ray's token warning is noise.
export DECHAFF_BIN="$PWD/../target/debug/dechaff" PYSPARK_PYTHON="$PWD/../$venv/bin/python"
export RAY_AUTH_MODE=disabled
"../$venv/bin/python" -m pytest -q tests --ignore=tests/test_nemo_curator.py "$@"
"../$nemo/bin/python" -m pytest -q tests/test_nemo_curator.py "$@"
