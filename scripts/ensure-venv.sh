#!/usr/bin/env bash
# Create .venv and install onrecord (with its dev tools) into it, unless that is already done.
# Everything comes from the package index, the spaCy model included; nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
stamp=.venv/.onrecord-installed
if [ ! -x .venv/bin/python ]; then
  echo "onrecord: creating .venv" >&2
  "$PY" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "onrecord: installing onrecord and its dependencies into .venv" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip >&2
  .venv/bin/python -m pip install --quiet -e ".[dev]" >&2
  touch "$stamp"
fi
