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
# The compiled build of the extraction modules (graph/compiled.py), made again only when a source
# changed. The tests need it and wait for it. The main job does not: it starts on the Python sources
# (same results, slower) while the build is made in the background; later runs use it. Without a C
# compiler the product keeps running on the sources.
if [ "${CHAINKG_DEV:-0}" = "1" ]; then
    "$root/.venv/bin/python" "$root/tools/compile.py" || { echo "setup: compiling the extraction modules failed" >&2; exit 1; }
elif ! "$root/.venv/bin/python" "$root/tools/compile.py" --check 2>/dev/null; then
    mkdir -p "$root/build"
    echo "setup: compiling the extraction modules in the background (log: build/compile.log)" >&2
    nohup "$root/.venv/bin/python" "$root/tools/compile.py" >"$root/build/compile.log" 2>&1 </dev/null &
fi
