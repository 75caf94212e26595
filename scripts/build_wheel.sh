#!/usr/bin/env bash
# Build runstrong's wheel with the planning engine (runstrong.domain) compiled by mypyc, into the
# folder given (default dist/). Usage: scripts/build_wheel.sh [OUT_DIR] [PYTHON]
#
# It builds from a copy of the sources: mypyc leaves its extension modules next to the .py files
# it compiles, and in the working tree they would shadow the sources of the editable install.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
python=${2:-.venv/bin/python}
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar --exclude=__pycache__ --exclude='*.so' -cf - pyproject.toml README.md src | tar -C "$copy" -xf -
HATCH_BUILD_HOOK_ENABLE_MYPYC=1 "$python" -m pip wheel --quiet --disable-pip-version-check \
    --no-deps --wheel-dir "$out" "$copy"
