#!/usr/bin/env bash
# Sourced by run.sh and test.sh: make .venv and install chainkg into it (with the dev extra when
# CHAINKG_DEV=1). Re-running is cheap: pip is skipped while pyproject.toml is unchanged.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The interpreter: $PYTHON if set; else the distribution's /usr/bin/python3 if it is 3.11 or newer
# with venv (Debian builds CPython with profile-guided optimisation and libpython linked in:
# extraction runs 10-17% faster than on a default source build such as pyenv's); else python3.
python="${PYTHON:-}"
if [ -z "$python" ]; then
    python=python3
    if /usr/bin/python3 -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        python=/usr/bin/python3
    fi
fi
if [ ! -x "$root/.venv/bin/python" ]; then
    echo "setup: creating $root/.venv" >&2
    "$python" -m venv "$root/.venv"
fi
extra="[native]"
[ "${CHAINKG_DEV:-0}" = "1" ] && extra="[dev,native]"
stamp="$root/.venv/.chainkg-installed$extra"
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
    echo "setup: installing chainkg$extra into .venv" >&2
    "$root/.venv/bin/python" -m pip install --quiet --upgrade pip
    "$root/.venv/bin/python" -m pip install --quiet -e "$root$extra"
    touch "$stamp"
fi
# The compiled build of the extraction modules (graph/compiled.py): made again only when a source
# changed. Without a C compiler the product still runs, on the Python sources; the tests need it.
if ! "$root/.venv/bin/python" "$root/tools/compile.py"; then
    [ "${CHAINKG_DEV:-0}" = "1" ] && { echo "setup: compiling the extraction modules failed" >&2; exit 1; }
    echo "setup: compiling failed; extraction runs on the Python sources (slower, same results)" >&2
fi
