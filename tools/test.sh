#!/usr/bin/env bash
# Every test, from a fresh clone: venv and packages, Chromium for the browser tests, the local
# Neo4j launcher (built with Maven from Maven Central; the pytest set-up starts the server on a
# free port and stops it at the end), then pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
CHAINKG_DEV=1 source tools/setup.sh
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
