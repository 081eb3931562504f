#!/bin/sh
# Serve the API on http://127.0.0.1:8000 (SERVICE_BIND to change), set up on first use:
# creates .venv with python3 (3.11+) if missing and installs requirements.txt into it.
set -eu
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements.txt
exec .venv/bin/python -m gunicorn -c gunicorn.conf.py "$@"
