#!/bin/sh
# Run the whole test suite, set up on first use: creates .venv with python3 (3.11+) if missing
# and installs requirements-dev.txt into it. Arguments go to pytest (e.g. -q, -k health).
set -eu
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
