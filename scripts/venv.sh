# Sourced by serve.sh and test.sh: `ensure_venv REQUIREMENTS_FILE` makes .venv and installs
# the file into it, skipping pip when the requirement files are unchanged since the last install.
ensure_venv() {
    if [ ! -x .venv/bin/python ]; then
        python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
            || { echo "Python 3.11 or newer is needed as python3" >&2; exit 1; }
        python3 -m venv .venv
    fi
    stamp=".venv/.installed-$1"
    if ! cat requirements*.txt | cmp -s - "$stamp"; then
        .venv/bin/python -m pip install --disable-pip-version-check -q -r "$1"
        cat requirements*.txt > "$stamp"
    fi
}
