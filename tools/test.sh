#!/usr/bin/env bash
# Every test, from a fresh clone: venv and packages, Chromium for the browser tests, the local Neo4j
# launcher (built with Maven from Maven Central; the pytest set-up starts the server on a free port
# and stops it at the end), then pytest. Extra arguments go to pytest.
#
#   tools/test.sh            every test (CI runs this)
#   tools/test.sh --fast     the fast tier: no Neo4j, no browser, no wheel install (about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
CHAINKG_DEV=1 source tools/setup.sh
if [ "${1:-}" = "--fast" ]; then
    shift
    exec .venv/bin/python -m pytest -m "not neo4j and not browser and not wheel" "$@"
fi
# Debian's chromium drives the browser tests; fonts-noto-cjk renders Chinese in screenshots and PNG exports.
missing=""
for pkg in chromium fonts-noto-cjk; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "test: installing Debian packages:$missing" >&2
    sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq $missing >/dev/null
fi
.venv/bin/python -c "from chainkg import local_neo4j; local_neo4j.build(quiet=True)"
exec .venv/bin/python -m pytest "$@"
